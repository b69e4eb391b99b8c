import { describe, expect, it } from 'vitest';
import type { ModelView } from '../../../shared/protocol';
import { recognitionGap } from './recognition-notice';

const model = (purpose: ModelView['purpose'], installed: boolean): ModelView => ({
  id: `${purpose}-model`,
  name: 'A model',
  purpose,
  languages: ['en'],
  totalBytes: 1,
  note: '',
  state: installed ? { kind: 'installed' } : { kind: 'not-installed', partialBytes: 0 },
});

describe('what voice mode says before recording (issue #9)', () => {
  it('says there is no speech model when recognition is local and none is installed, a voice not counting', () => {
    expect(recognitionGap({ provider: 'local' }, [])).toBe('no-model');
    expect(recognitionGap({ provider: 'local' }, [model('speech-to-text', false), model('voice', true)])).toBe('no-model');
    expect(recognitionGap({ provider: 'local' }, [model('speech-to-text', true)])).toBeNull();
  });

  it('says recognition is off when it is turned off, and nothing for a service', () => {
    expect(recognitionGap({ provider: 'none' }, [])).toBe('off');
    expect(recognitionGap({ provider: 'openai' }, [])).toBeNull();
    expect(recognitionGap({ provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:8080' }, [])).toBeNull();
  });
});
