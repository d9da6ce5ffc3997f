// The Landscape view: wires the form (controls.js), the canvas (plot.js), the convergence chart
// (convergence.js), the inspector and the playback clock to the worker. The worker computes the
// grid and each optimizer's whole run in one call; the page only draws.
import { h } from '../dom.js';
import { formatNumber } from '../format.js';
import { MAX_STEPS, defaultState, toSpec } from '../../state.js';
import { optimizerColor } from '../../charts/colors.js';
import { renderControls } from './controls.js';
import { withoutDefaults } from './controls-model.js';
import { createConvergence } from './convergence.js';
import { renderInspector } from './inspector.js';
import { createPlayback } from './playback.js';
import { createLandscapePlot } from './plot.js';
import { referenceValue } from './theory.js';
import { fileStem } from '../../export/csv.js';
import { downloadBlob } from '../../export/download.js';
import { chartPng } from '../../export/png.js';
import { raceToCsv, raceToJson } from '../../export/race.js';

const GRID = 160;
const short = (x) => formatNumber(Number(Number(x).toPrecision(3)));

function runLabel(entry, options) {
  const lr = options.lr ?? entry.options.find((o) => o.name === 'lr')?.default;
  return `${entry.label.split(' (')[0]}, η = ${short(lr)}`;
}

/**
 * Mounts the view into `root`. state: the page state (its landscape fields are edited in place);
 * onChange(state) after every edit (the page writes the URL). idPrefix: put before every element
 * id the view sets (the custom elements give each instance its own, so that several can share a
 * page); the page uses none. The parts a lesson may hide carry data-group attributes (objective,
 * start, optimizers, steps, loglog, scrub, convergence, legend, inspector, export).
 */
