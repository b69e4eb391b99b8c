import { useState } from 'react';
import type { AppNotice } from '../../../shared/protocol';
import { useCall } from '../transport/transport-context';

/**
 * What the start found that the user must know (issue #9: a damaged database was kept aside
 * and a new one started), from `app.notices`, until the user dismisses it.
 */
export function NoticeBanner() {
  const { state } = useCall('app.notices', undefined);
  const [dismissed, setDismissed] = useState<AppNotice['code'][]>([]);
  if (state.status !== 'ready') return null;
  return (
    <>
      {state.data
        .filter((notice) => !dismissed.includes(notice.code))
        .map((notice) => (
          <div key={notice.code} className="banner banner-notice" role="status" data-testid="app-notice" data-code={notice.code}>
            <span>{notice.message}</span>
            <button type="button" onClick={() => setDismissed([...dismissed, notice.code])}>
              Dismiss
            </button>
          </div>
        ))}
    </>
  );
}
