/**
 * `npm start`: opens Chromium with the built extension loaded. `npm start -- --help` lists the
 * options (scripts/start-options.ts).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_START_URL } from '../demo/pages';
import { serveDemo } from '../demo/serve';
import { seedDemoData } from '../demo/seed';
import { extensionIdOf, launchWithExtension } from './chromium';
import { ClosedShadow } from './closed-shadow';
import { DRAWN_BADGE, openSidePanelFor } from './side-panel';
import { parseStartOptions, USAGE } from './start-options';

const parsed = parseStartOptions(process.argv.slice(2), process.platform !== 'linux' || Boolean(process.env.DISPLAY));
if (!parsed.ok) {
  if (parsed.message) console.error(`${parsed.message}\n`);
  console.error(USAGE);
  process.exit(parsed.help ? 0 : 1);
}
const options = parsed.options;

const context = await launchWithExtension({
  headless: options.headless,
  offline: options.demo,
  // The real sites need the user's login, so a normal start keeps its browser profile.
  userDataDir: options.demo ? undefined : path.resolve('.tmp/chromium-profile'),
  locale: options.lang === 'de' ? 'de-DE' : 'en-US',
  colorScheme: options.dark ? 'dark' : 'light',
});

if (options.demo) await serveDemo(context);
const extensionId = await extensionIdOf(context);
if (options.demo) await seedDemoData(context, extensionId);

const page = context.pages()[0] ?? (await context.newPage());
await page.goto(options.demo ? DEMO_START_URL : 'https://www.linkedin.com/feed/');

/** What the user looks at: the profile, or the part asked for with --open. */
let shown: Page = page;
if (options.demo && options.open) {
  await ClosedShadow.appear(page, DRAWN_BADGE);
  if (options.open === 'panel' && !options.headless) {
    // A click on the badge opens the browser's side panel beside the page.
    await (await ClosedShadow.appear(page, DRAWN_BADGE)).click('.tk-badge');
  } else if (options.open === 'panel') {
    // Headless Chromium draws no side panel: the panel's page, for the same tab.
    shown = await openSidePanelFor(context, extensionId, page, { width: 400, height: 860 });
  } else {
    shown = await context.newPage();
    if (options.open === 'popup') await shown.setViewportSize({ width: 400, height: 600 });
    await shown.goto(`chrome-extension://${extensionId}/${options.open}.html`);
    await shown.locator('#root > *').first().waitFor();
  }
}

if (options.screenshot) {
  if (shown === page) await ClosedShadow.appear(page, DRAWN_BADGE);
  const file = path.resolve(options.screenshot);
  mkdirSync(path.dirname(file), { recursive: true });
  await shown.screenshot({ path: file });
  console.log(`Saved ${file}`);
  await context.close();
} else {
  console.log(options.demo ? `Demo running at ${DEMO_START_URL} (close the browser to stop).` : 'Chromium is running with Tiekeeper loaded.');
  await new Promise((resolve) => context.on('close', resolve));
}
