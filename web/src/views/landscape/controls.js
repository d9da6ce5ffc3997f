// The landscape's form: objective and its options, start point, and the optimizers (type, options
// from the registry, update rule) — every control labelled and keyboard operable. Built with h()
// from the registry and the state; it reports edits through callbacks and keeps no state itself.
import { h } from '../dom.js';
import { formatNumber, formatValue } from '../format.js';
import { renderMath, renderRichText } from '../math.js';
import { HIDDEN_OBJECTIVES, LANDSCAPE_SCHEDULES, MAX_OPTIMIZERS, settableOptions } from '../../state.js';
import { optimizerColor } from '../../charts/colors.js';
import { describeControls, readControl } from './controls-model.js';

let uid = 0;
const nextId = (prefix) => `${prefix}-${++uid}`;

function numberInput(id, value, control, extra = {}) {
  return h('input', {
    id, type: 'number', step: 'any', inputmode: 'decimal',
    min: control.min ?? undefined, max: control.max ?? undefined,
    value: value === null || value === undefined ? '' : String(value), ...extra,
  });
}

/**
 * One field per control description. onValue(name, value) is called with a valid value; an
 * invalid entry shows its message and is not applied.
 */
function optionFields(optionSpecs, values, { objective = false, prefix, onValue }) {
  const specs = settableOptions({ options: optionSpecs }, { objective });
  return describeControls(optionSpecs, values, { objective }).map((control) => {
    const spec = specs.find((s) => s.name === control.name);
    const id = nextId(prefix);
    const errorId = `${id}-error`;
    const helpId = `${id}-help`;
    const error = h('p', { class: 'field-error', id: errorId, 'aria-live': 'polite', hidden: true });
    const symbol = control.symbol ? h('span', { class: 'symbol', 'aria-hidden': 'true', html: renderMath(control.symbol) }) : null;
    const help = h('span', { class: 'field-help', id: helpId },
      control.help, control.help ? ' · ' : '', 'default ', formatValue(control.defaultValue));
    const report = (result, inputs) => {
      error.hidden = !result.error;
      error.textContent = result.error ?? '';
      for (const input of inputs) input.setAttribute('aria-invalid', String(Boolean(result.error)));
      if (!result.error) onValue(control.name, result.value);
    };
    if (control.kind === 'checkbox') {
      const input = h('input', { id, type: 'checkbox', checked: control.value, 'aria-describedby': helpId });
      input.addEventListener('change', () => report(readControl(spec, input.checked), [input]));
      return h('div', { class: 'field field-check', dataset: { option: control.name } },
        input, h('label', { for: id }, h('code', {}, control.label), symbol), help);
    }
    if (control.kind === 'select') {
      const select = h('select', { id, 'aria-describedby': helpId },
        control.choices.map((c) => h('option', { value: c, selected: c === control.value }, c)));
      select.addEventListener('change', () => report(readControl(spec, select.value), [select]));
      return h('div', { class: 'field', dataset: { option: control.name } },
        h('label', { for: id }, h('code', {}, control.label), symbol), select, help);
    }
    if (control.kind === 'pair') {
      const inputs = [0, 1].map((i) => numberInput(`${id}-${i}`, control.value[i], control,
        { 'aria-describedby': `${helpId} ${errorId}` }));
      const read = () => report(readControl(spec, inputs.map((i) => i.value)), inputs);
      inputs.forEach((i) => i.addEventListener('input', read));
      return h('fieldset', { class: 'field field-pair', dataset: { option: control.name } },
        h('legend', {}, h('code', {}, control.label), symbol),
        h('div', { class: 'pair' },
          h('label', { for: `${id}-0` }, 'first'), inputs[0],
          h('label', { for: `${id}-1` }, 'second'), inputs[1]),
        help, error);
    }
    const input = numberInput(id, control.value, control, { 'aria-describedby': `${helpId} ${errorId}` });
    input.addEventListener('input', () => report(readControl(spec, input.value), [input]));
    return h('div', { class: 'field', dataset: { option: control.name } },
      h('label', { for: id }, h('code', {}, control.label), symbol, control.logScale ? h('span', { class: 'log-note' }, ' (log scale)') : null),
      input, help, error);
  });
}

