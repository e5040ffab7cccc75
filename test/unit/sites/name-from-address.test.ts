import { describe, expect, it } from 'vitest';
import { nameFromAddress } from '../../../sites';

describe('a name guessed from a profile address', () => {
  it.each([
    ['https://www.linkedin.com/in/jana-beispiel-4a1b2c/', 'Jana Beispiel'],
    ['linkedin.com/in/j%C3%BCrgen-m%C3%BCller/', 'Jürgen Müller'],
    ['https://www.xing.com/profile/Jana_Beispiel2', 'Jana Beispiel'],
    ['https://www.linkedin.com/in/anna-von-der-heide/', 'Anna Von Der Heide'],
    ['https://www.xing.com/profile/Lars_McDonald', 'Lars McDonald'],
  ])('%s -> %s', (address, name) => {
    expect(nameFromAddress(address)).toBe(name);
  });

  it.each([
    'https://www.linkedin.com/in/jeffweiner08',
    'https://www.linkedin.com/in/ACoAABexample123/',
    'https://www.linkedin.com/feed/',
    'not an address',
  ])('guesses nothing from %s', (address) => {
    expect(nameFromAddress(address)).toBeNull();
  });
});
