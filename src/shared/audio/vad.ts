import { rmsDbfs } from './pcm';

/**
 * Energy-based voice activity detection (issue #4): decides when a spoken answer has ended,
 * and where the speech is in a recording for the analytics. Pure TypeScript, so it can run
 * next to the microphone in the renderer as well as in main.
 *
 * A frame is speech when its RMS level is above max(thresholdDb, noise floor + 12 dB). The
 * noise floor is the quietest frame of the last 3 seconds: between words speech always dips
 * to the room's own level, so the minimum follows the room (a quiet study, a laptop fan, a
 * café) without a calibration step. The fixed threshold keeps a silent room's floor (dither,
 * -90 dBFS) from making breaths and clicks count as speech.
 *
 * While the floor is still learning the room (the first 3 s, or after digital silence),
 * loud noise can pass for speech. So speech only counts once it has been confirmed against
 * the floor learnt afterwards: its loudest frame must beat the threshold in force when it
 * ended. Noise mistaken for speech therefore does not end an answer, nor add speaking time.
 *
 * A recording that starts mid-word takes that word for the room until a quieter frame comes:
 * the answer is still heard, only its start may be placed a little late.
 */

export interface SpeechLevelOptions {
  /** Length of the frames whose level is measured. */
  frameMs?: number;
  /** The lowest level (dBFS) that can count as speech; the room's noise can only raise it. */
  thresholdDb?: number;
  /** Shorter bursts (a click, a cough) are not speech. */
  minSpeechMs?: number;
}

export interface VoiceActivityOptions extends SpeechLevelOptions {
  sampleRate: number;
  /** Silence after speech that ends the answer. */
  silenceMs: number;
}

export type VadEvent =
  /**
   * `timeMs` is where the speech began, measured from the first sample pushed. It can come
   * more than once: after an end-of-answer, or after noise that was not confirmed as speech.
   */
  | { type: 'speech-start'; timeMs: number }
  /** `timeMs` is when the silence reached `silenceMs`; `speechEndMs` where the speech stopped. */
  | { type: 'end-of-answer'; timeMs: number; speechEndMs: number };

export interface VoiceActivityDetector {
  push(samples: Int16Array): VadEvent[];
  /** While held ("let me think"), silence does not count; on release it counts from zero. */
  hold(on: boolean): void;
}

export interface SpeechSegment {
  startMs: number;
  endMs: number;
}

export interface SpeechSegmentOptions extends SpeechLevelOptions {
  /** Gaps shorter than this (between words, a breath) join the segments on either side. */
  mergeGapMs?: number;
}

const DEFAULT_FRAME_MS = 20;
const DEFAULT_MIN_SPEECH_MS = 200;
const DEFAULT_THRESHOLD_DB = -50;
const DEFAULT_MERGE_GAP_MS = 500;
const NOISE_MARGIN_DB = 12;
const NOISE_WINDOW_MS = 3000;
/** Before speech is confirmed, a dip longer than this starts the count of `minSpeechMs` again. */
const START_GAP_MS = 200;
/** Once speaking, louder bursts shorter than this (a key press, a chair) do not interrupt the silence. */
const CLICK_MS = 60;

interface Framing {
  frameSamples: number;
  frameMs: number;
  framesIn(ms: number): number;
  timeOf(frameIndex: number): number;
}

function framing(sampleRate: number, frameMs: number): Framing {
  if (!(sampleRate > 0 && frameMs > 0)) throw new RangeError(`bad VAD framing: ${sampleRate} Hz, ${frameMs} ms frames`);
  const frameSamples = Math.max(1, Math.round((sampleRate * frameMs) / 1000));
  const exactFrameMs = (frameSamples * 1000) / sampleRate;
  return {
    frameSamples,
    frameMs: exactFrameMs,
    framesIn: (ms) => Math.max(1, Math.ceil(ms / exactFrameMs - 1e-9)),
    timeOf: (frameIndex) => Math.round(frameIndex * exactFrameMs),
  };
}

interface SpeechClassifier {
  /** Takes the next frame's level: is that frame speech? */
  isSpeech(levelDb: number): boolean;
  /** The level a frame must exceed to be speech, as of the last frame. */
  readonly thresholdDb: number;
}

/** Classifies consecutive frame levels as speech or not, tracking the noise floor as it goes. */
function createSpeechClassifier(frameMs: number, fixedThresholdDb: number): SpeechClassifier {
  const recentLevels = new Float64Array(Math.max(1, Math.round(NOISE_WINDOW_MS / frameMs))).fill(Infinity);
  let next = 0;
  let thresholdDb = fixedThresholdDb;
  return {
    isSpeech(levelDb) {
      recentLevels[next] = levelDb;
      next = (next + 1) % recentLevels.length;
      let noiseFloor = Infinity;
      for (const level of recentLevels) noiseFloor = Math.min(noiseFloor, level);
      thresholdDb = Math.max(fixedThresholdDb, noiseFloor + NOISE_MARGIN_DB);
      return levelDb > thresholdDb;
    },
    get thresholdDb() {
      return thresholdDb;
    },
  };
}

