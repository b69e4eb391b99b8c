import workletUrl from './capture-worklet.ts?worker&url';

export const CAPTURE_SAMPLE_RATE = 16_000;

export type MicrophoneFailure = 'denied' | 'no-device' | 'unsupported' | 'failed';

export class MicrophoneError extends Error {
  constructor(readonly reason: MicrophoneFailure, message: string) {
    super(message);
  }
}

export interface Microphone {
  readonly sampleRate: number;
  stop(): Promise<void>;
}

/**
 * Opens the microphone and streams 16 kHz 16-bit PCM chunks (50 ms) with their level.
 * Echo cancellation keeps the interviewer's voice from the speakers out of the answer.
 */
export async function openMicrophone(onChunk: (pcm: ArrayBuffer, levelDb: number) => void): Promise<Microphone> {
  if (!navigator.mediaDevices?.getUserMedia || typeof AudioWorkletNode === 'undefined') {
    throw new MicrophoneError('unsupported', 'This browser cannot record audio.');
  }
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      // No automatic gain: it raises the room noise as soon as the candidate stops, which
      // would look like more speech to the silence detector (measured in the voice e2e test).
      audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: false },
    });
  } catch (error) {
    const name = error instanceof DOMException ? error.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError') throw new MicrophoneError('denied', 'Microphone access was denied.');
    if (name === 'NotFoundError' || name === 'OverconstrainedError') throw new MicrophoneError('no-device', 'No microphone was found.');
    throw new MicrophoneError('failed', 'The microphone could not be opened.');
  }
  const context = new AudioContext();
  try {
    await context.audioWorklet.addModule(workletUrl);
    const source = context.createMediaStreamSource(stream);
    const node = new AudioWorkletNode(context, 'capture-processor', { numberOfInputs: 1, numberOfOutputs: 0, channelCount: 1 });
    node.port.onmessage = (event: MessageEvent<{ pcm: ArrayBuffer; level: number }>) => onChunk(event.data.pcm, event.data.level);
    source.connect(node);
    return {
      sampleRate: CAPTURE_SAMPLE_RATE,
      async stop() {
        source.disconnect();
        node.port.onmessage = null;
        for (const track of stream.getTracks()) track.stop();
        await context.close();
      },
    };
  } catch (error) {
    for (const track of stream.getTracks()) track.stop();
    await context.close();
    throw error instanceof MicrophoneError ? error : new MicrophoneError('failed', 'The microphone could not be opened.');
  }
}
