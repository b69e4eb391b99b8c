/**
 * Compile-time checks, run by `npm run typecheck`: a handler or a caller that drifts from the
 * contract in src/shared/protocol/calls.ts must not compile. Each @ts-expect-error below fails
 * the typecheck if the error it expects ever disappears.
 */
import type { InterviewApi } from '../../shared/api';
import type { CallHandlers } from './call-handlers';

export const handlerWithWrongResult: Pick<CallHandlers, 'tracks.list'> = {
  // @ts-expect-error a result that does not match the contract
  'tracks.list': () => [{ id: 42 }],
};

// @ts-expect-error every method of the contract needs a handler
export const handlersMissingMethods: CallHandlers = { 'tracks.list': () => [] };

export const handlerReadingUnknownParam: Pick<CallHandlers, 'interviews.get'> = {
  // @ts-expect-error params are typed from the contract
  'interviews.get': (params) => params.id,
};

export function callersThatDrift(api: InterviewApi): void {
  // @ts-expect-error a method the contract does not have
  void api.call('tracks.lst');
  // @ts-expect-error params of the wrong shape
  void api.call('interviews.get', { id: 'x' });
  // @ts-expect-error a message type the protocol does not have
  api.send({ type: 'hello' });
  void api.call('tracks.list').then((tracks) => {
    // @ts-expect-error results are typed from the contract
    tracks[0]?.name.toUpperCase();
  });
}
