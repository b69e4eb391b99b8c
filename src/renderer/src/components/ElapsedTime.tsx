import { useEffect, useState } from 'react';
import { elapsedMs, formatElapsed, type InterviewClock } from '../store/interview-clock';

/** m:ss spent in the interview, ticking once a second while the clock runs (state changes only in the timer callback). */
export function ElapsedTime({ clock }: { clock: InterviewClock }) {
  const running = clock.runningSinceMs !== null;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [running]);
  const text = formatElapsed(elapsedMs(clock, now));
  return (
    <span className="elapsed" data-testid="elapsed-time" aria-label={`Time in this interview ${text}${running ? '' : ', stopped'}`}>
      {text}
    </span>
  );
}
