import { useEffect, useSyncExternalStore } from 'react';
import { parseRoute, routeHref, type Route } from './routes';

/**
 * The hash router's one listener. A screen with unsaved work can hold a leave guard: when the
 * address changes, the user is asked, and if they stay the address change is undone without
 * the screen noticing (issue #9, fault 16: Settings lost unsaved changes silently).
 *
 * Undoing needs to know which way the user went: each history entry is stamped with its
 * position, so a new entry (a link) is undone with Back, and Back or Forward with the opposite
 * step. Entries are stamped lazily, after the page has tidied its address (the access token).
 */
const listeners = new Set<() => void>();
let started = false;
let accepted = '';
let position = 0;
let replacing = false;
let leaveGuard: string | null = null;

const positionOf = (state: unknown): number | undefined => {
  const value = (state as { routerPosition?: unknown } | null)?.routerPosition;
  return typeof value === 'number' ? value : undefined;
};
const stamp = (at: number): void => {
  position = at;
  window.history.replaceState({ ...(window.history.state as object | null), routerPosition: at }, '');
};

function start(): void {
  started = true;
  accepted = window.location.hash;
  const stamped = positionOf(window.history.state);
  if (stamped === undefined) stamp(0);
  else position = stamped;
  window.addEventListener('hashchange', onHashChange);
}

function onHashChange(): void {
  const next = window.location.hash;
  const wasReplace = replacing;
  replacing = false;
  // The second half of an undone step lands back where the user was.
  if (next === accepted) return;
  const target = positionOf(window.history.state);
  if (leaveGuard !== null && !window.confirm(leaveGuard)) {
    if (target === undefined) window.history.back();
    else window.history.go(position - target);
    return;
  }
  accepted = next;
  if (target === undefined) stamp(wasReplace ? position : position + 1);
  else position = target;
  for (const listener of listeners) listener();
}

const subscribe = (onChange: () => void): (() => void) => {
  if (!started) start();
  listeners.add(onChange);
  return () => void listeners.delete(onChange);
};

/** The current route, re-rendering on hash changes (no state is set during render). */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

/** Goes to a route; `replace` swaps the current history entry instead of adding one. */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const href = routeHref(route);
  if (href === window.location.hash) return;
  if (options.replace) {
    replacing = true;
    window.location.replace(href);
  } else window.location.hash = href;
}

/**
 * While `question` is set, leaving the screen (a link, Back, a new address) asks it with
 * OK / Cancel; so does closing or reloading the tab in browser mode. Inside the app the window
 * close is left alone: Electron would cancel it silently instead of asking.
 */
export function useLeaveGuard(question: string | null): void {
  useEffect(() => {
    if (question === null) return;
    leaveGuard = question;
    const beforeUnload = (event: BeforeUnloadEvent): void => event.preventDefault();
    const inBrowser = !window.interview;
    if (inBrowser) window.addEventListener('beforeunload', beforeUnload);
    return () => {
      if (leaveGuard === question) leaveGuard = null;
      if (inBrowser) window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [question]);
}
