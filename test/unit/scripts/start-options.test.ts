import { describe, expect, it } from 'vitest';
import { parseStartOptions } from '../../../scripts/start-options';

describe('npm start’s options', () => {
  it('says what is wrong with a mistyped option, a language or a part it does not know', () => {
    expect(parseStartOptions(['--dmeo'], true)).toMatchObject({ ok: false, message: expect.stringContaining("Unknown option '--dmeo'") });
    expect(parseStartOptions(['--demo', '--lang', 'fr'], true)).toEqual({ ok: false, message: 'Tiekeeper speaks en and de, not "fr".' });
    expect(parseStartOptions(['--demo', '--open', 'sidebar'], true)).toEqual({ ok: false, message: '--open takes panel, popup, dashboard, not "sidebar".' });
    expect(parseStartOptions(['--help'], true)).toEqual({ ok: false, message: '', help: true });
  });

  it('saves a screenshot when there is no window, and needs the demo for it', () => {
    expect(parseStartOptions(['--demo', '--headless'], false)).toMatchObject({ ok: true, options: { screenshot: 'tiekeeper-start.png' } });
    expect(parseStartOptions(['--demo', '--headless', '--screenshot', 'a.png', '--open', 'panel', '--lang', 'de'], false)).toEqual({
      ok: true,
      options: { demo: true, headless: true, screenshot: 'a.png', open: 'panel', lang: 'de', dark: false },
    });
    expect(parseStartOptions(['--headless'], false)).toMatchObject({ ok: false, message: expect.stringContaining('need --demo') });
    expect(parseStartOptions(['--demo'], false)).toMatchObject({ ok: false, message: expect.stringContaining('No display found') });
    expect(parseStartOptions(['--demo'], true)).toMatchObject({ ok: true, options: { screenshot: null, open: null } });
  });
});
