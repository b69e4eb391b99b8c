import { useEffect, useState } from 'react';

/** mm:ss since `sinceMs`, ticking once a second (state changes only in the timer callback). */
export function ElapsedTime({ sinceMs }: { sinceMs: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - sinceMs) / 1000));
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <span className="elapsed" aria-label={`Elapsed time ${text}`}>
      {text}
    </span>
  );
}
