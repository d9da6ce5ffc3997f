// The Weight decay view: L2 regularisation inside the gradient against decoupled weight decay, as
// Loshchilov and Hutter compare them. A grid of learning rate x weight decay is trained in the
// worker (grid.js: progress, Cancel, the page stays live); the final test loss of each optimizer
// of the pair is shown as two heatmaps side by side, the good region (within 25% of the best)
// outlined, and the weight norms per epoch of the selected cell (click a cell) below.
import { scaleSequentialLog } from 'd3-scale';
import { interpolateViridis } from 'd3-scale-chromatic';
import { createTrainChart } from '../../charts/train-chart.js';
import { h } from '../dom.js';
import { createLongTask } from '../long-task.js';
import { formatNumber } from '../format.js';
import { renderMath } from '../math.js';
import { DECAY_PAIRS, DECAY_TASK, DEFAULT_DECAYS, bestCell, decayWidth, parseValues, runDecayGrid } from './grid.js';
import './decay.css';

const TOLERANCE = 1.25; // the good region: within 25% of the best loss
const COLORS = { coupled: '#D55E00', decoupled: '#0072B2' };

/**
 * root: the element to fill; registry: { optimizers }; state: the page's state (its `decayPair`
 * field is read and written); onChange(): after it changes; idPrefix: for the element ids.
 */
