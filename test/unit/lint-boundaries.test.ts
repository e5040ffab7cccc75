import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The import rule's messages for `code` as if it stood in `filePath`. */
async function errorsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

// The rule that keeps the database out of code running on linkedin.com and xing.com.
describe('lint: site-side code cannot reach the database, and stays small', () => {
  it.each([
    ['content/probe.ts', "import Dexie from 'dexie';\nexport const d = Dexie;\n"],
    ['entrypoints/content/probe.ts', "import { db } from '../../storage/db';\nexport const d = db;\n"],
    ['sites/probe.ts', "import { db } from '../storage/db';\nexport const d = db;\n"],
    // Small, and safe from the page: no React, no validation library, no clobberable `browser`.
    ['content/probe.ts', "import { createRoot } from 'react-dom/client';\nexport const r = createRoot;\n"],
    ['content/probe.ts', "import { z } from 'zod';\nexport const s = z;\n"],
    ['entrypoints/content/probe.ts', "import { browser } from 'wxt/browser';\nexport const b = browser;\n"],
  ])('refuses the import in %s', async (file, code) => {
    expect(await errorsFor(code, file)).toHaveLength(1);
  });

  it('allows extension pages, the panel among them, to read the database', async () => {
    expect(await errorsFor("import { db } from '../../storage/db';\nexport const d = db;\n", 'components/dashboard/Probe.tsx')).toEqual([]);
    expect(await errorsFor("import { db } from '../../storage/db';\nexport const d = db;\n", 'components/panel/Probe.tsx')).toEqual([]);
  });
});

// One import style, so that a grep for a file's path finds everything that imports it.
describe('lint: files of the project are imported by relative path', () => {
  it.each([
    ['components/dashboard/Probe.tsx', "import { db } from '@/storage/db';\nexport const d = db;\n"],
    ['domain/probe.ts', "import { t } from '~/i18n';\nexport const x = t;\n"],
    ['background/probe.ts', "import type { Contact } from '@@/domain/model';\nexport type C = Contact;\n"],
    ['content/probe.ts', "import type { SiteAdapter } from '@/sites/types';\nexport type S = SiteAdapter;\n"],
  ])('refuses an alias in %s', async (file, code) => {
    const errors = await errorsFor(code, file);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('Import files of this project with a relative path, not an alias.');
  });

  it('allows relative paths and packages', async () => {
    expect(await errorsFor("import { z } from 'zod';\nimport { db } from '../../storage/db';\nexport const d = [z, db];\n", 'components/dashboard/Probe.tsx')).toEqual([]);
  });
});

// The domain knows the sites by their descriptors, not by the adapters that parse their pages.
describe('lint: domain/ uses the sites\' descriptors, not their adapters', () => {
  it.each([
    "import { adapters } from '../sites';\nexport const a = adapters;\n",
    "import { linkedinAdapter } from '../sites/linkedin';\nexport const a = linkedinAdapter;\n",
    "import { textOf } from '../sites/page/dom';\nexport const a = textOf;\n",
  ])('refuses %s', async (code) => {
    expect(await errorsFor(code, 'domain/probe.ts')).toHaveLength(1);
  });

  it('allows the descriptors, the address rules and the types', async () => {
    const code =
      "import { SITES } from '../sites/descriptors';\nimport type { ProfileRef } from '../sites/types';\nimport { parseAddress } from '../sites/urls/shared';\nexport const a: [typeof SITES, typeof parseAddress, ProfileRef?] = [SITES, parseAddress];\n";
    expect(await errorsFor(code, 'domain/probe.ts')).toEqual([]);
  });
});
