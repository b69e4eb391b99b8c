import type { BundledVoice } from './bundled-voice';
import { SpeechSynthesisError, type SpeechSynthesisErrorCode } from './speech-synthesis-error';
import type { SystemVoice, VoiceAvailability } from './system-voice';

export interface ZeroSetupVoice extends SystemVoice {
  /** 'system' or 'bundled': the voice that took the latest question ('system' before any). */
  readonly name: string;
}

/**
 * A system voice that turns out to be broken (espeak-ng installed without its data, a
 * program that exits without writing audio) is passed over like a missing one. A voice
 * name it does not have is not: the user chose that voice, and should hear why it is not used.
 */
const BUNDLED_TAKES_OVER: ReadonlySet<SpeechSynthesisErrorCode> = new Set(['NOT_AVAILABLE', 'SYNTHESIS_FAILED']);

/**
 * The zero-setup voice of DESIGN.md §5 on every OS: the operating system's own voice when it
 * has one (it sounds best and costs no memory here), otherwise the voice bundled with the app,
 * so that a Linux computer without espeak-ng still hears its questions.
 */
export function createZeroSetupVoice(system: SystemVoice, bundled: BundledVoice): ZeroSetupVoice {
  let lastUsed: string = system.name;

  return {
    get name() {
      return lastUsed;
    },

    async availability(): Promise<VoiceAvailability> {
      const own = await system.availability();
      if (own.available) return own;
      // The system voice's reason names what to install, which is more use to the user.
      return (await bundled.availability()).available ? { available: true } : own;
    },

    async synthesize(request) {
      if ((await system.availability()).available) {
        lastUsed = system.name;
        try {
          return await system.synthesize(request);
        } catch (error) {
          if (!(error instanceof SpeechSynthesisError && BUNDLED_TAKES_OVER.has(error.code))) throw error;
        }
      }
      lastUsed = bundled.name;
      return bundled.synthesize(request);
    },
  };
}
