import { useEffect, type ReactNode } from 'react';
import { routeHref, type Route } from '../router/routes';
import { useAppStore } from '../store/app-store';
import { ConnectionBadge } from './ConnectionBadge';
import { ErrorBanner } from './ErrorBanner';
import { NoticeBanner } from './NoticeBanner';

const NAV: { route: Route; label: string }[] = [
  { route: { screen: 'home' }, label: 'Practice' },
  { route: { screen: 'interview' }, label: 'Interview' },
  { route: { screen: 'history' }, label: 'History' },
  { route: { screen: 'progress' }, label: 'Progress' },
  { route: { screen: 'profile' }, label: 'My profile' },
  { route: { screen: 'settings' }, label: 'Settings' },
];

/** The last History address of this window, search included, so its link returns to that search (issue #9). */
let lastHistory: Route = { screen: 'history' };

export function AppShell({ route, children }: { route: Route; children: ReactNode }) {
  const connection = useAppStore((s) => s.connection);
  useEffect(() => {
    if (route.screen === 'history') lastHistory = route;
  }, [route]);
  return (
    <div className="shell">
      <header className="shell-header">
        <span className="brand">Interview Practice</span>
        <nav aria-label="Main">
          {NAV.map((item) => (
            <a
              key={item.label}
              href={routeHref(item.route.screen !== 'history' ? item.route : route.screen === 'history' ? route : lastHistory)}
              aria-current={item.route.screen === route.screen ? 'page' : undefined}
            >
              {item.label}
            </a>
          ))}
        </nav>
        <ConnectionBadge state={connection} />
      </header>
      <ErrorBanner />
      <NoticeBanner />
      <main className="shell-main">{children}</main>
    </div>
  );
}
