import type { Emit, SessionPort } from './session-port';

/**
 * The session every connection gets until the interview engine is wired in (issue #3):
 * it answers each session message with a recoverable UNAVAILABLE error, so the protocol,
 * the transports and the renderer can be exercised end to end without pretending to
 * run an interview.
 */
export function createEngineUnavailableSession(emit: Emit): SessionPort {
  const unavailable = (): void =>
    emit({
      type: 'error',
      code: 'UNAVAILABLE',
      message: 'The interview engine is not part of this build yet.',
      recoverable: true,
    });
  // Audio chunks are dropped silently: their audio_start already got the error.
  return { receive: unavailable, receiveAudio() {}, close() {} };
}
