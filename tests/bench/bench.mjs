// `npm run bench` (after the build): Descent's WebAssembly module against its own native build and
// TF.js 4.22 (wasm and cpu backends) on the workloads of workloads.mjs, in one Node process that
// alternates timed windows of the contenders (each in its own child process), plus the module's
// size and instantiation time and the Landscape tab's race. See README.md in this folder.
//
//   node tests/bench/bench.mjs [--quick] [--only=<workload>[,...]] [--contenders=<name>[,...]]
//                              [--rounds=N] [--window=S] [--json=<path>] [--no-kernels]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startDescentWasm } from './contenders/descent-wasm.mjs';
import { startNative } from './contenders/native.mjs';
import { startTfjs } from './contenders/tfjs.mjs';
import { buildTfjsGradients } from './contenders/tfjs-build.mjs';
import { formatKernels, kernelComparison } from './kernels.mjs';
import { landscapeRace } from './landscape-race.mjs';
import { snapshotModule, snapshotNative } from './snapshot.mjs';
import { instantiation, moduleSize } from './module-stats.mjs';
import { DEFAULT_JSON, MODULE_PATH, NATIVE_BINARY } from './paths.mjs';
import { evaluateTargets, formatGrid, formatModule, formatRace, formatTargets, formatWorkloads, noisyWindows, writeJson } from './report.mjs';
import { alternate, chunkFor, summarize, timeWindow } from './timing.mjs';
import { CHECK_STEPS, WORKLOADS, experimentSpec, networkSpec } from './workloads.mjs';

const CONTENDERS = {
  'descent-wasm': startDescentWasm,
  native: () => {
    const copy = snapshotNative(NATIVE_BINARY);
    contenderInfo.native = { builtAt: copy.mtime };
    return startNative(copy.path);
  },
  'tfjs-wasm': () => startTfjs('wasm'),
  'tfjs-cpu': () => startTfjs('cpu'),
};
// The loss check: a contender's full training-set loss after CHECK_STEPS must be within
// max(LOSS_ABS, LOSS_REL x the median of all contenders) of that median, and below half the
// initial loss x TRAINED. Different batch orders (TF.js shuffles with its own generator) and float32
// rounding move the loss by a few hundredths at most here; a broken run stays near the initial
// ~1.1 (spiral) / ~2.3 (digits) or is NaN.
const LOSS_ABS = 0.05;
const LOSS_REL = 0.25;
const TRAINED = 0.75;
const GRID_RESOLUTION = 100;

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    contenders: { type: 'string' },
    rounds: { type: 'string' },
    window: { type: 'string' },
    json: { type: 'string', default: DEFAULT_JSON },
    'no-kernels': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (flags.help) {
  console.log('node tests/bench/bench.mjs [--quick] [--only=<workload>,...] [--contenders=<name>,...] [--rounds=N] [--window=S] [--json=<path>] [--no-kernels]');
  console.log(`workloads: ${WORKLOADS.map((w) => w.name).join(', ')}; contenders: ${Object.keys(CONTENDERS).join(', ')}`);
  process.exit(0);
}

// Full: windows of >= 1 s, median of 5 per contender (~3-4 minutes). Quick: a rough look in ~1
// minute; its loss check comes after 200 steps (500 steps of TF.js's cpu backend on the large
// network alone take ~40 s).
const settings = flags.quick
  ? { mode: 'quick', checkSteps: 200, rounds: 3, windowSeconds: 0.3, warmupSeconds: 0.2, instantiations: 3, raceRuns: 3 }
  : { mode: 'full', checkSteps: CHECK_STEPS, rounds: 5, windowSeconds: 1.0, warmupSeconds: 0.5, instantiations: 7, raceRuns: 7 };
if (flags.rounds) settings.rounds = Number(flags.rounds);
if (flags.window) settings.windowSeconds = Number(flags.window);

const pick = (list, names, what) => {
  if (!names) return list;
  const wanted = names.split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of wanted) if (!list.includes(n)) throw new Error(`unknown ${what} '${n}' (known: ${list.join(', ')})`);
  return list.filter((n) => wanted.includes(n));
};
const workloads = pick(WORKLOADS.map((w) => w.name), flags.only, 'workload').map((n) => WORKLOADS.find((w) => w.name === n));
const names = pick(Object.keys(CONTENDERS), flags.contenders, 'contender');

if (!existsSync(MODULE_PATH)) throw new Error(`${MODULE_PATH} is missing: bash build-scripts/build.sh --wasm-only`);
const started = performance.now();
const log = (text) => process.stdout.write(`${text}\n`);
const gitCommit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
})();

