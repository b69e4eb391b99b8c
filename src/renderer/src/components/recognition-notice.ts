import type { ModelView, Settings } from '../../../shared/protocol';
import { installedModels } from '../screens/voice-choice';

export type RecognitionGap = 'no-model' | 'off';

/**
 * Why a spoken answer will not be transcribed, known before the candidate speaks (issue #9:
 * it was only reported after the answer). Recognition by a service can still fail on the
 * day; that is reported when it happens.
 */
export function recognitionGap(speechToText: Settings['speechToText'], models: readonly ModelView[]): RecognitionGap | null {
  if (speechToText.provider === 'none') return 'off';
  if (speechToText.provider === 'local' && installedModels(models, 'speech-to-text').length === 0) return 'no-model';
  return null;
}
