import { useEffect } from 'react';
import { AppShell } from './components/AppShell';
import { navigate, useRoute } from './router/use-route';
import { CompareScreen } from './screens/CompareScreen';
import { HistoryScreen } from './screens/HistoryScreen';
import { HomeScreen } from './screens/HomeScreen';
import { InterviewScreen } from './screens/InterviewScreen';
import { ProgressScreen } from './screens/ProgressScreen';
import { ProfileScreen } from './screens/ProfileScreen';
import { ReportScreen } from './screens/ReportScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { useAppStore } from './store/app-store';
import { useSessionMemory } from './store/use-session-memory';
import { TransportContext } from './transport/transport-context';
import type { Transport } from './transport/transport';

/** Wires the transport into the store once, then shows the screen the route names. */
export function App({ transport }: { transport: Transport }) {
  const route = useRoute();
  const interviewId = useAppStore((s) => s.session.interviewId);
  const opened = useAppStore((s) => s.session.opened);
  const complete = useAppStore((s) => s.session.complete !== null);
  const retake = useAppStore((s) => s.session.config?.retakeOf !== undefined);
  useSessionMemory(transport);

  useEffect(() => {
    const { setConnection, receive } = useAppStore.getState();
    setConnection(transport.kind, transport.connectionState);
    const stopState = transport.onConnectionState((state) => setConnection(transport.kind, state));
    const stopMessages = transport.onMessage(receive);
    // A new connection is a new engine session: re-attach to the interview in progress.
    transport.setReconnectGreeting(() => {
      const { interviewId, ended, complete } = useAppStore.getState().session;
      return interviewId && !ended && !complete ? { type: 'resume', interviewId } : undefined;
    });
    return () => {
      stopState();
      stopMessages();
    };
  }, [transport]);

  // An interview this window started or resumed takes the user to the interview screen, also
  // when it is the one already here (issue #9); a reconnect's quiet re-attach does not.
  useEffect(() => {
    if (opened > 0) navigate({ screen: 'interview' });
  }, [opened]);

  // A finished interview opens its report; a question practised again, its comparison (issue #11).
  useEffect(() => {
    if (complete && interviewId) navigate(retake ? { screen: 'compare', interviewId } : { screen: 'report', interviewId });
  }, [complete, interviewId, retake]);

  return (
    <TransportContext.Provider value={transport}>
      <AppShell route={route}>
        {route.screen === 'home' && <HomeScreen />}
        {route.screen === 'interview' && <InterviewScreen />}
        {route.screen === 'report' && <ReportScreen interviewId={route.interviewId} question={route.question} />}
        {route.screen === 'progress' && <ProgressScreen />}
        {route.screen === 'compare' && <CompareScreen interviewId={route.interviewId} />}
        {route.screen === 'history' && <HistoryScreen key={route.query ?? ''} query={route.query ?? ''} />}
        {route.screen === 'settings' && <SettingsScreen />}
        {route.screen === 'profile' && <ProfileScreen />}
      </AppShell>
    </TransportContext.Provider>
  );
}