export function mountDecay(root, { client, registry, state, onChange, idPrefix = '' }) {
  const id = (name) => `${idPrefix}${name}`;
  const settings = { lrs: '', wds: DEFAULT_DECAYS.join(', '), epochs: String(DECAY_TASK.epochs) };
  const pairSelect = h('select', { id: id('decay-pair') },
    Object.entries(DECAY_PAIRS).map(([value, p]) => h('option', { value }, p.label)));
  const field = (label, key, id) => {
    const input = h('input', { id, type: 'text', spellcheck: 'false', autocomplete: 'off' });
    input.addEventListener('change', () => { settings[key] = input.value; });
    return { input, element: h('div', { class: 'tv-field' }, h('label', { for: id }, label), input) };
  };
  const lrField = field('Learning rates', 'lrs', id('decay-lrs'));
  const wdField = field('Weight decays (weightDecay)', 'wds', id('decay-wds'));
  const epochField = field('Epochs per cell', 'epochs', id('decay-epochs'));
  const runButton = h('button', { type: 'button', class: 'button primary', id: id('decay-run') }, 'Train the grid');
  const cancelButton = h('button', { type: 'button', class: 'button', id: id('decay-cancel'), disabled: true }, 'Cancel');
  const progress = h('progress', { class: 'decay-progress', max: 1, value: 0, 'aria-label': 'Grid progress' });
  const status = h('p', { class: 'decay-status', role: 'status', 'aria-live': 'polite' });
  const rules = h('div', { class: 'decay-rules' });
  const columns = h('p', { class: 'hint decay-columns' });
  const maps = h('div', { class: 'decay-maps' });
  const normsHost = h('div', { class: 'train-chart-host' });
  const normsCaption = h('span', { class: 'title' }, 'Weight norm ‖θ‖ per epoch');
  root.replaceChildren(h('div', { class: 'decay' },
    h('div', { class: 'decay-intro', dataset: { group: 'intro' } },
      h('h2', {}, 'Weight decay: L2 in the gradient against decoupled decay'),
      h('p', {}, 'L2 regularisation adds λθ to the gradient, so an adaptive optimizer rescales the decay along with everything else; '
        + 'decoupled decay shrinks the weights directly, apart from the gradient step. Each cell of the grids below trains both '
        + 'optimizers from the same initial weights on the same mini-batches; the colour is the final test loss (lighter is lower), '
        + `the outline marks the cells within ${Math.round((TOLERANCE - 1) * 100)}% of each grid's best.`),
      h('p', { class: 'hint' }, `Task: ${DECAY_TASK.label}.`),
      rules, columns),
    h('div', { class: 'decay-controls', dataset: { group: 'controls' } },
      h('div', { class: 'tv-field' }, h('label', { for: id('decay-pair') }, 'Compare'), pairSelect),
      lrField.element, wdField.element, epochField.element,
      h('div', { class: 'decay-buttons' }, runButton, cancelButton, progress)),
    status, maps,
    h('figure', { class: 'train-figure decay-norms' }, h('figcaption', {}, normsCaption), normsHost)));
  const normsChart = createTrainChart(normsHost, { yLabel: '‖θ‖', height: 220, ariaLabel: 'Weight norm per epoch of the selected cell' });

  const task = createLongTask({ root, runButton, cancelButton, progress, status });
  let result = null;

  const pair = () => DECAY_PAIRS[state.decayPair] ?? DECAY_PAIRS.adam;
  const entry = (type) => registry.optimizers.find((o) => o.type === type);

  function renderPair() {
    pairSelect.value = state.decayPair;
    const p = pair();
    settings.lrs = p.lrs.join(', ');
    lrField.input.value = settings.lrs;
    wdField.input.value = settings.wds;
    epochField.input.value = settings.epochs;
    columns.textContent = p.columns;
    rules.replaceChildren(...['coupled', 'decoupled'].map((k) => {
      const e = entry(p[k]);
      return h('div', { class: 'decay-rule', dataset: { kind: k } },
        h('h3', {}, h('span', { class: 'swatch', style: `background:${COLORS[k]}` }), ' ', e?.label ?? p[k], k === 'coupled' ? ' with L2 (weightDecay)' : ''),
        e ? h('div', { class: 'formula', html: renderMath(e.formula, { displayMode: true }) }) : null);
    }));
  }

  function heatmap(kind, table) {
    const best = bestCell(table);
    const finite = table.flat().filter((v) => Number.isFinite(v) && v > 0);
    const color = scaleSequentialLog((t) => interpolateViridis(1 - t))
      .domain(finite.length ? [Math.min(...finite), Math.max(Math.max(...finite), Math.min(...finite) * 1.01)] : [1, 10]);
    const p = pair();
    const name = entry(p[kind])?.label ?? p[kind];
    return h('figure', { class: 'decay-map', dataset: { kind, width: String(decayWidth(table, TOLERANCE)), best: best ? `${best.i},${best.j}` : '' } },
      h('figcaption', {}, h('span', { class: 'swatch', style: `background:${COLORS[kind]}` }), ` ${name}${kind === 'coupled' ? ' with L2' : ''}: final test loss`),
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'lr \\ weightDecay'), result.wds.map((wd) => h('th', { scope: 'col' }, formatNumber(wd))))),
        h('tbody', {}, table.map((row, i) => h('tr', {},
          h('th', { scope: 'row' }, formatNumber(result.lrs[i])),
          row.map((loss, j) => {
            const ok = Number.isFinite(loss);
            const good = ok && best && loss <= best.loss * TOLERANCE;
            const isBest = best && best.i === i && best.j === j;
            const cell = h('td', {
              class: [good ? 'good' : '', isBest ? 'best' : ''].filter(Boolean).join(' ') || null,
              style: ok ? `background:${color(Math.max(loss, 1e-12))};color:${textOn(loss, finite)}` : null,
              dataset: { i: String(i), j: String(j), loss: ok ? String(loss) : 'diverged' },
              title: `lr ${formatNumber(result.lrs[i])}, weightDecay ${formatNumber(result.wds[j])}: ${ok ? formatNumber(Number(loss.toPrecision(3))) : 'diverged'}`,
            }, ok ? `${isBest ? '★ ' : ''}${loss.toFixed(2)}` : '✕');
            cell.addEventListener('click', () => selectCell(i, j));
            return cell;
          }))))));
  }

  function selectCell(i, j) {
    if (!result) return;
    maps.querySelectorAll('td.selected').forEach((td) => td.classList.remove('selected'));
    maps.querySelectorAll(`td[data-i="${i}"][data-j="${j}"]`).forEach((td) => td.classList.add('selected'));
    maps.dataset.selected = `${i},${j}`;
    const kinds = ['coupled', 'decoupled'];
    const series = kinds.map((k) => result.weightNorm[k][i][j]);
    const n = Math.max(...series.map((s) => s.length));
    normsChart.setSeries(kinds.map((k) => ({ label: k, color: COLORS[k] })));
    normsChart.setData([Array.from({ length: n }, (_, e) => e), ...series.map((s) => Array.from({ length: n }, (_, e) => (Number.isFinite(s[e]) ? s[e] : null)))]);
    const name = (kind) => entry(pair()[kind])?.label ?? pair()[kind];
    normsCaption.textContent = `Weight norm ‖θ‖ per epoch at lr ${formatNumber(result.lrs[i])}, weightDecay ${formatNumber(result.wds[j])}: `
      + `${name('coupled')} with L2 (orange) against ${name('decoupled')} (blue)`;
  }

  function show() {
    maps.replaceChildren(heatmap('coupled', result.loss.coupled), heatmap('decoupled', result.loss.decoupled));
    const best = bestCell(result.loss.decoupled) ?? bestCell(result.loss.coupled);
    if (best) selectCell(best.i, best.j);
  }

  async function run() {
    let lrs;
    let wds;
    let epochs;
    try {
      lrs = parseValues(settings.lrs, 'Learning rates', { positive: true });
      wds = parseValues(settings.wds, 'Weight decays');
      epochs = Number(settings.epochs);
      if (!Number.isInteger(epochs) || epochs < 1 || epochs > 500) throw new Error('Epochs per cell: a whole number in 1 to 500');
    } catch (error) {
      status.textContent = error.message;
      return;
    }
    await task.run((signal, setProgress) => runDecayGrid(client, {
      spec: DECAY_TASK.spec, pair: state.decayPair, lrs, wds, epochs, signal,
      onProgress: ({ done, total }) => setProgress(done / total),
    }), {
      start: `Training ${lrs.length} × ${wds.length} cells, ${epochs} epochs each…`,
      cancelled: 'Grid cancelled.',
      done: (grid) => {
        result = grid;
        show();
        const widths = ['coupled', 'decoupled'].map((k) => decayWidth(grid.loss[k], TOLERANCE));
        return `Done. Weight decays within ${Math.round((TOLERANCE - 1) * 100)}% of the best: `
          + `${widths[0]} of ${wds.length} with L2, ${widths[1]} of ${wds.length} decoupled.`;
      },
      failed: (error) => `The grid stopped: ${error.message}`,
    });
  }

  pairSelect.addEventListener('change', () => {
    task.cancel();
    state.decayPair = pairSelect.value;
    result = null;
    maps.replaceChildren();
    renderPair();
    onChange?.();
  });
  runButton.addEventListener('click', run);
  renderPair();

  return {
    hide() { task.cancel(); },
    reload() { renderPair(); },
  };
}

/** Dark text on the light end of the colour scale, light text on the dark end. */
function textOn(loss, finite) {
  const lo = Math.log(Math.min(...finite));
  const hi = Math.log(Math.max(...finite));
  const t = hi > lo ? (Math.log(loss) - lo) / (hi - lo) : 0;
  return t > 0.55 ? '#fff' : '#111';
}
