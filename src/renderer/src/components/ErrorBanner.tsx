import { useAppStore } from '../store/app-store';

/** The engine's last `error` message, in words, until the user dismisses it. */
export function ErrorBanner() {
  const error = useAppStore((s) => s.session.lastError);
  const dismiss = useAppStore((s) => s.dismissError);
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner" data-code={error.code}>
      <span>{error.message}</span>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
