import { createSherpaChild, type SherpaChildOptions } from '../sherpa-child-process';
import { SHERPA_CHILD_SOURCE } from './sherpa-child-source';
import type { OfflineRecognizerConfig } from './sherpa-recognizer-config';
import { cancelledError, TranscriptionError } from './transcription-error';

export interface RecognitionRequest {
  config: OfflineRecognizerConfig;
  samples: Float32Array;
  sampleRate: number;
}

/** What the local transcriber needs from a recognizer. */
export interface RecognitionEngine {
  /** One request at a time; resolves with the raw text, rejects with a TranscriptionError. */
  recognize(request: RecognitionRequest, signal?: AbortSignal): Promise<string>;
  /** Whether the engine is installed at all, without starting it. */
  installed(): boolean;
  /** Stops the engine and frees its memory; the next request starts it again. */
  close(): void;
}

/**
 * sherpa-onnx's OfflineRecognizer in a child process of its own (sherpa-child-process.ts
 * says why). A model that kills the process is reported as BAD_MODEL, so a recording that
 * is transcribed again on resume cannot quit the app at every start.
 */
export function createSherpaProcess(options: SherpaChildOptions = {}): RecognitionEngine {
  const child = createSherpaChild<RecognitionRequest, string>(options, {
    source: SHERPA_CHILD_SOURCE,
    name: 'sherpa-process',
    result: (message) => (typeof message.text === 'string' ? message.text : undefined),
    failures: {
      unsupported: () =>
        new TranscriptionError('RECOGNITION_FAILED', 'Local speech recognition does not work on this computer: choose another provider in Settings.'),
      unloadable: () =>
        new TranscriptionError('BAD_MODEL', 'The speech model could not be loaded: it may be damaged, so download it again in Settings.'),
      failed: () => new TranscriptionError('RECOGNITION_FAILED', 'The speech model could not transcribe the recording.'),
      cancelled: cancelledError,
    },
    events: { loaded: 'stt.local.model_loaded', exited: 'stt.local.process_exited', loadedField: 'modelLoaded' },
  });
  return { recognize: child.run, installed: child.installed, close: child.close };
}
