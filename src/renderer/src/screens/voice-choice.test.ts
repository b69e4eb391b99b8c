import { describe, expect, it } from 'vitest';
import type { ModelView } from '../../../shared/protocol';
import { installedModels, installedVoices, offersVoices, pickInstalled, switchVoiceProvider } from './voice-choice';

const model = (id: string, purpose: ModelView['purpose'], installed: boolean): ModelView => ({
  id,
  name: id,
  purpose,
  languages: ['en'],
  totalBytes: 1,
  note: 'A model for a test.',
  state: installed ? { kind: 'installed' } : { kind: 'not-installed', partialBytes: 0 },
});
const models = [model('whisper-tiny-en', 'speech-to-text', true), model('voice-amy', 'voice', false), model('voice-ryan', 'voice', true), model('voice-kate', 'voice', true)];

describe('choosing the natural voice', () => {
  it('knows whether the catalog offers voices at all', () => {
    expect(offersVoices({ status: 'ready', data: models })).toBe(true);
    expect(offersVoices({ status: 'ready', data: models.filter((m) => m.purpose === 'speech-to-text') })).toBe(false);
    expect(offersVoices({ status: 'loading' })).toBe(false);
  });

  it('lists installed voices only, never speech models', () => {
    expect(installedVoices(models).map((voice) => voice.id)).toEqual(['voice-ryan', 'voice-kate']);
  });

  it('keeps an installed choice, else picks the first installed voice, else none', () => {
    const installed = installedVoices(models);
    expect(pickInstalled('voice-kate', installed)).toBe('voice-kate');
    expect(pickInstalled('voice-amy', installed)).toBe('voice-ryan');
    expect(pickInstalled(undefined, installed)).toBe('voice-ryan');
    expect(pickInstalled('voice-kate', [])).toBeUndefined();
  });

  it("picks a voice when switching to 'local' and drops it when switching away", () => {
    const local = switchVoiceProvider({ provider: 'system', voice: 'en-gb' }, 'local', models);
    expect(local).toEqual({ provider: 'local', voice: 'voice-ryan' });
    expect(switchVoiceProvider(local, 'system', models)).toEqual({ provider: 'system', voice: undefined });
    expect(switchVoiceProvider({ provider: 'none', voice: 'voice-amy' }, 'openai', models)).toEqual({ provider: 'openai', voice: undefined });
    expect(switchVoiceProvider({ provider: 'system', voice: 'en-gb' }, 'none', models)).toEqual({ provider: 'none', voice: 'en-gb' });
    expect(switchVoiceProvider({ provider: 'system' }, 'local', [])).toEqual({ provider: 'local', voice: undefined });
  });
});

describe('choosing the speech model', () => {
  it('offers installed speech models only, and shows the one main will use', () => {
    const all = [...models, model('whisper-base-en', 'speech-to-text', false), model('moonshine-tiny-en', 'speech-to-text', true)];
    const installed = installedModels(all, 'speech-to-text');
    expect(installed.map((m) => m.id)).toEqual(['whisper-tiny-en', 'moonshine-tiny-en']);
    // Nothing chosen, or a model removed since: the first installed one, as in main.
    expect(pickInstalled(undefined, installed)).toBe('whisper-tiny-en');
    expect(pickInstalled('whisper-base-en', installed)).toBe('whisper-tiny-en');
    expect(pickInstalled('moonshine-tiny-en', installed)).toBe('moonshine-tiny-en');
  });
});