export function mountLandscape(root, { client, registry, state, onChange, idPrefix = '' }) {
  const id = (name) => `${idPrefix}${name}`;
  const controlsRoot = h('div', { class: 'landscape-controls', dataset: { group: 'controls' } });
  const error = h('div', { class: 'error', role: 'alert', hidden: true });
  const runButton = h('button', { type: 'button', class: 'button primary', id: id('landscape-run') }, 'Run');
  const stepButton = h('button', { type: 'button', class: 'button', id: id('landscape-step') }, 'Step');
  const resetButton = h('button', { type: 'button', class: 'button', id: id('landscape-reset') }, 'Reset');
  const stepsInput = h('input', { id: id('landscape-steps'), type: 'number', min: 1, max: MAX_STEPS, step: 1, value: String(state.steps), inputmode: 'numeric' });
  const logLog = h('input', { id: id('landscape-loglog'), type: 'checkbox' });
  const scrub = h('input', { id: id('landscape-scrub'), type: 'range', min: 0, max: state.steps, step: 1, value: 0 });
  const scrubOut = h('output', { for: id('landscape-scrub'), id: id('landscape-scrub-value') }, `0 / ${state.steps}`);
  const canvas = h('canvas', { class: 'landscape-canvas', role: 'img', 'aria-label': 'Contour plot of the objective with the optimizers\' paths' });
  const caption = h('figcaption', {});
  const exportButton = (text, label, title) => h('button', { type: 'button', class: 'button small', disabled: true, 'aria-label': label, title }, text);
  const plotPng = exportButton('PNG', 'Download the contour plot with the paths as PNG', 'The contour plot with the paths up to step k');
  const convergencePng = exportButton('PNG', 'Download the convergence chart as PNG', 'The convergence chart up to step k');
  const csvButton = exportButton('CSV', 'Download the race as CSV', 'One row per optimizer and step: x, f(x), f − f*, |∇f|, lr');
  const jsonButton = exportButton('JSON', 'Download the race as JSON', 'The setup and every optimizer\'s run');
  const figure = h('figure', { class: 'landscape-figure', dataset: { k: '0', paths: '0' } }, canvas, caption,
    h('div', { class: 'figure-export', dataset: { group: 'export' } }, plotPng));
  const convergenceRoot = h('div', { class: 'convergence', id: id('convergence') });
  const legend = h('ul', { class: 'race-legend', 'aria-label': 'Optimizers in the race', dataset: { group: 'legend' } });
  const inspector = h('section', { class: 'inspector', 'aria-live': 'polite', 'aria-label': 'Values at the selected step', dataset: { group: 'inspector' } });

  root.replaceChildren(h('div', { class: 'landscape' },
    controlsRoot,
    h('div', { class: 'landscape-main' },
      h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Race controls' },
        runButton, stepButton, resetButton,
        h('span', { class: 'toolbar-field', dataset: { group: 'steps' } }, h('label', { for: id('landscape-steps') }, 'Steps'), stepsInput),
        h('span', { class: 'toolbar-field', dataset: { group: 'loglog' } }, logLog, h('label', { for: id('landscape-loglog') }, 'log-log axes')),
        h('span', { class: 'toolbar-field race-export', role: 'group', 'aria-label': 'Export the race', dataset: { group: 'export' } },
          h('span', { class: 'label', 'aria-hidden': 'true' }, 'Race'), csvButton, jsonButton)),
      h('div', { class: 'scrub', dataset: { group: 'scrub' } }, h('label', { for: id('landscape-scrub') }, 'Step k'), scrub, scrubOut),
      error,
      h('div', { class: 'figures' },
        figure,
        h('figure', { class: 'convergence-figure', dataset: { group: 'convergence' } },
          h('figcaption', { class: 'figure-title' }, 'Convergence: f(xₖ) − f* on a log scale',
            h('span', { class: 'figure-export', dataset: { group: 'export' } }, convergencePng)),
          convergenceRoot)),
      legend,
      inspector)));

  let grid = null; // landscapeGrid result + fRef
  let runs = []; // [{ label, color, type, options, result }]
  let flows = {};
  let fRef = { value: 0, known: true };
  let hovered = null;
  let generation = 0;
  let busy = false;
  let again = false;
  let controls = null;

  const objectiveSpec = () => toSpec(state.objective, { objective: true, registry });
  const startPoint = () => state.start ?? grid?.window.start ?? [0, 0];

  const playback = createPlayback({
    onStep: (k) => showStep(k),
    onPlayingChange: (playing) => { runButton.textContent = playing ? 'Pause' : 'Run'; },
  });
  const plot = createLandscapePlot(canvas, {
    onStart: (point, { final }) => {
      if (point) {
        state.start = point;
        controls?.showStart(point);
        plot.setStart(point);
        changed({ race: true });
      } else if (final) onChange(state);
    },
    onHover: (hit) => { hovered = hit; renderInspector(inspector, runs, { k: playback.k, fStar: fRef.value, hovered }); },
  });
  const convergence = createConvergence(convergenceRoot, { idPrefix });

  function showError(message) {
    error.hidden = !message;
    error.textContent = message ? `Could not compute: ${message}` : '';
  }

  function showStep(k) {
    scrub.value = String(k);
    scrubOut.textContent = `${k} / ${state.steps}`;
    figure.dataset.k = String(k);
    plot.setStep(k);
    convergence.setStep(k, logLog.checked);
    renderInspector(inspector, runs, { k, fStar: fRef.value, hovered });
  }

  function renderLegend() {
    legend.replaceChildren(...runs.map((run, i) => {
      const r = run.result;
      const first = r.values[0] - fRef.value;
      const last = r.values[r.steps] - fRef.value;
      const status = r.diverged
        ? h('span', { class: 'diverged' }, `diverged at step ${r.divergedAt}`)
        : h('span', {}, `f − f* = ${short(last)} after ${r.steps} steps${r.converged ? ' (converged)' : ''}`);
      return h('li', {
        class: r.diverged ? 'is-diverged' : '',
        dataset: { index: String(i), type: run.type, steps: String(r.steps), firstGap: String(first), finalGap: String(last), diverged: String(r.diverged) },
        title: r.reason || undefined,
      }, h('span', { class: 'swatch', style: `--swatch: ${run.color}`, 'aria-hidden': 'true' }), h('strong', {}, run.label), ' ', status);
    }));
  }

  function redrawRace() {
    plot.setRuns(runs);
    plot.setStart(startPoint());
    figure.dataset.paths = String(runs.length);
    const kMax = Math.max(0, ...runs.map((r) => r.result.steps));
    playback.setMax(state.steps);
    scrub.max = String(state.steps);
    convergence.update({
      runs, fStar: fRef.value, fStarKnown: fRef.known, steps: state.steps, objective: state.objective, flows,
      logX: logLog.checked, k: playback.k,
    });
    renderLegend();
    for (const button of [plotPng, convergencePng, csvButton, jsonButton]) button.disabled = runs.length === 0;
    caption.textContent = `${registry.objectives.find((o) => o.type === state.objective.type).label}: filled contours of f − f* at `
      + `${plot.levels.length} log-spaced levels (${short(plot.levels[0] ?? 0)} to ${short(plot.levels.at(-1) ?? 0)}); `
      + `★ the minimum, ○ the start (click or drag to move it). Longest run: ${kMax} steps.`;
    showStep(playback.k);
  }

  async function computeRace() {
    if (!grid) return;
    if (busy) { again = true; return; }
    busy = true;
    const gen = ++generation;
    const objective = objectiveSpec();
    const x0 = startPoint();
    const steps = state.steps;
    try {
      const settled = await Promise.all(state.optimizers.map((item) => client.request('minimize', {
        objective, optimizer: toSpec(item, { steps }), x0, steps,
      }).then((result) => ({ result }), (e) => ({ error: e.message }))));
      const lrOf = (type) => {
        const item = state.optimizers.find((o) => o.type === type);
        if (!item) return null;
        return item.options.lr ?? registry.optimizers.find((o) => o.type === type).options.find((o) => o.name === 'lr').default;
      };
      const nextFlows = {};
      const etaGd = lrOf('gd');
      const etaNesterov = lrOf('nesterovAccelerated');
      const flowRequests = [];
      if (etaGd) flowRequests.push(client.request('integrateFlow', { objective, kind: 'gradient', x0, tEnd: steps * etaGd, points: steps + 1 })
        .then((f) => { nextFlows.gradient = { eta: etaGd, values: f.values }; }, () => {}));
      if (etaNesterov) flowRequests.push(client.request('integrateFlow', { objective, kind: 'nesterov', x0, tEnd: steps * Math.sqrt(etaNesterov), points: steps + 1 })
        .then((f) => { nextFlows.nesterov = { eta: etaNesterov, values: f.values }; }, () => {}));
      await Promise.all(flowRequests);
      if (gen !== generation) return;
      runs = [];
      settled.forEach((s, i) => {
        controls?.showOptimizerError(i, s.error ?? null);
        if (s.error) return;
        const item = state.optimizers[i];
        const entry = registry.optimizers.find((o) => o.type === item.type);
        runs.push({ label: runLabel(entry, item.options), color: optimizerColor(i), type: item.type, options: item.options, result: s.result });
      });
      flows = nextFlows;
      fRef = referenceValue({ minimum: grid.minimum, gridMin: grid.gridMin, runs: runs.map((r) => r.result) });
      showError(null);
      redrawRace();
    } catch (e) {
      showError(e.message);
    } finally {
      busy = false;
      if (again) { again = false; computeRace(); }
    }
  }

  async function computeGrid() {
    try {
      const next = await client.request('landscapeGrid', { objective: objectiveSpec(), nx: GRID, ny: GRID });
      const ref = referenceValue({ minimum: next.minimum, gridMin: next.gridMin });
      grid = { ...next, fRef: ref.value };
      plot.setGrid(grid);
      showError(null);
      controls?.showStart(startPoint());
      await computeRace();
    } catch (e) {
      showError(e.message);
    }
  }

  function changed({ grid: newGrid = false, race = false, rerender = false } = {}) {
    if (rerender) renderForm();
    if (newGrid) computeGrid();
    else if (race) computeRace();
    onChange(state);
  }

  function renderForm() {
    const active = document.activeElement?.id;
    controls = renderControls(controlsRoot, {
      registry, state, defaultStart: grid?.window.start, idPrefix,
      handlers: {
        onObjectiveType(type) {
          state.objective = { type, options: {} };
          state.start = null;
          changed({ grid: true, rerender: true });
        },
        onObjectiveOption(name, value) {
          const entry = registry.objectives.find((o) => o.type === state.objective.type);
          state.objective.options = withoutDefaults(entry.options, { ...state.objective.options, [name]: value });
          changed({ grid: true });
        },
        onStart(point) {
          state.start = point;
          if (!point) controls.showStart(startPoint());
          plot.setStart(startPoint());
          changed({ race: true });
        },
        onOptimizerType(i, type) {
          const entry = registry.optimizers.find((o) => o.type === type);
          const previousLr = state.optimizers[i].options.lr;
          const previousSchedule = state.optimizers[i].schedule;
          state.optimizers[i] = { type, options: { lr: previousLr ?? entry.options.find((o) => o.name === 'lr').default } };
          if (previousSchedule) state.optimizers[i].schedule = previousSchedule;
          changed({ race: true, rerender: true });
        },
        onOptimizerSchedule(i, schedule, { rerender = false } = {}) {
          if (schedule) state.optimizers[i].schedule = schedule;
          else delete state.optimizers[i].schedule;
          changed({ race: true, rerender });
        },
        onOptimizerOption(i, name, value) {
          const entry = registry.optimizers.find((o) => o.type === state.optimizers[i].type);
          state.optimizers[i].options = withoutDefaults(entry.options, { ...state.optimizers[i].options, [name]: value }, { keep: ['lr'] });
          changed({ race: true });
        },
        onAddOptimizer() {
          const used = new Set(state.optimizers.map((o) => o.type));
          const next = ['adamw', 'rmsprop', 'sgd', 'nadam', 'adagrad', 'radam', 'adamax', 'adadelta', 'gd']
            .find((t) => !used.has(t)) ?? 'adam';
          const defaults = { adamw: 0.1, rmsprop: 0.01, sgd: 0.001, nadam: 0.1, adagrad: 0.5, radam: 0.1, adamax: 0.1, adadelta: 1, gd: 0.001, adam: 0.1 };
          state.optimizers.push({ type: next, options: { lr: defaults[next] } });
          changed({ race: true, rerender: true });
        },
        onRemoveOptimizer(i) {
          state.optimizers.splice(i, 1);
          changed({ race: true, rerender: true });
        },
      },
    });
    if (active) document.getElementById(active)?.focus();
  }

  // ---- export ----------------------------------------------------------------------------------
  const objectiveLabel = () => registry.objectives.find((o) => o.type === state.objective.type)?.label ?? state.objective.type;
  const exportStem = () => fileStem('descent', state.objective.type, `step ${playback.k}`);
  const raceLegend = () => runs.map((run) => ({ label: run.label, color: run.color, line: true }));

  async function exporting(action) {
    try {
      await action();
    } catch (e) {
      showError(`export failed: ${e.message}`);
    }
  }

  plotPng.addEventListener('click', () => exporting(async () => {
    const image = plot.snapshot(2);
    const blob = await chartPng(image, { title: `${objectiveLabel()} · paths up to step ${playback.k}`, legend: raceLegend(), scale: 2 });
    downloadBlob(blob, `${exportStem()}-paths.png`);
  }));
  convergencePng.addEventListener('click', () => exporting(async () => {
    const chartCanvas = convergence.chart.plot?.ctx?.canvas;
    if (!chartCanvas) throw new Error('the chart is not drawn yet');
    const scale = Math.max(1, Math.round(chartCanvas.width / Math.max(1, chartCanvas.clientWidth || chartCanvas.width)));
    const legendEntries = (convergence.model?.series ?? []).map((s) => ({ label: s.label, color: s.stroke, line: true, dash: Boolean(s.dash), muted: s.kind !== 'run' }));
    const blob = await chartPng({ canvas: chartCanvas, width: chartCanvas.width, height: chartCanvas.height },
      { title: `Convergence: f(xₖ) − f* · ${objectiveLabel()} · step ${playback.k}`, legend: legendEntries, scale });
    downloadBlob(blob, `${exportStem()}-convergence.png`);
  }));
  csvButton.addEventListener('click', () => exporting(async () => {
    downloadBlob(new Blob([raceToCsv(runs, { fStar: fRef.value })], { type: 'text/csv;charset=utf-8' }), `${fileStem('descent', state.objective.type, 'race')}.csv`);
  }));
  jsonButton.addEventListener('click', () => exporting(async () => {
    const doc = raceToJson(runs, {
      objective: { ...objectiveSpec(), label: objectiveLabel() }, start: startPoint(), steps: state.steps, fStar: fRef.value, fStarKnown: fRef.known,
      state: JSON.parse(JSON.stringify(state)), exportedAt: new Date().toISOString(),
    });
    downloadBlob(new Blob([`${JSON.stringify(doc, null, 1)}\n`], { type: 'application/json' }), `${fileStem('descent', state.objective.type, 'race')}.json`);
  }));

  runButton.addEventListener('click', () => (playback.playing ? playback.pause() : playback.play()));
  stepButton.addEventListener('click', () => playback.step());
  resetButton.addEventListener('click', () => playback.reset());
  scrub.addEventListener('input', () => playback.seek(Number(scrub.value)));
  logLog.addEventListener('change', () => redrawRace());
  stepsInput.addEventListener('input', () => {
    const n = Number(stepsInput.value);
    const ok = Number.isInteger(n) && n >= 1 && n <= MAX_STEPS;
    stepsInput.setAttribute('aria-invalid', String(!ok));
    if (!ok) return;
    state.steps = n;
    changed({ race: true });
  });

  renderForm();
  const ready = computeGrid();
  return {
    ready,
    /** Re-reads the state (e.g. after the URL was replaced) and recomputes. */
    reload(next) {
      Object.assign(state, next ?? defaultState());
      stepsInput.value = String(state.steps);
      renderForm();
      return computeGrid();
    },
    resize() { plot.resize(); },
    /** Animates the race from its first step (the tour's demos start on their own). */
    play() { playback.reset(); playback.play(); },
    pause() { playback.pause(); },
  };
}
