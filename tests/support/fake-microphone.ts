import type { LaunchOptions } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';

/**
 * Chromium with a WAV file as its microphone (the voice e2e tests): permission is
 * granted without a prompt, the file plays once from when the page opens the microphone
 * (`%noloop`), and spoken questions may play without a click first.
 */
export function chromiumWithFakeMicrophone(wavPath: string): LaunchOptions {
  return chromiumLaunchOptions([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${wavPath}%noloop`,
    '--autoplay-policy=no-user-gesture-required',
  ]);
}
