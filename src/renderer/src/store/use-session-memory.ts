import { useEffect } from 'react';
import type { Transport } from '../transport/transport';
import { useAppStore } from './app-store';
import { elapsedMs } from './interview-clock';
import { browserMemory, type InterviewMemory } from './interview-memory';

/**
 * What lets an unfinished interview survive a reload (issue #9): the history is read back
 * from the stored interview whenever this window resumes one, and the clock is written down
 * every second and when the page goes away.
 */
export function useSessionMemory(transport: Transport, memory: InterviewMemory = browserMemory): void {
  const interviewId = useAppStore((s) => s.session.interviewId);
  const resumed = useAppStore((s) => s.session.resumed);
  const opened = useAppStore((s) => s.session.opened);

  useEffect(() => {
    if (!interviewId || !resumed) return;
    let current = true;
    // Without it the screen still shows what the engine sends from now on, and the report has everything.
    transport.call('interviews.get', { interviewId }).then(
      (detail) => current && useAppStore.getState().restore(detail),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [transport, interviewId, resumed, opened]);

  useEffect(() => {
    const save = (): void => {
      const { interviewId: id, clock, ended, complete } = useAppStore.getState().session;
      if (id && !ended && !complete) memory.saveElapsed(id, elapsedMs(clock, Date.now()));
    };
    const timer = setInterval(save, 1_000);
    window.addEventListener('pagehide', save);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', save);
    };
  }, [memory]);
}
