// The module's size (raw and gzip -9: what a server sends) and its instantiation time. The honest
// instantiation number is the first createDescent() in a fresh process (nothing compiled or
// cached yet), so each sample is its own `node` process; later createDescent() calls in the same
// process are reported beside it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync, constants } from 'node:zlib';
import { isMain, MODULE_PATH } from './paths.mjs';
import { median } from './timing.mjs';

export function moduleSize(path = MODULE_PATH) {
  const bytes = readFileSync(path);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length };
}

export function instantiation(processes, path = MODULE_PATH) {
  const samples = [];
  for (let i = 0; i < processes; i++) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), path], { encoding: 'utf8' });
    samples.push(JSON.parse(out));
  }
  return {
    processes,
    importMs: median(samples.map((s) => s.importMs)),
    firstMs: median(samples.map((s) => s.firstMs)),
    againMs: median(samples.flatMap((s) => s.againMs)),
    firstSamples: samples.map((s) => s.firstMs),
  };
}

// The child: import (parse and evaluate the 1.3 MB of JavaScript with the WebAssembly inlined as
// base64), then the first createDescent() (decode, compile, instantiate, run the constructors).
if (isMain(import.meta.url)) {
  const url = pathToFileURL(process.argv[2]).href;
  const t0 = performance.now();
  const mod = await import(url);
  const t1 = performance.now();
  const d = await mod.default();
  const t2 = performance.now();
  if (typeof d.createExperiment !== 'function') throw new Error('no createExperiment');
  const againMs = [];
  for (let i = 0; i < 4; i++) {
    const a = performance.now();
    await mod.default();
    againMs.push(performance.now() - a);
  }
  process.stdout.write(JSON.stringify({ importMs: t1 - t0, firstMs: t2 - t1, againMs }));
}
