import { PRODUCT_NAME } from '../app-paths';
import { escapeHtml } from '../reports/html/html-escape';

/**
 * The page of the window the app opens when it cannot start (issue #13): the sentence that
 * says what is wrong and where (a database that cannot be opened names its file), in a real
 * window rather than a native message box, so testers can copy the path and the Electron
 * end-to-end test can read it. No script, no request: a CSP that allows only inline styles.
 */
export function startupFailurePage(sentence: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(`${PRODUCT_NAME} cannot start`)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#1d2433}h1{font-size:1.3rem}p{user-select:text;overflow-wrap:anywhere}</style>
</head>
<body>
<h1>${escapeHtml(`${PRODUCT_NAME} cannot start`)}</h1>
<p data-testid="startup-failure">${escapeHtml(sentence)}</p>
<p>Close this window to quit.</p>
</body>
</html>
`;
}

export const startupFailureUrl = (sentence: string): string => `data:text/html;charset=utf-8,${encodeURIComponent(startupFailurePage(sentence))}`;
