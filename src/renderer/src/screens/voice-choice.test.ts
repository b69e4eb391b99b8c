import { describe, expect, it } from 'vitest';
import type { ModelView } from '../../../shared/protocol';
import { installedVoices, offersVoices, pickVoice, switchVoiceProvider } from './voice-choice';

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
    expect(pickVoice('voice-kate', installed)).toBe('voice-kate');
    expect(pickVoice('voice-amy', installed)).toBe('voice-ryan');
    expect(pickVoice(undefined, installed)).toBe('voice-ryan');
    expect(pickVoice('voice-kate', [])).toBeUndefined();
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
