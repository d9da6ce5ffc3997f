// The Initialisation view: how the initial weights decide whether a deep network's signal
// survives. For each chosen scheme (study.js), the same network is built and trained; the charts
// show, at the start, every layer's activation std and weight-gradient norm against depth
// (vanishing and exploding made visible), every layer's histograms of activations and gradients
// (at the start or after training; charts/ridgeline.js), and the training loss of the schemes side
// by side. The settings live in the page's state (state.js: initDepth, initWidth, ...): a link or
// an element's state attribute sets them; a field that is not valid is named and not kept.
import { createLineChart } from '../../charts/line-chart.js';
import { optimizerColor } from '../../charts/colors.js';
import { h } from '../dom.js';
import { createLongTask } from '../long-task.js';
import { formatNumber } from '../format.js';
import { renderMath } from '../math.js';
import { drawRidgeline } from '../../charts/ridgeline.js';
import { PROPERTIES } from '../../state.js';
import { INIT_ACTIVATIONS, INIT_SCHEMES, runStudy, stdRatio, widthRatio } from './study.js';
import './init.css';

/** The text fields: the state's field, its URL key (whose decoder checks it), label and element id. */
const FIELDS = [
  { field: 'initDepth', key: 'initDepth', label: 'Hidden layers (depth)', name: 'init-depth', mode: 'numeric' },
  { field: 'initWidth', key: 'initWidth', label: 'Width', name: 'init-width', mode: 'numeric' },
  { field: 'initEpochs', key: 'initEpochs', label: 'Epochs', name: 'init-epochs', mode: 'numeric' },
  { field: 'initStd', key: 'initStd', label: 's of N(0, s²)', name: 'init-std', mode: 'decimal' },
];
const decoderOf = (key) => PROPERTIES.find((p) => p.key === key).decode;

/**
 * root: the element to fill; state: the page's state (its init* fields are read and written);
 * onChange(): after they change; idPrefix: for the element ids (several views on one page).
 */
