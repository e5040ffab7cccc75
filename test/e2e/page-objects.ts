import { basename } from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Harness } from './harness';
import { ClosedShadow } from '../../scripts/closed-shadow';

/** The toolbar popup, opened as its own page (as the browser shows it, minus the frame). */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(harness: Harness): Promise<PopupPage> {
    const page = await harness.openExtensionPage('popup.html');
    return new PopupPage(page);
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }
}

/** The dashboard, the options page opened in a tab. Texts are the English ones. */
export class DashboardPage {
  private constructor(
    readonly page: Page,
    private readonly origin: string,
  ) {}

  /** `route`: a hash route such as `#/import`. */
  static async open(harness: Harness, route = ''): Promise<DashboardPage> {
    const page = await harness.openExtensionPage(`dashboard.html${route}`);
    return new DashboardPage(page, harness.origin);
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The current page's own heading. */
  get pageHeading(): Locator {
    return this.page.locator('.dash-page-title');
  }

  async goto(route: string): Promise<void> {
    await this.page.goto(`${this.origin}/dashboard.html${route}`);
  }

  nav(name: string | RegExp): Locator {
    return this.page.getByRole('navigation').getByRole('link', { name });
  }

  get table(): Locator {
    return this.page.getByRole('table');
  }

  /** Rows in the whole (virtualised) table, from its aria-rowcount (minus the header row). */
  async rowCount(): Promise<number> {
    return Number(await this.table.getAttribute('aria-rowcount')) - 1;
  }

  /** Names in the rows currently rendered, top to bottom. */
  async shownNames(): Promise<string[]> {
    return this.table.locator('[role="row"] .dash-name').allTextContents();
  }

  get count(): Locator {
    return this.page.locator('.dash-count');
  }

  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search' });
  }

  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
  }

  columnHeader(name: string): Locator {
    return this.table.getByRole('columnheader', { name });
  }

  /** The table row of the person named `name` (it must be rendered). */
  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** What a row shows in one column, e.g. `lastContact` or `fading`. */
  cell(name: string, column: 'lastContact' | 'nextDue' | 'fading'): Promise<string> {
    return this.row(name).locator(`.dash-col-${column}`).innerText();
  }

  /** The contact page's timeline entries (notes and logged contacts), newest first. */
  timelineEntries(): Promise<string[]> {
    return this.page.locator('.dash-timeline > li').allInnerTexts();
  }

  /** Opens a contact from the table. */
  async openContact(name: string): Promise<void> {
    await this.table.getByRole('link', { name, exact: true }).click();
    await expect.poll(() => this.pageHeading.textContent()).toBe(name);
  }

  /** Picks a file (its text, or a file on disk by path) on the import page; resolves at its preview. */
  async previewFile(file: { name: string; text: string } | { path: string }, timeout?: number): Promise<string> {
    await this.goto('#/import');
    const name = 'path' in file ? basename(file.path) : file.name;
    await this.page
      .locator('input[type="file"]')
      .setInputFiles(
        'path' in file
          ? file.path
          : { name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv', buffer: Buffer.from(file.text, 'utf8') },
      );
    await this.page.locator('.dash-card').filter({ hasText: `What importing ${name} does` }).waitFor({ timeout });
    return name;
  }

  /** Imports the previewed file named `name`; `mode` for backups. Resolves once it is done. */
  async confirmImport(name: string, options: { mode?: 'Merge' | 'Replace'; timeout?: number } = {}): Promise<Locator> {
    const { timeout } = options;
    if (options.mode === 'Replace') {
      await this.page.getByRole('radio', { name: /^Replace/ }).check();
      await expect.poll(() => this.page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
      await this.page.getByRole('checkbox', { name: /everything here is replaced/ }).check({ timeout });
    }
    await this.page.getByRole('button', { name: 'Import', exact: true }).click();
    const done = this.page.locator('.dash-card').filter({ hasText: `${name} imported` });
    await done.waitFor({ timeout });
    return done;
  }

  /** Imports a file through the file picker; `mode` for backups. Resolves once it is done. */
  async importFile(
    file: { name: string; text: string } | { path: string },
    options: { mode?: 'Merge' | 'Replace'; timeout?: number } = {},
  ): Promise<Locator> {
    return this.confirmImport(await this.previewFile(file, options.timeout), options);
  }

  /** Downloads the backup from the export page and returns its text. */
  async downloadBackup(): Promise<{ name: string; text: string }> {
    const download = await this.startBackupDownload();
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  /** Clicks "Download backup" on the export page; the download, to read or save. */
  async startBackupDownload(timeout?: number): Promise<Download> {
    await this.goto('#/export');
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout }),
      this.page.getByRole('button', { name: 'Download backup' }).click(),
    ]);
    return download;
  }

  /** Wipes everything through the settings page, typing the confirmation word. */
  async deleteAll(): Promise<void> {
    await this.goto('#/settings');
    await this.page.getByRole('button', { name: 'Delete all data…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Delete all data' });
    const confirm = dialog.getByRole('button', { name: 'Delete everything' });
    await expect.poll(() => confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('To confirm, type DELETE').fill('DELETE');
    await confirm.click();
    await dialog.waitFor({ state: 'hidden' });
  }
}

