import { defineConfig } from 'vitest/config';

// Three projects:
//  core    - pure shared code, the Figma emulator and the plugin running on it (node)
//  ui      - preact components and the UI bridge (happy-dom)
//  dist    - checks on the built bundle and browser tests; needs `npm run build` first
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/ui/**', 'test/dist/**', 'test/browser/**', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: { name: 'ui', environment: 'happy-dom', include: ['test/ui/**/*.test.{ts,tsx}'] },
      },
      {
        extends: true,
        test: {
          name: 'dist',
          environment: 'node',
          include: ['test/dist/**/*.test.ts', 'test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
