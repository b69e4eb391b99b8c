import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/support/chromium';

/**
 * End-to-end tests. `browser` drives the built renderer in Chromium (Debian's, or CHROMIUM_PATH;
 * tests/support/chromium.ts, no download) against the WebSocket host; without one, the run
 * stops at once with a sentence saying how to get one (tests/e2e/chromium-check.ts).
 * `electron` drives the packaged app (or the built tree) and skips itself where no Electron
 * binary exists.
 */
export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
  globalSetup: './tests/e2e/chromium-check.ts',
  projects: [
    {
      name: 'browser',
      testMatch: 'e2e/**/*.spec.ts',
      use: { launchOptions: chromiumLaunchOptions() },
    },
    { name: 'electron', testMatch: 'e2e-electron/**/*.spec.ts', timeout: 120_000 },
  ],
});
