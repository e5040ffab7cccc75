import { describe, expect, it } from 'vitest';
import { parseConnections } from '../../../domain/connections';
import { contactSchema } from '../../../domain/model';
import { profileRefSchema } from '../../../messaging/protocol';
import { cleanText } from '../../../sites/page/text';
import { visibleText } from '../../../domain/text';

const SPOOFED = '\u202eJana Evil\u202c\u200b\u2066\u200e';

describe('names and headlines from outside', () => {
  it('lose bidi controls and invisible characters, and keep emoji sequences', () => {
    expect(visibleText(SPOOFED)).toBe('Jana Evil');
    expect(visibleText('Dev 👩\u200d💻\ufeff')).toBe('Dev 👩\u200d💻');
  });

  it('are cleaned on the page, in a message, in Connections.csv and in a backup', () => {
    expect(cleanText(` ${SPOOFED} `)).toBe('Jana Evil');
    expect(profileRefSchema.parse({ site: 'linkedin', key: 'jana', url: 'https://www.linkedin.com/in/jana/', name: SPOOFED, headline: `CEO${SPOOFED}` })).toMatchObject({
      name: 'Jana Evil',
      headline: 'CEOJana Evil',
    });
    const csv = `First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\u202eJana,Evil\u200b,https://www.linkedin.com/in/jana-evil,,Acme\u2066,Boss,15 Jun 2026\n`;
    const parsed = parseConnections(csv);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.value.rows[0]).toMatchObject({ name: 'Jana Evil', company: 'Acme' });
    expect(contactSchema.shape.displayName.parse(SPOOFED)).toBe('Jana Evil');
  });
});

describe('a profile named by a page', () => {
  it('must come with its own address', () => {
    const anna = { site: 'linkedin', key: 'anna-schmidt', url: 'https://www.linkedin.com/in/anna-schmidt/' };
    expect(profileRefSchema.safeParse(anna).success).toBe(true);
    expect(profileRefSchema.safeParse({ ...anna, url: 'https://www.linkedin.com/in/ben-otto/' }).success).toBe(false);
    expect(profileRefSchema.safeParse({ ...anna, site: 'xing' }).success).toBe(false);
    expect(profileRefSchema.safeParse({ ...anna, url: 'https://www.xing.com/profile/Anna_Schmidt' }).success).toBe(false);
  });
});
