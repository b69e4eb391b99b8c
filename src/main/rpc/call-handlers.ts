import type { CallMethod, CallResult, ValidCallParams } from '../../shared/protocol';

/**
 * One handler per method of the contract. Typed from `src/shared/protocol/calls.ts`, so a
 * missing method, a wrong parameter type or a wrong result shape fails to compile.
 */
export type CallHandlers = {
  [M in CallMethod]: (params: ValidCallParams<M>) => Promise<CallResult<M>> | CallResult<M>;
};

/** Thrown by a handler to answer with a specific error code (NOT_FOUND, UNAVAILABLE, ...). */
export class CallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CallError';
  }
}
