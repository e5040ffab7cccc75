import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Three suites: `unit` (pure logic, storage on fake-indexeddb, fakeBrowser), `e2e` (the built
// extension in a real Chromium) and `e2e-firefox` (the Firefox build in a real Firefox). `npm test`
// runs them all, the end-to-end suites after the production builds.
const endToEnd = {
  environment: 'node',
  // One browser at a time: the machines have two cores.
  fileParallelism: false,
  testTimeout: 60_000,
  // Waiting for what a user would see, not for a fixed time: up to 10 s before failing.
  expect: { poll: { timeout: 10_000, interval: 50 } },
  hookTimeout: 90_000,
} as const;

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['fake-indexeddb/auto', 'test/unit/setup.ts'],
          restoreMocks: true,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          exclude: ['test/e2e/firefox/**'],
          ...endToEnd,
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e-firefox',
          include: ['test/e2e/firefox/**/*.test.ts'],
          ...endToEnd,
          globalSetup: ['test/e2e/firefox/global-setup.ts'],
        },
      },
    ],
  },
});
