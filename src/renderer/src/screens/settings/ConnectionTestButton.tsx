import type { ConnectionReport, ProviderCapability, Settings } from '../../../../shared/protocol';
import { reachesAServer, type TypedKeys } from './connection-checks';
import type { ConnectionTests } from './use-connection-tests';

interface Props<C extends ProviderCapability> {
  capability: C;
  section: Settings[C];
  keys: TypedKeys;
  tests: ConnectionTests;
  /** What the caller keeps of a result (the interviewer's model list and capabilities). */
  onReport?(report: ConnectionReport): void;
}

/**
 * Test connection: one tiny real request to the provider as it is on screen, saved or not,
 * answered in a sentence. Shown for providers that answer over a connection; the offline ones
 * have nothing to test.
 */
export function ConnectionTestButton<C extends ProviderCapability>({ capability, section, keys, tests, onReport }: Props<C>) {
  if (!reachesAServer(capability, section)) return null;
  const state = tests.stateOf(capability, section, keys);
  return (
    <div className="connection-test">
      <button
        type="button"
        disabled={state?.testing}
        onClick={() => {
          void tests.run(capability, section, keys).then((report) => onReport?.(report));
        }}
      >
        Test connection
      </button>
      {state?.testing && <span className="muted">Testing…</span>}
      {state && !state.testing && (
        <p role={state.report.ok ? 'status' : 'alert'} className={state.report.ok ? 'test-ok' : 'test-failed'} data-testid={`connection-test-${capability}`}>
          {state.report.sentence}
        </p>
      )}
    </div>
  );
}
