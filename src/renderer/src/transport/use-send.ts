import { useCallback } from 'react';
import type { ClientMessage } from '../../../shared/protocol';
import { useAppStore } from '../store/app-store';
import { useTransport } from './transport-context';

/** Sends a session message and records it for the transcript. */
export function useSend(): (message: ClientMessage) => void {
  const transport = useTransport();
  return useCallback(
    (message: ClientMessage) => {
      transport.send(message);
      useAppStore.getState().sent(message);
    },
    [transport],
  );
}
