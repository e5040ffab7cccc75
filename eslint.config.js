import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Code that runs on linkedin.com / xing.com. Its IndexedDB is the site's, not ours, so it must
// never reach the database: it talks to the background worker through messages instead. It
// runs on every page of the sites, so it stays small: no React, no validation library.
const SITE_SIDE = ['entrypoints/content/**', 'content/**', 'sites/**'];

// One import style, relative paths, so that a grep for a file's path finds every file that
// imports it. WXT's aliases (`@/`, `~/`, `@@/`, `~~/`) would hide those edges.
const RELATIVE_IMPORTS = {
  regex: '^(@|~|@@|~~)(/|$)',
  message: 'Import files of this project with a relative path, not an alias.',
};

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'bench/results/**', 'bench/tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-restricted-imports': ['error', { patterns: [RELATIVE_IMPORTS] }],
      'no-restricted-syntax': [
        'error',
        // Notes and names are plain text everywhere.
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render user text as text, never as HTML.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Render user text as text, never as HTML.' },
      ],
    },
  },
  {
    files: SITE_SIDE,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // This block replaces the rule's options for these files, so it repeats the import style.
          patterns: [
            RELATIVE_IMPORTS,
            { group: ['dexie', 'dexie-react-hooks'], message: 'Site-side code must not open IndexedDB: it would be the host site\'s storage. Send a message to the background.' },
            { group: ['**/storage', '**/storage/*', '**/background/*'], message: 'Site-side code must not import the database layer. Send a message to the background.' },
            { group: ['react', 'react-dom', 'react-dom/*', 'zod', 'zod/*', '**/components/*', '**/i18n', '**/i18n/index', '**/i18n/format'], message: 'Site-side code runs on every page of the sites: the background makes the badge\'s words, the panel lives in the extension.' },
            { group: ['wxt/browser', 'webextension-polyfill'], message: 'A page can clobber `window.browser` (<form id="browser">): use content/extension-api.ts.' },
          ],
        },
      ],
    },
  },
  {
    // The domain is pure logic: of the sites it knows only their descriptors (ids, names, hosts)
    // and their address rules, never the adapters' page parsing.
    files: ['domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            RELATIVE_IMPORTS,
            {
              regex: '(^|/)sites(/(?!(descriptors|types|urls/[^/]+)$).*)?$',
              message: 'domain/ may use sites/descriptors.ts, sites/urls/ and the types, not the adapters: they parse pages.',
            },
          ],
        },
      ],
    },
  },
  {
    // The demo sites' own front end: a function expression that the demo server calls inline.
    files: ['demo/app.js'],
    languageOptions: { sourceType: 'script' },
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
