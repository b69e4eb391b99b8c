import { useState } from 'react';
import type { CallParams, ConnectionReport, ModelCapabilitiesSetting, ProviderCapability, Settings } from '../../../../shared/protocol';
import { useTransport } from '../../transport/transport-context';
import { addressProblem, keyForTest, setupOf, setupsToCheck, type Check, type TypedKeys } from './connection-checks';

/** A test of one setup: running, or what it found. */
export type TestState = { testing: true } | { testing: false; report: ConnectionReport };

export interface ConnectionTests {
  /** The latest test of this capability, while its setup is still what is on screen. */
  stateOf<C extends ProviderCapability>(capability: C, section: Settings[C], keys: TypedKeys): TestState | undefined;
  run<C extends ProviderCapability>(capability: C, section: Settings[C], keys: TypedKeys): Promise<ConnectionReport>;
  /** Before Save: every changed setup tested (a result already on screen is used as it is). */
  checkChanged(draft: Settings, stored: Settings, keys: TypedKeys): Promise<{ checks: Check[]; found?: ModelCapabilitiesSetting }>;
}

/** Settings → Test connection through `providers.test`; results are kept per capability with the setup they tested. */
export function useConnectionTests(): ConnectionTests {
  const transport = useTransport();
  const [tests, setTests] = useState<Partial<Record<ProviderCapability, { setup: string; state: TestState }>>>({});

  const run = async <C extends ProviderCapability>(capability: C, section: Settings[C], keys: TypedKeys): Promise<ConnectionReport> => {
    const setup = setupOf(capability, section, keys);
    setTests((all) => ({ ...all, [capability]: { setup, state: { testing: true } } }));
    const key = keyForTest(capability, section, keys);
    const problem = addressProblem(section);
    let report: ConnectionReport;
    try {
      if (problem) report = { ok: false, sentence: problem };
      else report = await transport.call('providers.test', { capability, draft: section, ...(key === undefined ? {} : { key }) } as CallParams<'providers.test'>);
    } catch (error) {
      report = { ok: false, sentence: error instanceof Error ? error.message : String(error) };
    }
    // A newer test of the same capability wins.
    setTests((all) => (all[capability]?.setup === setup ? { ...all, [capability]: { setup, state: { testing: false, report } } } : all));
    return report;
  };

  const stateOf = <C extends ProviderCapability>(capability: C, section: Settings[C], keys: TypedKeys): TestState | undefined => {
    const test = tests[capability];
    return test?.setup === setupOf(capability, section, keys) ? test.state : undefined;
  };

  return {
    stateOf,
    run,
    async checkChanged(draft, stored, keys) {
      const checks = await Promise.all(
        setupsToCheck(draft, stored, keys).map(async (capability): Promise<Check> => {
          const state = stateOf(capability, draft[capability], keys);
          return { capability, report: state && !state.testing ? state.report : await run(capability, draft[capability], keys) };
        }),
      );
      const found = checks.find((check) => check.capability === 'interviewer')?.report.capabilities;
      return { checks, ...(found ? { found } : {}) };
    },
  };
}
