import { describe, expect, it } from 'vitest';
import { isPlausibleName } from '../../../../sites/page/names';

describe('isPlausibleName', () => {
  it.each(['Jana Beispiel', "Austin O'Boyle", 'Anna-Lena Gerner-Mathisen', 'Jürgen Müller', 'Dr. Jana Beispiel, MBA', '李娜', 'Łukasz Żółw', '🚀 Jana Beispiel', '„Jana“ Beispiel'])(
    'takes %j',
    (name) => {
      expect(isPlausibleName(name)).toBe(true);
    },
  );

  it.each([
    'Erfaring',
    'Experience',
    'Berufserfahrung',
    'Profil bearbeiten',
    'PROFIL  BEARBEITEN',
    'Edit profile',
    'LinkedIn',
    'XING',
    'Profile Not Found',
    'Details',
    '',
    '   ',
    'J',
    '12345',
    '· 3rd',
    '3rd',
    '- Jana',
    'Jana Beispiel | LinkedIn',
    'https://www.linkedin.com/in/jana',
    'jana@example.org',
    'Jana Beispiel '.repeat(7),
    'x'.repeat(81),
  ])('refuses %j', (candidate) => {
    expect(isPlausibleName(candidate)).toBe(false);
  });
});
