import type { CDPSession, Page } from 'playwright-core';

/**
 * Reads and drives UI inside a CLOSED shadow root through the DevTools protocol, as a user's
 * mouse and keyboard would: the page's scripts (and Playwright's CSS locators) cannot see it.
 */
interface DomNode {
  nodeId: number;
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
  contentDocument?: DomNode;
}

export class ClosedShadow {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
    /** What the shadow root holds: hosts are found by their content, not by any mark the page could see. */
    private readonly marker: string,
  ) {}

  static async of(page: Page, marker: string): Promise<ClosedShadow> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    return new ClosedShadow(page, cdp, marker);
  }

  /** The closed shadow roots in the document that hold the marker. */
  private async roots(): Promise<number[]> {
    const { root } = await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const closed: number[] = [];
    const walk = (node: DomNode) => {
      for (const shadow of node.shadowRoots ?? []) {
        if (shadow.shadowRootType === 'closed') closed.push(shadow.nodeId);
        walk(shadow);
      }
      for (const child of node.children ?? []) walk(child);
    };
    walk(root as DomNode);
    const found: number[] = [];
    for (const nodeId of closed) {
      const { nodeId: hit } = await this.cdp.send('DOM.querySelector', { nodeId, selector: this.marker });
      if (hit) found.push(nodeId);
    }
    return found;
  }

  /** Waits (polling the DevTools protocol, at most `timeoutMs`) until such a host is in the page. */
  static async appear(page: Page, marker: string, timeoutMs = 10_000): Promise<ClosedShadow> {
    const shadow = await ClosedShadow.of(page, marker);
    const until = Date.now() + timeoutMs;
    while ((await shadow.hostCount()) === 0) {
      if (Date.now() > until) throw new Error(`Nothing holding ${marker} appeared within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return shadow;
  }

  /**
   * Runs `fn` (a function source, `this` bound to the element) on the element matching
   * `selector` in every shadow root holding the marker, in document order; roots without such an
   * element are skipped.
   */
  async callAll<T>(selector: string, fn: string): Promise<T[]> {
    return this.fresh(async () => {
      const values: T[] = [];
      for (const rootId of await this.roots()) {
        const { nodeId } = await this.cdp.send('DOM.querySelector', { nodeId: rootId, selector });
        if (nodeId) values.push(await this.callOn<T>(nodeId, fn));
      }
      return values;
    });
  }

  /** Ends the DevTools session: the page no longer reports its DOM changes to it. */
  async close(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }

  /** How many such shadow hosts the page holds. */
  async hostCount(): Promise<number> {
    return this.fresh(async () => (await this.roots()).length);
  }

  private async shadowRootId(): Promise<number | null> {
    return (await this.roots())[0] ?? null;
  }

  /** The node for `selector` inside the shadow root, or null. */
  async query(selector: string): Promise<number | null> {
    return this.fresh(async () => {
      const rootId = await this.shadowRootId();
      if (rootId === null) return null;
      const { nodeId } = await this.cdp.send('DOM.querySelector', { nodeId: rootId, selector });
      return nodeId || null;
    });
  }

  private async need(selector: string): Promise<number> {
    const nodeId = await this.query(selector);
    if (nodeId === null) throw new Error(`Nothing matches ${selector} in the shadow root holding ${this.marker}`);
    return nodeId;
  }

  /** Runs `fn` (a function source) on the element, `this` bound to it; returns its value. */
  async call<T>(selector: string, fn: string): Promise<T> {
    return this.fresh(async () => this.callOn<T>(await this.need(selector), fn));
  }

  /**
   * The page may replace nodes between two protocol calls (a single-page site re-renders): the
   * ids then name nothing, and the query is made again.
   */
  private async fresh<T>(work: () => Promise<T>, tries = 3): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (tries > 1 && /No node with given id|Could not find node/.test(String(error))) return this.fresh(work, tries - 1);
      throw error;
    }
  }

  private async callOn<T>(nodeId: number, fn: string): Promise<T> {
    const { object } = await this.cdp.send('DOM.resolveNode', { nodeId });
    const { result } = await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: fn,
      returnByValue: true,
    });
    return result.value as T;
  }

  /** The rendered text of `selector` (empty when absent). */
  async text(selector = '.tk-root'): Promise<string> {
    if ((await this.query(selector)) === null) return '';
    return this.call<string>(selector, 'function () { return this.innerText; }');
  }

  /** The first element matching `selector` whose text contains `text`, or null. */
  async queryByText(selector: string, text: string): Promise<number | null> {
    const rootId = await this.shadowRootId();
    if (rootId === null) return null;
    const { nodeIds } = await this.cdp.send('DOM.querySelectorAll', { nodeId: rootId, selector });
    for (const nodeId of nodeIds) {
      if ((await this.callOn<string>(nodeId, 'function () { return this.innerText; }')).includes(text)) return nodeId;
    }
    return null;
  }

  async clickByText(selector: string, text: string): Promise<void> {
    const nodeId = await this.queryByText(selector, text);
    if (nodeId === null) throw new Error(`No ${selector} with text "${text}" in the shadow root holding ${this.marker}`);
    await this.clickNode(nodeId);
  }

  /** Picks an option of a <select>, as choosing it in the list does (a change event). */
  async select(selector: string, value: string): Promise<void> {
    await this.call(
      selector,
      `function () {
        Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(this, ${JSON.stringify(value)});
        this.dispatchEvent(new Event('change', { bubbles: true }));
      }`,
    );
  }

  async attribute(selector: string, name: string): Promise<string | null> {
    return this.call<string | null>(selector, `function () { return this.getAttribute(${JSON.stringify(name)}); }`);
  }

  async value(selector: string): Promise<string> {
    return this.call<string>(selector, 'function () { return this.value; }');
  }

  async exists(selector: string): Promise<boolean> {
    return (await this.query(selector)) !== null;
  }

  /** A real mouse click in the middle of the element. */
  async click(selector: string): Promise<void> {
    await this.clickNode(await this.need(selector));
  }

  private async clickNode(nodeId: number): Promise<void> {
    await this.cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId });
    const { model } = await this.cdp.send('DOM.getBoxModel', { nodeId });
    const [x1, y1, , , x3, y3] = model.border;
    await this.page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2);
  }

  async focus(selector: string): Promise<void> {
    await this.cdp.send('DOM.focus', { nodeId: await this.need(selector) });
  }

  /** Focus the field and type into it, replacing what it held. */
  async fill(selector: string, text: string): Promise<void> {
    await this.focus(selector);
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Backspace');
    if (text) await this.cdp.send('Input.insertText', { text });
  }

  async boundingBox(selector: string): Promise<{ x: number; y: number; width: number; height: number }> {
    const { model } = await this.cdp.send('DOM.getBoxModel', { nodeId: await this.need(selector) });
    const [x1, y1, , , x3, y3] = model.border;
    return { x: x1!, y: y1!, width: x3! - x1!, height: y3! - y1! };
  }
}
