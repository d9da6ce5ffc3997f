// The Train view: networks trained side by side by several optimizers, in the worker, in chunks
// sized to the frame budget. mountTrainView(container, client, { onStateChange, state }) builds the
// controls from the registries (listDatasets, listOptimizers), the live loss / accuracy curves
// (one colour per optimizer), decision-boundary maps for 2-D data and each optimizer's update
// rule; it returns { ready, getState(), setState(state), destroy() }. Any change of the setup
// resets the run (the worker's experiment is deleted and rebuilt on the next play or step).
import { h } from '../dom.js';
import { formatNumber } from '../format.js';
import { renderMath } from '../math.js';
import { createTrainChart } from '../../charts/train-chart.js';
import { drawHeatmap } from '../../charts/heatmap.js';
import { DEFAULT_SPEED, SPEEDS, createPacer, nextChunkSteps } from './chunk.js';
import { inputField, nextId, optionField, selectField } from './controls.js';
import { classColor, optimizerColor } from './palette.js';
import { alignedColumns, appendRun, createSeries, divergenceLabel, latest, logSafe } from './series.js';
import {
  ACTIVATIONS, INITS, LOSSES, MAX_OPTIMIZERS, PRECISIONS, SCHEDULES, buildSpec, defaultOptimizer, defaultState,
  lossFor, optimizerLabel, taskOf,
} from './spec.js';
import './train.css';

const GRID = { xMin: -2.5, xMax: 2.5, yMin: -2.5, yMax: 2.5, resolution: 60 };
const GRID_INTERVAL_MS = 250;
const clone = (value) => JSON.parse(JSON.stringify(value));

