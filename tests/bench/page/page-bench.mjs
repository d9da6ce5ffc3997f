// `npm run bench:page`: the Train view in Chromium, measured as a user sees it. Serves dist/ (as
// tests/e2e does), opens the page with six optimizers on the spiral (2-32-32-3 tanh, batch 32),
// presses Play, and for a steady window records frame times (rAF), each optimizer's epochs per
// second (from the worker's replies, checked against the page's epoch counter) and the worker's
// time per chunk; then times a 100 x 100 decision grid for all six networks in the page's worker
// and on a main thread. Prints a table against the targets and writes
// build/bench/page.json and build/bench/page.png. Speed is reported, never asserted.
// Options (environment): BENCH_SECONDS (steady window, default 10), BENCH_WARMUP (default 3).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { launch, repoRoot, waitReady } from '../../e2e/browser.js';
import { gridInWorker, gridOnMainThread } from './grid.js';
import { installRecorder } from './recorder.js';
import { FRAME_BUDGET_MS, frameStats, median, ms, quantile, table, trainingRates, verdict } from './stats.js';

const SECONDS = Number(process.env.BENCH_SECONDS) || 10;
const WARMUP = Number(process.env.BENCH_WARMUP) || 3;
const IDLE = 2;
const EPOCHS_TARGET = 50;
const OPTIMIZERS = ['sgd(lr:0.1)', 'sgd(lr:0.1,momentum:0.9)', 'sgd(lr:0.1,momentum:0.9,nesterov:true)',
  'rmsprop(lr:0.01)', 'adam(lr:0.01)', 'adamw(lr:0.01)'];
const NAMES = ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam', 'adamw'];
// The Train view's URL state (web/src/train-state.js); epochs high so the run never ends mid-window.
const HASH = `#view=train&t.data=spiral(n:300,classes:3,noise:0.1,testFraction:0.2)&t.hidden=32,32&t.act=tanh`
  + `&t.batch=32&t.epochs=100000&t.opt=${OPTIMIZERS.join(';')}`;
const VIEW = '#train-view .train-view';
const outDir = join(repoRoot, 'build/bench');
const moduleFile = resolve(process.env.DESCENT_WASM || join(repoRoot, 'build/wasm/descent.mjs'));

const sleep = (s) => new Promise((r) => setTimeout(r, s * 1000));
const log = (text) => console.log(`bench:page: ${text}`);

