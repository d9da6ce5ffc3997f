// The Initialisation view: how the initial weights decide whether a deep network's signal
// survives. For each chosen scheme (study.js), the same network is built and trained; the charts
// show, at the start, every layer's activation std and weight-gradient norm against depth
// (vanishing and exploding made visible), and the training loss of the schemes side by side.
import { createLineChart } from '../../charts/line-chart.js';
import { optimizerColor } from '../../charts/colors.js';
import { h } from '../dom.js';
import { createLongTask } from '../long-task.js';
import { formatNumber } from '../format.js';
import { renderMath } from '../math.js';
import { INIT_SCHEMES, runStudy, stdRatio } from './study.js';
import './init.css';

const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'leakyRelu', 'elu', 'selu', 'linear'];

export function mountInit(root, { client, idPrefix = '' }) {
  const id = (name) => `${idPrefix}${name}`;
  const settings = { depth: '10', width: '64', activation: 'relu', epochs: '15', schemes: new Set(['small', 'xavier', 'xavierGain', 'he']) };
  const input = (label, key, name) => {
    const el = h('input', { id: id(name), type: 'text', inputmode: 'numeric', value: settings[key], spellcheck: 'false', autocomplete: 'off' });
    el.addEventListener('change', () => { settings[key] = el.value; });
    return h('div', { class: 'tv-field' }, h('label', { for: el.id }, label), el);
  };
  const activation = h('select', { id: id('init-activation') }, ACTIVATIONS.map((a) => h('option', { value: a }, a)));
  activation.value = settings.activation;
  activation.addEventListener('change', () => { settings.activation = activation.value; });
  const schemeBoxes = INIT_SCHEMES.map((s) => {
    const box = h('input', { type: 'checkbox', id: id(`init-scheme-${s.id}`), value: s.id, checked: settings.schemes.has(s.id) });
    box.addEventListener('change', () => { if (box.checked) settings.schemes.add(s.id); else settings.schemes.delete(s.id); });
    return h('span', { class: 'init-scheme' }, box, h('label', { for: box.id }, s.label));
  });
  const runButton = h('button', { type: 'button', class: 'button primary', id: id('init-run') }, 'Build and train');
  const cancelButton = h('button', { type: 'button', class: 'button', id: id('init-cancel'), disabled: true }, 'Cancel');
  const progress = h('progress', { class: 'init-progress', max: 1, value: 0, 'aria-label': 'Progress' });
  const status = h('p', { class: 'init-status', role: 'status', 'aria-live': 'polite' });
  const summary = h('ul', { class: 'init-summary' });
  const figure = (title, host) => h('figure', { class: 'init-figure' }, h('figcaption', {}, title), host);
  const stdHost = h('div', { class: 'init-chart' });
  const gradHost = h('div', { class: 'init-chart' });
  const lossHost = h('div', { class: 'init-chart' });

  root.replaceChildren(h('div', { class: 'init' },
    h('div', { class: 'init-intro', dataset: { group: 'intro' } },
      h('h2', {}, 'Initialisation: keeping the signal alive through the depth'),
      h('p', {}, 'Each layer multiplies its input by a random matrix. If the weights are too small the activations shrink '
        + 'layer after layer (and so do the gradients on the way back); too large and they grow, or saturate tanh. '
        + 'Xavier chooses the variance from the fan-in and fan-out, with a gain for the activation; He uses 2 / fan-in for ReLU.'),
      h('div', { class: 'formula', html: renderMath('\\operatorname{Var}(W_{ij}) = \\text{gain}^2\\,\\frac{2}{n_{\\text{in}} + n_{\\text{out}}}\\;\\text{(Xavier)},\\qquad \\operatorname{Var}(W_{ij}) = \\frac{2}{n_{\\text{in}}}\\;\\text{(He)}', { displayMode: true }) }),
      h('p', { class: 'hint' }, 'Task: the spiral, depth x width hidden layers, SGD with momentum 0.9 at lr 0.01, batch 32; the same mini-batches for every scheme.')),
    h('div', { class: 'init-controls', dataset: { group: 'controls' } },
      input('Hidden layers (depth)', 'depth', 'init-depth'), input('Width', 'width', 'init-width'),
      h('div', { class: 'tv-field' }, h('label', { for: activation.id }, 'Activation'), activation),
      input('Epochs', 'epochs', 'init-epochs'),
      h('fieldset', { class: 'init-schemes' }, h('legend', {}, 'Schemes'), schemeBoxes),
      h('div', { class: 'init-buttons' }, runButton, cancelButton, progress)),
    status, summary,
    h('div', { class: 'init-charts' },
      figure('Activation std per layer, at the start (log scale; the last layer is the output)', stdHost),
      figure('Weight-gradient norm per layer, at the start (log scale)', gradHost),
      figure('Training loss per epoch (log scale)', lossHost))));

  const charts = {
    std: createLineChart(stdHost, { height: 240, xLabel: 'layer', yLabel: 'std of activations' }),
    grad: createLineChart(gradHost, { height: 240, xLabel: 'layer', yLabel: '‖∂L/∂W‖' }),
    loss: createLineChart(lossHost, { height: 240, xLabel: 'epoch', yLabel: 'training loss' }),
  };
  const task = createLongTask({ root, runButton, cancelButton, progress, status });

  function show(result) {
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
    const depth = Number(settings.depth);
    const width = Number(settings.width);
    const epochs = Number(settings.epochs);
    const schemes = INIT_SCHEMES.map((s) => s.id).filter((s) => settings.schemes.has(s));
    if (!schemes.length) { status.textContent = 'Choose at least one scheme.'; return; }
    await task.run((signal, setProgress) => runStudy(client, {
      depth, width, activation: settings.activation, schemes, epochs, signal,
      onProgress: ({ done, total }) => setProgress(done / total),
    }), {
      start: `Building and training ${schemes.length} networks…`,
      cancelled: 'Cancelled.',
      done: (result) => {
        show(result);
        progress.value = 1;
        return `Done: ${depth} hidden layers of ${width} ${settings.activation} units, ${epochs} epochs.`;
      },
      failed: (error) => error.message,
    });
  }

  runButton.addEventListener('click', run);
  return { hide() { task.cancel(); } };
}
