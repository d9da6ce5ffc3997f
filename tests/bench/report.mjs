// What `npm run bench` prints and writes: the table of steps per second with the ratios and each
// contender's loss after the check steps, the other measurements, the targets with PASS / FAIL,
// and everything as JSON (build/bench/bench.json by default).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const TARGETS = {
  overTfjsWasm: 10, // Descent's steps/s over TF.js wasm, every workload
  overNative: 0.8, // Descent's steps/s over its own native build, every workload
  gzipBytes: 100 * 1024,
  instantiationMs: 30,
};

const rate = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '-');
const ratio = (x) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 1)}x` : '-');
const loss = (c) => (!c ? '-' : c.error && !Number.isFinite(c.lossAtCheck) ? 'error' : `${c.lossAtCheck.toFixed(3)}${c.lossOk ? '' : '!'}`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

export function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

/** The contenders' median steps/s per workload, the ratios, and the losses after the check. */
export function formatWorkloads(results, names, checkSteps) {
  const header = ['workload', ...names.map((n) => `${n} steps/s`), 'wasm/native', 'wasm/tfjs-wasm',
    `loss@${checkSteps} (${names.map((n) => n.replace('descent-', '')).join(' / ')})`];
  const rows = results.map((w) => [
    w.name,
    ...names.map((n) => rate(w.contenders[n]?.stepsPerSecond?.median)),
    ratio(w.ratios.wasmOverNative),
    ratio(w.ratios.wasmOverTfjsWasm),
    names.map((n) => loss(w.contenders[n])).join(' / '),
  ]);
  return table(header, rows);
}

/** Every target with its value and PASS / FAIL (a missing measurement fails). */
export function evaluateTargets(results, module) {
  const targets = [];
  for (const w of results) {
    const d = w.contenders['descent-wasm'];
    const counted = d && !d.error && d.lossOk;
    targets.push({ name: `${w.name}: descent-wasm >= ${TARGETS.overTfjsWasm}x tfjs-wasm`, value: w.ratios.wasmOverTfjsWasm,
      pass: counted && w.contenders['tfjs-wasm']?.lossOk === true && w.ratios.wasmOverTfjsWasm >= TARGETS.overTfjsWasm });
    targets.push({ name: `${w.name}: descent-wasm >= ${TARGETS.overNative}x native`, value: w.ratios.wasmOverNative,
      pass: counted && w.contenders.native?.lossOk === true && w.ratios.wasmOverNative >= TARGETS.overNative });
  }
  targets.push({ name: `module < ${kb(TARGETS.gzipBytes)} gzip`, value: module.size.gzip, pass: module.size.gzip < TARGETS.gzipBytes });
  targets.push({ name: `first instantiation < ${TARGETS.instantiationMs} ms (fresh node process)`,
    value: module.instantiation.firstMs, pass: module.instantiation.firstMs < TARGETS.instantiationMs });
  return targets;
}

export function formatTargets(targets) {
  const shown = (t) => (t.name.includes('gzip') ? kb(t.value) : t.name.includes('ms') ? `${t.value.toFixed(1)} ms` : ratio(t.value));
  return targets.map((t) => `${t.pass ? 'PASS' : 'FAIL'}  ${t.name}  (${Number.isFinite(t.value) ? shown(t) : 'no valid measurement'})`).join('\n');
}

export function formatModule(module) {
  const i = module.instantiation;
  return [
    `module ${module.path}: ${kb(module.size.raw)} raw, ${kb(module.size.gzip)} gzip -9`,
    `instantiation (median of ${i.processes} fresh node processes): import ${i.importMs.toFixed(1)} ms, `
      + `first createDescent() ${i.firstMs.toFixed(1)} ms [${i.firstSamples.map((x) => x.toFixed(1)).join(', ')}], `
      + `later createDescent() in the same process ${i.againMs.toFixed(1)} ms`,
  ].join('\n');
}

export function formatRace(race) {
  return `landscape race (${race.optimizers.length} optimizers x ${race.stepsEach} steps on ${race.objective}, `
    + `${race.stepsTaken} steps taken, + gradient flow + Nesterov ODE): ${race.totalMs.toFixed(1)} ms median of ${race.runs} `
    + `(optimizers ${race.optimizersMs.toFixed(1)} ms, flows ${race.flowsMs.toFixed(1)} ms; first run ${race.firstMs.toFixed(1)} ms)`;
}

export function formatGrid(grid) {
  if (grid.error) return `decision grid: not measured: ${grid.error}`;
  const parts = Object.entries(grid.ms).map(([name, s]) => `${name} ${s.median.toFixed(2)} ms (six: ${(6 * s.median).toFixed(1)} ms)`);
  return `decision grid ${grid.resolution}x${grid.resolution}, one trained network of ${grid.workload}, median: ${parts.join(', ')}`;
}

/** Contenders whose windows spread by more than 25% of their median (another process, heat...). */
export function noisyWindows(results) {
  const out = [];
  for (const w of results) {
    for (const [name, c] of Object.entries(w.contenders)) {
      const s = c.stepsPerSecond;
      if (s && (s.max - s.min) / s.median > 0.25) out.push(`${w.name} ${name} ${rate(s.min)}..${rate(s.max)}`);
    }
  }
  return out;
}

export function writeJson(file, value) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