async function main() {
  const started = Date.now();
  const load = loadavg()[0]; // other work on the machine skews every number here
  mkdirSync(outDir, { recursive: true });
  const browser = await launch({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(installRecorder);
    await page.goto(`${browser.baseUrl}${HASH}`);
    const failure = await waitReady(page);
    if (failure) throw new Error(`the page shows an error: ${failure}`);
    if (!(await page.locator('#train-view').isVisible())) await page.getByRole('tab', { name: 'Train' }).click();
    await page.waitForSelector(`${VIEW}[data-ready="true"]`, { timeout: 30000 });
    const view = page.locator(VIEW);
    const cards = await view.locator('article.train-optimizer').count();
    if (cards !== 6) throw new Error(`expected 6 optimizer cards from the URL, found ${cards} (was the URL state refused?)`);
    const pageNow = () => page.evaluate(() => performance.now());
    const pageEpoch = () => page.evaluate((sel) => Number(document.querySelector(sel).dataset.epoch), VIEW);

    // Idle first: what rAF does in this headless Chromium with nothing to draw.
    const idleFrom = await pageNow();
    await sleep(IDLE);
    const idleTo = await pageNow();

    log(`training: ${WARMUP} s warm-up, then ${SECONDS} s measured`);
    await view.getByRole('button', { name: 'Play' }).click();
    await sleep(WARMUP);
    const [from, epochFrom] = [await pageNow(), await pageEpoch()];
    await sleep(SECONDS);
    const [to, epochTo] = [await pageNow(), await pageEpoch()];
    const status = await view.locator('.train-status').textContent();
    await page.screenshot({ path: join(outDir, 'page.png'), fullPage: true });
    await view.getByRole('button', { name: 'Pause' }).click();
    await page.waitForFunction(() => window.__bench.pending() === 0, null, { timeout: 15000 });
    await sleep(0.3);

    const rec = await page.evaluate(() => {
      const b = window.__bench;
      return { frames: b.frames, loaf: b.loaf, longTasks: b.longTasks, messages: b.messages, specs: b.specs };
    });
    const created = rec.messages.filter((m) => m.type === 'trainCreate').at(-1)?.result;
    if (!created) throw new Error('no trainCreate reply was seen: did Play start a run?');

    log('grids: in the page\'s worker (paused), then on a main thread');
    const inWorker = await page.evaluate(gridInWorker, { experimentId: created.experimentId, resolutions: [60, 100], repeats: 9 });

    await page.close(); // its worker and frames would compete with the main-thread timing
    // A second page on the same origin loads the module itself (served from the build by a route).
    const main = await browser.context.newPage();
    // descent.mjs and its companions (descent-digits.mjs), from the module's directory.
    const moduleFileOf = (url) => (url.endsWith('/descent.mjs') ? moduleFile : join(dirname(moduleFile), url.split('/').pop()));
    await main.route('**/__bench/**', (route) => (route.request().url().endsWith('.mjs')
      ? route.fulfill({ contentType: 'text/javascript', body: readFileSync(moduleFileOf(route.request().url())) })
      : route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>grid bench</title>' })));
    await main.goto(`${browser.baseUrl}__bench/grid.html`);
    const onMain = await main.evaluate(gridOnMainThread, {
      moduleUrl: '/__bench/descent.mjs', spec: rec.specs.at(-1), resolutions: [60, 100], repeats: 9, trainEpochs: 20, trainRepeats: 5,
    });

    report({ load: [load, loadavg()[0]], rec, created, idleFrom, idleTo, from, to, epochFrom, epochTo, status, inWorker, onMain, errors, started, external: browser.external });
  } finally {
    await browser.close();
  }
}

function report({ load, rec, created, idleFrom, idleTo, from, to, epochFrom, epochTo, status, inWorker, onMain, errors, started, external }) {
  const idle = frameStats(rec.frames, idleFrom, idleTo);
  const frames = frameStats(rec.frames, from, to);
  const runs = rec.messages.filter((m) => m.type === 'trainRun');
  const rates = trainingRates(runs, created.stepsPerEpoch, from, to);
  const pageEpochsPerSecond = (epochTo - epochFrom) / ((to - from) / 1000);
  const pageGrids = rec.messages.filter((m) => m.type === 'trainPredictGrid' && m.t1 >= from && m.t1 <= to);
  const gridGaps = pageGrids.slice(1).map((m, k) => m.t0 - pageGrids[k].t0);
  const loaf = rec.loaf.filter((e) => e.start >= from && e.start <= to);
  const longTasks = rec.longTasks.filter((e) => e.start >= from && e.start <= to);
  // What the main thread was doing in each long frame: the worker replies handled inside it.
  const inside = (type) => loaf.filter((e) => rec.messages.some((m) => m.type === type && m.t1 >= e.start && m.t1 <= e.start + e.duration)).length;
  const summary = (a) => ({ median: median(a), p95: quantile(a, 0.95), min: Math.min(...a) });
  const grid = {
    worker: { 60: summary(inWorker[60]), 100: summary(inWorker[100]), echo: summary(inWorker.echo) },
    mainThread: { 60: summary(onMain[60]), 100: summary(onMain[100]) },
    pageRequests: { count: pageGrids.length, resolution: pageGrids[0]?.resolution ?? null,
      intervalMs: median(gridGaps), roundTripMs: summary(pageGrids.map((m) => m.t1 - m.t0)) },
  };
  const epochs = rates?.epochsPerSecond ?? [];
  const fpsOk = frames.fps >= 57 && frames.over16 <= 0.05;

  const rows = [
    ['frame time median', ms(frames.median), `<= ${FRAME_BUDGET_MS.toFixed(1)} ms`, ''],
    ['frame time p95 / p99', `${ms(frames.p95)} / ${ms(frames.p99)}`, '', ''],
    ['frames > 16.7 ms / > 33.3 ms', `${(100 * frames.over16).toFixed(1)}% / ${(100 * frames.over33).toFixed(1)}%`, '<= 5% over 16.7 ms', ''],
    ['fps while training', frames.fps.toFixed(1), '60 (>= 57)', verdict(fpsOk)],
    ...NAMES.map((name, i) => [`epochs/s ${name}`, epochs[i]?.toFixed(1) ?? 'n/a', `>= ${EPOCHS_TARGET}`, verdict(epochs[i] === undefined ? null : epochs[i] >= EPOCHS_TARGET)]),
    ['grid 100x100 x6, worker round trip', ms(grid.worker[100].median), `<= ${FRAME_BUDGET_MS.toFixed(1)} ms`, verdict(grid.worker[100].median <= FRAME_BUDGET_MS)],
    ['grid 100x100 x6, main thread', ms(grid.mainThread[100].median), `<= ${FRAME_BUDGET_MS.toFixed(1)} ms`, verdict(grid.mainThread[100].median <= FRAME_BUDGET_MS)],
  ];
  const lines = [
    '',
    `Train view, six optimizers on the spiral (2-32-32-3 tanh, batch 32, ${created.stepsPerEpoch} steps per epoch), ${frames.seconds.toFixed(1)} s measured after ${WARMUP} s warm-up:`,
    table(rows),
    '',
    `  idle page (before Play): ${idle.fps.toFixed(1)} fps, frame median ${ms(idle.median)}, p99 ${ms(idle.p99)}: the rate headless Chromium drives rAF at here`,
    `  frames: ${frames.frames}, vsyncs missed (60 Hz): ${frames.dropped}, worst ${ms(frames.max)}; long animation frames (> 50 ms): ${loaf.length}, long tasks: ${longTasks.length}`,
    `  long frames holding a grid reply: ${inside('trainPredictGrid')}, a trainRun reply: ${inside('trainRun')}; main-thread script in long frames: ${loaf.reduce((s, e) => s + e.scripts.reduce((t, x) => t + x.duration, 0), 0).toFixed(0)} ms of ${loaf.reduce((s, e) => s + e.duration, 0).toFixed(0)} ms`,
    `  page's epoch counter: ${pageEpochsPerSecond.toFixed(1)} epochs/s (${epochFrom} -> ${epochTo}); status: "${status}"`,
    rates ? `  worker chunks: ${rates.chunks} in the window, median ${rates.chunkSteps} steps (all six optimizers), worker time ${ms(rates.chunkWorkerMs.median)} (p95 ${ms(rates.chunkWorkerMs.p95)}), round trip ${ms(rates.chunkRoundTripMs)}; the worker trained ${(100 * rates.workerTrainingShare).toFixed(0)}% of the time` : '  worker chunks: none seen',
    `  page's own grids: ${grid.pageRequests.count} requests at ${grid.pageRequests.resolution}x${grid.pageRequests.resolution}, one per ${ms(grid.pageRequests.intervalMs)}, round trip median ${ms(grid.pageRequests.roundTripMs.median)} (training waits for it)`,
    `  grid 60x60 x6 (the page's size): worker round trip ${ms(grid.worker[60].median)}, main thread ${ms(grid.mainThread[60].median)}; bare message round trip ${ms(grid.worker.echo.median)}`,
    `  main thread, plain training with no page work: ${onMain.trainEpochsPerSecond.map((x) => x.toFixed(0)).join(', ')} epochs/s (runs of 20 epochs) for all six together (the compute ceiling)`,
    '  note: headless Chromium with --disable-gpu composites in software and has no display; frames are driven by its',
    '  own 60 Hz begin-frame timer, so fps here means "frames the main thread could produce", not what a screen shows.',
  ];
  const busy = load[0] > 0.5 * cpus().length; // before the run: after includes this bench's own Chromium
  lines.push(`  machine: ${cpus().length} cores, load average ${load.map((x) => x.toFixed(2)).join(' -> ')} (before -> after)${busy ? ': OTHER WORK WAS RUNNING, the numbers are skewed' : ''}`);
  if (errors.length) lines.push(`  page errors: ${errors.join(' | ')}`);
  if (external.length) lines.push(`  blocked non-local requests: ${external.length}`);
  lines.push(`  written: build/bench/page.json, build/bench/page.png (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
  console.log(lines.join('\n'));

  const json = {
    date: new Date().toISOString(), cores: cpus().length, loadAverage: load, hash: HASH, stepsPerEpoch: created.stepsPerEpoch, windowSeconds: frames.seconds, warmupSeconds: WARMUP,
    targets: { epochsPerSecond: EPOCHS_TARGET, fps: 60, gridMs: FRAME_BUDGET_MS },
    frames, idleFrames: idle, longAnimationFrames: loaf, longTasks,
    training: { optimizers: NAMES.map((name, i) => ({ name, spec: OPTIMIZERS[i], epochsPerSecond: epochs[i] ?? null })), pageEpochsPerSecond, ...rates },
    grid, mainThreadTrainEpochsPerSecond: onMain.trainEpochsPerSecond,
    pass: { fps: fpsOk, epochs: epochs.length === 6 && epochs.every((e) => e >= EPOCHS_TARGET),
      gridWorker: grid.worker[100].median <= FRAME_BUDGET_MS, gridMainThread: grid.mainThread[100].median <= FRAME_BUDGET_MS },
    pageErrors: errors,
  };
  writeFileSync(join(outDir, 'page.json'), `${JSON.stringify(json, null, 1)}\n`);
}

main().catch((error) => {
  console.error(`bench:page: ${error.stack ?? error.message}`);
  process.exitCode = 1;
});
