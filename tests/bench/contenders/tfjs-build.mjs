// Bundles tfjs-gradients.src.mjs (tfjs-core's gradient registrations) into
// build/bench/tfjs-gradients.mjs with Vite, once, and again when package-lock.json is newer.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TFJS_GRADIENTS } from '../paths.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export async function buildTfjsGradients() {
  const lock = path.join(ROOT, 'package-lock.json');
  if (existsSync(TFJS_GRADIENTS) && statSync(TFJS_GRADIENTS).mtimeMs >= statSync(lock).mtimeMs) return TFJS_GRADIENTS;
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    build: {
      lib: { entry: fileURLToPath(new URL('./tfjs-gradients.src.mjs', import.meta.url)), formats: ['es'], fileName: () => path.basename(TFJS_GRADIENTS) },
      outDir: path.dirname(TFJS_GRADIENTS),
      emptyOutDir: false,
      minify: false,
      copyPublicDir: false,
    },
  });
  return TFJS_GRADIENTS;
}
