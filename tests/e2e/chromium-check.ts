import { findChromium, NO_CHROMIUM } from '../support/chromium';

/** Playwright's global setup: one sentence, instead of a launch error in every test, when there is no Chromium. */
export default function chromiumCheck(): void {
  if (findChromium()) return;
  console.error(NO_CHROMIUM);
  process.exit(1);
}
