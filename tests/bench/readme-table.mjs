// The README's Performance table from one run's JSON (build/bench/bench.json by default):
//   node tests/bench/readme-table.mjs [path]   -> Markdown on stdout, to paste into README.md
// Steps per second of each contender and the ratios, then the run's other figures, so that the
// README quotes one run and nothing else.
import { readFileSync } from 'node:fs';
import { DEFAULT_JSON } from './paths.mjs';

const run = JSON.parse(readFileSync(process.argv[2] ?? DEFAULT_JSON, 'utf8'));
const rate = (r) => (r?.stepsPerSecond ? Math.round(r.stepsPerSecond.median).toLocaleString('en-US') : 'n/a');
const times = (x, digits = 2) => (Number.isFinite(x) ? `${x.toFixed(digits)}x` : 'n/a');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

const lines = [
  `Run of ${run.date.slice(0, 16).replace('T', ' ')} UTC, commit ${run.commit}, load average ${run.machine.loadAverage.start.toFixed(2)} at the start.`,
  '',
  '| workload | Descent WASM | native g++ -O3 | TF.js wasm | TF.js cpu | WASM / native | WASM / TF.js wasm |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...run.workloads.map((w) => `| ${w.name} | ${rate(w.contenders['descent-wasm'])} | ${rate(w.contenders.native)} | `
    + `${rate(w.contenders['tfjs-wasm'])} | ${rate(w.contenders['tfjs-cpu'])} | ${times(w.ratios.wasmOverNative)} | ${times(w.ratios.wasmOverTfjsWasm, 1)} |`),
  '',
  `Module: ${kb(run.module.size.raw)} raw, ${kb(run.module.size.gzip)} gzip -9; first \`createDescent()\` in a fresh Node process `
    + `${run.module.instantiation.firstMs.toFixed(1)} ms (median of ${run.module.instantiation.processes}). `
    + `Landscape race (${run.race.optimizers.length} optimizers x ${run.race.stepsEach} steps + both ODE curves): ${run.race.totalMs.toFixed(1)} ms.`
    + (run.grid && !run.grid.error
      ? ` Decision grid ${run.grid.resolution} x ${run.grid.resolution}, one trained 2-32-32-3 network: `
        + Object.entries(run.grid.ms).map(([name, s]) => `${name} ${s.median.toFixed(2)} ms`).join(', ') + '.'
      : ''),
  '',
  `Targets in this run: ${run.targets.filter((t) => t.pass).length} of ${run.targets.length} pass`
    + (run.targets.some((t) => !t.pass) ? `; not met: ${run.targets.filter((t) => !t.pass).map((t) => t.name).join('; ')}.` : '.'),
];
process.stdout.write(`${lines.join('\n')}\n`);
