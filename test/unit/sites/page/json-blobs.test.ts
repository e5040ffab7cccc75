import { describe, expect, it } from 'vitest';
import { jsonObjectAround, jsonObjectsWithField } from '../../../../sites/page/json-blobs';

describe('JSON objects in data blobs, found by a key and parsed alone', () => {
  const blob = JSON.stringify({
    data: { note: 'a string with { and } and \\" inside', list: [1, { a: '}' }] },
    included: [
      { publicIdentifier: 'lukas', firstName: 'Lukas', nested: { publicIdentifier: 'max', firstName: 'Max' } },
      { lastName: 'Beispiel', picture: { sizes: [100, 200] }, publicIdentifier: 'jana', firstName: 'Jana' },
    ],
  });

  it('yields the innermost object around each matching key, skipping braces in strings', () => {
    const found = [...jsonObjectsWithField(blob, 'publicIdentifier', (value) => value === 'jana')];
    expect(found).toEqual([{ lastName: 'Beispiel', picture: { sizes: [100, 200] }, publicIdentifier: 'jana', firstName: 'Jana' }]);
    const nested = [...jsonObjectsWithField(blob, 'publicIdentifier', (value) => value === 'max')];
    expect(nested).toEqual([{ publicIdentifier: 'max', firstName: 'Max' }]);
    expect([...jsonObjectsWithField(blob, 'publicIdentifier', () => true)].map((object) => object.firstName)).toEqual([
      'Lukas',
      'Max',
      'Jana',
    ]);
  });

  it('skips keys whose value is no string, and unbalanced or broken objects', () => {
    expect([...jsonObjectsWithField('{"publicIdentifier":{"type":"string"}}', 'publicIdentifier', () => true)]).toEqual([]);
    expect([...jsonObjectsWithField('{"a":1,"publicIdentifier":"jana"', 'publicIdentifier', () => true)]).toEqual([]);
    expect([...jsonObjectsWithField('["publicIdentifier","jana"]', 'publicIdentifier', () => true)]).toEqual([]);
  });

  it('reads strings with raw line breaks (re-wrapped saved pages)', () => {
    const text = '{"x":{"headline":"Head of\n   Data","publicIdentifier":"jana"}}';
    expect(jsonObjectAround(text, text.indexOf('"publicIdentifier"'))).toEqual({ headline: 'Head of    Data', publicIdentifier: 'jana' });
  });
});
