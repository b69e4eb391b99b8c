import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * One build for both ways to run the app: `out/main/index.js` is the Electron main process,
 * `out/main/host.js` is the WebSocket host of browser mode (plain Node, DESIGN.md §3), and
 * `out/renderer` is served by either.
 */
export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: fromRoot('./src/main/index.ts'),
          host: fromRoot('./src/main/transport/ws-host-cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: fromRoot('./src/preload/index.ts') },
        // Sandboxed preloads cannot be ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: fromRoot('./src/renderer'),
    // Relative asset URLs work under both app:// and the host's http://127.0.0.1.
    base: './',
    plugins: [react()],
    build: {
      rolldownOptions: { input: { index: fromRoot('./src/renderer/index.html') } },
    },
  },
});
