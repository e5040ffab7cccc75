import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Harness } from './harness';
import { ClosedShadow } from './shadow';

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

  /** Imports a file through the file picker; `mode` for backups. Resolves once it is done. */
  async importFile(file: { name: string; text: string }, options: { mode?: 'Merge' | 'Replace' } = {}): Promise<Locator> {
    await this.goto('#/import');
    await this.page.locator('input[type="file"]').setInputFiles({
      name: file.name,
      mimeType: file.name.endsWith('.json') ? 'application/json' : 'text/csv',
      buffer: Buffer.from(file.text, 'utf8'),
    });
    const preview = this.page.locator('.dash-card').filter({ hasText: `What importing ${file.name} does` });
    await preview.waitFor();
    if (options.mode === 'Replace') {
      await this.page.getByRole('radio', { name: /^Replace/ }).check();
      await expect.poll(() => this.page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
      await this.page.getByRole('checkbox', { name: /everything here is replaced/ }).check();
    }
    await this.page.getByRole('button', { name: 'Import', exact: true }).click();
    const done = this.page.locator('.dash-card').filter({ hasText: `${file.name} imported` });
    await done.waitFor();
    return done;
  }

  /** Downloads the backup from the export page and returns its text. */
  async downloadBackup(): Promise<{ name: string; text: string }> {
    await this.goto('#/export');
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Download backup' }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
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
  static readonly HOST = 'tiekeeper-badge';

  private constructor(
    readonly page: Page,
    readonly shadow: ClosedShadow,
  ) {}

  static async on(page: Page): Promise<ProfileBadge> {
    return new ProfileBadge(page, await ClosedShadow.of(page, ProfileBadge.HOST));
  }

  count(): Promise<number> {
    return this.shadow.hostCount();
  }

  text(): Promise<string> {
    return this.shadow.text('.tk-badge');
  }

  /** What a screen reader announces: whom it is about and the state ('' while absent). */
  async label(): Promise<string> {
    return (await this.shadow.exists('.tk-badge')) ? ((await this.shadow.attribute('.tk-badge', 'aria-label')) ?? '') : '';
  }

  async open(): Promise<ProfilePanel> {
    // The badge is drawn once the background has answered.
    await expect.poll(() => this.shadow.exists('.tk-badge')).toBe(true);
    await this.shadow.click('.tk-badge');
    const panel = await ProfilePanel.on(this.page);
    await expect.poll(() => panel.isOpen()).toBe(true);
    return panel;
  }
}

/** The panel about the person, in its own closed shadow root. */
export class ProfilePanel {
  static readonly HOST = 'tiekeeper-panel';

  private constructor(readonly shadow: ClosedShadow) {}

  static async on(page: Page): Promise<ProfilePanel> {
    return new ProfilePanel(await ClosedShadow.of(page, ProfilePanel.HOST));
  }

  isOpen(): Promise<boolean> {
    return this.shadow.exists('.tk-panel');
  }

  text(): Promise<string> {
    return this.shadow.text('.tk-panel');
  }

  name(): Promise<string> {
    return this.shadow.value('input.tk-name');
  }

  async addNote(body: string): Promise<void> {
    await this.shadow.fill('textarea[data-autofocus]', body);
    await this.shadow.clickByText('button', 'Add note');
    await expect.poll(() => this.shadow.text('.tk-notes')).toContain(body.split('\n')[0]);
  }

  async logInTouch(kind: 'Message' | 'Call' | 'Meeting' | 'Event' | 'Other'): Promise<void> {
    await this.shadow.clickByText('label.tk-chip', kind);
    await this.shadow.clickByText('button', 'In touch today');
    await expect.poll(() => this.shadow.text('.tk-timeline')).toContain(kind);
  }

  async setRhythm(days: number | null): Promise<void> {
    await this.shadow.select('.tk-rhythm select', days === null ? 'none' : String(days));
  }

  /** The give-and-take balance in words. */
  ledger(): Promise<string> {
    return this.shadow.text('.tk-ledger');
  }

  timeline(): Promise<string> {
    return this.shadow.text('.tk-timeline');
  }

  /** One click on "You gave" / "You received", with the kind of favour chosen first. */
  async logFavour(direction: 'You gave' | 'You received', favour: string): Promise<void> {
    await this.shadow.select('select.tk-favour-type', favour);
    await this.shadow.clickByText('.tk-give button', direction);
  }

  /** Types into "Introduce to…", picks `name` from the hits, and saves the idea. */
  async introduceTo(query: string, name: string, note: string): Promise<void> {
    await this.shadow.fill('input.tk-intro-search', query);
    await expect.poll(() => this.shadow.queryByText('button.tk-hit', name)).not.toBeNull();
    await this.shadow.clickByText('button.tk-hit', name);
    await this.shadow.fill('.tk-intro-new input', note);
    await this.shadow.clickByText('button', 'Save as idea');
    await expect.poll(() => this.shadow.text('.tk-intro-list')).toContain(`With ${name}`);
  }

  async setIntroductionStatus(status: 'idea' | 'asked-a' | 'asked-b' | 'made' | 'outcome'): Promise<void> {
    await this.shadow.select('select.tk-intro-status', status);
  }

  async markWorthMeeting(): Promise<void> {
    await this.shadow.click('.tk-check input[type="checkbox"]');
    await expect.poll(() => this.shadow.call<boolean>('.tk-check input[type="checkbox"]', 'function () { return this.checked; }')).toBe(true);
  }

  async close(): Promise<void> {
    await this.shadow.click('button[aria-label="Close"]');
  }
}
