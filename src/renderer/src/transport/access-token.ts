/**
 * Browser mode's access token arrives in the URL fragment (`#token=…`, DESIGN.md §3), which
 * browsers never send to a server. It is moved to sessionStorage and removed from the address
 * bar, so it survives a reload of this tab but does not show up in screenshots or history.
 */
const STORAGE_KEY = 'interview-practice.token';

/** The token of an access link (`#token=…`), if this address is one. */
export function tokenInLink(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') || null;
}

export function takeAccessToken(location: Location, storage: Storage, history: History): string | undefined {
  const fromHash = tokenInLink(location.hash);
  if (fromHash) {
    storage.setItem(STORAGE_KEY, fromHash);
    history.replaceState(null, '', `${location.pathname}${location.search}#/`);
    return fromHash;
  }
  return storage.getItem(STORAGE_KEY) ?? undefined;
}

export function forgetAccessToken(storage: Storage): void {
  storage.removeItem(STORAGE_KEY);
}
