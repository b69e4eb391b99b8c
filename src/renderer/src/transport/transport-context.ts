import { createContext, useContext, useEffect, useState } from 'react';
import type { CallMethod, CallParams, CallResult } from '../../../shared/protocol';
import type { Loadable } from '../store/app-store';
import type { Transport } from './transport';

export const TransportContext = createContext<Transport | null>(null);

export function useTransport(): Transport {
  const transport = useContext(TransportContext);
  if (!transport) throw new Error('useTransport outside <TransportContext.Provider>');
  return transport;
}

/**
 * Runs one call when the component mounts (and when `key` changes), as a Loadable.
 * `reload` runs it again, for screens with a "Try again" button.
 */
export function useCall<M extends CallMethod>(
  method: M,
  params: CallParams<M> | undefined,
  key: string = '',
): { state: Loadable<CallResult<M>>; reload(): void } {
  const transport = useTransport();
  const [round, setRound] = useState(0);
  const requestKey = `${method}|${key}|${round}`;
  // The answer is stored with the request it answers; a newer request reads as loading
  // until its own answer arrives, without resetting state inside the effect.
  const [settled, setSettled] = useState<{ requestKey: string; state: Loadable<CallResult<M>> } | null>(null);
  useEffect(() => {
    let current = true;
    transport.call(method, params).then(
      (data) => current && setSettled({ requestKey, state: { status: 'ready', data } }),
      (error: unknown) =>
        current &&
        setSettled({ requestKey, state: { status: 'error', message: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      current = false;
    };
    // params are described by `key`; an object literal would re-run the call on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [transport, requestKey]);
  const state: Loadable<CallResult<M>> = settled?.requestKey === requestKey ? settled.state : { status: 'loading' };
  return { state, reload: () => setRound((n) => n + 1) };
}
