/**
 * Screens and their addresses. Hash routes work the same under app:// and http://, and a
 * browser's back button works in browser mode.
 */
export type Route =
  | { screen: 'home' }
  | { screen: 'interview' }
  | { screen: 'report'; interviewId: string }
  /** `query`: the History search, kept in the address so Back returns to it (issue #9). */
  | { screen: 'history'; query?: string }
  | { screen: 'settings' }
  /** My profile: saved résumés and job postings (issue #14). */
  | { screen: 'profile' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const report = /^\/report\/([0-9a-f-]{36})$/i.exec(path);
  if (report) return { screen: 'report', interviewId: report[1]! };
  if (path === '/interview') return { screen: 'interview' };
  const history = /^\/history(?:\?q=(.*))?$/.exec(path);
  if (history) return history[1] ? { screen: 'history', query: decodeQuery(history[1]) } : { screen: 'history' };
  if (path === '/settings') return { screen: 'settings' };
  if (path === '/profile') return { screen: 'profile' };
  return { screen: 'home' };
}

export function routeHref(route: Route): string {
  switch (route.screen) {
    case 'home':
      return '#/';
    case 'report':
      return `#/report/${route.interviewId}`;
    case 'history':
      return route.query ? `#/history?q=${encodeURIComponent(route.query)}` : '#/history';
    default:
      return `#/${route.screen}`;
  }
}

/** A hand-edited address may hold a bad escape ("%"): it is then read as typed. */
function decodeQuery(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}
