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

/** The dashboard, the options page opened in a tab. */
export class DashboardPage {
  private constructor(readonly page: Page) {}

  static async open(harness: Harness): Promise<DashboardPage> {
    const page = await harness.openExtensionPage('dashboard.html');
    return new DashboardPage(page);
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
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
