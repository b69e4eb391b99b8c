import type { ReactNode } from 'react';
import { routeHref, type Route } from '../router/routes';
import { useAppStore } from '../store/app-store';
import { ConnectionBadge } from './ConnectionBadge';
import { ErrorBanner } from './ErrorBanner';

const NAV: { route: Route; label: string }[] = [
  { route: { screen: 'home' }, label: 'Practice' },
  { route: { screen: 'interview' }, label: 'Interview' },
  { route: { screen: 'history' }, label: 'History' },
  { route: { screen: 'settings' }, label: 'Settings' },
];

export function AppShell({ route, children }: { route: Route; children: ReactNode }) {
  const connection = useAppStore((s) => s.connection);
  return (
    <div className="shell">
      <header className="shell-header">
        <span className="brand">Interview Practice</span>
        <nav aria-label="Main">
          {NAV.map((item) => (
            <a
              key={item.label}
              href={routeHref(item.route)}
              aria-current={item.route.screen === route.screen ? 'page' : undefined}
            >
              {item.label}
            </a>
          ))}
        </nav>
        <ConnectionBadge state={connection} />
      </header>
      <ErrorBanner />
      <main className="shell-main">{children}</main>
    </div>
  );
}
