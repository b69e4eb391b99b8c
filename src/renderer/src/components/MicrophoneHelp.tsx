import type { MicrophoneFailure } from '../audio/microphone';

const STEPS: Record<string, string> = {
  mac: 'macOS: System Settings → Privacy & Security → Microphone, then turn on Interview Practice (or your browser).',
  windows: 'Windows: Settings → Privacy & security → Microphone, then allow access for desktop apps (or your browser).',
  linux: 'Linux: check that a microphone is connected and not muted (for example in your sound settings), then try again.',
  browser: 'In a browser: click the icon at the left of the address bar and allow the microphone for this page.',
};

/** What to do when the microphone cannot be used, and the way out: typing. */
export function MicrophoneHelp({ failure, onType, onRetry }: { failure: MicrophoneFailure; onType(): void; onRetry(): void }) {
  const platform = navigator.userAgent.includes('Mac') ? 'mac' : navigator.userAgent.includes('Windows') ? 'windows' : 'linux';
  return (
    <div className="panel panel-error" role="alert" data-testid="microphone-help">
      <h2>{failure === 'denied' ? 'Microphone access is blocked' : failure === 'no-device' ? 'No microphone found' : 'The microphone could not be used'}</h2>
      <p>To answer aloud, allow the microphone:</p>
      <ul>
        <li>{STEPS[platform]}</li>
        {!('interview' in window) && <li>{STEPS.browser}</li>}
      </ul>
      <div className="actions">
        <button type="button" onClick={onRetry}>
          Try again
        </button>
        <button type="button" className="primary" onClick={onType}>
          Type my answers instead
        </button>
      </div>
    </div>
  );
}