log(`bench (${settings.mode}): ${os.cpus()[0]?.model ?? 'cpu?'} x${os.cpus().length}, node ${process.version}, commit ${gitCommit}`);
log(`windows >= ${settings.windowSeconds} s, median of ${settings.rounds} per contender, alternated; loss check after ${settings.checkSteps} steps`);
const loadAtStart = os.loadavg()[0];
log(`load average ${loadAtStart.toFixed(2)} on ${os.cpus().length} cores${loadAtStart > 0.5 ? ': other work is running, expect noisy numbers' : ''}`);

// ---- the module itself -----------------------------------------------------------------------
const snapshot = await snapshotModule(MODULE_PATH);
process.env.DESCENT_BENCH_MODULE = snapshot.path; // the contenders' children load the same copy
const module = {
  path: MODULE_PATH, builtAt: snapshot.mtime, size: moduleSize(snapshot.path),
  instantiation: instantiation(settings.instantiations, snapshot.path),
};
log(formatModule(module));

// ---- contenders --------------------------------------------------------------------------------
if (names.some((n) => n.startsWith('tfjs'))) await buildTfjsGradients();
const contenders = [];
const contenderInfo = {};
const onExit = () => contenders.forEach((c) => c.proc.exitCode === null && c.proc.kill());
process.on('exit', onExit);
for (const name of names) {
  try {
    const c = CONTENDERS[name]();
    contenderInfo[name] = { ...contenderInfo[name], ...(await c.info()) };
    contenders.push(c);
  } catch (e) {
    contenderInfo[name] = { error: e.message };
    log(`${name}: not available: ${e.message}`);
  }
}
for (const [name, info] of Object.entries(contenderInfo)) if (!info.error) log(`${name}: ${JSON.stringify(info)}`);

const { default: createDescent } = await import(pathToFileURL(snapshot.path).href);
const d = await createDescent();
await d.loadDataset?.('digits'); // travels beside the module (an older build has it inside)

const maxDiff = (a, b) => a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0);

async function runWorkload(w) {
  const spec = experimentSpec(w);
  // The reference: data and initial weights as the Descent module makes them, and one evaluator
  // (the same network in float64) for every contender's weights.
  const e = d.createExperiment(spec);
  const data = e.data();
  const w0 = e.weights(0);
  const info = e.info();
  e.delete();
  const net = d.createNetwork(networkSpec(w, data.features, data.outputs));
  const evaluate = (weights) => net.lossAndGradient(weights, data.xTrain, data.yTrain).loss;
  const result = {
    name: w.name, spec, parameters: info.parameterCount, stepsPerEpoch: info.stepsPerEpoch,
    trainExamples: data.yTrain.length, initialLoss: evaluate(w0), contenders: {}, ratios: {},
  };
  const active = [];
  const chunks = {};
  for (const c of contenders) {
    const r = (result.contenders[c.name] = {});
    try {
      await c.setup(spec);
      const start = await c.weights();
      if (start.length !== w0.length || maxDiff(start, w0) > 1e-6) throw new Error('does not start from the shared initial weights');
      const check = await c.run(settings.checkSteps);
      if (check.diverged || check.steps !== settings.checkSteps) throw new Error(`took ${check.steps} of ${settings.checkSteps} steps`);
      r.lossAtCheck = evaluate(await c.weights());
      r.checkSeconds = check.seconds;
      // Warm-up, then chunks sized from the warm rate.
      const warm = await timeWindow(c, chunkFor(settings.checkSteps / check.seconds), settings.warmupSeconds);
      chunks[c.name] = r.chunk = chunkFor(warm.rate);
      active.push(c);
    } catch (err) {
      r.error = err.message;
    }
  }
  // The loss check against the median of the contenders that ran.
  const losses = Object.values(result.contenders).map((r) => r.lossAtCheck).filter(Number.isFinite).sort((a, b) => a - b);
  const ref = losses.length ? losses[(losses.length - 1) >> 1] : NaN;
  result.lossReference = ref;
  for (const r of Object.values(result.contenders)) {
    r.lossOk = Number.isFinite(r.lossAtCheck) && Math.abs(r.lossAtCheck - ref) <= Math.max(LOSS_ABS, LOSS_REL * ref)
      && r.lossAtCheck < TRAINED * result.initialLoss;
  }
  const { rates, errors } = await alternate(active, chunks, settings);
  for (const c of active) {
    const r = result.contenders[c.name];
    if (errors[c.name]) r.error = errors[c.name];
    if (rates[c.name].length) r.stepsPerSecond = summarize(rates[c.name]);
  }
  // A run that failed the loss check or broke does not count.
  const counted = (n) => (result.contenders[n]?.lossOk && !result.contenders[n].error ? result.contenders[n].stepsPerSecond?.median : NaN);
  result.ratios = {
    wasmOverNative: counted('descent-wasm') / counted('native'),
    wasmOverTfjsWasm: counted('descent-wasm') / counted('tfjs-wasm'),
    wasmOverTfjsCpu: counted('descent-wasm') / counted('tfjs-cpu'),
  };
  net.delete();
  return result;
}

