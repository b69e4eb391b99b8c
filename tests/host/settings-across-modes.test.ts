import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/main/log';
import { dispatchCall } from '../../src/main/rpc/dispatch-call';
import { createServices } from '../../src/main/services';
import type { PublicSettings, Settings } from '../../src/shared/protocol';
import { RESOURCES_DIR, startTestHost, TestClient } from '../support/host-fixture';
import { standInSafeStorage } from '../support/stand-in-cipher';
import { makeTempDir } from '../support/temp-dir';

/**
 * Issue #9 fault 5, DESIGN.md §6: the app and browser mode share a data folder and must never
 * write the same file in two formats, nor hand one mode's encrypted key to the other as a key.
 */
let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('modes');
});
afterEach(() => temp.remove());

const APP_SETTINGS: Settings = {
  interviewer: { provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1' },
  speechToText: { provider: 'none' },
  textToSpeech: { provider: 'none' },
  preferences: { feedbackTiming: 'at-end', turnTaking: 'hands-free', silenceMs: 3000 },
};
/** What safeStorage's output looks like: Chromium's "v10" prefix, then AES-GCM bytes. */
const APP_CIPHERTEXT = Buffer.concat([Buffer.from('v10'), Buffer.alloc(40, 7)]).toString('base64');

/** The app's services as index.ts builds them, with safeStorage stood in for. */
const openApp = () =>
  createServices({ dataDir: temp.path, mode: 'desktop-app', cipher: standInSafeStorage(), resourcesDir: RESOURCES_DIR, mediaUrl: (path) => `app-media://media/${path}`, downloadUrl: (id) => `app-export://export/${id}`, log: silentLogger });

async function inBrowserMode<T>(use: (client: TestClient) => Promise<T>): Promise<T> {
  const fixture = await startTestHost({ dataDir: temp.path });
  const client = await TestClient.open(fixture.host.ws);
  try {
    return await use(client);
  } finally {
    client.close();
    await fixture.stop();
  }
}

const fileText = (name: string): string => readFileSync(join(temp.path, name), 'utf8');

describe('a data folder used by the app and by browser mode', () => {
  it('keeps settings both ways, and each mode its own keys, in one format per file', async () => {
    const app = openApp();
    // As the app's IPC transport hands a call to the services.
    expect(await dispatchCall(app.handlers, 'settings.set', { ...APP_SETTINGS, secrets: { openai: 'sk-app-key' } }, silentLogger)).toMatchObject({ ok: true });
    await app.close();
    const appSecrets = fileText('secrets.json');
    expect(appSecrets).not.toContain('sk-app-key');

    const inBrowser = await inBrowserMode(async (client) => {
      const seen = (await client.call('settings.get')).result as Record<string, unknown>;
      await client.call('settings.set', { preferences: { silenceMs: 4000 }, secrets: { anthropic: 'sk-ant-browser' } });
      return seen;
    });
    expect(inBrowser).toMatchObject(APP_SETTINGS);
    expect(inBrowser.secrets).toEqual({ openai: { hasKey: false, storedBy: 'desktop-app' }, anthropic: { hasKey: false }, openaiCompatible: { hasKey: false } });
    expect(fileText('secrets.json')).toBe(appSecrets);
    expect(JSON.parse(fileText('browser-mode-secrets.json'))).toEqual({ anthropic: 'sk-ant-browser' });
    if (process.platform !== 'win32') expect(statSync(join(temp.path, 'browser-mode-secrets.json')).mode & 0o777).toBe(0o600);
    expect(Object.keys(JSON.parse(fileText('settings.json')) as object)).toEqual(['settings']);

    const again = openApp();
    const inApp = (await dispatchCall(again.handlers, 'settings.get', undefined, silentLogger)) as { ok: true; result: PublicSettings };
    await again.close();
    expect(inApp.result.preferences).toEqual({ ...APP_SETTINGS.preferences, silenceMs: 4000 });
    expect(inApp.result.interviewer).toEqual(APP_SETTINGS.interviewer);
    expect(inApp.result.secrets).toEqual({ openai: { hasKey: true }, anthropic: { hasKey: false, storedBy: 'browser-mode' }, openaiCompatible: { hasKey: false } });
    expect(JSON.parse(fileText('browser-mode-secrets.json'))).toEqual({ anthropic: 'sk-ant-browser' });
  });

  it("opens an earlier app's files (electron-store) in browser mode without losing or misreading anything", async () => {
    // electron-store's shapes: the settings under one key, tab-indented; keys as base64 ciphertext.
    writeFileSync(join(temp.path, 'settings.json'), JSON.stringify({ settings: APP_SETTINGS }, undefined, '\t'));
    const appSecrets = JSON.stringify({ openai: APP_CIPHERTEXT }, undefined, '\t');
    writeFileSync(join(temp.path, 'secrets.json'), appSecrets);

    const fixture = await startTestHost({ dataDir: temp.path });
    const client = await TestClient.open(fixture.host.ws);
    const seen = (await client.call('settings.get')).result as Record<string, unknown>;
    expect(seen).toMatchObject(APP_SETTINGS);
    expect(seen.secrets).toMatchObject({ openai: { hasKey: false, storedBy: 'desktop-app' }, anthropic: { hasKey: false } });

    await client.call('settings.set', { preferences: { silenceMs: 4000 }, secrets: { anthropic: 'sk-ant-browser' } });
    client.close();
    await fixture.stop();

    // The app's files are where they were, in the app's shapes; its key file is untouched.
    const settingsFile = JSON.parse(readFileSync(join(temp.path, 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(settingsFile)).toEqual(['settings']);
    expect(settingsFile.settings).toMatchObject({ ...APP_SETTINGS, preferences: { ...APP_SETTINGS.preferences, silenceMs: 4000 } });
    expect(readFileSync(join(temp.path, 'secrets.json'), 'utf8')).toBe(appSecrets);
    expect(readdirSync(temp.path).filter((name) => name.includes('damaged'))).toEqual([]);
  });
});
