import { writeFailureOf } from '../write-failure';
import { CallError, type CallHandlers } from './call-handlers';

/**
 * Every call that writes (settings, deletions, models) answers a full or read-only disk with
 * the same code and sentence as the interview does (issue #9, fault 7), not a bare INTERNAL.
 */
export function withWriteFailures(handlers: CallHandlers, dataDir: string): CallHandlers {
  const wrapped: Record<string, (params: never) => Promise<unknown>> = {};
  for (const [method, handler] of Object.entries(handlers) as [string, (params: never) => unknown][]) {
    wrapped[method] = async (params) => {
      try {
        return await handler(params);
      } catch (error) {
        const refused = writeFailureOf(error, dataDir);
        throw refused ? new CallError(refused.code, refused.message) : error;
      }
    };
  }
  return wrapped as unknown as CallHandlers;
}
