/**
 * The renderer's Content-Security-Policy (DESIGN.md §6), sent as a header by both the
 * Electron app:// protocol and the WebSocket host: nothing remote, no inline scripts,
 * no eval, no frames, no forms.
 */
export function contentSecurityPolicy(extra: { connect?: string[]; media?: string[] } = {}): string {
  const connectSources = extra.connect ?? [];
  return [
    "default-src 'none'",
    "script-src 'self'",
    // wavesurfer.js styles its waveform with a <style> element in a shadow root.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `media-src 'self' blob: ${(extra.media ?? []).join(' ')}`.trim(),
    "font-src 'self'",
    `connect-src 'self' ${connectSources.join(' ')}`.trim(),
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
