/**
 * Screens and their addresses. Hash routes work the same under app:// and http://, and a
 * browser's back button works in browser mode.
 */
export type Route =
  | { screen: 'home' }
  | { screen: 'interview' }
  /** `question`: the answer to scroll to, as a History search found it (issue #11). */
  | { screen: 'report'; interviewId: string; question?: string }
  /** Progress over time (issue #11). */
  | { screen: 'progress' }
  /** A question practised again (the retake interview) beside the attempt it was practised from (issue #11). */
  | { screen: 'compare'; interviewId: string }
  /** `query`: the History search, kept in the address so Back returns to it (issue #9). */
  | { screen: 'history'; query?: string }
  | { screen: 'settings' }
  /** My profile: saved résumés and job postings (issue #14). */
  | { screen: 'profile' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const report = /^\/report\/([0-9a-f-]{36})(?:\?question=([0-9a-f-]{36}))?$/i.exec(path);
  if (report) return { screen: 'report', interviewId: report[1]!, ...(report[2] ? { question: report[2] } : {}) };
  const compare = /^\/compare\/([0-9a-f-]{36})$/i.exec(path);
  if (compare) return { screen: 'compare', interviewId: compare[1]! };
  if (path === '/progress') return { screen: 'progress' };
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
      return `#/report/${route.interviewId}${route.question ? `?question=${route.question}` : ''}`;
    case 'compare':
      return `#/compare/${route.interviewId}`;
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
