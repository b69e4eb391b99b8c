import { useCallback } from 'react';
import { navigate } from '../router/use-route';
import { useAppStore } from '../store/app-store';
import { useSend } from '../transport/use-send';

/**
 * "Continue" on an unfinished interview. One still running in this window is simply shown
 * again (issue #9: asking the engine to resume it changed nothing on screen, so Continue
 * seemed to do nothing); any other, or a paused one, is resumed and the app opens it.
 */
export function useContinueInterview(): (interviewId: string) => void {
  const send = useSend();
  return useCallback(
    (interviewId: string) => {
      const { session } = useAppStore.getState();
      const running = session.interviewId === interviewId && session.question !== null && !session.ended && session.engineState !== 'paused';
      if (running) navigate({ screen: 'interview' });
      else send({ type: 'resume', interviewId });
    },
    [send],
  );
}
