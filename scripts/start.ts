/**
 * `npm start`: opens Chromium with the built extension loaded.
 *
 *   --demo               serve fictional LinkedIn and XING pages at their real URLs, offline
 *   --headless           no window (for machines without a display)
 *   --screenshot FILE    save what the user sees on the demo profile, then exit
 *   --lang de|en         the browser's language (default: en)
 *   --dark               dark colour scheme
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_START_URL } from '../demo/pages';
import { serveDemo } from '../demo/serve';
import { seedDemoData } from '../demo/seed';
import { extensionIdOf, launchWithExtension } from './chromium';
import { ClosedShadow } from './closed-shadow';
import { DRAWN_BADGE } from './side-panel';

const { values } = parseArgs({
  options: {
    demo: { type: 'boolean', default: false },
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    lang: { type: 'string', default: 'en' },
    dark: { type: 'boolean', default: false },
  },
});

if (!values.headless && !process.env.DISPLAY && process.platform === 'linux') {
  console.error('No display found. Use `npm start -- --demo --headless --screenshot shot.png`, or run under `xvfb-run -a`.');
  process.exit(1);
}
if (values.screenshot && !values.demo) {
  console.error('--screenshot needs --demo: without it there is no page to show offline.');
  process.exit(1);
}

const demo = values.demo;
const context = await launchWithExtension({
  headless: values.headless,
  offline: demo,
  // The real sites need the user's login, so a normal start keeps its browser profile.
  userDataDir: demo ? undefined : path.resolve('.tmp/chromium-profile'),
  locale: values.lang === 'de' ? 'de-DE' : 'en-US',
  colorScheme: values.dark ? 'dark' : 'light',
});

if (demo) await serveDemo(context);
const extensionId = await extensionIdOf(context);
if (demo) await seedDemoData(context, extensionId);

const page = context.pages()[0] ?? (await context.newPage());
await page.goto(demo ? DEMO_START_URL : 'https://www.linkedin.com/feed/');

if (values.screenshot) {
  await ClosedShadow.appear(page, DRAWN_BADGE);
  const file = path.resolve(values.screenshot);
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  console.log(`Saved ${file}`);
  await context.close();
} else {
  console.log(demo ? `Demo running at ${DEMO_START_URL} (close the browser to stop).` : 'Chromium is running with Tiekeeper loaded.');
  await new Promise((resolve) => context.on('close', resolve));
}

