// The Schedules view: the learning rate of each chosen schedule against the epoch, drawn at once
// from the library (no training), each schedule's formula and PyTorch class, and "Train under
// each": the same network trained under every schedule (compare.js), the training losses side by
// side, where each warm restart shows as a rise of the loss.
import { createTrainChart } from '../../charts/train-chart.js';
import { optimizerColor } from '../../charts/colors.js';
import { h } from '../dom.js';
import { createLongTask } from '../long-task.js';
import { formatNumber } from '../format.js';
import { renderMath } from '../math.js';
import {
  SCHEDULES_TASK, SCHEDULE_IDS, checkSetup, lossAtRestarts, restartEpochs, scheduleCurves, scheduleFields, scheduleLabel, scheduleParams,
  trainUnderSchedules,
} from './compare.js';
import { describeSchedule, paramsTex } from './rules.js';
import './schedules.css';

/** A schedule keeps its colour whichever others are chosen. */
const colorOf = (id) => optimizerColor(SCHEDULE_IDS.indexOf(id));
const round = (x) => formatNumber(Number(x.toPrecision(3)));
const DECIMAL = /^[0-9]*\.?[0-9]+(?:e[-+]?[0-9]+)?$/i;
const parseDecimal = (t) => (DECIMAL.test(t) ? Number(t) : NaN);

/**
 * root: the element to fill; state: the page's state (scheduleIds, scheduleLr, scheduleEpochs,
 * scheduleParams are read and written); onChange(): after they change; idPrefix: for the element ids.
 */
