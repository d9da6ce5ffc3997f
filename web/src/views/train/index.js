// The Train view: networks trained side by side by several optimizers, in the worker, in chunks of
// ~10 ms kept queued there (pipeline.js) while the page draws at most once per frame. mountTrainView(container, client, { onStateChange, state }) builds the
// controls from the registries (listDatasets, listOptimizers), the live loss / accuracy curves
// (one colour per optimizer), decision-boundary maps for 2-D data and each optimizer's update
// rule; it returns { ready, getState(), setState(state), destroy() }. Any change of the setup
// resets the run (the worker's experiment is deleted and rebuilt on the next play or step) and
// calls onStateChange(state) (the page writes it to the URL: web/src/train-state.js).
// The maps show the training points (dots) and test points (rings) from trainData; classification
// with other than two inputs (digits, iris) shows a confusion matrix per optimizer on the test split
// (trainPredictions), and digits a grid of test images with their predicted labels. The history
// exports as CSV / JSON (export.js) and each figure as PNG (../../export/png.js).
import { h } from '../dom.js';
import { formatNumber } from '../format.js';
import { renderMath } from '../math.js';
import { createTrainChart } from '../../charts/train-chart.js';
import { drawDecisionMap } from '../../charts/heatmap.js';
import { DEFAULT_SPEED, SPEEDS, createChunkSizer, createPacer } from './chunk.js';
import { coalesced } from './coalesce.js';
import { createChunkPipeline } from './pipeline.js';
import { inputField, nextId, optionField, selectField } from './controls.js';
import { createTuning } from './tuning.js';
import { csvField } from './csv-field.js';
import { classColor, optimizerColor } from './palette.js';
import { alignedColumns, appendRun, createSeries, divergenceLabel, latest, logSafe } from './series.js';
import {
  ACTIVATIONS, INITS, LOSSES, MAX_OPTIMIZERS, PRECISIONS, SCHEDULES, buildSpec, defaultOptimizer, defaultState,
  lossFor, optimizerLabel, taskOf,
} from './spec.js';
import { confusionMatrix, imageGreys, pixelScales, predictedClasses, sampleIndices } from './evaluate.js';
import { downloadBlob, fileStem, historyToCsv, historyToJson } from './export.js';
import { chartPng, tilesPng } from '../../export/png.js';
import './train.css';

const GRID = { xMin: -2.5, xMax: 2.5, yMin: -2.5, yMax: 2.5, resolution: 60 };
const GRID_INTERVAL_MS = 250;
// While playing, the curves, legend and status are redrawn at most this often (every frame
// otherwise): each redraw of a chart repaints its whole canvas, which the compositor then copies,
// and at 60 redraws a second that copying alone fills the main thread on a machine without a GPU.
const CHART_INTERVAL_MS = 100;
const PREDICTIONS_INTERVAL_MS = 400;
const STATE_INTERVAL_MS = 500;
const DIGIT_IMAGES = 24;
const TWO_D = ['spiral', 'circles', 'xor', 'gaussians', 'moons', 'surface'];
const clone = (value) => JSON.parse(JSON.stringify(value));

