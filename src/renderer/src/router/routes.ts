/**
 * Screens and their addresses. Hash routes work the same under app:// and http://, and a
 * browser's back button works in browser mode.
 */
export type Route =
  | { screen: 'home' }
  | { screen: 'interview' }
  | { screen: 'report'; interviewId: string }
  | { screen: 'history' }
  | { screen: 'settings' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const report = /^\/report\/([0-9a-f-]{36})$/i.exec(path);
  if (report) return { screen: 'report', interviewId: report[1]! };
  if (path === '/interview') return { screen: 'interview' };
  if (path === '/history') return { screen: 'history' };
  if (path === '/settings') return { screen: 'settings' };
  return { screen: 'home' };
}

export function routeHref(route: Route): string {
  switch (route.screen) {
    case 'home':
      return '#/';
    case 'report':
      return `#/report/${route.interviewId}`;
    default:
      return `#/${route.screen}`;
  }
}
