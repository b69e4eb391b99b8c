import { InterviewerSettings, type ConnectionReport, type ProviderCapability, type SecretName, type Settings } from '../../../../shared/protocol';
import { keyNameFor } from '../../../../shared/settings/provider-keys';

/**
 * When Settings tests a provider (issue #10): Test connection tests what is on screen, and
 * Save tests every provider whose setup it changes, so a wrong key or an address where nothing
 * answers is never met with "Saved." alone.
 */
export const CAPABILITIES: readonly ProviderCapability[] = ['interviewer', 'speechToText', 'textToSpeech'];

/** Keys typed on screen (not saved yet); null: the stored key is being removed. */
export type TypedKeys = Partial<Record<SecretName, string | null>>;

export interface Check {
  capability: ProviderCapability;
  report: ConnectionReport;
}

/** The providers that answer over a connection, and so can be set up wrong. The offline ones need no test. */
export function reachesAServer<C extends ProviderCapability>(capability: C, section: Settings[C]): boolean {
  switch (capability) {
    case 'interviewer':
      return section.provider !== 'embedded';
    case 'speechToText':
      return section.provider === 'openai' || section.provider === 'openai-compatible';
    default:
      return section.provider === 'openai';
  }
}

/** The key a test uses: the one typed, null while it is being removed, undefined for the stored one. */
export function keyForTest<C extends ProviderCapability>(capability: C, section: Settings[C], keys: TypedKeys): string | null | undefined {
  const name = keyNameFor(capability, section.provider);
  if (!name) return undefined;
  const typed = keys[name];
  if (typed === null) return null;
  return typed?.trim() || undefined;
}

/** Everything a test's outcome depends on, to tell whether a result still holds. */
export function setupOf<C extends ProviderCapability>(capability: C, section: Settings[C], keys: TypedKeys): string {
  // What a test found is not part of what it tests.
  const { capabilities: _found, ...tested } = section as Settings['interviewer'];
  const key = keyForTest(capability, section, keys);
  return JSON.stringify([capability, tested, key === undefined ? '(stored)' : key === null ? '(removed)' : key]);
}

/** The capabilities Save must test: a provider that can fail, set up differently from what is stored. */
export function setupsToCheck(draft: Settings, stored: Settings, keys: TypedKeys): ProviderCapability[] {
  return CAPABILITIES.filter((capability) => reachesAServer(capability, draft[capability]) && setupOf(capability, draft[capability], keys) !== setupOf(capability, stored[capability], {}));
}

/** A base URL main would refuse, said as the user can fix it rather than as a validation error. */
export function addressProblem(section: object): string | undefined {
  const baseUrl = 'baseUrl' in section ? section.baseUrl : undefined;
  if (baseUrl === undefined || InterviewerSettings.shape.baseUrl.safeParse(baseUrl).success) return undefined;
  return 'The base URL is not a web address: it starts with http:// or https://, for example http://127.0.0.1:11434/v1.';
}

const LABELS: Record<ProviderCapability, string> = { interviewer: 'Interviewer', speechToText: 'Speech recognition', textToSpeech: 'Voice' };

/** One line of the status after Save: what works, or what does not work yet and why. */
export function checkLine({ capability, report }: Check): string {
  return report.ok ? `${LABELS[capability]}: ${report.sentence}` : `${LABELS[capability]} does not work yet: ${report.sentence}`;
}
