import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm start -- [options]

  --demo                     fictional LinkedIn and XING profiles at their real addresses, offline
  --headless                 no window; saves a screenshot (--screenshot, or tiekeeper-start.png)
  --screenshot FILE          save what you see, then exit (needs --demo)
  --open panel|popup|dashboard
                             open that part too: the panel beside the profile, the toolbar
                             popup, or the dashboard (with --demo)
  --lang en|de               the browser's language (default: en)
  --dark                     dark colour scheme
  --help                     this text`;

export const LANGUAGES = ['en', 'de'] as const;
export const PARTS = ['panel', 'popup', 'dashboard'] as const;

export interface StartOptions {
  demo: boolean;
  headless: boolean;
  /** Where to save a screenshot before exiting; null keeps the browser open. */
  screenshot: string | null;
  open: (typeof PARTS)[number] | null;
  lang: (typeof LANGUAGES)[number];
  dark: boolean;
}

export type Parsed = { ok: true; options: StartOptions } | { ok: false; message: string; help?: boolean };

/** The start script's options, or what is wrong with them (the usage follows the message). */
export function parseStartOptions(args: readonly string[], hasDisplay: boolean): Parsed {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      options: {
        demo: { type: 'boolean', default: false },
        headless: { type: 'boolean', default: false },
        screenshot: { type: 'string' },
        open: { type: 'string' },
        lang: { type: 'string', default: 'en' },
        dark: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  if (values.help) return { ok: false, message: '', help: true };
  const lang = values.lang as StartOptions['lang'];
  if (!LANGUAGES.includes(lang)) return { ok: false, message: `Tiekeeper speaks ${LANGUAGES.join(' and ')}, not "${values.lang}".` };
  const open = (values.open ?? null) as StartOptions['open'];
  if (open !== null && !PARTS.includes(open)) return { ok: false, message: `--open takes ${PARTS.join(', ')}, not "${values.open}".` };
  if (!values.headless && !hasDisplay) {
    return { ok: false, message: 'No display found. Add --headless (a screenshot is saved), or run under `xvfb-run -a`.' };
  }
  // Without a window nobody could look or close it: take the picture and stop.
  const screenshot = values.screenshot ?? (values.headless ? 'tiekeeper-start.png' : null);
  if (screenshot !== null && !values.demo) return { ok: false, message: '--headless and --screenshot need --demo: without it there is no page to show offline.' };
  return { ok: true, options: { demo: values.demo, headless: values.headless, screenshot, open, lang, dark: values.dark } };
}
