import type { ReactNode } from 'react';
import { useCall } from '../transport/transport-context';
import { useContinueInterview } from './use-continue-interview';

/** The unfinished interview, if there is one, with the button that continues it (Practice and Interview tabs). */
export function UnfinishedInterview({ whenNone }: { whenNone?: ReactNode }) {
  const { state } = useCall('interviews.current', undefined);
  const continueInterview = useContinueInterview();
  if (state.status === 'loading') return null;
  if (state.status !== 'ready' || !state.data) return whenNone ?? null;
  const interview = state.data;
  return (
    <div className="panel resume-banner" data-testid="unfinished-interview">
      <span>
        You have an unfinished <strong>{interview.track}</strong> interview from {new Date(interview.startedAt).toLocaleString()}.
      </span>
      <button type="button" className="primary" onClick={() => continueInterview(interview.id)}>
        Continue
      </button>
    </div>
  );
}
