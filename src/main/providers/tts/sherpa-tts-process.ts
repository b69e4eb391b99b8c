import { createSherpaChild, type SherpaChildOptions } from '../sherpa-child-process';
import { SHERPA_TTS_CHILD_SOURCE } from './sherpa-tts-child-source';
import { SpeechSynthesisError, cancelledError } from './speech-synthesis-error';

/** sherpa-onnx-node's OfflineTtsConfig, as far as a Piper (VITS) voice uses it. */
export interface OfflineTtsConfig {
  model: {
    vits: { model: string; tokens: string; dataDir: string };
    numThreads: number;
    provider: 'cpu';
    debug: 0;
  };
  /** Sentences run through the model one at a time, which bounds memory for long text. */
  maxNumSentences: number;
}

export interface SpeechRequest {
  config: OfflineTtsConfig;
  text: string;
  /** 1 is the voice's own pace; sherpa-onnx uses 1/speed as the model's length scale. */
  speed: number;
}

export interface GeneratedSpeech {
  samples: Float32Array;
  sampleRate: number;
}

/** What the Piper voice needs from a synthesizer. */
export interface SpeechEngine {
  /** One request at a time; rejects with a SpeechSynthesisError. */
  generate(request: SpeechRequest, signal?: AbortSignal): Promise<GeneratedSpeech>;
  /** Whether the engine is installed at all, without starting it. */
  installed(): boolean;
  /** Stops the engine and frees its memory; the next request starts it again. */
  close(): void;
}

/**
 * sherpa-onnx's OfflineTts in a child process of its own (sherpa-child-process.ts says why):
 * malformed voice files (tokens.txt, missing metadata, an espeak-ng data folder it cannot
 * read) cost a child rather than the app, and are reported as a voice that did not load.
 */
export function createSherpaTtsProcess(options: SherpaChildOptions = {}): SpeechEngine {
  const child = createSherpaChild<SpeechRequest, GeneratedSpeech>(options, {
    source: SHERPA_TTS_CHILD_SOURCE,
    name: 'sherpa-tts-process',
    result: ({ samples, sampleRate }) => (samples instanceof Float32Array && typeof sampleRate === 'number' ? { samples, sampleRate } : undefined),
    failures: {
      unsupported: () => new SpeechSynthesisError('NOT_AVAILABLE', 'Natural voices do not work on this computer: choose another voice in Settings.'),
      unloadable: () =>
        new SpeechSynthesisError('SYNTHESIS_FAILED', 'The voice could not be loaded: it may be damaged, so download it again in Settings.'),
      failed: () => new SpeechSynthesisError('SYNTHESIS_FAILED', 'The voice did not produce any audio for this question.'),
      cancelled: cancelledError,
    },
    events: { loaded: 'tts.local.voice_loaded', exited: 'tts.local.process_exited', loadedField: 'voiceLoaded' },
    // sherpa-onnx starts espeak-ng once per process (std::call_once) with the first data folder.
    processKey: (request) => request.config.model.vits.dataDir,
  });
  return {
    // Only these fields cross to the child: whatever else a caller's object holds stays here.
    generate: ({ config, text, speed }, signal) => child.run({ config, text, speed }, signal),
    installed: child.installed,
    close: child.close,
  };
}
