// The module can be rebuilt while the bench runs (emcc writes build/wasm/descent.mjs in stages),
// so the bench copies it once, when it has stopped changing and loads, and every contender and
// measurement uses that copy: one run, one module. The native binary is copied likewise.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const LOADS = 'const m = await import(process.argv[1]); const d = await m.default(); if (typeof d.createExperiment !== "function") process.exit(1);';

let dir = null;
function snapshotDir() {
  if (!dir) {
    dir = mkdtempSync(path.join(os.tmpdir(), 'descent-bench-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return dir;
}

/** A copy of the native contender's binary (a rebuild then cannot touch the running one). */
export function snapshotNative(source) {
  const copy = path.join(snapshotDir(), path.basename(source));
  copyFileSync(source, copy);
  return { path: copy, mtime: statSync(source).mtime.toISOString() };
}

export async function snapshotModule(source, { attempts = 20 } = {}) {
  const copy = path.join(snapshotDir(), 'descent.mjs');
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const before = statSync(source);
      await sleep(1000);
      const after = statSync(source);
      if (before.size !== after.size || before.mtimeMs !== after.mtimeMs) throw new Error('still being written');
      copyFileSync(source, copy);
      // The digits' companion module travels beside it (an older build has none).
      const digits = path.join(path.dirname(source), 'descent-digits.mjs');
      if (existsSync(digits)) copyFileSync(digits, path.join(snapshotDir(), 'descent-digits.mjs'));
      execFileSync(process.execPath, ['--input-type=module', '-e', LOADS, pathToFileURL(copy).href], { stdio: 'pipe' });
      return { path: copy, mtime: new Date(after.mtimeMs).toISOString() };
    } catch (e) {
      if (attempt === attempts) throw new Error(`${source} does not load: ${e.message}`);
      process.stdout.write(`bench: ${source} is being rebuilt, waiting (${attempt})\n`);
      await sleep(3000);
    }
  }
}