/** Tiekeeper's badge next to the person's name, inside its closed shadow root. */
export class ProfileBadge {
  private constructor(
    readonly page: Page,
    readonly shadow: ClosedShadow,
    private readonly harness: Harness,
  ) {}

  static async on(page: Page, harness: Harness): Promise<ProfileBadge> {
    return new ProfileBadge(page, await ClosedShadow.of(page, '.tk-badge'), harness);
  }

  count(): Promise<number> {
    return this.shadow.hostCount();
  }

  /** The text of the element the badge sits after (the name), or null when it floats. */
  async anchorText(): Promise<string | null> {
    if (!(await this.shadow.exists('.tk-badge'))) return null;
    return this.shadow.call<string | null>('.tk-badge', 'function () { return this.getRootNode().host.previousElementSibling?.textContent ?? null; }');
  }

  /** The host element as the page's markup holds it (a plain, empty element). */
  hostHtml(): Promise<string> {
    return this.shadow.call<string>('.tk-badge', 'function () { return this.getRootNode().host.outerHTML; }');
  }

  /** What the badge shows: its words are generated content, so they are read from the attribute. */
  async text(): Promise<string> {
    if (!(await this.shadow.exists('.tk-label'))) return '';
    return (await this.shadow.attribute('.tk-label', 'data-label')) ?? '';
  }

  /** What a screen reader announces: whom it is about and the state ('' while absent). */
  async label(): Promise<string> {
    return (await this.shadow.exists('.tk-badge[aria-label]')) ? ((await this.shadow.attribute('.tk-badge', 'aria-label')) ?? '') : '';
  }

  /**
   * A click on the badge asks the browser to open the side panel beside this tab. Headless
   * Chromium has no side panel to show, so the panel page is then opened for that tab in a tab
   * of its own: the same page, about the same tab.
   */
  async open(): Promise<ProfilePanel> {
    await expect.poll(() => this.label()).not.toBe('');
    await this.harness.capturePanelOpens();
    const before = (await this.harness.panelOpens()).length;
    await this.shadow.click('.tk-badge');
    await expect.poll(async () => (await this.harness.panelOpens()).length).toBe(before + 1);
    const tabId = (await this.harness.panelOpens()).at(-1)!;
    // A real click is the user's gesture: the browser accepted it (-1 records a refusal).
    expect(tabId).toBeGreaterThan(0);
    return ProfilePanel.open(this.harness, tabId);
  }
}

/** The panel about the person the tab shows: the side panel's page, opened for that tab. */
export class ProfilePanel {
  private constructor(readonly page: Page) {}

