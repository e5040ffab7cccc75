import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBadge } from '../../../content/badge';
import type { BadgeView } from '../../../messaging/badge-view';

const overdue: BadgeView = { tone: 'overdue', label: 'Overdue by 2 months', detail: 'Last contact 5 months ago', ariaLabel: 'Tiekeeper, Jana Beispiel: Overdue by 2 months', tooltip: 'Last contact 5 months ago' };

/** The closed shadow root the badge makes, caught as it is attached (the page never gets it). */
function catchRoot(): () => ShadowRoot {
  let root: ShadowRoot | null = null;
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    root = attach.call(this, init);
    return root;
  });
  return () => root!;
}

function textIn(node: Node): string {
  let text = '';
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) text += walker.currentNode.nodeValue;
  return text;
}

describe('the badge on a profile page', () => {
  afterEach(() => document.body.replaceChildren());

  it('is a plain element with a closed shadow root holding no text, its words in attributes for CSS and screen readers', () => {
    const root = catchRoot();
    const name = document.createElement('h1');
    name.textContent = 'Jana Beispiel';
    document.body.append(name);
    const badge = createBadge({ dark: false, onOpen: () => {}, findAnchor: () => name });
    badge.place(name);
    expect(name.nextElementSibling).toBeNull(); // not on the page before it has something to say
    badge.show(overdue);
    const host = name.nextElementSibling!;
    expect(host.tagName).toBe('SPAN');
    expect(host.shadowRoot).toBeNull();
    expect(host.outerHTML).toBe('<span class=""></span>');
    expect(textIn(root())).toBe('');
    const button = root().querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Tiekeeper, Jana Beispiel: Overdue by 2 months');
    expect(button.title).toBe('Last contact 5 months ago');
    expect(root().querySelector<HTMLElement>('.tk-label')!.dataset.label).toBe('Overdue by 2 months');
  });

  it('floats when the name is not known, and opens the panel only on the user’s own click', () => {
    const root = catchRoot();
    const onOpen = vi.fn();
    const badge = createBadge({ dark: true, onOpen, findAnchor: () => null });
    badge.show({ ...overdue, tone: 'new', label: 'Add a note', detail: null });
    expect(badge.floating).toBe(true);
    expect(document.body.lastElementChild?.classList.contains('tk-floating')).toBe(true);
    const button = root().querySelector('button')!;
    expect(button.className).toBe('tk-badge tk-tone-new tk-dark');
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onOpen).not.toHaveBeenCalled();
  });
});
