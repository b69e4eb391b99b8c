import type { ConnectionState } from '../transport/transport';

const LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  unauthorized: 'Not authorised',
  closed: 'Disconnected',
};

export function ConnectionBadge({ state }: { state: ConnectionState }) {
  return (
    <span className={`badge badge-${state}`} data-testid="connection-state" data-state={state} role="status">
      {LABELS[state]}
    </span>
  );
}