export function mountInit(root, { client, state, onChange = () => {}, idPrefix = '' }) {
  const id = (name) => `${idPrefix}${name}`;
  // The fields' text as typed: a run reads it (and names what is wrong); the state keeps valid values only.
  const settings = {};
  const inputs = FIELDS.map((f) => {
    const el = h('input', { id: id(f.name), type: 'text', inputmode: f.mode, spellcheck: 'false', autocomplete: 'off' });
    el.addEventListener('change', () => {
      settings[f.field] = el.value.trim();
      try {
        state[f.field] = decoderOf(f.key)(settings[f.field]);
        status.textContent = '';
        onChange();
      } catch (error) {
        status.textContent = `${error.message}; not kept.`;
      }
    });
    return { ...f, el };
  });
  const activation = h('select', { id: id('init-activation') }, INIT_ACTIVATIONS.map((a) => h('option', { value: a }, a)));
  activation.addEventListener('change', () => { state.initActivation = activation.value; onChange(); });
  const schemeBoxes = INIT_SCHEMES.map((s) => h('input', { type: 'checkbox', id: id(`init-scheme-${s.id}`), value: s.id }));
  for (const box of schemeBoxes) {
    box.addEventListener('change', () => {
      state.initSchemes = schemeBoxes.filter((b) => b.checked).map((b) => b.value);
      onChange();
    });
  }
  const histogramWhen = h('select', { id: id('init-histogram-when') },
    h('option', { value: 'start' }, 'at the start'), h('option', { value: 'end' }, 'after training'));
  const field = (label, el) => h('div', { class: 'tv-field' }, h('label', { for: el.id }, label), el);
  const runButton = h('button', { type: 'button', class: 'button primary', id: id('init-run') }, 'Build and train');
  const cancelButton = h('button', { type: 'button', class: 'button', id: id('init-cancel'), disabled: true }, 'Cancel');
  const progress = h('progress', { class: 'init-progress', max: 1, value: 0, 'aria-label': 'Progress' });
  const status = h('p', { class: 'init-status', role: 'status', 'aria-live': 'polite' });
  const summary = h('ul', { class: 'init-summary' });
  const figure = (title, host) => h('figure', { class: 'init-figure' }, h('figcaption', {}, title), host);
  const stdHost = h('div', { class: 'init-chart' });
  const gradHost = h('div', { class: 'init-chart' });
  const lossHost = h('div', { class: 'init-chart' });
  const histograms = h('div', { class: 'init-histograms' });

  root.replaceChildren(h('div', { class: 'init' },
    h('div', { class: 'init-intro', dataset: { group: 'intro' } },
      h('h2', {}, 'Initialisation: keeping the signal alive through the depth'),
      h('p', {}, 'Each layer multiplies its input by a random matrix. If the weights are too small the activations shrink '
        + 'layer after layer (and so do the gradients on the way back); too large and they grow, or saturate tanh. '
        + 'Xavier chooses the variance from the fan-in and fan-out, with a gain for the activation; He uses 2 / fan-in for ReLU.'),
      h('div', { class: 'formula', html: renderMath('\\operatorname{Var}(W_{ij}) = \\text{gain}^2\\,\\frac{2}{n_{\\text{in}} + n_{\\text{out}}}\\;\\text{(Xavier)},\\qquad \\operatorname{Var}(W_{ij}) = \\frac{2}{n_{\\text{in}}}\\;\\text{(He)}', { displayMode: true }) }),
      h('p', { class: 'hint' }, 'Task: the spiral, depth x width hidden layers, SGD with momentum 0.9 at lr 0.01, batch 32; the same mini-batches for every scheme.')),
    h('div', { class: 'init-controls', dataset: { group: 'controls' } },
      field(inputs[0].label, inputs[0].el), field(inputs[1].label, inputs[1].el), field('Activation', activation),
      field(inputs[2].label, inputs[2].el), field(inputs[3].label, inputs[3].el),
      h('fieldset', { class: 'init-schemes' }, h('legend', {}, 'Schemes'),
        schemeBoxes.map((box, i) => h('span', { class: 'init-scheme' }, box, h('label', { for: box.id }, INIT_SCHEMES[i].label)))),
      h('div', { class: 'init-buttons' }, runButton, cancelButton, progress)),
    status, summary,
    h('div', { class: 'init-charts' },
      figure('Activation std per layer, at the start (log scale; the last layer is the output)', stdHost),
      figure('Weight-gradient norm per layer, at the start (log scale)', gradHost),
      figure('Training loss per epoch (log scale)', lossHost)),
    h('section', { class: 'init-histogram-section' },
      h('div', { class: 'init-histogram-head' },
        h('h3', {}, 'Histograms per layer'), field('Show', histogramWhen)),
      h('p', { class: 'hint' }, 'One row per layer, the first at the top and the output layer\'s logits last. All the rows of one '
        + 'chart share its x range (the widest layer\'s mean ± 4 std), and each row is scaled to its own tallest bar (heights on a '
        + 'square-root scale, so that the tails show beside ReLU\'s spike of zeros): a row that narrows to a spike at 0 is a layer '
        + 'whose values are tiny next to the widest layer\'s. The gradients are the entries of ∂L/∂W of '
        + 'each layer on the whole training set.'),
      histograms)));

  const charts = {
    std: createLineChart(stdHost, { height: 240, xLabel: 'layer', yLabel: 'std of activations' }),
    grad: createLineChart(gradHost, { height: 240, xLabel: 'layer', yLabel: '‖∂L/∂W‖' }),
    loss: createLineChart(lossHost, { height: 240, xLabel: 'epoch', yLabel: 'training loss' }),
  };
  const task = createLongTask({ root, runButton, cancelButton, progress, status });
  let last = null; // the last finished study, redrawn when the histograms' moment changes

  function showHistograms(rows) {
    const when = histogramWhen.value;
    histograms.replaceChildren(...rows.flatMap((r, i) => {
      const hist = r.histograms[when];
      if (!hist) return [];
      const labels = Array.from({ length: hist.layers }, (_, l) => (l === hist.layers - 1 ? 'out' : `${l + 1}`));
      return [['activations', 'activations'], ['gradients', '∂L/∂W']].map(([quantity, title]) => {
        const set = hist[quantity];
        const canvas = h('canvas', { class: 'init-ridgeline', role: 'img' });
        canvas.setAttribute('aria-label', `${r.label}: histograms of the ${title} of ${hist.layers} layers over ${formatNumber(Number(set.lo.toPrecision(2)))} to ${formatNumber(Number(set.hi.toPrecision(2)))}`);
        const fig = h('figure', { class: 'init-figure', dataset: { scheme: r.id, quantity, when, ...(quantity === 'activations' ? { widthRatio: String(widthRatio(hist)) } : {}) } },
          h('figcaption', {}, h('span', { class: 'swatch', style: `background:${optimizerColor(i)}` }), ' ', `${r.label}: ${title}`), canvas);
        queueMicrotask(() => drawRidgeline(canvas, { set, bins: hist.bins, labels, color: optimizerColor(i) }));
        return fig;
      });
    }));
  }
  histogramWhen.addEventListener('change', () => { if (last) showHistograms(last.schemes); });

  function show(result) {
    last = result;
    showHistograms(result.schemes);
    const rows = result.schemes;
    const count = rows[0]?.std[0]?.length ?? 0;
    const layers = Array.from({ length: count }, (_, k) => k + 1);
    const series = (pick) => rows.map((r, i) => ({ id: r.id, label: r.label, stroke: optimizerColor(i), kind: 'curve', width: 2,
      values: (pick(r) ?? []).map((v) => (Number.isFinite(v) && v > 0 ? v : null)) }));
    charts.std.setData({ x: layers, logX: false, series: series((r) => r.std[0]) });
    charts.grad.setData({ x: layers, logX: false, series: series((r) => r.gradNorm[0]) });
    const epochs = Math.max(...rows.map((r) => r.loss.length));
    charts.loss.setData({
      x: Array.from({ length: epochs }, (_, e) => e),
      logX: false,
      series: rows.map((r, i) => ({ id: r.id, label: r.label, stroke: optimizerColor(i), kind: 'curve', width: 2,
        values: Array.from({ length: epochs }, (_, e) => (Number.isFinite(r.loss[e]) && r.loss[e] > 0 ? r.loss[e] : null)),
        diverged: r.diverged, divergedAt: r.loss.length - 1 })),
    });
    summary.replaceChildren(...rows.map((r, i) => {
      const ratio = stdRatio(r);
      const verdict = !Number.isFinite(ratio) ? '' : ratio < 0.2 ? 'vanishes' : ratio > 5 ? 'explodes' : 'keeps its scale';
      return h('li', { dataset: { scheme: r.id, ratio: String(ratio), diverged: String(r.diverged) } },
        h('span', { class: 'swatch', style: `background:${optimizerColor(i)}` }), ' ', r.label, ': last hidden layer\'s std / first\'s = ',
        Number.isFinite(ratio) ? formatNumber(Number(ratio.toPrecision(2))) : '—', verdict ? ` (${verdict})` : '',
        r.diverged ? '; training diverged' : `; final loss ${formatNumber(Number((r.loss.at(-1) ?? NaN).toPrecision(3)))}`);
    }));
  }

  async function run() {
    const depth = Number(settings.initDepth);
    const width = Number(settings.initWidth);
    const epochs = Number(settings.initEpochs);
    const std = Number(settings.initStd);
    const schemes = state.initSchemes;
    if (!schemes.length) { status.textContent = 'Choose at least one scheme.'; return; }
    await task.run((signal, setProgress) => runStudy(client, {
      depth, width, activation: state.initActivation, std, schemes, epochs, signal,
      onProgress: ({ done, total }) => setProgress(done / total),
    }), {
      start: `Building and training ${schemes.length} networks…`,
      cancelled: 'Cancelled.',
      done: (result) => {
        show(result);
        progress.value = 1;
        return `Done: ${depth} hidden layers of ${width} ${state.initActivation} units, ${epochs} epochs.`;
      },
      failed: (error) => error.message,
    });
  }

  /** Shows the state's settings in the controls (at mount, and when an element's attribute changes). */
  function reload() {
    for (const f of inputs) {
      settings[f.field] = String(state[f.field]);
      f.el.value = settings[f.field];
    }
    activation.value = state.initActivation;
    for (const box of schemeBoxes) box.checked = state.initSchemes.includes(box.value);
  }
  reload();
  runButton.addEventListener('click', run);
  return { reload, hide() { task.cancel(); } };
}
