import type { Page } from 'puppeteer-core';
import type { Bidi } from './harness';

interface RemoteNode {
  type: string;
  sharedId?: string;
  value?: { shadowRoot?: RemoteNode | null; mode?: string };
}

/**
 * Reads and clicks UI inside a CLOSED shadow root through WebDriver BiDi: serialising an element
 * with `includeShadowTree: "all"` hands over its shadow root, closed or not, as a shared
 * reference that later calls can work inside. The page's own scripts cannot do that.
 */
export class FirefoxClosedShadow {
  constructor(
    private readonly bidi: Bidi,
    private readonly page: Page,
    private readonly context: string,
    /** What the shadow root holds: hosts are found by their content, not by a mark the page could see. */
    private readonly marker: string,
  ) {}

  /** The closed shadow roots in the document that hold the marker. */
  private async roots(): Promise<string[]> {
    // Hosts are plain empty elements: only those are serialised, each with its shadow root.
    const { result } = await this.bidi.send('script.callFunction', {
      functionDeclaration: '() => [...document.querySelectorAll("*")].filter((e) => e.childNodes.length === 0)',
      awaitPromise: false,
      target: { context: this.context },
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
    });
    const nodes = ((result as { result: { value?: RemoteNode[] } }).result.value ?? []);
    const closed = nodes.map((node) => node.value?.shadowRoot).filter((root): root is RemoteNode => root?.value?.mode === 'closed' && !!root.sharedId);
    const found: string[] = [];
    for (const root of closed) {
      if (await this.callIn<boolean>(root.sharedId!, `(root) => root.querySelector(${JSON.stringify(this.marker)}) !== null`)) found.push(root.sharedId!);
    }
    return found;
  }

  /** Calls `fn` (a function source) with the shadow root as its argument; returns its value. */
  private async callIn<T>(sharedId: string, fn: string): Promise<T> {
    const { result } = await this.bidi.send('script.callFunction', {
      // Plain data comes back as JSON: BiDi's own serialisation of objects is a list of pairs.
      functionDeclaration: `(root) => JSON.stringify((${fn})(root) ?? null)`,
      arguments: [{ sharedId }],
      awaitPromise: true,
      target: { context: this.context },
      resultOwnership: 'none',
    });
    return JSON.parse((result as { result: { value: string } }).result.value) as T;
  }

  async hostCount(): Promise<number> {
    return (await this.roots()).length;
  }

  /** Runs `fn` (a function source taking the element) on `selector` in the first such root; null when absent. */
  async call<T>(selector: string, fn: string): Promise<T | null> {
    const [root] = await this.roots();
    if (!root) return null;
    return this.callIn<T>(root, `(root) => { const el = root.querySelector(${JSON.stringify(selector)}); return el ? (${fn})(el) : null; }`);
  }

  async attribute(selector: string, name: string): Promise<string | null> {
    return this.call<string>(selector, `(el) => el.getAttribute(${JSON.stringify(name)})`);
  }

  /** A real mouse click in the middle of the element (BiDi input actions, a user's gesture). */
  async click(selector: string): Promise<void> {
    const box = await this.call<{ x: number; y: number }>(selector, `(el) => {
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }`);
    if (!box) throw new Error(`Nothing matches ${selector} in the shadow root holding ${this.marker}`);
    await this.page.mouse.click(box.x, box.y);
  }
}
