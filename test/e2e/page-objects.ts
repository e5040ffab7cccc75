import type { Locator, Page } from 'playwright-core';
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

/** Tiekeeper's badge (and its panel) on a profile page, inside the closed shadow root. */
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
}
