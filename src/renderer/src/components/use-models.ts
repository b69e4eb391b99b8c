import { useEffect, useState } from 'react';
import type { ModelStateView, ModelView } from '../../../shared/protocol';
import type { Loadable } from '../store/app-store';
import { useCall, useTransport } from '../transport/transport-context';

/**
 * The downloadable models (speech models and voices) with their live state: `model_progress`
 * messages update a row as a download advances, finishes or is removed, without asking again.
 * One list for the whole Settings screen, so the voice picker sees a voice as soon as it is in.
 */
export function useModels(): { state: Loadable<ModelView[]>; reload(): void } {
  const { state, reload } = useCall('models.list', undefined);
  const transport = useTransport();
  const [live, setLive] = useState<Record<string, ModelStateView>>({});
  useEffect(
    () =>
      transport.onMessage((message) => {
        if (message.type === 'model_progress') setLive((current) => ({ ...current, [message.modelId]: message.state }));
      }),
    [transport],
  );
  if (state.status !== 'ready') return { state, reload };
  return { state: { status: 'ready', data: state.data.map((model) => ({ ...model, state: live[model.id] ?? model.state })) }, reload };
}
