import { existsSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR, findChromium } from '../../scripts/chromium';

/** Fail early, with a message saying what to do, instead of in every test. */
export default function setup(): void {
  findChromium();
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` before the end-to-end tests.`);
  }
}