export function mountTrainView(container, client, { onStateChange, state: initialState } = {}) {
  let state = initialState ? { ...defaultState(), ...clone(initialState) } : defaultState();
  let registries = null; // { datasets, optimizers }
  let run = null; // the live experiment: { id, info, series, stepsPerEpoch, epochs, progress, chunk, ... }
  let creating = null;
  let playing = false;
  let stepping = false;
  let digitsOptimizer = 0;
  let frame = 0; // the requested animation frame that draws what changed
  let dirty = { charts: false, legend: false, status: false };
  let chartsDrawnAt = -Infinity;
  let pendingMaps = null; // the latest grid reply, drawn on the next frame
  let speed = DEFAULT_SPEED;
  let destroyed = false;

  // ---- skeleton ------------------------------------------------------------------------------
  const uidBase = nextId('train');
  const controls = h('form', { class: 'train-controls', 'aria-label': 'Training setup', novalidate: true, dataset: { group: 'controls' } });
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
  const lrHost = h('div', { class: 'train-chart-host' });
  const normHost = h('div', { class: 'train-chart-host' });
  const pngButton = (what) => h('button', { type: 'button', class: 'png-button', disabled: true, 'data-group': 'export', title: `Download the ${what} as a PNG image`, 'aria-label': `Download the ${what} as PNG` }, 'PNG');
  const lossPng = pngButton('loss chart');
  const accPng = pngButton('accuracy chart');
  const mapsPng = pngButton('decision maps');
  const csvButton = h('button', { type: 'button', disabled: true, title: 'One row per optimizer and epoch', 'aria-label': 'Download the history as CSV' }, 'CSV');
  const jsonButton = h('button', { type: 'button', disabled: true, title: 'The setup and every optimizer\'s history', 'aria-label': 'Download the history as JSON' }, 'JSON');
  const lossFigure = h('figure', { class: 'train-figure' }, h('figcaption', {}, h('span', { class: 'title' }, 'Loss (log scale): ', h('span', { class: 'key-solid' }, 'training'), ' ', h('span', { class: 'key-dashed' }, 'test')), lossPng), lossHost);
  const accFigure = h('figure', { class: 'train-figure' }, h('figcaption', {}, h('span', { class: 'title' }, 'Accuracy: ', h('span', { class: 'key-solid' }, 'training'), ' ', h('span', { class: 'key-dashed' }, 'test')), accPng), accHost);
  // Shown when some optimizer has a schedule: η_t at each epoch's end, so restarts line up with the loss.
  const lrFigure = h('figure', { class: 'train-figure train-lr-figure', hidden: true }, h('figcaption', {}, h('span', { class: 'title' }, 'Learning rate η_t (at the end of each epoch)')), lrHost);
  // Shown when some weight decay or L2 is set: what it does to the weights, L2 against decoupled.
  const normFigure = h('figure', { class: 'train-figure train-norm-figure', hidden: true }, h('figcaption', {}, h('span', { class: 'title' }, 'Weight norm ‖θ‖ (at the end of each epoch)')), normHost);
  const maps = h('div', { class: 'train-maps' });
  const mapsNote = h('p', { class: 'train-note' });
  const mapsSection = h('section', { class: 'train-maps-section', 'aria-label': 'Decision boundaries', dataset: { group: 'maps' } },
    h('div', { class: 'train-section-head' }, h('h3', {}, 'Decision boundaries'), mapsPng), mapsNote, maps);
  const confusions = h('div', { class: 'train-confusions' });
  const digitsSelectId = `${uidBase}-digits-opt`;
  const digitsSelect = h('select', { id: digitsSelectId });
  const digitsGrid = h('ol', { class: 'train-digits', 'aria-label': 'Test images with the predicted digit' });
  const digitsBlock = h('div', { class: 'train-digits-block', hidden: true },
    h('div', { class: 'train-digits-head' },
      h('h4', {}, 'Test images'),
      h('span', { class: 'tv-inline' }, h('label', { for: digitsSelectId }, 'predicted by'), digitsSelect)),
    h('p', { class: 'train-note' }, 'Each image is 8 × 8 pixel counts (0–16), read back from the standardised features the networks see. ',
      h('span', { class: 'ok' }, 'Green ✓'), ': predicted right; ', h('span', { class: 'bad' }, 'red ✗'), ': wrong, with the true digit.'),
    digitsGrid);
  const evalNote = h('p', { class: 'train-note' });
  const evalSection = h('section', { class: 'train-eval-section', 'aria-label': 'Test-set predictions', hidden: true, dataset: { group: 'predictions' } },
    h('h3', {}, 'Test-set predictions'), evalNote, confusions, digitsBlock);
  const optimizerCards = h('div', { class: 'train-optimizer-cards' });
  const addButton = h('button', { type: 'button', class: 'add-optimizer' }, '+ Add optimizer');

  let fromTuning = false; // a change made by "Race at the best rates" keeps the sweep shown
  const tuning = createTuning({
    client,
    build: () => buildSpec(state, registries).spec,
    labels: () => state.optimizers.map((o, k) => labelOf(k)),
    colors: () => state.optimizers.map((o, k) => optimizerColor(k)),
    onStart: () => pause(),
    onBest(rates) {
      state.optimizers.forEach((o, k) => { if (rates[k] !== null && rates[k] !== undefined) o.options.lr = String(rates[k]); });
      fromTuning = true;
      changed({ rerender: true });
      fromTuning = false;
      play();
    },
  });

  const root = h('div', { class: 'train-view' },
    h('div', { class: 'train-layout' },
      controls,
      h('div', { class: 'train-main' },
        h('div', { class: 'train-toolbar', role: 'toolbar', 'aria-label': 'Training' },
          playButton, stepButton, resetButton,
          h('span', { class: 'speed', dataset: { group: 'speed' } }, h('label', { for: speedId }, 'Speed'), speedInput, speedText),
          h('span', { class: 'train-export', role: 'group', 'aria-label': 'Export the history', dataset: { group: 'export' } }, h('span', { class: 'label', 'aria-hidden': 'true' }, 'History'), csvButton, jsonButton)),
        status, errorBox, legend,
        h('div', { class: 'train-charts' }, lossFigure, accFigure, lrFigure, normFigure),
        mapsSection, evalSection, tuning.element)),
    h('section', { class: 'train-optimizers', 'aria-label': 'Optimizers', dataset: { group: 'optimizers' } },
      h('div', { class: 'train-optimizers-head' }, h('h3', {}, 'Optimizers'), addButton),
      optimizerCards));
  container.replaceChildren(root);

  const lossChart = createTrainChart(lossHost, { yLabel: 'loss', log: true, ariaLabel: 'Training and test loss per epoch, log scale' });
  const accChart = createTrainChart(accHost, { yLabel: 'accuracy', yRange: [0, 1], ariaLabel: 'Training and test accuracy per epoch' });
  const lrChart = createTrainChart(lrHost, { yLabel: 'learning rate', height: 180, ariaLabel: 'Learning rate per epoch of each optimizer' });
  const normChart = createTrainChart(normHost, { yLabel: '‖θ‖', height: 180, ariaLabel: 'Weight norm per epoch of each optimizer' });

  // ---- state changes -------------------------------------------------------------------------
  function changed({ rerender = false } = {}) {
    resetRun();
    if (!fromTuning) tuning.reset();
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
    const csv = ds.type === 'csv'
      ? csvField({ id: `${uidBase}-csv`, text: state.dataset.csvText, showError, clearError,
        onText(text) { state.dataset.csvText = text; changed(); } })
      : null;
    const task = taskOf(state, registries.datasets);
    const autoLoss = lossFor({ ...state, network: { ...state.network, loss: 'auto' } }, registries.datasets);
    const init = state.network.init;
    controls.replaceChildren(
      h('fieldset', { 'data-group': 'data' }, h('legend', {}, 'Data'),
        selectField('Data set', registries.datasets.map((d) => ({ value: d.type, label: d.label })), ds.type, (v) => {
          const info = registries.datasets.find((d) => d.type === v);
          state.dataset = { type: v, options: {}, csvText: state.dataset.csvText ?? '' };
          for (const o of info?.options ?? []) if (o.default !== null && o.kind !== 'choice') state.dataset.options[o.name] = formatNumberish(o.default);
          changed({ rerender: true });
        }, { id: `${uidBase}-dataset` }),
        h('div', { class: 'tv-field-grid' }, dataFields),
        csv,
        h('p', { class: 'train-note' }, `${task === 'regression' ? 'Regression' : 'Classification'}. ${ds.notes ?? ''}`)),
      h('fieldset', { 'data-group': 'network' }, h('legend', {}, 'Network'),
        inputField('Hidden layers (widths)', state.network.hidden, (v) => { state.network.hidden = v; changed(); },
          { id: `${uidBase}-hidden`, placeholder: 'e.g. 32, 32 (empty: linear model)' }),
        h('div', { class: 'tv-field-grid' },
          selectField('Activation', ACTIVATIONS, state.network.activation, (v) => { state.network.activation = v; changed(); }, { id: `${uidBase}-act` }),
          selectField('Initialisation', INITS, init, (v) => { state.network.init = v; changed({ rerender: true }); }, { id: `${uidBase}-init` }),
          init.startsWith('xavier')
            ? inputField('Gain', state.network.gain, (v) => { state.network.gain = v; changed(); }, { id: `${uidBase}-gain`, placeholder: 'auto', title: "'auto': the activation's gain (torch.nn.init.calculate_gain)" })
            : null,
          selectField('Loss', LOSSES.map((l) => ({ value: l, label: l === 'auto' ? `auto (${autoLoss})` : l })), state.network.loss, (v) => { state.network.loss = v; changed(); }, { id: `${uidBase}-loss`, cls: 'wide' }))),
      h('fieldset', { 'data-group': 'training' }, h('legend', {}, 'Training'),
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
            : null,
          h('div', { class: 'train-state', dataset: { state: 'none' } }, h('p', { class: 'hint' }, 'Optimizer state: no state yet.'))));
    });
    optimizerCards.replaceChildren(...cards);
    for (const details of optimizerCards.querySelectorAll('details.train-rule')) {
      details.addEventListener('toggle', () => { if (details.open) refreshOptimizerState(true); });
    }
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

  /** Whether some L2 or weight decay is set: then the weights' norm is charted and in the legend. */
  function decaySet() {
    return Number(state.l2) > 0 || state.optimizers.some((o) => Number(o.options?.weightDecay) > 0);
  }

  function refreshLegend() {
    if (!registries) return;
    const series = run?.series;
    const withNorm = decaySet(); // as the weight-norm chart
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
        const norm = withNorm ? latest(s, 'weightNorm') : null;
        if (norm !== null) bits.push(`‖θ‖ ${formatNumber(Number(norm.toPrecision(3)))}`);
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
    if (playing) parts.push(`${run.sizer.steps} steps per chunk`);
    if (run.done) parts.unshift('Done');
    return parts.join(' · ');
  }

  function isTwoD() {
    const ds = datasetInfo();
    return TWO_D.includes(ds.type) || (ds.type === 'csv' && run?.info.inputs === 2);
  }

  function refreshMapsNote() {
    if (!registries) return;
    const ds = datasetInfo();
    const inputs = run?.info.inputs;
    const classification = run ? run.info.classification : taskOf(state, registries.datasets) !== 'regression';
    const evaluate = classification && !isTwoD() && (ds.type !== 'csv' || run);
    evalSection.hidden = !evaluate;
    mapsSection.hidden = Boolean(evaluate);
    if (evaluate) {
      maps.replaceChildren();
      evalNote.textContent = run
        ? `On the ${run.evalSplit ?? 'test'} split, one matrix per optimizer: rows are the true ${ds.type === 'digits' ? 'digit' : 'class'}, columns the predicted one; cells are shaded by their share of the row (blue: right, orange: wrong). Updated while training.`
        : `${ds.label} has ${ds.type === 'digits' ? 64 : 'more than two'} inputs, so there is no boundary to draw: press Play or Step for a confusion matrix per optimizer on the test split${ds.type === 'digits' ? ', and test images with their predicted digit' : ''}.`;
      return;
    }
    if (!isTwoD()) {
      maps.replaceChildren();
      mapsNote.textContent = `Decision maps need two input features; ${ds.label} has ${inputs ?? 'other than two'}.`;
      return;
    }
    mapsNote.textContent = classification
      ? 'Predicted class over [−2.5, 2.5]², one map per optimizer; pale where the network is unsure. Dots: training points; rings: test points.'
      : 'Predicted output over [−2.5, 2.5]² (viridis, each map its own range), one map per optimizer; the points are coloured by their target on the same scale. Dots: training; rings: test.';
  }

  function pointKey() {
    return [
      h('li', {}, h('span', { class: 'pt', 'aria-hidden': 'true' }), 'training point'),
      h('li', {}, h('span', { class: 'pt hollow', 'aria-hidden': 'true' }), 'test point'),
    ];
  }

  function buildMaps() {
    maps.replaceChildren(...state.optimizers.map((o, k) => h('figure', { class: 'train-map', style: `--swatch: ${optimizerColor(k)}`, dataset: { index: String(k) } },
      h('canvas', { width: GRID.resolution, height: GRID.resolution, role: 'img', 'aria-label': `Decision boundary of optimizer ${k + 1}, ${labelOf(k)}, with the training and test points` }),
      h('figcaption', {}, h('span', { class: 'swatch', 'aria-hidden': 'true' }), h('span', { class: 'name' }, labelOf(k)), h('span', { class: 'values' })))));
    if (run?.info.classification && run.info.inputs === 2) {
      const classes = Math.max(2, run.info.outputs);
      maps.append(h('ul', { class: 'class-key', 'aria-label': 'Class colours and point markers' },
        Array.from({ length: classes }, (_, c) => h('li', { style: `--swatch: ${classColor(c)}` }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), `class ${c}`)),
        pointKey()));
    } else if (run?.info.inputs === 2) {
      maps.append(h('ul', { class: 'class-key', 'aria-label': 'Point markers' }, pointKey()));
    }
  }

  /** The data the networks see (trainData), fetched once per run. */
  function dataOf(current) {
    current.dataPromise ??= client.request('trainData', { experimentId: current.id });
    return current.dataPromise;
  }

  // ---- confusion matrices and digit images ------------------------------------------------------
  function classNamesOf(current, data) {
    const count = data.classNames?.length || Math.max(2, current.info.outputs);
    return Array.from({ length: count }, (_, c) => String(data.classNames?.[c] ?? c));
  }

  function buildEvaluation(current, data) {
    const names = classNamesOf(current, data);
    const split = data.testCount > 0 ? 'test' : 'train';
    current.evalSplit = split;
    current.evalClasses = names.length;
    const what = data.type === 'digits' ? 'digit' : 'class';
    confusions.replaceChildren(...state.optimizers.map((o, k) => h('figure', { class: 'train-confusion', style: `--swatch: ${optimizerColor(k)}`, dataset: { index: String(k) } },
      h('div', { class: 'table-scroll' },
        h('table', {},
          h('caption', {}, h('span', { class: 'swatch', 'aria-hidden': 'true' }), h('span', { class: 'name' }, labelOf(k)), ' ', h('span', { class: 'values' }),
            h('span', { class: 'visually-hidden' }, `: confusion matrix on the ${split} split, rows the true ${what}, columns the predicted ${what}`)),
          h('thead', {}, h('tr', {},
            h('th', { scope: 'col', class: 'corner' }, h('span', { class: 'true' }, `true ${what}`), h('span', { class: 'pred' }, 'predicted →')),
            names.map((name) => h('th', { scope: 'col' }, name)))),
          h('tbody', {}, names.map((name) => h('tr', {}, h('th', { scope: 'row' }, name), names.map(() => h('td', {}, ''))))))))));
    digitsSelect.replaceChildren(...state.optimizers.map((o, k) => h('option', { value: String(k), selected: k === digitsOptimizer }, `${k + 1}: ${labelOf(k)}`)));
    if (digitsOptimizer >= state.optimizers.length) digitsOptimizer = 0;
    digitsSelect.value = String(digitsOptimizer);
    const digits = data.type === 'digits' && data.features === 64;
    digitsBlock.hidden = !digits;
    if (digits) {
      const x = split === 'test' ? data.xTest : data.xTrain;
      const n = split === 'test' ? data.testCount : data.trainCount;
      current.digitIndices = sampleIndices(n, DIGIT_IMAGES);
      const scales = pixelScales(data.xTrain, 64);
      digitsGrid.replaceChildren(...current.digitIndices.map((i) => {
        const canvas = h('canvas', { width: 8, height: 8, 'aria-hidden': 'true' });
        const greys = imageGreys(x.subarray ? x.subarray(i * 64, i * 64 + 64) : x.slice(i * 64, i * 64 + 64), { scales });
        const rgba = new Uint8ClampedArray(64 * 4);
        greys.forEach((g, p) => { rgba[4 * p] = g; rgba[4 * p + 1] = g; rgba[4 * p + 2] = g; rgba[4 * p + 3] = 255; });
        canvas.getContext('2d').putImageData(new ImageData(rgba, 8, 8), 0, 0);
        return h('li', { dataset: { example: String(i) } }, canvas, h('span', { class: 'label' }, '…'));
      }));
    } else {
      digitsGrid.replaceChildren();
    }
    refreshMapsNote();
  }

  function cellStyle(fraction, diagonal) {
    if (!(fraction > 0)) return '';
    const alpha = 0.1 + 0.8 * fraction;
    const rgb = diagonal ? '0, 114, 178' : '213, 94, 0';
    return `background-color: rgba(${rgb}, ${alpha.toFixed(3)});${alpha > 0.5 ? ' color: #fff;' : ''}`;
  }

  function updateEvaluation(current, data, reply) {
    const split = current.evalSplit;
    const labels = split === 'test' ? data.yTest : data.yTrain;
    const names = classNamesOf(current, data);
    const figures = confusions.querySelectorAll('figure.train-confusion');
    current.predicted = [];
    for (const p of reply.predictions) {
      const predicted = predictedClasses(p.values, reply.outputs);
      current.predicted[p.index] = predicted;
      const m = confusionMatrix(labels, predicted, names.length);
      const figure = figures[p.index];
      if (!figure) continue;
      const s = current.series.optimizers[p.index];
      figure.querySelector('caption .values').textContent = s?.diverged
        ? divergenceLabel(s)
        : m.accuracy === null ? '' : `${split} accuracy ${(100 * m.accuracy).toFixed(1)}%`;
      figure.dataset.diverged = s?.diverged ? 'true' : 'false';
      const rows = figure.querySelectorAll('tbody tr');
      m.counts.forEach((row, t) => {
        const cells = rows[t]?.querySelectorAll('td') ?? [];
        row.forEach((count, c) => {
          const td = cells[c];
          if (!td) return;
          const fraction = m.rowTotals[t] ? count / m.rowTotals[t] : 0;
          td.textContent = String(count);
          td.className = count ? (t === c ? 'hit' : 'miss') : 'zero';
          td.setAttribute('style', cellStyle(fraction, t === c));
          td.title = `true ${names[t]}, predicted ${names[c]}: ${count} of ${m.rowTotals[t]}`;
        });
      });
    }
    updateDigits(current, data);
    root.dataset.confusion = 'drawn';
  }

  function updateDigits(current, data) {
    if (digitsBlock.hidden || !current.digitIndices) return;
    const predicted = current.predicted?.[digitsOptimizer];
    if (!predicted) return;
    const labels = current.evalSplit === 'test' ? data.yTest : data.yTrain;
    const items = digitsGrid.querySelectorAll('li');
    current.digitIndices.forEach((i, k) => {
      const li = items[k];
      if (!li) return;
      const p = predicted[i];
      const t = labels[i];
      const right = p === t;
      const label = li.querySelector('.label');
      label.textContent = p < 0 ? '?' : right ? `✓ ${p}` : `✗ ${p} (${t})`;
      li.dataset.correct = right ? 'true' : 'false';
      li.setAttribute('aria-label', `A ${t}, predicted ${p < 0 ? 'nothing' : p}: ${right ? 'right' : 'wrong'}`);
    });
  }

  digitsSelect.addEventListener('change', async () => {
    digitsOptimizer = Number(digitsSelect.value) || 0;
    const current = run;
    if (current?.dataPromise) updateDigits(current, await current.dataPromise);
  });

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
      lrChart.setSeries(state.optimizers.map((o, k) => ({ label: labelOf(k), color: optimizerColor(k) })));
      normChart.setSeries(state.optimizers.map((o, k) => ({ label: labelOf(k), color: optimizerColor(k) })));
    }
    const diverged = [];
    series.optimizers.forEach((s, k) => { if (s.diverged) for (let f = 0; f < per; f++) diverged.push(1 + k * per + f); });
    lossChart.setData(alignedColumns(series, lossFields, logSafe), { diverged });
    if (series.hasAccuracy) accChart.setData(alignedColumns(series, accFields), { diverged });
    accFigure.hidden = !series.hasAccuracy;
    lrFigure.hidden = !state.optimizers.some((o) => o.schedule && o.schedule.type !== 'none');
    if (!lrFigure.hidden) lrChart.setData(alignedColumns(series, ['lr']));
    normFigure.hidden = !decaySet();
    if (!normFigure.hidden) {
      normChart.setData(alignedColumns(series, ['weightNorm']), { diverged: series.optimizers.flatMap((s, k) => (s.diverged ? [k + 1] : [])) });
    }
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
      const current = {
        id: created.experimentId,
        info: created.info,
        stepsPerEpoch: created.stepsPerEpoch,
        epochs: built.epochs,
        spec: built.spec,
        series: createSeries(created.info.optimizers),
        progress: created.info.progress,
        sizer: createChunkSizer({ initial: Math.max(1, Math.min(created.stepsPerEpoch, 8)) }),
        seriesShape: 0,
        done: false,
      };
      current.pipeline = createPipeline(current);
      run = current;
      root.dataset.running = 'true';
      setExportEnabled(true);
      refreshMapsNote();
      if (run.info.inputs === 2) buildMaps();
      // Epoch 0 (the untrained networks), without training.
      const optimizers = await client.request('trainHistory', { experimentId: current.id });
      handleReply(current, { optimizers, progress: current.progress });
      return run;
    })();
    try {
      return await creating;
    } finally {
      creating = null;
    }
  }

  /** The chunks of one run while playing (see pipeline.js). */
  function createPipeline(current) {
    return createChunkPipeline({
      send: (steps) => client.request('trainRun', { experimentId: current.id, steps }),
      // Three chunks of ~10 ms: the worker still has work queued when a long frame delays the page.
      depth: 3,
      sizer: current.sizer,
      pacer: createPacer(),
      stepsPerSecond: () => SPEEDS[speed].stepsPerSecond,
      targetSteps: () => current.epochs * current.stepsPerEpoch,
      onReply: (reply) => {
        handleReply(current, reply);
        refreshVisuals();
      },
      onEnd: () => {
        if (run !== current) return;
        current.done = true;
        if (playing) pause();
      },
      onError: (error) => {
        if (run !== current) return;
        showError(error.message);
        if (playing) pause();
      },
    });
  }

  /** A trainRun reply: merged into the run; what it changes is drawn on the next frame. */
  function handleReply(current, reply) {
    if (run !== current) return; // reset meanwhile
    if (appendRun(current.series, reply)) dirty.charts = dirty.legend = true;
    if (reply.progress && (reply.progress.steps ?? 0) >= (current.progress?.steps ?? 0)) current.progress = reply.progress;
    dirty.status = true;
    const allDiverged = current.progress.optimizers.every((o) => o.diverged);
    if ((current.progress.epochs ?? 0) >= current.epochs || allDiverged) {
      current.done = true;
      if (playing) pause();
    }
    scheduleFrame();
  }

  function scheduleFrame() {
    if (!frame && !destroyed) frame = requestAnimationFrame(drawFrame);
  }

  /** What changed since the last frame, drawn once (at most every CHART_INTERVAL_MS while playing). */
  function drawFrame(time) {
    frame = 0;
    const current = destroyed ? null : run;
    if (!current) return;
    if (pendingMaps) {
      const pending = pendingMaps;
      pendingMaps = null;
      if (pending.current === current) paintMaps(current, pending.reply, pending.data);
    }
    if (!dirty.charts && !dirty.legend && !dirty.status) return;
    if (playing && time - chartsDrawnAt < CHART_INTERVAL_MS) {
      scheduleFrame(); // not yet: a later frame draws it
      return;
    }
    chartsDrawnAt = time;
    const { charts, legend: legendChanged, status: statusChanged } = dirty;
    dirty = { charts: false, legend: false, status: false };
    if (charts) drawCharts();
    if (legendChanged) refreshLegend();
    if (statusChanged) {
      setStatus(statusText());
      root.dataset.epoch = String(current.progress?.epochs ?? 0);
    }
  }

  /** The maps (2-D data) or the confusion matrices (other classification), at most a few times a second unless forced. */
  function refreshVisuals(force = false) {
    return Promise.all([refreshMaps(force), refreshPredictions(force), refreshOptimizerState(force)]);
  }

  /** Shows "no state yet" in every card's state box (before the first step, after a reset). */
  function clearOptimizerState() {
    for (const box of optimizerCards.querySelectorAll('.train-state')) {
      box.dataset.state = 'none';
      box.replaceChildren(h('p', { class: 'hint' }, 'Optimizer state: no state yet.'));
    }
  }

  /** The live optimizer state (a summary per buffer) in the open rule panels, at most ~2×/s unless forced. */
  const refreshOptimizerState = coalesced(async () => {
    const current = run;
    if (!current) return;
    const open = [...optimizerCards.querySelectorAll('.train-optimizer')]
      .filter((card) => card.querySelector('details.train-rule')?.open);
    if (!open.length) return;
    if (!(current.progress?.steps > 0)) {
      clearOptimizerState();
      return;
    }
    try {
      for (const card of open) {
        const index = Number(card.dataset.index);
        if (!(index < current.info.optimizers)) continue;
        const reply = await client.request('trainOptimizerState', { experimentId: current.id, index });
        if (run !== current) return;
        const box = card.querySelector('.train-state');
        if (box) renderOptimizerState(box, reply.states);
      }
    } catch (error) {
      if (run === current) showError(error.message);
    }
  }, { intervalMs: STATE_INTERVAL_MS });

  /** Asks for the grids (never more than one request out); the latest reply is painted on the next frame. */
  const refreshMaps = coalesced(async () => {
    const current = run;
    if (!current || current.info.inputs !== 2) return;
    try {
      const [reply, data] = await Promise.all([
        client.request('trainPredictGrid', { experimentId: current.id, grid: GRID }),
        dataOf(current),
      ]);
      if (run !== current) return;
      pendingMaps = { current, reply, data };
      scheduleFrame();
    } catch (error) {
      if (run === current) showError(error.message);
    }
  }, { intervalMs: GRID_INTERVAL_MS });

  function paintMaps(current, reply, data) {
    const figures = maps.querySelectorAll('figure.train-map');
    current.mapPoints ??= [{ x: data.xTrain, y: data.yTrain }, { x: data.xTest, y: data.yTest, hollow: true }];
    const count = data.trainCount + data.testCount;
    const dpr = Math.max(2, globalThis.devicePixelRatio || 1);
    for (const g of reply.grids) {
      const figure = figures[g.index];
      if (!figure) continue;
      const canvas = figure.querySelector('canvas');
      const cssSize = canvas.clientWidth || 160;
      const size = Math.max(160, Math.min(800, Math.round(cssSize * dpr)));
      const radius = (count > 800 ? 1.7 : count > 400 ? 2.1 : 2.6) * (current.info.classification ? 1 : 0.8) * (size / cssSize);
      const drawn = drawDecisionMap(canvas, {
        values: g.values, resolution: reply.resolution, outputs: reply.outputs, classification: current.info.classification,
        grid: reply.grid, points: current.mapPoints, size, radius,
      });
      figure.dataset.points = String(drawn);
      const s = current.series.optimizers[g.index];
      const acc = latest(s, 'testAccuracy') ?? latest(s, 'trainAccuracy');
      figure.querySelector('.values').textContent = s.diverged ? divergenceLabel(s) : acc !== null ? `${(100 * acc).toFixed(1)}%` : '';
      figure.dataset.diverged = s.diverged ? 'true' : 'false';
    }
    root.dataset.maps = 'drawn';
    mapsPng.disabled = false;
  }

  const refreshPredictions = coalesced(async () => {
    const current = run;
    if (!current || !current.info.classification || current.info.inputs === 2) return;
    try {
      const data = await dataOf(current);
      if (run !== current) return;
      if (!current.evalSplit) buildEvaluation(current, data);
      const reply = await client.request('trainPredictions', { experimentId: current.id, split: current.evalSplit });
      if (run !== current) return;
      updateEvaluation(current, data, reply);
    } catch (error) {
      if (run === current) showError(error.message);
    }
  }, { intervalMs: PREDICTIONS_INTERVAL_MS });

  async function play() {
    if (playing) return;
    try {
      await ensureRun();
    } catch {
      return;
    }
    if (playing) return;
    if (run.done) {
      // Played to the end: train further by the same number of epochs.
      run.epochs += Math.max(1, Number.parseInt(state.epochs, 10) || 100);
      run.done = false;
    }
    playing = true;
    playButton.textContent = 'Pause';
    playButton.setAttribute('aria-pressed', 'true');
    root.dataset.playing = 'true';
    run.pipeline.start(run.progress?.steps ?? 0);
  }

  function pause() {
    playing = false;
    run?.pipeline.stop();
    playButton.textContent = run?.done ? 'Train more' : 'Play';
    playButton.setAttribute('aria-pressed', 'false');
    root.dataset.playing = 'false';
    if (run) setStatus(statusText());
    // The chunks still in flight arrive through the pipeline's onReply; the maps follow the last one.
    const current = run;
    (current ? current.pipeline.idle() : Promise.resolve()).then(() => { if (run === current) refreshVisuals(true); });
  }

  async function stepEpoch() {
    if (stepping) return;
    stepping = true;
    root.dataset.stepping = 'true';
    pause();
    let current;
    try {
      current = await ensureRun(); // shows its own errors
      await current.pipeline.idle();
      if (run !== current) return;
      if (current.progress.epochs >= current.epochs) current.epochs = current.progress.epochs + 1;
      handleReply(current, await client.request('trainRun', { experimentId: current.id, epochs: 1 }));
      await refreshVisuals(true);
    } catch (error) {
      if (current && run === current) showError(error.message);
    } finally {
      stepping = false;
      delete root.dataset.stepping;
    }
  }

  function resetRun() {
    if (playing) pause();
    const old = run;
    run = null;
    pendingMaps = null;
    old?.pipeline.stop();
    if (old) client.request('trainDelete', { experimentId: old.id }).catch(() => {});
    lossChart.setSeries([]);
    accChart.setSeries([]);
    lrChart.setSeries([]);
    normChart.setSeries([]);
    maps.replaceChildren();
    confusions.replaceChildren();
    digitsGrid.replaceChildren();
    clearOptimizerState();
    digitsBlock.hidden = true;
    accFigure.hidden = false;
    setExportEnabled(false);
    clearError();
    playButton.textContent = 'Play';
    delete root.dataset.running;
    delete root.dataset.maps;
    delete root.dataset.confusion;
    root.dataset.epoch = '0';
    refreshMapsNote();
    if (registries) setStatus(statusText());
  }

  // ---- export ----------------------------------------------------------------------------------
  function setExportEnabled(on) {
    for (const button of [csvButton, jsonButton, lossPng, accPng]) button.disabled = !on;
    mapsPng.disabled = !on || root.dataset.maps !== 'drawn';
  }

  function exportStem(current) {
    return fileStem('descent', state.dataset.type, `epoch ${current.progress?.epochs ?? 0}`);
  }

  async function exporting(action) {
    const current = run;
    if (!current) return;
    try {
      await action(current);
    } catch (error) {
      if (run === current) showError(`Export failed: ${error.message}`);
    }
  }

  async function exportHistory(kind) {
    await exporting(async (current) => {
      const history = await client.request('trainHistory', { experimentId: current.id });
      const labels = state.optimizers.map((_, k) => labelOf(k));
      if (kind === 'csv') {
        downloadBlob(new Blob([historyToCsv(history, labels)], { type: 'text/csv;charset=utf-8' }), `${exportStem(current)}.csv`);
      } else {
        const doc = historyToJson(history, labels, { spec: current.spec, stepsPerEpoch: current.stepsPerEpoch, state: clone(state), exportedAt: new Date().toISOString() });
        downloadBlob(new Blob([`${JSON.stringify(doc, null, 1)}\n`], { type: 'application/json' }), `${exportStem(current)}.json`);
      }
    });
  }

  function chartLegend(current) {
    const entries = state.optimizers.map((_, k) => ({ label: labelOf(k), color: optimizerColor(k), line: true }));
    if (current.series.hasTest) {
      entries.push({ label: 'training', color: '#4a5360', line: true, muted: true }, { label: 'test', color: '#4a5360', line: true, dash: true, muted: true });
    }
    return entries;
  }

  function figureTitle(what, current) {
    return `${what} · ${datasetInfo().label} · epoch ${current.progress?.epochs ?? 0}`;
  }

  async function exportChart(chart, what, suffix) {
    await exporting(async (current) => {
      const image = await chart.render(2);
      try {
        const blob = await chartPng(image, { title: figureTitle(what, current), legend: chartLegend(current), scale: 2 });
        downloadBlob(blob, `${exportStem(current)}-${suffix}.png`);
      } finally {
        image.dispose();
      }
    });
  }

  async function exportMaps() {
    await exporting(async (current) => {
      const figures = [...maps.querySelectorAll('figure.train-map')];
      const tiles = figures.map((figure, k) => ({
        canvas: figure.querySelector('canvas'),
        color: optimizerColor(k),
        label: `${labelOf(k)}${figure.querySelector('.values')?.textContent ? ` — ${figure.querySelector('.values').textContent}` : ''}`,
      }));
      const legend = [];
      if (current.info.classification) {
        const classes = Math.max(2, current.info.outputs);
        for (let c = 0; c < classes; c++) legend.push({ label: `class ${c}`, color: classColor(c) });
      }
      legend.push({ label: 'training point', color: '#9aa3ad', shape: 'dot', muted: true }, { label: 'test point', color: '#9aa3ad', shape: 'ring', muted: true });
      const blob = await tilesPng(tiles, { title: figureTitle('Decision boundaries over [−2.5, 2.5]²', current), legend, columns: Math.min(4, tiles.length) });
      downloadBlob(blob, `${exportStem(current)}-maps.png`);
    });
  }

  csvButton.addEventListener('click', () => exportHistory('csv'));
  jsonButton.addEventListener('click', () => exportHistory('json'));
  lossPng.addEventListener('click', () => exportChart(lossChart, 'Loss (log scale)', 'loss'));
  accPng.addEventListener('click', () => exportChart(accChart, 'Accuracy', 'accuracy'));
  mapsPng.addEventListener('click', () => exportMaps());

  playButton.addEventListener('click', () => (playing ? pause() : play()));
  stepButton.addEventListener('click', () => stepEpoch());
  resetButton.addEventListener('click', () => resetRun());
  speedInput.addEventListener('input', () => {
    speed = Number(speedInput.value);
    speedText.textContent = SPEEDS[speed].label;
    speedInput.setAttribute('aria-valuetext', SPEEDS[speed].label);
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
      tuning.reset();
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
      lrChart.destroy();
      normChart.destroy();
      tuning.destroy();
      container.replaceChildren();
    },
  };
}

