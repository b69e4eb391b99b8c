import {
  isCallMethod,
  parseCallParams,
  parseCallResult,
  type CallMethod,
  type CallResult,
  type ValidCallParams,
} from '../../shared/protocol';
import { describeError, type Logger } from '../log';
import { CallError, type CallHandlers } from './call-handlers';

export type CallOutcome =
  | { ok: true; result: unknown }
  | { ok: false; error: { code: string; message: string } };

/**
 * Runs one call for either transport: checks the method and params against the contract,
 * runs the handler, and checks the result too, so a handler bug shows up as INTERNAL here
 * rather than as a confusing failure in the renderer.
 */
export async function dispatchCall(
  handlers: CallHandlers,
  method: unknown,
  params: unknown,
  log: Logger,
): Promise<CallOutcome> {
  if (!isCallMethod(method)) {
    // Without the name: it is the client's input (docs/decisions.md, issue #9).
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'unknown method; reload the page if the app was updated' } };
  }
  const valid = parseCallParams(method, params);
  if (!valid.ok) return { ok: false, error: { code: 'BAD_PARAMS', message: valid.error } };
  const started = performance.now();
  try {
    const result = await runHandler(handlers, method, valid.value);
    const checked = parseCallResult(method, result);
    if (!checked.ok) {
      log.error('call.bad_result', { method });
      return { ok: false, error: { code: 'INTERNAL', message: 'the app produced an invalid answer' } };
    }
    log.info('call.done', { method, ms: Math.round(performance.now() - started) });
    return { ok: true, result: checked.value };
  } catch (error) {
    if (error instanceof CallError) return { ok: false, error: { code: error.code, message: error.message } };
    log.error('call.failed', { method, error: describeError(error) });
    return { ok: false, error: { code: 'INTERNAL', message: 'something went wrong; please try again' } };
  }
}

function runHandler<M extends CallMethod>(
  handlers: CallHandlers,
  method: M,
  params: ValidCallParams<M>,
): Promise<CallResult<M>> | CallResult<M> {
  return (handlers[method] as (p: ValidCallParams<M>) => Promise<CallResult<M>> | CallResult<M>)(params);
}