export function mountTrainView(container, client, { onStateChange, state: initialState } = {}) {
  let state = initialState ? { ...defaultState(), ...clone(initialState) } : defaultState();
  let registries = null; // { datasets, optimizers }
  let run = null; // the live experiment: { id, info, series, stepsPerEpoch, epochs, progress, chunk, ... }
  let creating = null;
  let playing = false;
  let busy = false;
  let gridBusy = false;
  let lastGridAt = 0;
  let frame = 0;
  let lastFrameAt = 0;
  let speed = DEFAULT_SPEED;
  let destroyed = false;
  const pacer = createPacer();

  // ---- skeleton ------------------------------------------------------------------------------
  const uidBase = nextId('train');
  const controls = h('form', { class: 'train-controls', 'aria-label': 'Training setup', novalidate: true });
  controls.addEventListener('submit', (e) => e.preventDefault());
  const playButton = h('button', { type: 'button', class: 'primary', 'aria-pressed': 'false' }, 'Play');
  const stepButton = h('button', { type: 'button', title: 'Train one epoch' }, 'Step (1 epoch)');
  const resetButton = h('button', { type: 'button' }, 'Reset');
  const speedId = `${uidBase}-speed`;
  const speedInput = h('input', { id: speedId, type: 'range', min: 0, max: SPEEDS.length - 1, step: 1, value: speed,
    'aria-valuetext': SPEEDS[speed].label });
  const speedText = h('span', { class: 'speed-text' }, SPEEDS[speed].label);
  const status = h('p', { class: 'train-status', role: 'status', 'aria-live': 'polite' }, 'Loading the data sets and optimizers…');
  const errorBox = h('div', { class: 'train-error', role: 'alert', hidden: true });
  const legend = h('ul', { class: 'train-legend', 'aria-label': 'Optimizers' });
  const lossHost = h('div', { class: 'train-chart-host' });
  const accHost = h('div', { class: 'train-chart-host' });
  const lossFigure = h('figure', { class: 'train-figure' }, h('figcaption', {}, 'Loss (log scale): ', h('span', { class: 'key-solid' }, 'training'), ' ', h('span', { class: 'key-dashed' }, 'test')), lossHost);
  const accFigure = h('figure', { class: 'train-figure' }, h('figcaption', {}, 'Accuracy: ', h('span', { class: 'key-solid' }, 'training'), ' ', h('span', { class: 'key-dashed' }, 'test')), accHost);
  const maps = h('div', { class: 'train-maps' });
  const mapsNote = h('p', { class: 'train-note' });
  const mapsSection = h('section', { class: 'train-maps-section', 'aria-label': 'Decision boundaries' },
    h('h3', {}, 'Decision boundaries'), mapsNote, maps);
  const optimizerCards = h('div', { class: 'train-optimizer-cards' });
  const addButton = h('button', { type: 'button', class: 'add-optimizer' }, '+ Add optimizer');

  const root = h('div', { class: 'train-view' },
    h('div', { class: 'train-layout' },
      controls,
      h('div', { class: 'train-main' },
        h('div', { class: 'train-toolbar', role: 'toolbar', 'aria-label': 'Training' },
          playButton, stepButton, resetButton,
          h('span', { class: 'speed' }, h('label', { for: speedId }, 'Speed'), speedInput, speedText)),
        status, errorBox, legend,
        h('div', { class: 'train-charts' }, lossFigure, accFigure),
        mapsSection)),
    h('section', { class: 'train-optimizers', 'aria-label': 'Optimizers' },
      h('div', { class: 'train-optimizers-head' }, h('h3', {}, 'Optimizers'), addButton),
      optimizerCards));
  container.replaceChildren(root);

  const lossChart = createTrainChart(lossHost, { yLabel: 'loss', log: true, ariaLabel: 'Training and test loss per epoch, log scale' });
  const accChart = createTrainChart(accHost, { yLabel: 'accuracy', yRange: [0, 1], ariaLabel: 'Training and test accuracy per epoch' });

  // ---- state changes -------------------------------------------------------------------------
  function changed({ rerender = false } = {}) {
    resetRun();
    if (rerender) renderControls();
    else refreshLegend();
    onStateChange?.(clone(state));
  }

  // ---- controls ------------------------------------------------------------------------------
  function datasetInfo() {
    return registries.datasets.find((d) => d.type === state.dataset.type) ?? registries.datasets[0];
  }

  function renderControls() {
    if (!registries) return;
    const ds = datasetInfo();
    const dataFields = ds.options.map((option) => optionField(option, state.dataset.options?.[option.name], (v) => {
      state.dataset.options = { ...state.dataset.options, [option.name]: v };
      changed({ rerender: option.name === 'task' });
    }, { idPrefix: `${uidBase}-data` }));
    let csv = null;
    if (ds.type === 'csv') {
      const id = `${uidBase}-csv`;
      const area = h('textarea', { id, rows: 6, spellcheck: 'false', placeholder: 'x1,x2,label\n0.5,1.2,0\n-0.3,0.8,1\n…', 'aria-describedby': `${id}-error` });
      area.value = state.dataset.csvText ?? '';
      area.addEventListener('change', () => { state.dataset.csvText = area.value; changed(); });
      csv = h('div', { class: 'tv-field csv' }, h('label', { for: id }, 'CSV (numbers; the last column is the label or target)'), area,
        h('p', { id: `${id}-error`, class: 'csv-error', role: 'alert', hidden: true }));
    }
    const task = taskOf(state, registries.datasets);
    const autoLoss = lossFor({ ...state, network: { ...state.network, loss: 'auto' } }, registries.datasets);
    const init = state.network.init;
    controls.replaceChildren(
      h('fieldset', {}, h('legend', {}, 'Data'),
        selectField('Data set', registries.datasets.map((d) => ({ value: d.type, label: d.label })), ds.type, (v) => {
          const info = registries.datasets.find((d) => d.type === v);
          state.dataset = { type: v, options: {}, csvText: state.dataset.csvText ?? '' };
          for (const o of info?.options ?? []) if (o.default !== null && o.kind !== 'choice') state.dataset.options[o.name] = formatNumberish(o.default);
          changed({ rerender: true });
        }, { id: `${uidBase}-dataset` }),
        h('div', { class: 'tv-field-grid' }, dataFields),
        csv,
        h('p', { class: 'train-note' }, `${task === 'regression' ? 'Regression' : 'Classification'}. ${ds.notes ?? ''}`)),
      h('fieldset', {}, h('legend', {}, 'Network'),
        inputField('Hidden layers (widths)', state.network.hidden, (v) => { state.network.hidden = v; changed(); },
          { id: `${uidBase}-hidden`, placeholder: 'e.g. 32, 32 (empty: linear model)' }),
        h('div', { class: 'tv-field-grid' },
          selectField('Activation', ACTIVATIONS, state.network.activation, (v) => { state.network.activation = v; changed(); }, { id: `${uidBase}-act` }),
          selectField('Initialisation', INITS, init, (v) => { state.network.init = v; changed({ rerender: true }); }, { id: `${uidBase}-init` }),
          init.startsWith('xavier')
            ? inputField('Gain', state.network.gain, (v) => { state.network.gain = v; changed(); }, { id: `${uidBase}-gain`, placeholder: 'auto', title: "'auto': the activation's gain (torch.nn.init.calculate_gain)" })
            : null,
          selectField('Loss', LOSSES.map((l) => ({ value: l, label: l === 'auto' ? `auto (${autoLoss})` : l })), state.network.loss, (v) => { state.network.loss = v; changed(); }, { id: `${uidBase}-loss`, cls: 'wide' }))),
      h('fieldset', {}, h('legend', {}, 'Training'),
        h('div', { class: 'tv-field-grid' },
          inputField('Batch size', state.batchSize, (v) => { state.batchSize = v; changed(); }, { id: `${uidBase}-batch`, inputmode: 'numeric', placeholder: '32' }),
          inputField('Epochs', state.epochs, (v) => { state.epochs = v; changed(); }, { id: `${uidBase}-epochs`, inputmode: 'numeric', placeholder: '100' }),
          inputField('Seed', state.seed, (v) => { state.seed = v; changed(); }, { id: `${uidBase}-seed`, inputmode: 'numeric', placeholder: '1' }),
          selectField('Precision', PRECISIONS, state.precision, (v) => { state.precision = v; changed(); }, { id: `${uidBase}-precision` }),
          inputField('L2 (coupled)', state.l2, (v) => { state.l2 = v; changed(); }, { id: `${uidBase}-l2`, inputmode: 'decimal', placeholder: '0', title: 'adds (l2/2)|W|² over the weights to the loss' }))),
    );
    renderOptimizerCards();
    refreshLegend();
    refreshMapsNote();
  }

  function renderOptimizerCards() {
    const cards = state.optimizers.map((o, k) => {
      const info = registries.optimizers.find((x) => x.type === o.type) ?? registries.optimizers[0];
      const color = optimizerColor(k);
      const prefix = `${uidBase}-o${k}`;
      const fields = info.options.filter((opt) => opt.kind !== 'object').map((opt) =>
        optionField(opt, o.options?.[opt.name], (v) => { o.options = { ...o.options, [opt.name]: v }; changed(); }, { idPrefix: prefix }));
      const schedule = o.schedule ?? { type: 'none' };
      const def = SCHEDULES.find((s) => s.type === schedule.type) ?? SCHEDULES[0];
      const scheduleFields = def.fields.map((f) => inputField(f.label, schedule[f.name] ?? '', (v) => {
        o.schedule = { ...o.schedule, [f.name]: v };
        changed();
      }, { id: nextId(`${prefix}-sch-${f.name}`), inputmode: f.integer ? 'numeric' : 'decimal', placeholder: f.default === 'epochs' ? 'all epochs' : f.default }));
      const remove = h('button', { type: 'button', class: 'remove', 'aria-label': `Remove optimizer ${k + 1} (${info.label})`, disabled: state.optimizers.length <= 1 }, '×');
      remove.addEventListener('click', () => { state.optimizers.splice(k, 1); changed({ rerender: true }); });
      return h('article', { class: 'train-optimizer', style: `--swatch: ${color}`, dataset: { type: info.type, index: String(k) } },
        h('header', {},
          h('span', { class: 'swatch', 'aria-hidden': 'true' }),
          selectField(`Optimizer ${k + 1}`, registries.optimizers.map((x) => ({ value: x.type, label: x.label })), info.type, (v) => {
            state.optimizers[k] = defaultOptimizer(v);
            state.optimizers[k].schedule = o.schedule;
            changed({ rerender: true });
          }, { id: `${prefix}-type`, cls: 'type' }),
          remove),
        h('div', { class: 'tv-field-grid' }, fields),
        h('div', { class: 'tv-field-grid schedule' },
          selectField('LR schedule', SCHEDULES.map((s) => ({ value: s.type, label: s.label })), def.type, (v) => {
            o.schedule = { type: v };
            changed({ rerender: true });
          }, { id: `${prefix}-schedule` }),
          scheduleFields),
        h('details', { class: 'train-rule' },
          h('summary', {}, 'Update rule and PyTorch'),
          h('div', { class: 'formula', role: 'group', 'aria-label': `Update rule of ${info.label}`, html: renderMath(info.formula, { displayMode: true }) }),
          info.torch ? h('p', { class: 'torch-mapping' }, h('span', { class: 'label' }, 'PyTorch: '), h('code', {}, info.torch)) : null,
          info.options.some((opt) => opt.torch)
            ? h('p', { class: 'torch-options' }, info.options.filter((opt) => opt.torch).map((opt, i) => [
              i ? ', ' : '', h('code', {}, opt.name), ' → ', h('code', {}, opt.torch)]))
            : null));
    });
    optimizerCards.replaceChildren(...cards);
    addButton.disabled = state.optimizers.length >= MAX_OPTIMIZERS;
  }

  addButton.addEventListener('click', () => {
    if (state.optimizers.length >= MAX_OPTIMIZERS) return;
    const used = new Set(state.optimizers.map((o) => o.type));
    const next = ['adam', 'sgd', 'rmsprop', 'adamw', 'nadam', 'adagrad', 'radam', 'adamax'].find((t) => !used.has(t)) ?? 'adam';
    state.optimizers.push(defaultOptimizer(next));
    changed({ rerender: true });
  });

  // ---- legend, status, maps --------------------------------------------------------------------
  function labelOf(k) {
    const o = state.optimizers[k];
    return optimizerLabel(o, registries?.optimizers.find((x) => x.type === o.type));
  }

  function refreshLegend() {
    if (!registries) return;
    const series = run?.series;
    legend.replaceChildren(...state.optimizers.map((o, k) => {
      const s = series?.optimizers[k];
      const bits = [];
      if (s) {
        const train = latest(s, 'trainLoss');
        const test = latest(s, 'testLoss');
        const acc = latest(s, 'testAccuracy') ?? latest(s, 'trainAccuracy');
        if (train !== null) bits.push(`loss ${formatNumber(Number(train.toPrecision(3)))}`);
        if (test !== null) bits.push(`test ${formatNumber(Number(test.toPrecision(3)))}`);
        if (acc !== null) bits.push(`acc ${(100 * acc).toFixed(1)}%`);
      }
      return h('li', { style: `--swatch: ${optimizerColor(k)}`, dataset: s?.diverged ? { index: String(k), diverged: 'true' } : { index: String(k) } },
        h('span', { class: 'swatch', 'aria-hidden': 'true' }),
        h('span', { class: 'name' }, labelOf(k)),
        bits.length ? h('span', { class: 'values' }, bits.join(' · ')) : null,
        s?.diverged ? h('span', { class: 'diverged', title: s.reason }, divergenceLabel(s)) : null);
    }));
  }

  function setStatus(text) {
    status.textContent = text;
  }

  function showError(message) {
    errorBox.replaceChildren(h('strong', {}, 'Cannot train: '), String(message));
    errorBox.hidden = false;
    const csvError = controls.querySelector('.csv-error');
    if (csvError) {
      csvError.textContent = String(message);
      csvError.hidden = false;
    }
  }

  function clearError() {
    errorBox.hidden = true;
    errorBox.replaceChildren();
    const csvError = controls.querySelector('.csv-error');
    if (csvError) {
      csvError.hidden = true;
      csvError.textContent = '';
    }
  }

  function statusText() {
    if (!run) return 'Press Play to train, or Step for one epoch.';
    const p = run.progress;
    const epochs = p?.epochs ?? 0;
    const steps = p?.steps ?? 0;
    const parts = [`Epoch ${epochs} of ${run.epochs}`, `${steps} steps`, `1 epoch = ${run.stepsPerEpoch} steps`,
      `${run.info.parameterCount} parameters`];
    if (playing) parts.push(`${run.chunk} steps per chunk`);
    if (run.done) parts.unshift('Done');
    return parts.join(' · ');
  }

  function refreshMapsNote() {
    if (!registries) return;
    const ds = datasetInfo();
    const inputs = run?.info.inputs;
    const twoD = ['spiral', 'circles', 'xor', 'gaussians', 'moons', 'surface'].includes(ds.type) || (ds.type === 'csv' && inputs === 2);
    mapsSection.hidden = false;
    if (!twoD) {
      maps.replaceChildren();
      mapsNote.textContent = ds.type === 'digits'
        ? 'Digits have 64 inputs: no boundary to draw, and the library has no per-example predictions yet, so this view shows accuracy only.'
        : `Decision maps need two input features; ${ds.label} has ${inputs ?? 'other than two'}.`;
      return;
    }
    const classification = taskOf(state, registries.datasets) !== 'regression';
    mapsNote.textContent = classification
      ? 'Predicted class over [−2.5, 2.5]², one map per optimizer; pale where the network is unsure.'
      : 'Predicted output over [−2.5, 2.5]² (viridis, each map its own range), one map per optimizer.';
  }

  function buildMaps() {
    maps.replaceChildren(...state.optimizers.map((o, k) => h('figure', { class: 'train-map', style: `--swatch: ${optimizerColor(k)}`, dataset: { index: String(k) } },
      h('canvas', { width: GRID.resolution, height: GRID.resolution, role: 'img', 'aria-label': `Decision boundary of optimizer ${k + 1}, ${labelOf(k)}` }),
      h('figcaption', {}, h('span', { class: 'swatch', 'aria-hidden': 'true' }), h('span', { class: 'name' }, labelOf(k)), h('span', { class: 'values' })))));
    if (run?.info.classification && run.info.inputs === 2) {
      const classes = Math.max(2, run.info.outputs);
      maps.append(h('ul', { class: 'class-key', 'aria-label': 'Class colours' },
        Array.from({ length: classes }, (_, c) => h('li', { style: `--swatch: ${classColor(c)}` }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), `class ${c}`))));
    }
  }

  // ---- the run -----------------------------------------------------------------------------------
  function drawCharts() {
    if (!run) return;
    const { series } = run;
    const lossFields = series.hasTest ? ['trainLoss', 'testLoss'] : ['trainLoss'];
    const accFields = series.hasTest ? ['trainAccuracy', 'testAccuracy'] : ['trainAccuracy'];
    const per = lossFields.length;
    if (run.seriesShape !== per) {
      run.seriesShape = per;
      const defs = [];
      state.optimizers.forEach((o, k) => {
        defs.push({ label: `${labelOf(k)} (train)`, color: optimizerColor(k) });
        if (per === 2) defs.push({ label: `${labelOf(k)} (test)`, color: optimizerColor(k), dash: true });
      });
      lossChart.setSeries(defs);
      accChart.setSeries(defs);
    }
    const diverged = [];
    series.optimizers.forEach((s, k) => { if (s.diverged) for (let f = 0; f < per; f++) diverged.push(1 + k * per + f); });
    lossChart.setData(alignedColumns(series, lossFields, logSafe), { diverged });
    if (series.hasAccuracy) accChart.setData(alignedColumns(series, accFields), { diverged });
    accFigure.hidden = !series.hasAccuracy;
  }

  async function ensureRun() {
    if (run) return run;
    if (creating) return creating;
    if (!registries) throw new Error('The registries are still loading');
    creating = (async () => {
      clearError();
      let built;
      try {
        built = buildSpec(state, registries);
      } catch (error) {
        showError(error.message);
        throw error;
      }
      setStatus('Building the networks…');
      let created;
      try {
        created = await client.request('trainCreate', { spec: built.spec, scheduleUnit: 'epochs' });
      } catch (error) {
        showError(error.message);
        setStatus('The setup was not accepted; fix it and press Play again.');
        throw error;
      }
      if (destroyed) {
        client.request('trainDelete', { experimentId: created.experimentId }).catch(() => {});
        throw new Error('The view was closed');
      }
      run = {
        id: created.experimentId,
        info: created.info,
        stepsPerEpoch: created.stepsPerEpoch,
        epochs: built.epochs,
        series: createSeries(created.info.optimizers),
        progress: created.info.progress,
        chunk: Math.max(1, Math.min(created.stepsPerEpoch, 8)),
        seriesShape: 0,
        done: false,
      };
      root.dataset.running = 'true';
      refreshMapsNote();
      if (run.info.inputs === 2) buildMaps();
      // Epoch 0 (the untrained networks): a zero-step run returns it without training.
      await runChunk(run, { epochs: undefined, steps: undefined, initial: true });
      return run;
    })();
    try {
      return await creating;
    } finally {
      creating = null;
    }
  }

  async function runChunk(current, { steps, epochs, initial = false }) {
    let reply;
    if (initial) {
      reply = await client.request('trainHistory', { experimentId: current.id }).then((optimizers) => ({ optimizers, progress: current.progress, ms: 0 }));
    } else {
      reply = await client.request('trainRun', { experimentId: current.id, ...(epochs ? { epochs } : { steps }) });
    }
    if (run !== current) return null; // reset meanwhile
    appendRun(current.series, reply);
    if (!initial) {
      current.progress = reply.progress;
      if (steps) current.chunk = nextChunkSteps(steps, reply.ms);
    }
    const allDiverged = reply.progress.optimizers.every((o) => o.diverged);
    if ((reply.progress.epochs ?? 0) >= current.epochs || allDiverged) {
      current.done = true;
      if (playing) pause();
    }
    drawCharts();
    refreshLegend();
    setStatus(statusText());
    root.dataset.epoch = String(reply.progress.epochs ?? 0);
    return reply;
  }

  async function refreshMaps(force = false) {
    const current = run;
    if (!current || current.info.inputs !== 2 || gridBusy) return;
    const now = performance.now();
    if (!force && now - lastGridAt < GRID_INTERVAL_MS) return;
    gridBusy = true;
    lastGridAt = now;
    try {
      const reply = await client.request('trainPredictGrid', { experimentId: current.id, grid: GRID });
      if (run !== current) return;
      const figures = maps.querySelectorAll('figure.train-map');
      for (const g of reply.grids) {
        const figure = figures[g.index];
        if (!figure) continue;
        drawHeatmap(figure.querySelector('canvas'), g.values, reply.resolution, reply.outputs, { classification: current.info.classification });
        const s = current.series.optimizers[g.index];
        const acc = latest(s, 'testAccuracy') ?? latest(s, 'trainAccuracy');
        figure.querySelector('.values').textContent = s.diverged ? divergenceLabel(s) : acc !== null ? `${(100 * acc).toFixed(1)}%` : '';
        figure.dataset.diverged = s.diverged ? 'true' : 'false';
      }
      root.dataset.maps = 'drawn';
    } catch (error) {
      if (run === current) showError(error.message);
    } finally {
      gridBusy = false;
    }
  }

  function tick(time) {
    frame = 0;
    if (!playing || !run || destroyed) return;
    const elapsed = lastFrameAt ? time - lastFrameAt : 16;
    lastFrameAt = time;
    if (!busy) {
      const remaining = run.epochs * run.stepsPerEpoch - (run.progress?.steps ?? 0);
      const steps = pacer.take({ budgetSteps: run.chunk, stepsPerSecond: SPEEDS[speed].stepsPerSecond, elapsedMs: elapsed, remaining });
      if (remaining <= 0) {
        run.done = true;
        pause();
        return;
      }
      if (steps > 0) {
        busy = true;
        const current = run;
        runChunk(current, { steps })
          .then(() => refreshMaps(current.done))
          .catch((error) => { if (run === current) { showError(error.message); pause(); } })
          .finally(() => { busy = false; });
      }
    }
    frame = requestAnimationFrame(tick);
  }

  async function play() {
    if (playing) return;
    try {
      await ensureRun();
    } catch {
      return;
    }
    if (run.done) {
      // Played to the end: train further by the same number of epochs.
      run.epochs += Math.max(1, Number.parseInt(state.epochs, 10) || 100);
      run.done = false;
    }
    playing = true;
    lastFrameAt = 0;
    pacer.reset();
    playButton.textContent = 'Pause';
    playButton.setAttribute('aria-pressed', 'true');
    root.dataset.playing = 'true';
    frame = requestAnimationFrame(tick);
  }

  function pause() {
    playing = false;
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    playButton.textContent = run?.done ? 'Train more' : 'Play';
    playButton.setAttribute('aria-pressed', 'false');
    root.dataset.playing = 'false';
    if (run) setStatus(statusText());
    refreshMaps(true);
  }

  async function stepEpoch() {
    if (busy) return;
    pause();
    try {
      await ensureRun();
    } catch {
      return;
    }
    const current = run;
    if (current.progress.epochs >= current.epochs) current.epochs = current.progress.epochs + 1;
    busy = true;
    try {
      await runChunk(current, { epochs: 1 });
      await refreshMaps(true);
    } catch (error) {
      if (run === current) showError(error.message);
    } finally {
      busy = false;
    }
  }

  function resetRun() {
    if (playing) pause();
    const old = run;
    run = null;
    busy = false;
    if (old) client.request('trainDelete', { experimentId: old.id }).catch(() => {});
    lossChart.setSeries([]);
    accChart.setSeries([]);
    maps.replaceChildren();
    accFigure.hidden = false;
    clearError();
    playButton.textContent = 'Play';
    delete root.dataset.running;
    delete root.dataset.maps;
    root.dataset.epoch = '0';
    refreshMapsNote();
    if (registries) setStatus(statusText());
  }

  playButton.addEventListener('click', () => (playing ? pause() : play()));
  stepButton.addEventListener('click', () => stepEpoch());
  resetButton.addEventListener('click', () => resetRun());
  speedInput.addEventListener('input', () => {
    speed = Number(speedInput.value);
    speedText.textContent = SPEEDS[speed].label;
    speedInput.setAttribute('aria-valuetext', SPEEDS[speed].label);
    pacer.reset();
  });

  // ---- start -----------------------------------------------------------------------------------
  const ready = Promise.all([client.request('listDatasets'), client.request('listOptimizers')]).then(([datasets, optimizers]) => {
    if (destroyed) return;
    registries = { datasets, optimizers: optimizers.filter((o) => !o.needsHessian) };
    // A state from elsewhere (a URL) may name things this build lacks: fall back per field.
    if (!datasets.some((d) => d.type === state.dataset.type)) state.dataset = defaultState().dataset;
    state.optimizers = (state.optimizers ?? []).filter((o) => registries.optimizers.some((x) => x.type === o.type)).slice(0, MAX_OPTIMIZERS);
    if (!state.optimizers.length) state.optimizers = defaultState().optimizers;
    renderControls();
    setStatus(statusText());
    root.dataset.ready = 'true';
  }).catch((error) => {
    showError(error.message);
    setStatus('The train view could not load.');
  });

  return {
    ready,
    getState: () => clone(state),
    setState(next) {
      state = { ...defaultState(), ...clone(next) };
      resetRun();
      renderControls();
    },
    play,
    pause,
    step: stepEpoch,
    reset: resetRun,
    destroy() {
      destroyed = true;
      resetRun();
      lossChart.destroy();
      accChart.destroy();
      container.replaceChildren();
    },
  };
}

function formatNumberish(value) {
  if (typeof value === 'number') return formatNumber(value);
  return value;
}