  static async open(harness: Harness, tabId: number): Promise<ProfilePanel> {
    const page = await harness.openExtensionPage(`sidepanel.html?tab=${tabId}`);
    const panel = new ProfilePanel(page);
    await panel.root.waitFor();
    return panel;
  }

  get root(): Locator {
    return this.page.locator('.tk-panel');
  }

  isOpen(): Promise<boolean> {
    return this.root.isVisible();
  }

  text(): Promise<string> {
    return this.shown(this.root);
  }

  /** What a part of the panel shows; '' while it is not there (no waiting). */
  private async shown(part: Locator): Promise<string> {
    return (await part.count()) > 0 ? part.first().innerText() : '';
  }

  name(): Promise<string> {
    return this.page.locator('input.tk-name').inputValue();
  }

  async addNote(body: string): Promise<void> {
    await this.page.locator('textarea[data-autofocus]').fill(body);
    await this.page.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => this.shown(this.page.locator('.tk-notes'))).toContain(body.split('\n')[0]);
  }

  async logInTouch(kind: 'Message' | 'Call' | 'Meeting' | 'Event' | 'Other'): Promise<void> {
    await this.page.locator('label.tk-chip', { hasText: kind }).click();
    await this.page.getByRole('button', { name: 'In touch today' }).click();
    await expect.poll(() => this.timeline()).toContain(kind);
  }

  async setRhythm(days: number | null): Promise<void> {
    await this.page.locator('.tk-rhythm select').selectOption(days === null ? 'none' : String(days));
  }

  /** Opens a folded part of the panel ("Give and take", "Introductions", "About them"), unless it is open. */
  async unfold(title: string): Promise<void> {
    const fold = this.page.locator('details.tk-fold', { has: this.page.locator('summary', { hasText: title }) });
    if (!(await fold.evaluate((element: HTMLDetailsElement) => element.open))) await fold.locator('summary').click();
    await expect.poll(() => fold.evaluate((element: HTMLDetailsElement) => element.open)).toBe(true);
  }

  /** The give-and-take balance in words. */
  async ledger(): Promise<string> {
    await this.unfold('Give and take');
    return this.shown(this.page.locator('.tk-ledger'));
  }

  timeline(): Promise<string> {
    return this.shown(this.page.locator('.tk-timeline'));
  }

  /** One click on "You gave" / "You received", with the kind of favour chosen first. */
  async logFavour(direction: 'You gave' | 'You received', favour: string): Promise<void> {
    await this.unfold('Give and take');
    await this.page.locator('select.tk-favour-type').selectOption(favour);
    await this.page.locator('.tk-give button', { hasText: direction }).click();
  }

  /** Types into "Introduce to…", picks `name` from the hits, and saves the idea. */
  async introduceTo(query: string, name: string, note: string): Promise<void> {
    await this.unfold('Introductions');
    await this.page.locator('input.tk-intro-search').fill(query);
    await this.page.locator('button.tk-hit', { hasText: name }).click();
    await this.page.locator('.tk-intro-new input').fill(note);
    await this.page.getByRole('button', { name: 'Save as idea' }).click();
    await expect.poll(() => this.shown(this.page.locator('.tk-intro-list'))).toContain(`With ${name}`);
  }

  async setIntroductionStatus(status: 'idea' | 'asked-a' | 'asked-b' | 'made' | 'outcome'): Promise<void> {
    await this.unfold('Introductions');
    await this.page.locator('select.tk-intro-status').selectOption(status);
  }

  async introductionStatus(): Promise<string> {
    await this.unfold('Introductions');
    return this.page.locator('select.tk-intro-status').inputValue();
  }

  async markWorthMeeting(): Promise<void> {
    // Saved first, then shown checked: a click, then the state the panel reads back.
    const box = this.page.locator('.tk-check input[type="checkbox"]');
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(true);
  }

  async close(): Promise<void> {
    await this.page.getByRole('button', { name: 'Close' }).click();
  }
}
