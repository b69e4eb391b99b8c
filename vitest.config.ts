import { defineConfig } from 'vitest/config';

/**
 * One project per process (STYLE.md §5). The main-process project runs in forks because
 * better-sqlite3 is not safe under worker threads.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'shared',
          environment: 'node',
          include: ['src/shared/**/*.test.ts', 'tests/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'main',
          environment: 'node',
          pool: 'forks',
          include: ['src/main/**/*.test.ts', 'tests/host/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        // `electron-builder --dir` on a placeholder Electron (issue #13): needs `npm run build` first.
        test: {
          name: 'packaging',
          environment: 'node',
          pool: 'forks',
          include: ['tests/packaging/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'node',
          include: ['src/renderer/**/*.test.ts'],
        },
      },
    ],
  },
});