/**
 * The compact LR-schedule selector of one optimizer card (lengths in steps): a select and the
 * chosen schedule's fields (empty: the default). onSchedule(schedule | null) with a valid one.
 */
function scheduleFields(item, { prefix, onSchedule }) {
  const schedule = item.schedule ?? { type: 'none' };
  const def = LANDSCAPE_SCHEDULES.find((d) => d.type === schedule.type) ?? LANDSCAPE_SCHEDULES[0];
  const selectId = nextId(`${prefix}-schedule`);
  const select = h('select', { id: selectId },
    LANDSCAPE_SCHEDULES.map((d) => h('option', { value: d.type, selected: d.type === def.type }, d.label)));
  select.addEventListener('change', () => onSchedule(select.value === 'none' ? null : { type: select.value }, { rerender: true }));
  const fields = def.fields.map((f) => {
    const fid = nextId(`${prefix}-schedule-${f.name}`);
    const errorId = `${fid}-error`;
    const error = h('p', { class: 'field-error', id: errorId, 'aria-live': 'polite', hidden: true });
    const value = schedule[f.name];
    const input = h('input', {
      id: fid, type: 'number', step: f.integer ? 1 : 'any', inputmode: f.integer ? 'numeric' : 'decimal',
      min: f.integer ? 1 : undefined, max: f.integer ? 5000 : undefined,
      value: typeof value === 'number' ? String(value) : '',
      placeholder: f.default === 'steps' ? 'all steps' : String(f.default), 'aria-describedby': errorId,
    });
    input.addEventListener('input', () => {
      const text = input.value.trim();
      const x = Number(text);
      const ok = text === '' || (Number.isFinite(x) && (f.integer ? Number.isInteger(x) && x >= 1 && x <= 5000 : x > 0 && x <= 1e3));
      input.setAttribute('aria-invalid', String(!ok));
      error.hidden = ok;
      error.textContent = ok ? '' : (f.integer ? 'Use a whole number from 1 to 5000.' : 'Use a number > 0 and ≤ 1000.');
      if (!ok) return;
      const next = { ...(item.schedule ?? { type: def.type }) };
      if (text === '') delete next[f.name];
      else next[f.name] = x;
      onSchedule(next, { rerender: false });
    });
    return h('div', { class: 'field', dataset: { scheduleField: f.name } }, h('label', { for: fid }, f.label), input, error);
  });
  return h('div', { class: 'fields schedule', dataset: { group: 'schedule' } },
    h('div', { class: 'field' }, h('label', { for: selectId }, 'LR schedule'), select), fields);
}

/**
 * Renders the form into `root`. handlers: onObjectiveType(type), onObjectiveOption(name, value),
 * onStart([x, y] | null), onOptimizerType(i, type), onOptimizerOption(i, name, value),
 * onOptimizerSchedule(i, schedule | null, { rerender }), onAddOptimizer(), onRemoveOptimizer(i). idPrefix: before every fixed element id (see mountLandscape).
 */
