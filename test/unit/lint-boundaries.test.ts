import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The rule that keeps the database out of code running on linkedin.com and xing.com.
describe('lint: site-side code cannot reach the database, and stays small', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const errorsFor = async (code: string, filePath: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  };

  it.each([
    ['content/probe.ts', "import Dexie from 'dexie';\nexport const d = Dexie;\n"],
    ['entrypoints/content/probe.ts', "import { db } from '@/storage/db';\nexport const d = db;\n"],
    ['sites/probe.ts', "import { db } from '../storage/db';\nexport const d = db;\n"],
    // Small, and safe from the page: no React, no validation library, no clobberable `browser`.
    ['content/probe.ts', "import { createRoot } from 'react-dom/client';\nexport const r = createRoot;\n"],
    ['content/probe.ts', "import { z } from 'zod';\nexport const s = z;\n"],
    ['entrypoints/content/probe.ts', "import { browser } from 'wxt/browser';\nexport const b = browser;\n"],
  ])('refuses the import in %s', async (file, code) => {
    expect(await errorsFor(code, file)).toHaveLength(1);
  });

  it('allows extension pages, the panel among them, to read the database', async () => {
    expect(await errorsFor("import { db } from '@/storage/db';\nexport const d = db;\n", 'components/dashboard/Probe.tsx')).toEqual([]);
    expect(await errorsFor("import { db } from '../../storage/db';\nexport const d = db;\n", 'components/panel/Probe.tsx')).toEqual([]);
  });
});
