import { describe, expect, it } from 'vitest';
import {
  CONNECTIONS_HEADER,
  linkedinKeyFromUrl,
  parseConnectedOn,
  parseConnections,
  type ConnectionsFile,
} from '../../../domain/connections';

describe('linkedinKeyFromUrl', () => {
  // The same rule as the LinkedIn adapter's on the page; links keep the slug's spelling.
  it.each([
    ['https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-b4792a57', 'jürgen-müller-b4792a57', 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-b4792a57/'],
    ['www.linkedin.com/in/Foo/', 'foo', 'https://www.linkedin.com/in/Foo/'],
    ['linkedin.com/in/anna-schmidt', 'anna-schmidt', 'https://www.linkedin.com/in/anna-schmidt/'],
    ['https://de.linkedin.com/in/anna-schmidt/de', 'anna-schmidt', 'https://www.linkedin.com/in/anna-schmidt/'],
    ['https://www.linkedin.com/in/anna-schmidt/de_DE/', 'anna-schmidt', 'https://www.linkedin.com/in/anna-schmidt/'],
    ['https://www.linkedin.com/in/anna-schmidt?originalSubdomain=de#about', 'anna-schmidt', 'https://www.linkedin.com/in/anna-schmidt/'],
    ['https://www.linkedin.com/in/anna/details/experience', 'anna', 'https://www.linkedin.com/in/anna/'],
    ['  http://linkedin.com/in/ANNA  ', 'anna', 'https://www.linkedin.com/in/ANNA/'],
    // Decomposed umlaut (u + combining diaeresis) is the same person as the composed one.
    ['https://www.linkedin.com/in/ju%CC%88rgen', 'jürgen', 'https://www.linkedin.com/in/j%C3%BCrgen/'],
    ['https://www.linkedin.com/in/jürgen', 'jürgen', 'https://www.linkedin.com/in/j%C3%BCrgen/'],
  ])('%s -> %s', (raw, key, url) => {
    expect(linkedinKeyFromUrl(raw)).toEqual({ key, url });
  });

  it.each([
    '',
    'https://www.linkedin.com/company/acme',
    'https://www.linkedin.com/in/',
    'https://linkedin.com.evil.example/in/anna',
    'https://evil.example/in/anna',
    'javascript:alert(1)//linkedin.com/in/anna',
    'https://www.linkedin.com/in/%E0%A4%A',
    'not a url at all',
  ])('%s is not a profile', (raw) => {
    expect(linkedinKeyFromUrl(raw)).toBeNull();
  });
});

describe('parseConnectedOn', () => {
  it('reads LinkedIn dates as local midnight', () => {
    expect(parseConnectedOn('15 Jun 2026')).toBe(new Date(2026, 5, 15).getTime());
    expect(parseConnectedOn('1 Mar 2019')).toBe(new Date(2019, 2, 1).getTime());
    expect(parseConnectedOn('  ')).toBeNull();
  });

  it.each(['31 Foo 2026', '31 Feb 2026', '15.06.2026', '2026-06-15', 'Jun 15', '15 Jun 9999', '1 Jan 1970'])('%s is invalid', (text) => {
    expect(parseConnectedOn(text)).toBe('invalid');
  });
});

const realistic = [
  '\uFEFFNotes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing.',
  'You will only see email addresses for connections who have allowed it, see https://www.linkedin.com/psettings/privacy/email."',
  '',
  CONNECTIONS_HEADER,
  'Anna,Schmidt,https://www.linkedin.com/in/anna-schmidt-4711,,"Stadtwerke Bremen, Netze",Hydrologin,15 Jun 2026',
  'Jürgen,Müller,https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-b4792a57,juergen@example.org,"Müller & Söhne ""Holz""",Geschäftsführer,03 Feb 2021',
  ',,,,,,30 Apr 2026',
  'Bea,Keller,,,,,01 Jan 2024',
  'Chris,Lang,www.linkedin.com/in/chris-lang/,,,,',
  'Anna,Schmidt-Weber,https://www.linkedin.com/in/Anna-Schmidt-4711/,,,,16 Jun 2026',
  '',
].join('\r\n');

function parsed(text: string): ConnectionsFile {
  const result = parseConnections(text);
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.problems)}`);
  return result.value;
}

describe('parseConnections', () => {
  it('reads a real-looking export: preamble, BOM, CRLF, quotes, empty rows, rows without URL, repeats', () => {
    const file = parsed(realistic);
    expect(file).toMatchObject({ skippedEmpty: 1, skippedNoUrl: 1, duplicates: 1 });
    expect(file.rows.map((r) => [r.key, r.name, r.line])).toEqual([
      // A repeated URL keeps the later row.
      ['anna-schmidt-4711', 'Anna Schmidt-Weber', 11],
      ['jürgen-müller-b4792a57', 'Jürgen Müller', 7],
      ['chris-lang', 'Chris Lang', 10],
    ]);
    expect(file.rows[1]).toMatchObject({
      email: 'juergen@example.org',
      company: 'Müller & Söhne "Holz"',
      position: 'Geschäftsführer',
      connectedAt: new Date(2021, 1, 3).getTime(),
    });
    expect(file.rows[2]?.connectedAt).toBeNull();
  });

  it('gives the same result for LF line ends and without preamble or BOM', () => {
    const lf = parsed(realistic.replace(/\r\n/g, '\n'));
    const bare = parsed(realistic.slice(realistic.indexOf(CONNECTIONS_HEADER)));
    expect(lf.rows.map((r) => r.key)).toEqual(parsed(realistic).rows.map((r) => r.key));
    expect(bare.rows.map((r) => ({ ...r, line: 0 }))).toEqual(lf.rows.map((r) => ({ ...r, line: 0 })));
  });

  it('finds columns by name, whatever their order', () => {
    const file = parsed('URL,Connected On,Last Name,First Name\nlinkedin.com/in/eva-meier,01 May 2020,Meier,Eva\n');
    expect(file.rows[0]).toMatchObject({ key: 'eva-meier', name: 'Eva Meier', connectedAt: new Date(2020, 4, 1).getTime() });
  });

  it('names the line of a bad row, counting the lines of a quoted preamble', () => {
    const text = realistic.replace('01 Jan 2024', '31 Foo 2026').replace('Chris,Lang,www.linkedin', 'Chris,Lang,www.linkedin.com/company/x/,,,,\nDora,Lang,www.linkedin');
    const result = parseConnections(text);
    expect(result.ok).toBe(false);
    // Bea's row has no URL, so its bad date does not matter; Chris's bad URL is on line 10.
    if (!result.ok) expect(result.problems).toEqual([{ key: 'importCsvBadUrl', params: [10, 'www.linkedin.com/company/x/'] }]);
  });

  it('reports every bad line, capped, with a count of the rest', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `P,${i},linkedin.com/in/p${i},,,,32 Jan 2020`);
    const result = parseConnections([CONNECTIONS_HEADER, ...rows].join('\n'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(21);
    expect(result.problems[0]).toEqual({ key: 'importCsvBadDate', params: [2, '32 Jan 2020'] });
    expect(result.problems[20]).toEqual({ key: 'importMoreProblems', params: [10] });
  });
});
