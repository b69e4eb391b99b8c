import { useCallback, useEffect, useRef, useState } from 'react';
import { createVoiceActivityDetector } from '../../../shared/audio/vad';
import { useTransport } from '../transport/transport-context';
import { MicrophoneError, openMicrophone, type Microphone, type MicrophoneFailure } from './microphone';

interface ActiveRecording {
  questionId: string;
  microphone?: Microphone;
  stopped: boolean;
  /** Chunks captured before `audio_start` went out, sent right after it. */
  early: ArrayBuffer[] | null;
  vad: ReturnType<typeof createVoiceActivityDetector>;
}

export type RecorderState = 'idle' | 'starting' | 'recording';

export interface VoiceRecorder {
  state: RecorderState;
  /** Input level of the last chunk, in dBFS, for the meter. */
  levelDb: number;
  failure: MicrophoneFailure | null;
  /** "Let me think": while held, silence does not end a hands-free answer. */
  holding: boolean;
  start(questionId: string): Promise<void>;
  stop(): void;
  setHolding(on: boolean): void;
}

/**
 * Records one spoken answer (DESIGN.md §4.3): `audio_start`, 50 ms binary chunks, `audio_end`.
 * In hands-free mode voice activity detection ends the answer after `silenceMs` of silence
 * following speech; push-to-talk ends it when the key or button is released.
 */
export function useVoiceRecorder(options: { handsFree: boolean; silenceMs: number }): VoiceRecorder {
  const transport = useTransport();
  const [state, setState] = useState<RecorderState>('idle');
  const [levelDb, setLevelDb] = useState(-120);
  const [failure, setFailure] = useState<MicrophoneFailure | null>(null);
  const [holding, setHoldingState] = useState(false);
  const active = useRef<ActiveRecording | null>(null);
  const settings = useRef(options);
  useEffect(() => {
    settings.current = options;
  }, [options]);

  const stop = useCallback(() => {
    const recording = active.current;
    if (!recording || recording.stopped) return;
    recording.stopped = true;
    active.current = null;
    setState('idle');
    setHoldingState(false);
    const announced = recording.early === null;
    void Promise.resolve(recording.microphone?.stop()).finally(() => {
      if (announced) transport.send({ type: 'audio_end', questionId: recording.questionId });
    });
  }, [transport]);

  const start = useCallback(
    async (questionId: string) => {
      if (active.current) return;
      const vad = createVoiceActivityDetector({ sampleRate: 16_000, silenceMs: settings.current.silenceMs });
      const recording: ActiveRecording = { questionId, stopped: false, early: [], vad };
      active.current = recording;
      setFailure(null);
      setState('starting');
      try {
        const microphone = await openMicrophone((pcm, level) => {
          if (recording.stopped) return;
          if (recording.early) recording.early.push(pcm);
          else transport.sendAudio(pcm);
          setLevelDb(level);
          const ended = vad.push(new Int16Array(pcm)).some((event) => event.type === 'end-of-answer');
          if (ended && settings.current.handsFree) stop();
        });
        recording.microphone = microphone;
        if (recording.stopped) return void microphone.stop();
        transport.send({ type: 'audio_start', questionId, sampleRate: microphone.sampleRate, encoding: 'pcm_s16le' });
        for (const pcm of recording.early ?? []) transport.sendAudio(pcm);
        recording.early = null;
        setState('recording');
      } catch (error) {
        active.current = null;
        setState('idle');
        setFailure(error instanceof MicrophoneError ? error.reason : 'failed');
      }
    },
    [transport, stop],
  );

  const setHolding = useCallback((on: boolean) => {
    active.current?.vad.hold(on);
    setHoldingState(on);
  }, []);

  // Leaving the screen ends the recording; the engine keeps what was said.
  useEffect(() => stop, [stop]);

  return { state, levelDb, failure, holding, start, stop, setHolding };
}
