import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH, else Debian's or Ubuntu's, else the
 * one `npx playwright install chromium` downloaded (how the workflows get one on macOS and
 * Windows). Nothing is downloaded here.
 */
const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

export function findChromium(): string | undefined {
  const candidates = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : [...SYSTEM_CHROMIUMS, chromium.executablePath()];
  return candidates.find((path) => existsSync(path));
}

export const NO_CHROMIUM =
  'No Chromium was found for the end-to-end tests: install Debian\'s `chromium` (sudo apt install chromium), set CHROMIUM_PATH to a Chromium or Chrome program, or on a machine with the internet run `npx playwright install chromium`.';

/** Launch options for the browser tests: no sandbox (CI runs as root), and none of Chromium's own network traffic. */
export function chromiumLaunchOptions(extraArgs: string[] = []): LaunchOptions {
  const executablePath = findChromium();
  return {
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...extraArgs],
  };
}
