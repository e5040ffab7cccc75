import { describe, expect, it } from 'vitest';
import { confirmsWord } from '../../../components/dashboard/DeleteAllDialog';
import { minutesToTime, timeToMinutes } from '../../../components/dashboard/format';
import { fileSizeProblem, isJsonStart } from '../../../components/dashboard/import-model';
import { dashboardPath, parseRoute, routeHref, type Route } from '../../../components/dashboard/route';
import { MAX_IMPORT_BYTES } from '../../../domain/import-text';
import { profileFromAddress } from '../../../sites';
import { profileSchema } from '../../../domain/model';

describe('hash routes', () => {
  it('reads every page, and anything else as everyone', () => {
    expect(parseRoute('')).toEqual({ page: 'list', due: false });
    expect(parseRoute('#/')).toEqual({ page: 'list', due: false });
    expect(parseRoute('#/due')).toEqual({ page: 'list', due: true });
    expect(parseRoute('#/import')).toEqual({ page: 'import' });
    expect(parseRoute('#/export')).toEqual({ page: 'export' });
    // The popup's "Back up now": the export page, starting the download.
    expect(parseRoute('#/export/now')).toEqual({ page: 'export', now: true });
    expect(dashboardPath({ page: 'export', now: true })).toBe('/dashboard.html#/export/now');
    expect(parseRoute('#/settings')).toEqual({ page: 'settings' });
    expect(parseRoute('#/duplicates')).toEqual({ page: 'duplicates' });
    expect(parseRoute('#/introductions')).toEqual({ page: 'introductions' });
    expect(parseRoute('#/nonsense/here')).toEqual({ page: 'list', due: false });
    expect(parseRoute('#/contact/')).toEqual({ page: 'list', due: false });
    expect(parseRoute('#/contact/%E0%A4%A')).toEqual({ page: 'list', due: false });
  });

  it('round-trips contact ids, as the background builds them', () => {
    const routes: Route[] = [
      { page: 'contact', id: '3f1c0c6e-0a4b-4f59-9a57-1f0f3f1a2b3c' },
      { page: 'contact', id: 'odd/id with spaces#and?marks' },
      { page: 'list', due: true },
      { page: 'settings' },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
    expect(parseRoute(`#/contact/${encodeURIComponent('a/b c')}`)).toEqual({ page: 'contact', id: 'a/b c' });
  });

  it('gives the background and the popup the page to open', () => {
    expect(dashboardPath({ page: 'list', due: false })).toBe('/dashboard.html');
    expect(dashboardPath({ page: 'list', due: true })).toBe('/dashboard.html#/due');
    expect(dashboardPath({ page: 'import' })).toBe('/dashboard.html#/import');
    expect(dashboardPath({ page: 'contact', id: 'a/b c' })).toBe('/dashboard.html#/contact/a%2Fb%20c');
  });
});

describe('profile addresses typed into "Add contact"', () => {
  it('recognises LinkedIn and XING profiles with the site adapters\' keys', () => {
    expect(profileFromAddress('https://www.xing.com/profile/Sofia_Probst')).toEqual({
      site: 'xing',
      key: 'sofia_probst',
      url: 'https://www.xing.com/profile/Sofia_Probst',
    });
    expect(profileFromAddress('xing.com/profiles/Jörg_Weiß2/cv')).toEqual({
      site: 'xing',
      key: 'jörg_weiß2',
      url: 'https://www.xing.com/profile/J%C3%B6rg_Wei%C3%9F2',
    });
    expect(profileFromAddress(' https://de.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-b4792a57/ ')).toMatchObject({
      site: 'linkedin',
      key: 'jürgen-müller-b4792a57',
    });
    for (const text of ['https://www.xing.com/profile/Sofia_Probst', 'linkedin.com/in/anna-schmidt']) {
      const profile = profileFromAddress(text);
      expect(() => profileSchema.shape.url.parse(profile?.url)).not.toThrow();
    }
  });

  it('refuses anything else', () => {
    for (const text of ['', 'Sofia Probst', 'https://www.xing.com/jobs/123', 'https://xing.com.evil.example/profile/A_B', 'javascript:alert(1)', 'https://www.xing.com/profile/<script>']) {
      expect(profileFromAddress(text), text).toBeNull();
    }
  });
});

describe('import files', () => {
  it('refuses empty and impossibly large files before reading them', () => {
    expect(fileSizeProblem(0)).toMatchObject({ key: 'importEmpty' });
    expect(fileSizeProblem(MAX_IMPORT_BYTES + 1)).toMatchObject({ key: 'importTooLarge', params: ['160.0', 40] });
    expect(fileSizeProblem(1_000)).toBeNull();
  });

  it('tells a backup from a connections file by its content', () => {
    expect(isJsonStart('\uFEFF  {"format":"tiekeeper-backup"}')).toBe(true);
    expect(isJsonStart('[]')).toBe(true);
    expect(isJsonStart('Notes:\n"..."\n\nFirst Name,Last Name,URL')).toBe(false);
  });
});

describe('small helpers', () => {
  it('converts quiet hours between minutes and time fields', () => {
    expect(minutesToTime(21 * 60)).toBe('21:00');
    expect(minutesToTime(8 * 60 + 5)).toBe('08:05');
    expect(timeToMinutes('07:30')).toBe(450);
    expect(timeToMinutes('23:59:00')).toBe(1439);
    expect(timeToMinutes('')).toBeNull();
    expect(timeToMinutes('25:00')).toBeNull();
  });

  it('accepts the typed confirmation word whatever its case', () => {
    expect(confirmsWord(' löschen ', 'LÖSCHEN')).toBe(true);
    expect(confirmsWord('DELETE', 'LÖSCHEN')).toBe(false);
    expect(confirmsWord('', 'DELETE')).toBe(false);
  });
});