// The page's decision-boundary grid (100 x 100 points through one trained 2-32-32-3 tanh network,
// the Train view's default), in the WebAssembly module and natively, alternated: what the page
// bench's "six grids within one frame" target asks of the code itself.
async function decisionGrid() {
  const sides = contenders.filter((c) => c.name === 'descent-wasm' || c.name === 'native');
  if (!sides.length) return null;
  const workload = WORKLOADS.find((w) => w.name === 'spiral-32x32-b32');
  const out = { resolution: GRID_RESOLUTION, workload: workload.name, ms: {} };
  try {
    for (const c of sides) {
      await c.setup(experimentSpec(workload));
      await c.run(500);
      out.ms[c.name] = [];
    }
    for (let round = 0; round < settings.rounds; round++)
      for (const c of sides) out.ms[c.name].push(...(await c.grid(GRID_RESOLUTION, 10)));
    for (const c of sides) out.ms[c.name] = summarize(out.ms[c.name]);
  } catch (err) {
    out.error = err.message;
  }
  return out;
}

const results = [];
for (const w of workloads) {
  const t = performance.now();
  const r = await runWorkload(w);
  results.push(r);
  const errs = Object.entries(r.contenders).filter(([, c]) => c.error).map(([n, c]) => `${n}: ${c.error}`);
  log(`${w.name}: ${r.parameters} parameters, ${r.trainExamples} examples, ${r.stepsPerEpoch} steps/epoch, `
    + `done in ${((performance.now() - t) / 1000).toFixed(1)} s${errs.length ? `; ${errs.join('; ')}` : ''}`);
}
const grid = await decisionGrid();
await Promise.all(contenders.map((c) => c.close()));

const race = landscapeRace(d, settings.raceRuns);
// A failed kernel build (say, sources edited during the run) costs its table, not the results above.
const kernels = (() => {
  if (flags['no-kernels']) return null;
  try {
    return kernelComparison();
  } catch (err) {
    return { error: String(err.stderr ?? err.message).trim().split('\n').slice(-3).join(' ') };
  }
})();
const targets = evaluateTargets(results, module);
const elapsedSeconds = (performance.now() - started) / 1000;

log('');
log(formatWorkloads(results, names, settings.checkSteps));
log(`steps/s: median of the timed windows; loss@${settings.checkSteps}: full training-set cross-entropy of each contender's `
  + `weights after ${settings.checkSteps} steps, evaluated by one evaluator (Descent's network in float64); '!' = failed the check, `
  + 'does not count. Descent (wasm and native) evaluates the whole training set (a forward pass) at every epoch end (the page\'s curves); '
  + 'that is inside its timing; TF.js does not.');
const noisy = noisyWindows(results);
if (noisy.length) log(`noisy (windows spread > 25% of the median): ${noisy.join('; ')}`);
log(`load average: ${loadAtStart.toFixed(2)} at the start, ${os.loadavg()[0].toFixed(2)} at the end (${os.cpus().length} cores)`);
log('');
log(formatModule(module));
log(formatRace(race));
if (grid) log(formatGrid(grid));
if (kernels) log(kernels.error ? `\nkernels: not measured: ${kernels.error}` : `\n${formatKernels(kernels)}`);
log('');
log(formatTargets(targets));
log(`\nbench took ${elapsedSeconds.toFixed(0)} s; JSON: ${flags.json}`);

writeJson(flags.json, {
  format: 'descent-bench',
  version: 1,
  date: new Date().toISOString(),
  settings: { ...settings, lossAbs: LOSS_ABS, lossRel: LOSS_REL, trained: TRAINED },
  machine: {
    cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.release()}`,
    loadAverage: { start: loadAtStart, end: os.loadavg()[0] },
  },
  commit: gitCommit,
  contenders: contenderInfo,
  workloads: results,
  module,
  race,
  grid,
  kernels,
  targets,
  elapsedSeconds,
});
process.exitCode = 0; // FAILs are findings, not errors of the bench
