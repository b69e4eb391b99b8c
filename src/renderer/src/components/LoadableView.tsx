import type { ReactNode } from 'react';
import type { Loadable } from '../store/app-store';

/** One way to show loading and failure, so every screen says the same thing in the same place. */
export function LoadableView<T>({
  state,
  retry,
  children,
}: {
  state: Loadable<T>;
  retry?: () => void;
  children: (data: T) => ReactNode;
}) {
  if (state.status === 'ready') return <>{children(state.data)}</>;
  if (state.status === 'error') {
    return (
      <div className="panel panel-error" role="alert">
        <p>{state.message}</p>
        {retry && (
          <button type="button" onClick={retry}>
            Try again
          </button>
        )}
      </div>
    );
  }
  return <p className="muted">Loading…</p>;
}
