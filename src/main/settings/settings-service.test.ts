import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/protocol';
import { standInSafeStorage } from '../../../tests/support/stand-in-cipher';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { silentLogger } from '../log';
import { CallError } from '../rpc/call-handlers';
import { createSecretFile, SECRET_FILES, type SecretKeeper } from './secret-file';
import { createSettingsFile } from './settings-file';
import { createSettingsService } from './settings-service';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('settings');
});
afterEach(() => temp.remove());

const open = () =>
  createSettingsService(createSettingsFile(temp.path, silentLogger), createSecretFile(temp.path, { mode: 'browser-mode' }, silentLogger), silentLogger);

describe('settings', () => {
  it('starts with offline defaults and no keys', () => {
    const settings = open().get();
    expect(settings).toMatchObject(DEFAULT_SETTINGS);
    expect(Object.values(settings.secrets).every((s) => !s.hasKey)).toBe(true);
  });

  it('keeps a change across restarts, merging it into what was there', () => {
    open().set({ interviewer: { provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1' } });
    open().set({ interviewer: { model: 'llama3.1' } });
    expect(open().get().interviewer).toEqual({ provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1' });
  });

  it('stores secrets readable by the owner only, reports only hasKey, and removes them on null', () => {
    const service = open();
    expect(service.set({ secrets: { anthropic: 'sk-ant-123' } }).secrets.anthropic).toEqual({ hasKey: true });
    expect(JSON.stringify(service.get())).not.toContain('sk-ant-123');
    expect(open().secret('anthropic')).toBe('sk-ant-123');
    if (process.platform !== 'win32') expect(statSync(join(temp.path, SECRET_FILES['browser-mode'])).mode & 0o777).toBe(0o600);
    expect(open().set({ secrets: { anthropic: null } }).secrets.anthropic).toEqual({ hasKey: false });
  });

  it('recovers from a damaged file: defaults, and the damaged file kept aside', () => {
    writeFileSync(join(temp.path, 'settings.json'), '{ not json');
    expect(open().get()).toMatchObject(DEFAULT_SETTINGS);
    expect(readdirSync(temp.path).some((name) => name.startsWith('settings.json.damaged-'))).toBe(true);
  });

  it('resets only the section that no longer validates', () => {
    writeFileSync(
      join(temp.path, 'settings.json'),
      JSON.stringify({ interviewer: { provider: 'gone-provider' }, preferences: { ...DEFAULT_SETTINGS.preferences, feedbackTiming: 'at-end' } }),
    );
    const settings = open().get();
    expect(settings.interviewer).toEqual(DEFAULT_SETTINGS.interviewer);
    expect(settings.preferences.feedbackTiming).toBe('at-end');
  });

  it('writes nothing when the result would be invalid', () => {
    const service = open();
    expect(() => service.set({ preferences: { silenceMs: -5 } })).toThrow();
    expect(existsSync(join(temp.path, 'settings.json'))).toBe(false);
    service.set({ preferences: { silenceMs: 3000 } });
    expect(JSON.parse(readFileSync(join(temp.path, 'settings.json'), 'utf8')).settings.preferences.silenceMs).toBe(3000);
  });
});

describe('where keys are kept, said before one is typed (issue #10)', () => {
  const NO_KEYRING = 'No keyring (such as GNOME Keyring or KWallet) is running, so the key could not be stored encrypted and was not saved. Start a keyring and try again.';
  const openAs = (keeper: SecretKeeper) => createSettingsService(createSettingsFile(temp.path, silentLogger), createSecretFile(temp.path, keeper, silentLogger), silentLogger);

  it('says whether keys are encrypted, kept in a plain file, or cannot be stored at all', () => {
    expect(openAs({ mode: 'desktop-app', cipher: standInSafeStorage() }).get().keyStorage).toEqual({ kind: 'encrypted' });
    expect(openAs({ mode: 'browser-mode' }).get().keyStorage).toEqual({ kind: 'plain-file', note: expect.stringMatching(/only your user account can read, not encrypted/) });
    expect(openAs({ mode: 'desktop-app', cipher: standInSafeStorage(undefined, NO_KEYRING) }).get().keyStorage).toEqual({ kind: 'unavailable', note: NO_KEYRING });
  });

  it('refuses a key it cannot encrypt before anything is written, so the rest of the change is not half saved', () => {
    const service = openAs({ mode: 'desktop-app', cipher: standInSafeStorage(undefined, NO_KEYRING) });
    expect(() => service.set({ interviewer: { provider: 'openai' }, secrets: { openai: 'sk-no-keyring' } })).toThrow(new CallError('UNAVAILABLE', NO_KEYRING));
    expect(service.get().interviewer.provider).toBe('embedded');
    expect(existsSync(join(temp.path, 'settings.json'))).toBe(false);
    // Removing a key needs no encryption, and other changes still save.
    expect(service.set({ interviewer: { provider: 'openai' }, secrets: { openai: null } }).interviewer.provider).toBe('openai');
  });
});
