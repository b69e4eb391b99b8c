import { useEffect, useState } from 'react';

/**
 * Hands-free: the transcript is sent after a short review window unless the candidate starts
 * correcting it (issue #4: the candidate can always correct the transcript first).
 */
export function AutoSubmit({ seconds, onSubmit }: { seconds: number; onSubmit(): void }) {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    if (left <= 0) {
      onSubmit();
      return;
    }
    const timer = setTimeout(() => setLeft((n) => n - 1), 1_000);
    return () => clearTimeout(timer);
  }, [left, onSubmit]);
  return (
    <span className="muted" role="status" data-testid="auto-submit">
      Sending in {left} s — edit the text to stop.
    </span>
  );
}
