import { describe, expect, it } from 'vitest';
import { elementWithOwnText } from '../../../../sites/page/dom';
import { parseHtml } from '../pages';

describe('elementWithOwnText', () => {
  it('finds the element by its own text, headings first', () => {
    const doc = parseHtml('<section><p>Jana Beispiel</p><div><span>Jana Beispiel</span></div><h2>Jana Beispiel</h2></section>');
    const section = doc.querySelector('section');
    expect(section && elementWithOwnText(section, 'Jana Beispiel')?.tagName).toBe('H2');
    const withoutHeading = parseHtml('<section><div><p>Jana Beispiel <b>✓</b></p></div></section>').querySelector('section');
    expect(withoutHeading && elementWithOwnText(withoutHeading, 'Jana Beispiel')?.tagName).toBe('P');
  });
});
