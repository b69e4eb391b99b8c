/**
 * Rebuilds a provider only when its settings change, so a voice or client is not created
 * again for every question (settings are read at each use so a change applies at once).
 */
export function memoiseBySettings<S, T>(read: () => S, build: (settings: S) => T): () => T {
  let key: string | undefined;
  let value: T;
  return () => {
    const settings = read();
    const next = JSON.stringify(settings);
    if (next !== key) {
      value = build(settings);
      key = next;
    }
    return value;
  };
}