export function renderControls(root, { registry, state, defaultStart, handlers, idPrefix = '' }) {
  const id = (name) => `${idPrefix}${name}`;
  const objectives = registry.objectives.filter((o) => !HIDDEN_OBJECTIVES.has(o.type));
  const objective = registry.objectives.find((o) => o.type === state.objective.type);
  const start = state.start ?? defaultStart ?? [0, 0];

  const objectiveSelect = h('select', { id: id('objective-type') },
    objectives.map((o) => h('option', { value: o.type, selected: o.type === state.objective.type }, o.label)));
  objectiveSelect.addEventListener('change', () => handlers.onObjectiveType(objectiveSelect.value));

  const startInputs = [0, 1].map((i) => h('input', {
    id: id(`start-${i}`), type: 'number', step: 'any', inputmode: 'decimal', value: formatNumber(start[i]).replace('−', '-'),
  }));
  const readStart = () => {
    const p = startInputs.map((input) => Number(input.value));
    const ok = startInputs.every((input) => input.value.trim() !== '') && p.every(Number.isFinite) && p.every((v) => Math.abs(v) <= 1e6);
    startInputs.forEach((input) => input.setAttribute('aria-invalid', String(!ok)));
    if (ok) handlers.onStart(p);
  };
  startInputs.forEach((input) => input.addEventListener('input', readStart));
  const resetStart = h('button', { type: 'button', class: 'link-button' }, 'Use the default start');
  resetStart.addEventListener('click', () => handlers.onStart(null));

  const cards = state.optimizers.map((item, i) => {
    const entry = registry.optimizers.find((o) => o.type === item.type);
    const typeId = id(`optimizer-${i}-type`);
    const select = h('select', { id: typeId },
      registry.optimizers.filter((o) => !o.needsHessian || o.type === item.type).map((o) =>
        h('option', { value: o.type, selected: o.type === item.type }, o.label)));
    select.addEventListener('change', () => handlers.onOptimizerType(i, select.value));
    const remove = h('button', { type: 'button', class: 'icon-button', 'aria-label': `Remove optimizer ${i + 1} (${entry.label})`,
      disabled: state.optimizers.length <= 1, title: 'Remove' }, '×');
    remove.addEventListener('click', () => handlers.onRemoveOptimizer(i));
    return h('li', { class: 'optimizer-card', dataset: { index: String(i), type: item.type }, style: `--swatch: ${optimizerColor(i)}` },
      h('div', { class: 'card-head' },
        h('span', { class: 'swatch', 'aria-hidden': 'true' }),
        h('label', { for: typeId, class: 'visually-hidden' }, `Optimizer ${i + 1}`),
        select, remove),
      h('div', { class: 'fields' }, optionFields(entry.options, item.options, {
        prefix: `opt-${i}`, onValue: (name, value) => handlers.onOptimizerOption(i, name, value),
      })),
      scheduleFields(item, { prefix: `opt-${i}`, onSchedule: (schedule, how) => handlers.onOptimizerSchedule?.(i, schedule, how) }),
      h('details', { class: 'rule' },
        h('summary', {}, 'Update rule'),
        h('div', { class: 'formula', html: renderMath(entry.formula, { displayMode: true }) })));
  });
  const add = h('button', { type: 'button', class: 'button', disabled: state.optimizers.length >= MAX_OPTIMIZERS }, '+ Add optimizer');
  add.addEventListener('click', () => handlers.onAddOptimizer());

  root.replaceChildren(
    h('section', { class: 'panel', 'aria-labelledby': id('objective-heading'), dataset: { group: 'objective' } },
      h('h3', { id: id('objective-heading') }, 'Objective'),
      h('div', { class: 'field' }, h('label', { for: id('objective-type') }, 'Function'), objectiveSelect),
      h('div', { class: 'formula small', html: renderMath(objective.formula, { displayMode: true }) }),
      h('p', { class: 'notes', html: renderRichText(objective.notes) }),
      h('div', { class: 'fields' }, optionFields(objective.options, state.objective.options, {
        objective: true, prefix: 'objective', onValue: handlers.onObjectiveOption,
      }))),
    h('section', { class: 'panel', 'aria-labelledby': id('start-heading'), dataset: { group: 'start' } },
      h('h3', { id: id('start-heading') }, 'Start point'),
      h('p', { class: 'hint' }, 'Click or drag on the plot, or type it.'),
      h('div', { class: 'pair' },
        h('label', { for: id('start-0') }, h('var', {}, 'x'), '₁'), startInputs[0],
        h('label', { for: id('start-1') }, h('var', {}, 'x'), '₂'), startInputs[1]),
      resetStart),
    h('section', { class: 'panel', 'aria-labelledby': id('optimizers-race-heading'), dataset: { group: 'optimizers' } },
      h('h3', { id: id('optimizers-race-heading') }, 'Optimizers'),
      h('ol', { class: 'optimizer-cards' }, cards),
      add),
  );
  return {
    /** Shows a new start point in the inputs (after a click on the plot) without re-rendering. */
    showStart(point) {
      startInputs.forEach((input, i) => {
        if (document.activeElement !== input) input.value = String(point[i]);
        input.setAttribute('aria-invalid', 'false');
      });
    },
    /** Shows an error from the worker on one optimizer's card (or clears it). */
    showOptimizerError(i, message) {
      const card = root.querySelector(`.optimizer-card[data-index="${i}"]`);
      if (!card) return;
      let box = card.querySelector('.card-error');
      if (!box) {
        box = h('p', { class: 'card-error', role: 'alert' });
        card.append(box);
      }
      box.hidden = !message;
      box.textContent = message ?? '';
    },
  };
}