export function mountSchedules(root, { client, state, onChange, idPrefix = '' }) {
  const id = (name) => `${idPrefix}${name}`;
  const boxes = SCHEDULE_IDS.map((s) => h('input', { type: 'checkbox', id: id(`sched-${s}`), value: s }));
  const lrInput = h('input', { id: id('sched-lr'), type: 'text', inputmode: 'decimal', spellcheck: 'false', autocomplete: 'off' });
  const epochsInput = h('input', { id: id('sched-epochs'), type: 'text', inputmode: 'numeric', spellcheck: 'false', autocomplete: 'off' });
  const field = (label, input) => h('div', { class: 'tv-field' }, h('label', { for: input.id }, label), input);
  const runButton = h('button', { type: 'button', class: 'button primary', id: id('sched-run') }, 'Train under each');
  const cancelButton = h('button', { type: 'button', class: 'button', id: id('sched-cancel'), disabled: true }, 'Cancel');
  const progress = h('progress', { class: 'sched-progress', max: 1, value: 0, 'aria-label': 'Training progress' });
  const status = h('p', { class: 'sched-status', role: 'status', 'aria-live': 'polite' });
  const summary = h('ul', { class: 'sched-summary' });
  const rules = h('div', { class: 'sched-rules' });
  const results = h('ul', { class: 'sched-results' });
  const lrHost = h('div', { class: 'train-chart-host' });
  const lossHost = h('div', { class: 'train-chart-host' });
  // Each schedule's parameters, built once (rebuilt on every change, they would lose the focus);
  // a group shows while its schedule is chosen, and an empty field means the default for the epochs.
  const paramGroups = SCHEDULE_IDS.filter((s) => scheduleParams(s).length).map((s) => {
    const inputs = scheduleParams(s).map((p) => h('input', {
      id: id(`sched-${s}-${p.name}`), type: 'text', inputmode: p.integer ? 'numeric' : 'decimal', spellcheck: 'false', autocomplete: 'off',
    }));
    const group = h('span', { class: 'sched-param-group', dataset: { schedule: s } },
      h('span', { class: 'sched-param-name' }, h('span', { class: 'swatch', style: `background:${colorOf(s)}` }), ' ', scheduleLabel(s)),
      scheduleParams(s).map((p, k) => field(p.label, inputs[k])));
    return { schedule: s, group, inputs };
  });
  const paramsBox = h('fieldset', { class: 'sched-params-box' }, h('legend', {}, 'Parameters (empty: the default for the epochs)'),
    paramGroups.map((g) => g.group));
  const figure = (title, host, cls) => h('figure', { class: `train-figure ${cls}` }, h('figcaption', {}, h('span', { class: 'title' }, title)), host);

  root.replaceChildren(h('div', { class: 'sched' },
    h('div', { class: 'sched-intro', dataset: { group: 'intro' } },
      h('h2', {}, 'Learning-rate schedules and warm restarts'),
      h('p', {}, 'A schedule multiplies the base learning rate by a factor that depends on the epoch: large steps early make '
        + 'progress, small steps late settle into a minimum. Step decay cuts the rate at fixed epochs, exponential decay a little '
        + 'every epoch, cosine annealing follows half a cosine down. SGDR (warm restarts) runs the cosine down, then jumps back to '
        + 'the base rate and starts again, each period T_mult times longer; a short linear warm-up first keeps the first large '
        + 'steps from wrecking a fresh network.'),
      h('p', { class: 'hint' }, `Training: ${SCHEDULES_TASK.label}; every schedule trains the same initial weights on the same `
        + 'mini-batches. The rate changes at every step (lengths in epochs times the batches per epoch, as PyTorch\'s schedulers '
        + 'with scheduler.step() after each batch); the chart shows it at the start of each epoch.')),
    h('div', { class: 'sched-controls', dataset: { group: 'controls' } },
      h('fieldset', { class: 'sched-choices' }, h('legend', {}, 'Schedules'),
        boxes.map((box) => h('span', { class: 'sched-choice' }, box, h('label', { for: box.id }, scheduleLabel(box.value))))),
      field('Base learning rate η', lrInput), field('Epochs', epochsInput),
      h('div', { class: 'sched-buttons' }, runButton, cancelButton, progress),
      paramsBox),
    status,
    h('div', { class: 'sched-charts' },
      figure('Learning rate per epoch (computed by the library, before any training)', lrHost, 'sched-lr'),
      figure('Training loss per epoch (log scale)', lossHost, 'sched-loss')),
    summary, results,
    h('div', { dataset: { group: 'rules' } }, h('h3', {}, 'The schedules and their PyTorch classes'), rules)));

  const lrChart = createTrainChart(lrHost, { yLabel: 'learning rate', height: 240, ariaLabel: 'Learning rate per epoch of each schedule' });
  const lossChart = createTrainChart(lossHost, { yLabel: 'training loss', log: true, height: 240, ariaLabel: 'Training loss per epoch under each schedule' });
  const task = createLongTask({ root, runButton, cancelButton, progress, status });
  let registry = null; // listSchedules, for the formulas
  let curves = []; // the drawn schedules: [{ id, label, schedule, lrs }]
  let drawn = 0; // answers to older requests are dropped

  const setup = () => ({
    ids: SCHEDULE_IDS.filter((s) => state.scheduleIds.includes(s)), lr: state.scheduleLr, epochs: state.scheduleEpochs, params: state.scheduleParams ?? {},
  });

  function fill() {
    boxes.forEach((box) => { box.checked = state.scheduleIds.includes(box.value); });
    lrInput.value = formatNumber(state.scheduleLr);
    epochsInput.value = String(state.scheduleEpochs);
    fillParams();
  }

  /** The parameter fields: what was set by hand, else empty with the default as placeholder. */
  function fillParams() {
    for (const { schedule, group, inputs } of paramGroups) {
      group.hidden = !state.scheduleIds.includes(schedule);
      const given = state.scheduleParams?.[schedule] ?? {};
      const used = scheduleFields(schedule, state.scheduleEpochs, given);
      scheduleParams(schedule).forEach((p, k) => {
        inputs[k].value = given[p.name] === undefined ? '' : formatNumber(given[p.name]);
        inputs[k].placeholder = formatNumber(used[p.name]);
      });
    }
  }

  function drawRates(lr) {
    const n = Math.max(0, ...curves.map((c) => c.lrs.length));
    lrChart.setSeries(curves.map((c) => ({ label: c.label, color: colorOf(c.id) })));
    lrChart.setData([Array.from({ length: n }, (_, e) => e), ...curves.map((c) => c.lrs)]);
    summary.replaceChildren(...curves.map((c) => {
      const restarts = restartEpochs(c.lrs, lr);
      return h('li', { dataset: {
        schedule: c.id, first: String(c.lrs[0]), last: String(c.lrs.at(-1)), min: String(Math.min(...c.lrs)), max: String(Math.max(...c.lrs)),
        restarts: restarts.join(','),
      } },
      h('span', { class: 'swatch', style: `background:${colorOf(c.id)}` }), ' ', c.label, ': from ', round(c.lrs[0]), ' to ', round(c.lrs.at(-1)),
      restarts.length ? `; back to the base rate at epoch${restarts.length > 1 ? 's' : ''} ${restarts.join(', ')}` : '');
    }));
    rules.replaceChildren(...(registry ? curves.map((c) => rule(c)) : []));
  }

  function rule(curve) {
    const d = describeSchedule(curve.schedule, registry);
    const params = (x) => (x.params.length ? h('span', { html: renderMath(paramsTex(x)) }) : null);
    const here = d.params.length || d.then ? h('p', { class: 'sched-params' }, 'Here: ', params(d),
      d.then ? [', then ', d.then.label.toLowerCase(), ' with ', params(d.then)] : null) : null;
    return h('div', { class: 'sched-rule', dataset: { schedule: curve.id } },
      h('h4', {}, h('span', { class: 'swatch', style: `background:${colorOf(curve.id)}` }), ' ', d.label),
      h('div', { class: 'formula', html: renderMath(d.formula, { displayMode: true }) }),
      d.then ? h('div', { class: 'formula', html: renderMath(d.then.formula, { displayMode: true }) }) : null,
      here,
      h('p', {}, 'PyTorch: ', h('code', {}, d.torch), d.then ? [' with ', h('code', {}, d.then.torch)] : null));
  }

  /** Redraws the rates for the current setup; a bad field shows its message and the old curves stay. */
  async function refresh() {
    const ticket = ++drawn;
    const chosen = setup();
    try {
      const next = await scheduleCurves(client, chosen);
      if (ticket !== drawn) return;
      curves = next;
      root.dataset.rates = 'ready';
      if (status.dataset.kind === 'setup') { status.textContent = ''; delete status.dataset.kind; }
      drawRates(chosen.lr);
    } catch (error) {
      if (ticket === drawn) setupProblem(error);
    }
  }

  function setupProblem(error) {
    status.textContent = error.message;
    status.dataset.kind = 'setup';
  }

  function drawLosses(result) {
    const runs = result.runs;
    const n = Math.max(0, ...runs.map((r) => r.trainLoss.length));
    lossChart.setSeries(runs.map((r) => ({ label: r.label, color: colorOf(r.id) })));
    lossChart.setData([Array.from({ length: n }, (_, e) => e),
      ...runs.map((r) => Array.from({ length: n }, (_, e) => (r.trainLoss[e] > 0 && Number.isFinite(r.trainLoss[e]) ? r.trainLoss[e] : null)))],
    { diverged: runs.map((r, k) => (r.diverged ? k + 1 : 0)).filter(Boolean) });
    results.replaceChildren(...runs.map((r) => {
      const curve = result.rates.find((c) => c.id === r.id);
      const around = lossAtRestarts(r.trainLoss, restartEpochs(curve.lrs, result.lr));
      const final = r.trainLoss.at(-1);
      const test = r.testLoss.at(-1);
      return h('li', { dataset: {
        schedule: r.id, final: String(final), test: String(test), diverged: String(r.diverged),
        before: around.map((a) => a.before).join(','), after: around.map((a) => a.after).join(','),
      } },
      h('span', { class: 'swatch', style: `background:${colorOf(r.id)}` }), ' ', r.label, ': ',
      r.diverged ? 'diverged' : `final training loss ${round(final)}, test loss ${Number.isFinite(test) ? round(test) : '—'}`,
      around.length ? `; at each restart the loss goes ${around.map((a) => `from ${round(a.before)} (epoch ${a.epoch}) to ${round(a.after)}`).join(', ')}` : '');
    }));
  }

  async function run() {
    const chosen = setup();
    try {
      checkSetup(chosen);
    } catch (error) {
      setupProblem(error);
      root.dataset.state = 'error';
      return;
    }
    delete status.dataset.kind;
    await task.run(async (signal, setProgress) => {
      const rates = await scheduleCurves(client, chosen); // where the restarts are, for the results
      const result = await trainUnderSchedules(client, { ...chosen, signal, onProgress: ({ done, total }) => setProgress(done / total) });
      return { ...result, rates, lr: chosen.lr };
    }, {
      start: `Training the network under ${chosen.ids.length} schedule${chosen.ids.length > 1 ? 's' : ''}, ${chosen.epochs} epochs…`,
      cancelled: 'Training cancelled.',
      done: (result) => {
        drawLosses(result);
        return `Done: ${chosen.epochs} epochs at base rate ${formatNumber(chosen.lr)} under ${chosen.ids.map(scheduleLabel).join('; ')}.`;
      },
      failed: (error) => `Training stopped: ${error.message}`,
    });
  }

  // Losses trained under another setup would not match the rates drawn: a change stops a run and clears them.
  function clearLosses() {
    task.cancel();
    lossChart.setSeries([]);
    lossChart.setData([[]]);
    results.replaceChildren();
  }
  function changed(update) {
    update();
    fillParams();
    onChange?.();
    clearLosses();
    refresh();
  }
  boxes.forEach((box) => box.addEventListener('change', () => changed(() => {
    state.scheduleIds = SCHEDULE_IDS.filter((s) => (s === box.value ? box.checked : state.scheduleIds.includes(s)));
  })));
  // A number is kept in the state only when checkSetup accepts it; otherwise its message shows.
  const numberField = (input, key, field, parse) => input.addEventListener('change', () => {
    const value = parse(input.value.trim());
    try {
      checkSetup({ ...setup(), [key]: value });
    } catch (error) {
      setupProblem(error);
      return;
    }
    changed(() => { state[field] = value; });
  });
  numberField(lrInput, 'lr', 'scheduleLr', parseDecimal);
  numberField(epochsInput, 'epochs', 'scheduleEpochs', (t) => (/^\d{1,6}$/.test(t) ? Number(t) : NaN));
  for (const { schedule, inputs } of paramGroups) {
    scheduleParams(schedule).forEach((p, k) => inputs[k].addEventListener('change', () => {
      const text = inputs[k].value.trim();
      const given = { ...state.scheduleParams?.[schedule] };
      if (text === '') delete given[p.name];
      else given[p.name] = parseDecimal(text);
      const params = { ...state.scheduleParams, [schedule]: given };
      if (!Object.keys(given).length) delete params[schedule];
      try {
        checkSetup({ ...setup(), params });
      } catch (error) {
        setupProblem(error);
        return;
      }
      changed(() => { state.scheduleParams = params; });
    }));
  }
  runButton.addEventListener('click', run);

  fill();
  const ready = client.request('listSchedules').then((list) => { registry = list; }).catch(() => {}).then(refresh);
  return {
    ready,
    hide() { task.cancel(); },
    reload() { fill(); clearLosses(); return refresh(); },
  };
}