export function createVoiceActivityDetector(options: VoiceActivityOptions): VoiceActivityDetector {
  const frames = framing(options.sampleRate, options.frameMs ?? DEFAULT_FRAME_MS);
  const classifier = createSpeechClassifier(frames.frameMs, options.thresholdDb ?? DEFAULT_THRESHOLD_DB);
  const minSpeechFrames = frames.framesIn(options.minSpeechMs ?? DEFAULT_MIN_SPEECH_MS);
  const silenceFrames = frames.framesIn(options.silenceMs);
  const startGapFrames = frames.framesIn(START_GAP_MS);
  const clickFrames = frames.framesIn(CLICK_MS);

  const partial = new Int16Array(frames.frameSamples);
  let partialLength = 0;
  let frameIndex = 0;
  let held = false;
  let speaking = false;
  // The loudest voiced frame since the candidate began, to confirm it against the room.
  let peakDb = -Infinity;
  // Waiting for speech: a candidate that becomes speech after minSpeechFrames of voice.
  let candidateStart = -1;
  let candidateVoiced = 0;
  let candidateGap = 0;
  // Speaking: how long it has been quiet, and where the last real speech ended.
  let voicedRun = 0;
  let silentFrames = 0;
  let speechEndFrame = 0;

  function resetCandidate(): void {
    candidateStart = -1;
    candidateVoiced = 0;
    candidateGap = 0;
    peakDb = -Infinity;
  }

  function whileWaiting(voiced: boolean, levelDb: number, events: VadEvent[]): void {
    if (!voiced) {
      if (candidateStart >= 0 && ++candidateGap > startGapFrames) resetCandidate();
      return;
    }
    if (candidateStart < 0) candidateStart = frameIndex;
    candidateGap = 0;
    peakDb = Math.max(peakDb, levelDb);
    if (++candidateVoiced < minSpeechFrames) return;
    events.push({ type: 'speech-start', timeMs: frames.timeOf(candidateStart) });
    speaking = true;
    voicedRun = clickFrames;
    silentFrames = 0;
    speechEndFrame = frameIndex + 1;
    candidateStart = -1;
    candidateVoiced = 0;
  }

  function whileSpeaking(voiced: boolean, levelDb: number, events: VadEvent[]): void {
    voicedRun = voiced ? voicedRun + 1 : 0;
    if (voicedRun >= clickFrames) {
      silentFrames = 0;
      speechEndFrame = frameIndex + 1;
      peakDb = Math.max(peakDb, levelDb);
      return;
    }
    if (held || ++silentFrames < silenceFrames) return;
    // Only an answer that stood out from the room as it is now ends: noise taken for speech
    // while the floor was still adapting (a microphone that opens with digital silence and
    // then hums at -45 dBFS) quietly goes back to waiting instead of ending the answer early.
    if (peakDb > classifier.thresholdDb) {
      events.push({ type: 'end-of-answer', timeMs: frames.timeOf(frameIndex + 1), speechEndMs: frames.timeOf(speechEndFrame) });
    }
    // Listening goes on: if the candidate speaks again, that is a new answer's start.
    speaking = false;
    resetCandidate();
  }

  function onFrame(frame: Int16Array, events: VadEvent[]): void {
    const levelDb = rmsDbfs(frame);
    const voiced = classifier.isSpeech(levelDb);
    if (speaking) whileSpeaking(voiced, levelDb, events);
    else whileWaiting(voiced, levelDb, events);
    frameIndex += 1;
  }

  return {
    push(samples) {
      const events: VadEvent[] = [];
      let offset = 0;
      while (offset < samples.length) {
        const take = Math.min(frames.frameSamples - partialLength, samples.length - offset);
        partial.set(samples.subarray(offset, offset + take), partialLength);
        partialLength += take;
        offset += take;
        if (partialLength === frames.frameSamples) {
          onFrame(partial, events);
          partialLength = 0;
        }
      }
      return events;
    },
    hold(on) {
      held = on;
      silentFrames = 0;
    },
  };
}

interface VoicedRun extends SpeechSegment {
  peakDb: number;
  /** The threshold once the run was over, to drop runs that were only noise. */
  thresholdAfterDb: number;
}

/**
 * Where the speech is in a whole recording, for speaking time and long pauses. Uses the same
 * frame test as the live detector, so analytics agree with what ended the answer.
 */
export function findSpeechSegments(samples: Int16Array | Float32Array, sampleRate: number, options: SpeechSegmentOptions = {}): SpeechSegment[] {
  const frames = framing(sampleRate, options.frameMs ?? DEFAULT_FRAME_MS);
  const classifier = createSpeechClassifier(frames.frameMs, options.thresholdDb ?? DEFAULT_THRESHOLD_DB);
  const mergeGapMs = options.mergeGapMs ?? DEFAULT_MERGE_GAP_MS;
  const minSpeechMs = options.minSpeechMs ?? DEFAULT_MIN_SPEECH_MS;
  const durationMs = Math.round((samples.length / sampleRate) * 1000);

  const runs: VoicedRun[] = [];
  let runStart = -1;
  let peakDb = -Infinity;
  const frameCount = Math.ceil(samples.length / frames.frameSamples);
  for (let i = 0; i <= frameCount; i++) {
    const levelDb = i < frameCount ? rmsDbfs(samples.subarray(i * frames.frameSamples, (i + 1) * frames.frameSamples)) : -Infinity;
    const voiced = i < frameCount && classifier.isSpeech(levelDb);
    if (voiced) {
      if (runStart < 0) runStart = i;
      peakDb = Math.max(peakDb, levelDb);
    } else if (runStart >= 0) {
      runs.push({ startMs: frames.timeOf(runStart), endMs: Math.min(durationMs, frames.timeOf(i)), peakDb, thresholdAfterDb: classifier.thresholdDb });
      runStart = -1;
      peakDb = -Infinity;
    }
  }

  const merged: VoicedRun[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && run.startMs - last.endMs < mergeGapMs) {
      last.endMs = run.endMs;
      last.peakDb = Math.max(last.peakDb, run.peakDb);
      last.thresholdAfterDb = run.thresholdAfterDb;
    } else {
      merged.push({ ...run });
    }
  }
  return merged
    .filter((run) => run.endMs - run.startMs >= minSpeechMs && run.peakDb > run.thresholdAfterDb)
    .map(({ startMs, endMs }) => ({ startMs, endMs }));
}
