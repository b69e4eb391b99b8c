import { useEffect, useState } from 'react';
import type { InterviewerSettings } from '../../../../shared/protocol';
import { useTransport } from '../../transport/transport-context';
import { keyForTest, reachesAServer, type TypedKeys } from './connection-checks';

/** Long enough that an address typed letter by letter is asked about once. */
const SETTLE_MS = 400;

/**
 * The models the chosen server lists (`providers.models`), for the model picker: undefined
 * while there is no list, and an empty list where the server has none (a text field then).
 * Asked again when the provider, the address or the key on screen changes.
 */
export function useModelList(interviewer: InterviewerSettings, keys: TypedKeys): { models: string[] | undefined; offer(models: string[]): void } {
  const transport = useTransport();
  const { provider, baseUrl } = interviewer;
  const key = keyForTest('interviewer', interviewer, keys);
  const request = reachesAServer('interviewer', interviewer) ? JSON.stringify([provider, baseUrl ?? '', key ?? null]) : undefined;
  const [listed, setListed] = useState<{ request: string; models: string[] } | undefined>(undefined);
  useEffect(() => {
    if (!request) return;
    let current = true;
    const timer = setTimeout(() => {
      transport.call('providers.models', { capability: 'interviewer', draft: { provider, ...(baseUrl ? { baseUrl } : {}) }, ...(key === undefined ? {} : { key }) }).then(
        ({ models }) => current && setListed({ request, models }),
        // Unreachable, refused, no list: the model is typed; Test connection says what is wrong.
        () => current && setListed({ request, models: [] }),
      );
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `request` stands for provider, address and key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [transport, request]);
  return {
    models: request && listed?.request === request ? listed.models : undefined,
    offer: (models) => {
      if (request && models.length > 0) setListed({ request, models });
    },
  };
}
