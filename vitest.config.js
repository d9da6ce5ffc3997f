// Two projects: `unit` (the WASM module and the page's logic, in Node) and `e2e` (the built page in
// headless Chromium; needs `npm run build` first). build-scripts/test.sh runs them one after the other.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    watch: false,
    passWithNoTests: true,
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/wasm/**/*.test.js', 'tests/web/**/*.test.js'],
          testTimeout: 20000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.js'],
          testTimeout: 60000,
          hookTimeout: 60000,
          fileParallelism: false,
        },
      },
    ],
  },
});
