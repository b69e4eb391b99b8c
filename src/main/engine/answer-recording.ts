import { createPcmDecoder } from '../../shared/audio/pcm';
import { createPeakAccumulator } from '../audio/peaks';
import { analyseSpeech } from '../audio/speech-analytics';
import { readWav } from '../audio/wav-file';
import { createWavWriter, type WavWriter } from '../audio/wav-writer';
import type { MediaStore } from '../media/media-store';
import type { SpeechAnalytics } from '../../shared/protocol';
import type { Recording } from './ports';

/**
 * One spoken answer being recorded: chunks go straight into a WAV file that is valid after
 * every chunk (DESIGN.md §4.3), and into a running peak list for the waveform, so memory
 * stays flat however long the answer.
 */
export interface ActiveRecording {
  readonly turnId: string;
  readonly answerId: string;
  append(chunk: Uint8Array): void;
  finish(recordedAt: string): Recording;
}

export function startRecording(
  media: MediaStore,
  ids: { interviewId: string; turnId: string; answerId: string },
  sampleRate: number,
  /** Sees every whole sample as it is saved, and is stopped when the recording is (live transcripts). */
  listener?: { push(samples: Int16Array): void; stop(): void },
): ActiveRecording {
  const audioPath = media.answerAudio(ids.interviewId, ids.turnId);
  let writer: WavWriter;
  try {
    writer = createWavWriter(media.absolute(audioPath), { sampleRate, channels: 1, bitsPerSample: 16 });
  } catch (error) {
    // The disk refused the file: nothing is recorded, so nothing listens either.
    listener?.stop();
    throw error;
  }
  const peaks = createPeakAccumulator(sampleRate);
  const decode = createPcmDecoder();
  return {
    turnId: ids.turnId,
    answerId: ids.answerId,
    append(chunk) {
      writer.append(chunk);
      const samples = decode(chunk);
      peaks.push(samples);
      listener?.push(samples);
    },
    finish(recordedAt) {
      listener?.stop();
      const { durationMs } = writer.close();
      return { answerId: ids.answerId, turnId: ids.turnId, audioPath, durationMs, peaks: peaks.peaks(), recordedAt };
    },
  };
}

/** Speaking time, pace, fillers and long pauses of a recorded answer, with what a recogniser heard in it. */
export function analyseRecording(media: MediaStore, audioPath: string, transcript: string | undefined): SpeechAnalytics {
  const { samples, format } = readWav(media.absolute(audioPath));
  return analyseSpeech({ samples, sampleRate: format.sampleRate, transcript });
}