function formatNumberish(value) {
  if (typeof value === 'number') return formatNumber(value);
  return value;
}

/** The optimizer's state buffers (summaries from trainOptimizerState) as a small table. */
function renderOptimizerState(box, states) {
  if (!states?.length) {
    box.dataset.state = 'none';
    box.replaceChildren(h('p', { class: 'hint' }, 'Optimizer state: none (this optimizer keeps no buffers).'));
    return;
  }
  const short = (x) => (Number.isFinite(x) ? formatNumber(Number(x.toPrecision(4))) : formatNumber(x));
  const cell = (x) => h('td', {}, x === null || x === undefined ? '—' : short(x));
  box.dataset.state = 'live';
  box.replaceChildren(h('table', { class: 'train-state-table' },
    h('caption', {}, 'Optimizer state (live)'),
    h('thead', {}, h('tr', {}, ['state', '‖·‖', 'mean |·|', 'min', 'max', 'first values'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, states.map((st) => h('tr', { dataset: { name: st.name } },
      h('th', { scope: 'row' }, st.symbol ? [h('var', {}, st.symbol), ' '] : null, h('code', {}, st.name)),
      cell(st.norm), cell(st.meanAbs), cell(st.min), cell(st.max),
      h('td', { class: 'first' }, st.first.map(short).join(', ') + (st.length > st.first.length ? ', …' : '')))))));
}

