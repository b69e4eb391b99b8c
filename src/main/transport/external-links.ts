/**
 * The only pages the app opens in the user's browser (DESIGN.md §6: `shell.openExternal`
 * for an allowlist of documentation URLs): a link anywhere else, or to a look-alike host,
 * is not opened. Plain data, so adding a page is a reviewed one-line change.
 */
const DOCUMENTATION_PAGES = [
  'https://platform.openai.com/docs/',
  'https://platform.openai.com/api-keys',
  'https://docs.anthropic.com/',
  'https://console.anthropic.com/settings/keys',
  'https://github.com/ollama/ollama/blob/main/docs/',
  'https://lmstudio.ai/docs/',
  'https://github.com/ggml-org/llama.cpp/tree/master/tools/server',
  'https://k2-fsa.github.io/sherpa/onnx/',
].map((page) => new URL(page));

/** True for an https URL on one of the documentation pages above (same origin, path under it). */
export function isDocumentationUrl(address: string): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  return DOCUMENTATION_PAGES.some((page) => url.origin === page.origin && url.pathname.startsWith(page.pathname));
}
