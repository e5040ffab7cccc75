import { describe, expect, it } from 'vitest';
import { badgeAnchorFor, findNameElement } from '../../../../sites/page/badge-anchor';
import { parseHtml } from '../pages';

describe('badgeAnchorFor: beside the link that wraps only the name', () => {
  it('places the badge beside a link that wraps only the name, not inside it', () => {
    const doc = parseHtml('<div><a href="/in/jana/"><div><h2>Jana Beispiel</h2></div></a><p>She/Her</p></div>');
    const heading = doc.querySelector('h2');
    expect(heading && badgeAnchorFor(heading).tagName).toBe('A');
  });

  it('keeps the heading when the link around it holds more than the name', () => {
    const doc = parseHtml('<a href="/in/jana/"><h1>Jana Beispiel</h1><span>2nd</span></a>');
    const heading = doc.querySelector('h1');
    expect(heading && badgeAnchorFor(heading).tagName).toBe('H1');
  });
});

describe('findNameElement: the element showing the name, whatever the markup', () => {
  const body = (html: string) => parseHtml(`<!DOCTYPE html><html><head><title>Jana Beispiel | LinkedIn</title></head><body>${html}</body></html>`);
  const find = (html: string, name = 'Jana Beispiel') => findNameElement(body(html), name);

  it('takes the first element whose own text is the name, white space collapsed', () => {
    const found = find('<div><span>Head of Data</span><div class="x">\n   Jana\u00a0 Beispiel\n </div><p>Jana Beispiel</p></div>');
    expect(found?.getAttribute('class')).toBe('x');
  });

  it('prefers a heading (h1, h2, role=heading) that closely follows the first match', () => {
    expect(find('<p>Jana Beispiel</p><h2>Jana Beispiel</h2>')?.tagName).toBe('H2');
    expect(find('<span>Jana Beispiel</span><div role="heading" aria-level="1">Jana Beispiel</div>')?.getAttribute('role')).toBe('heading');
    // A heading far down the page (a post, a "people also viewed" card) does not outrank the match.
    const filler = '<p>filler</p>'.repeat(300);
    expect(find(`<p>Jana Beispiel</p>${filler}<h2>Jana Beispiel</h2>`)?.tagName).toBe('P');
  });

  it('takes the innermost element, or the heading wrapping only it, never a wrapper around more', () => {
    expect(find('<div><div><span>Jana Beispiel</span></div><p>Hamburg</p></div>')?.tagName).toBe('SPAN');
    expect(find('<h1><span><span>Jana Beispiel</span></span></h1>')?.tagName).toBe('H1');
    expect(find('<p>Jana Beispiel <b>✓</b></p>')?.tagName).toBe('P');
  });

  it('finds a name split into several text nodes or inline elements', () => {
    expect(find('<h2>Jana<!-- --> <!-- -->Beispiel</h2>')?.tagName).toBe('H2');
    expect(find('<div><h1><span>Jana</span> <span>Beispiel</span></h1></div>')?.tagName).toBe('H1');
    // The first name alone, in a text that goes on differently, is not the name.
    expect(find('<p><span>Jana</span> Beispielfrau</p><p>Jana</p>')).toBeNull();
  });

  it('skips the head, data, scripts, templates and hidden elements', () => {
    const hidden = [
      '<code style="display: none">Jana Beispiel</code>',
      '<script type="application/json">Jana Beispiel</script>',
      '<template><h1>Jana Beispiel</h1></template>',
      '<noscript>Jana Beispiel</noscript>',
      '<div hidden><h1>Jana Beispiel</h1></div>',
      '<div style="display:none"><h1>Jana Beispiel</h1></div>',
      '<h2 class="visually-hidden">Jana Beispiel</h2>',
    ];
    for (const html of hidden) expect(find(html), html).toBeNull();
    expect(find(`${hidden.join('')}<p>Jana Beispiel</p>`)?.tagName).toBe('P');
  });

  it('takes aria-hidden elements only when nothing else shows the name', () => {
    expect(find('<div aria-hidden="true"><h1>Jana Beispiel</h1></div><p>Jana Beispiel</p>')?.tagName).toBe('P');
    // A modal dialog hides the whole page behind it from screen readers (the 2024 guest page).
    expect(find('<main aria-hidden="true"><p>Jana Beispiel</p><h1>Jana Beispiel</h1></main>')?.tagName).toBe('H1');
  });

  it('searches <main> when the page has one: the sticky header and the nav are outside', () => {
    const doc = body('<header><p>Jana Beispiel</p></header><main><section><p>Head of Data</p></section></main>');
    expect(findNameElement(doc, 'Jana Beispiel')).toBeNull();
    const withName = body('<header><p>Jana Beispiel</p></header><main><div><p>Jana Beispiel</p></div></main>');
    expect(withName.querySelector('main')?.contains(findNameElement(withName, 'Jana Beispiel'))).toBe(true);
  });

  it('never matches the title or a longer text, and needs a plausible name', () => {
    expect(find('<p>Jana Beispiel, MBA</p><p>Über Jana Beispiel</p>')).toBeNull();
    expect(find('<h1>Profil bearbeiten</h1>', 'Profil bearbeiten')).toBeNull();
    expect(find('<h1>Jana Beispiel</h1>', '')).toBeNull();
    expect(findNameElement(body('<h1>Jana Beispiel</h1>'), undefined)).toBeNull();
  });
});
