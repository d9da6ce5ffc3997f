// The Train view's "fair tuning" section: sweep every optimizer's learning rate over a log grid on
// the current problem (sweep.js, in the worker, with progress and Cancel), plot the final training
// loss against the rate (one curve per optimizer, log-log), and re-run the race with each optimizer
// at its best rate. This answers the usual objection to optimizer comparisons: that one of them
// was given a better learning rate than the others.
import { createLineChart } from '../../charts/line-chart.js';
import { h } from '../dom.js';
import { formatNumber } from '../format.js';
import { createLongTask } from '../long-task.js';
import { inputField } from './controls.js';
import { bestRates, logRates, runSweep } from './sweep.js';

/**
 * createTuning({ client, build, labels, colors, onBest, onStart }) -> { element, cancel(), reset() }.
 * build(): the experiment spec of the current setup (throws a message on bad input); labels(),
 * colors(): per optimizer; onStart(): before a sweep (the view pauses its race); onBest(rates):
 * the best rate per optimizer (null where every run diverged), when the user asks for the race.
 */
export function createTuning({ client, build, labels, colors, onStart, onBest }) {
  const settings = { from: '0.0001', to: '1', points: '9', epochs: '20' };
  const field = (label, key, title) => inputField(label, settings[key], (v) => { settings[key] = v; }, { inputmode: 'decimal', title, cls: 'tuning-field' });
  const sweepButton = h('button', { type: 'button', class: 'primary tuning-sweep' }, 'Sweep the learning rates');
  const cancelButton = h('button', { type: 'button', class: 'tuning-cancel', disabled: true }, 'Cancel');
  const raceButton = h('button', { type: 'button', class: 'tuning-race', disabled: true }, 'Race at the best rates');
  const progress = h('progress', { class: 'tuning-progress', max: 1, value: 0, 'aria-label': 'Sweep progress' });
  const status = h('p', { class: 'tuning-status', role: 'status', 'aria-live': 'polite' });
  const chartHost = h('div', { class: 'tuning-chart' });
  const bestList = h('ul', { class: 'tuning-best' });
  const element = h('section', { class: 'train-tuning', 'aria-label': 'Fair tuning', dataset: { group: 'tuning' } },
    h('h3', {}, 'Fair tuning: every optimizer at its best learning rate'),
    h('p', { class: 'hint' }, 'Trains each optimizer above at every rate of a log grid, from the same initial weights and on the same '
      + 'mini-batches, for a few epochs; the final training loss against the rate shows which rate suits which optimizer. '
      + 'Then race them again, each at its best rate.'),
    h('div', { class: 'tuning-fields' },
      field('lr from', 'from', 'smallest learning rate of the grid'),
      field('lr to', 'to', 'largest learning rate of the grid'),
      field('rates', 'points', 'how many rates, evenly spaced in log'),
      field('epochs', 'epochs', 'epochs of training at each rate')),
    h('div', { class: 'tuning-buttons' }, sweepButton, cancelButton, progress, raceButton),
    status, chartHost, bestList);

  const chart = createLineChart(chartHost, { height: 240, xLabel: 'learning rate', yLabel: 'final training loss' });
  const task = createLongTask({ root: element, runButton: sweepButton, cancelButton, progress, status });
  let best = null;

  function show(result) {
    const names = labels();
    const strokes = colors();
    chart.setData({
      x: result.lrs,
      logX: true,
      series: result.losses.map((row, i) => ({
        id: `o${i}`, label: names[i], stroke: strokes[i], kind: 'curve', width: 2,
        values: row.map((v) => (Number.isFinite(v) && v > 0 ? v : null)),
      })),
    });
    best = bestRates(result);
    bestList.replaceChildren(...best.map((b, i) => h('li', { dataset: { lr: b ? String(b.lr) : '' } },
      h('span', { class: 'swatch', style: `background:${strokes[i]}` }), ' ', names[i], ': ',
      b ? `best lr ${formatNumber(b.lr)} (loss ${formatNumber(Number(b.loss.toPrecision(3)))})` : 'diverged at every rate')));
    element.dataset.series = String(result.losses.length);
    raceButton.disabled = !best.some(Boolean);
  }

  async function sweep() {
    let spec;
    let lrs;
    let epochs;
    try {
      spec = build();
      lrs = logRates(Number(settings.from), Number(settings.to), Number(settings.points));
      epochs = Number(settings.epochs);
    } catch (error) {
      status.textContent = error.message;
      return;
    }
    onStart?.();
    raceButton.disabled = true;
    await task.run((signal, setProgress) => runSweep(client, {
      spec, lrs, epochs, signal,
      onProgress: ({ done, total, lr }) => {
        setProgress(done / total);
        if (lr !== null) status.textContent = `Training at lr ${formatNumber(lr)}: ${Math.round((100 * done) / total)}%`;
      },
    }), {
      start: `Sweeping ${lrs.length} rates × ${epochs} epochs…`,
      cancelled: 'Sweep cancelled.',
      done: (result) => { show(result); return `Done: ${lrs.length} rates × ${epochs} epochs.`; },
      failed: (error) => `The sweep stopped: ${error.message}`,
    });
  }

  sweepButton.addEventListener('click', sweep);
  raceButton.addEventListener('click', () => { if (best) onBest(best.map((b) => (b ? b.lr : null))); });

  return {
    element,
    cancel: () => task.cancel(),
    /** The setup changed: an old sweep no longer describes it. */
    reset() {
      task.cancel();
      best = null;
      raceButton.disabled = true;
      bestList.replaceChildren();
      delete element.dataset.state;
      delete element.dataset.series;
    },
    destroy() { task.cancel(); chart.destroy(); },
  };
}
