import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { standInSafeStorage } from '../../../tests/support/stand-in-cipher';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { silentLogger } from '../log';
import { CallError } from '../rpc/call-handlers';
import { createSecretFile, SECRET_FILES, type SecretKeeper } from './secret-file';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('secrets');
});
afterEach(() => temp.remove());

const open = (keeper: SecretKeeper) => createSecretFile(temp.path, keeper, silentLogger);
const app = (cipher = standInSafeStorage()) => open({ mode: 'desktop-app', cipher });
const appFile = (): string => readFileSync(join(temp.path, SECRET_FILES['desktop-app']), 'utf8');

describe('API keys in the data folder (issue #9 fault 5)', () => {
  it('keeps the app’s keys encrypted, and never hands browser mode the ciphertext as a key', () => {
    app().set('openai', 'sk-app-key');
    expect(appFile()).not.toContain('sk-app-key');
    expect(app().get('openai')).toBe('sk-app-key');

    const browser = open({ mode: 'browser-mode' });
    expect(browser.get('openai')).toBeUndefined();
    expect(browser.status('openai')).toEqual({ hasKey: false, storedBy: 'desktop-app' });
    browser.set('openai', 'sk-browser-key');
    expect(browser.get('openai')).toBe('sk-browser-key');
    // The app's own key is still its own.
    expect(app().get('openai')).toBe('sk-app-key');
  });

  it('reads a key encrypted elsewhere (another computer or user) as not stored, and keeps it in the file', () => {
    app().set('anthropic', 'sk-ant');
    const before = appFile();
    const elsewhere = app(standInSafeStorage(Buffer.alloc(32, 9)));
    expect(elsewhere.get('anthropic')).toBeUndefined();
    expect(elsewhere.status('anthropic')).toEqual({ hasKey: false });
    expect(appFile()).toBe(before);
  });

  it('refuses to store a key where the computer cannot encrypt it, and writes nothing', () => {
    const noKeyring = app(standInSafeStorage(undefined, 'No keyring is running, so the key was not saved.'));
    expect(() => noKeyring.set('openai', 'sk-plain')).toThrow(new CallError('UNAVAILABLE', 'No keyring is running, so the key was not saved.'));
    expect(existsSync(join(temp.path, SECRET_FILES['desktop-app']))).toBe(false);
  });
});
