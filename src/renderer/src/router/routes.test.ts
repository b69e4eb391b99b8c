import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './routes';

describe('routes', () => {
  it('round-trips every screen through its address', () => {
    const routes: Route[] = [
      { screen: 'home' },
      { screen: 'interview' },
      { screen: 'history' },
      { screen: 'history', query: 'idempotency key' },
      { screen: 'history', query: '50% & 🚀 #/?q=' },
      { screen: 'settings' },
      { screen: 'report', interviewId: '0b5c8f5e-3f7a-4d6b-9a51-0c3e1d2f4a11' },
      { screen: 'report', interviewId: '0b5c8f5e-3f7a-4d6b-9a51-0c3e1d2f4a11', question: '5d1c8f5e-3f7a-4d6b-9a51-0c3e1d2f4a22' },
      { screen: 'progress' },
      { screen: 'compare', interviewId: '0b5c8f5e-3f7a-4d6b-9a51-0c3e1d2f4a11' },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });

  it('reads a History search typed into the address as it was typed', () => {
    expect(parseRoute('#/history?q=50%')).toEqual({ screen: 'history', query: '50%' });
    expect(parseRoute('#/history?q=')).toEqual({ screen: 'history' });
  });

  it('falls back to home for anything else, including the token fragment', () => {
    expect(parseRoute('#token=abc')).toEqual({ screen: 'home' });
    expect(parseRoute('#/report/not-an-id')).toEqual({ screen: 'home' });
    expect(parseRoute('')).toEqual({ screen: 'home' });
  });
});
