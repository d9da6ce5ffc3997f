// The page: Vite root web/, output dist/. The worker is the only code that imports the WebAssembly
// module, through the alias 'descent-wasm' (build/wasm/descent.mjs; DESCENT_WASM=<path> points it
// at another build of the module, e.g. while developing the page without the C++ toolchain).
// The page starts the worker through the alias 'descent-worker' (web/src/worker/create-worker.js):
// a worker loaded by URL here, inlined in the single-file build (vite.single.config.js, which
// reuses this config through createConfig).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const repoRoot = dirname(fileURLToPath(import.meta.url));
const wasmModule = resolve(process.env.DESCENT_WASM || resolve(repoRoot, 'build/wasm/descent.mjs'));
const port = Number(process.env.PORT) || 5173;
const workerEntry = resolve(repoRoot, 'web/src/worker/descent.worker.js');

/** The config; `inlineWorker` makes 'descent-worker' a Vite `?worker&inline` import (a blob: URL). */
export function createConfig({ inlineWorker = false } = {}) {
  return {
    root: resolve(repoRoot, 'web'),
    base: './', // dist/ works from any path
    publicDir: false,
    resolve: {
      alias: {
        'descent-wasm': wasmModule,
        'descent-worker': `${workerEntry}?worker${inlineWorker ? '&inline' : ''}`,
      },
    },
    // Module worker, bundled as an ES module (the WASM module is an ES module and uses import.meta).
    worker: { format: 'es' },
    // The WASM module is a local file (not a dependency): keep it out of dependency pre-bundling.
    optimizeDeps: { entries: ['index.html'], exclude: ['descent-wasm'] },
    build: {
      outDir: resolve(repoRoot, 'dist'),
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 4096, // the module embeds its .wasm (SINGLE_FILE)
    },
    server: {
      host: '127.0.0.1',
      port,
      fs: { allow: [resolve(repoRoot, 'web'), resolve(repoRoot, 'node_modules'), dirname(wasmModule)] },
    },
    preview: { host: '127.0.0.1', port },
  };
}

export default defineConfig(createConfig());
