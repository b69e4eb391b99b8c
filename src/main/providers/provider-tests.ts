import { LIMITS, type ConnectionReport, type ProviderModelsParams, type ProviderTestParams, type SecretName, type Settings } from '../../shared/protocol';
import { keyNameFor } from '../../shared/settings/provider-keys';
import { CallError } from '../rpc/call-handlers';
import { redactSecrets, registerSecret } from '../secret-redaction';
import type { SettingsService } from '../settings/settings-service';
import { listLanguageModels, testLanguageModel } from './llm/connection/test-language-model';
import { isModelError } from './llm/model-error';
import type { FetchFunction } from './openai-client';
import type { SpeechToTextContext } from './stt/create-speech-to-text';
import { testSpeechToText } from './stt/test-speech-to-text';
import type { TextToSpeechContext } from './tts/create-text-to-speech';
import { testTextToSpeech } from './tts/test-text-to-speech';

export interface ProviderTestDeps {
  settings: Pick<SettingsService, 'get' | 'secret'>;
  speechToText: Omit<SpeechToTextContext, 'secret'>;
  textToSpeech: Omit<TextToSpeechContext, 'secret'>;
  /** For the model servers; tests point it at loopback servers. */
  fetch?: FetchFunction | undefined;
}

export interface ProviderTests {
  test(params: ProviderTestParams): Promise<ConnectionReport>;
  models(params: ProviderModelsParams): Promise<{ models: string[] }>;
}

/**
 * `providers.test` and `providers.models` (issue #10): the settings on screen are tested as
 * they are, saved or not, with the key typed there or the stored one, and nothing is stored
 * (docs/decisions.md). What a server sends back reaches the page only through our own
 * sentences and its model names, and neither may carry a key.
 */
export function createProviderTests(deps: ProviderTestDeps): ProviderTests {
  /** The stored keys, with the one on screen in place of its own. */
  const secretsWith = <C extends keyof Settings & ProviderTestParams['capability']>(capability: C, section: Settings[C], key: string | null | undefined) => {
    registerSecret(key);
    const onScreen = keyNameFor(capability, section.provider);
    return (name: SecretName): string | undefined => (name === onScreen && key !== undefined ? (key ?? undefined) : deps.settings.secret(name));
  };
  const apiKeyFor = (section: Settings['interviewer'], key: string | null | undefined): string | undefined => {
    const name = keyNameFor('interviewer', section.provider);
    return name && secretsWith('interviewer', section, key)(name);
  };

  return {
    async test(params) {
      const stored = deps.settings.get();
      let report: ConnectionReport;
      if (params.capability === 'interviewer') {
        const section = params.draft ?? stored.interviewer;
        report = await testLanguageModel(section, { apiKey: apiKeyFor(section, params.key), fetch: deps.fetch });
      } else if (params.capability === 'speechToText') {
        const section = params.draft ?? stored.speechToText;
        report = await testSpeechToText(section, { ...deps.speechToText, secret: secretsWith('speechToText', section, params.key) });
      } else {
        const section = params.draft ?? stored.textToSpeech;
        report = await testTextToSpeech(section, { ...deps.textToSpeech, secret: secretsWith('textToSpeech', section, params.key) });
      }
      return { ...report, sentence: redactSecrets(report.sentence), ...(report.models ? { models: modelNames(report.models) } : {}) };
    },

    async models(params) {
      const section = params.draft ?? deps.settings.get().interviewer;
      const listed = await listLanguageModels(section, { apiKey: apiKeyFor(section, params.key), fetch: deps.fetch });
      if (isModelError(listed)) throw new CallError('UNAVAILABLE', listed.message);
      return { models: modelNames(listed) };
    },
  };
}

/** A server's model names as the page may see them: none that carries a key, none too long. */
function modelNames(ids: string[]): string[] {
  return ids.filter((id) => id.length <= LIMITS.shortTextChars && redactSecrets(id) === id).slice(0, 1_000);
}
