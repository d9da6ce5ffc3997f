// Form fields of the train view, built from the registries' OptionInfo (listDatasets(),
// listOptimizers()): every field has a <label>, empty means the library's default (shown as the
// placeholder), and a change calls onChange(value) with the raw control value (string, boolean,
// or [string, string] for pairs). No innerHTML except KaTeX output for option symbols.
import { h } from '../dom.js';
import { formatRange, formatValue } from '../format.js';
import { renderMath } from '../math.js';

let uid = 0;
export function nextId(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}

function symbolSpan(option) {
  return option.symbol ? h('span', { class: 'symbol', 'aria-hidden': 'true', html: renderMath(option.symbol) }) : null;
}

function titleOf(option) {
  return [option.help, formatRange(option)].filter(Boolean).join(' · ');
}

/** A <select> with a label. choices: strings or { value, label }. */
export function selectField(labelText, choices, value, onChange, { id = nextId('sel'), cls = '' } = {}) {
  const select = h('select', { id },
    choices.map((c) => {
      const v = typeof c === 'string' ? c : c.value;
      const label = typeof c === 'string' ? c : c.label;
      return h('option', { value: v, selected: v === value }, label);
    }));
  select.addEventListener('change', () => onChange(select.value));
  return h('div', { class: `tv-field ${cls}`.trim() }, h('label', { for: id }, labelText), select);
}

/** A text or number input with a label. */
export function inputField(labelText, value, onChange, { id = nextId('in'), placeholder = '', type = 'text', inputmode, title, cls = '', symbol } = {}) {
  const input = h('input', { id, type, value: value ?? '', placeholder, inputmode, title, spellcheck: 'false', autocomplete: 'off' });
  input.addEventListener('change', () => onChange(input.value));
  return h('div', { class: `tv-field ${cls}`.trim() }, h('label', { for: id, title }, labelText, symbol ? ' ' : null, symbol), input);
}

/** One field for an OptionInfo, with its current raw value. */
export function optionField(option, value, onChange, { idPrefix = 'opt' } = {}) {
  const id = nextId(`${idPrefix}-${option.name}`);
  const title = titleOf(option);
  const placeholder = formatValue(option.default) === '—' ? '' : formatValue(option.default);
  switch (option.kind) {
    case 'boolean': {
      const checked = value === undefined || value === '' ? option.default === true : value === true || value === 'true';
      const input = h('input', { id, type: 'checkbox', checked });
      input.addEventListener('change', () => onChange(input.checked));
      return h('div', { class: 'tv-field check' }, input, h('label', { for: id, title }, option.name));
    }
    case 'choice':
      return selectField(option.name, option.choices ?? [], value ?? String(option.default ?? ''), onChange, { id });
    case 'pair': {
      const current = Array.isArray(value) ? value : ['', ''];
      const defaults = Array.isArray(option.default) ? option.default : ['', ''];
      const inputs = [0, 1].map((k) => h('input', {
        id: k === 0 ? id : `${id}-2`, type: 'text', inputmode: 'decimal', value: current[k] ?? '', placeholder: formatValue(defaults[k]),
        'aria-label': `${option.name}, entry ${k + 1}`, title, spellcheck: 'false', autocomplete: 'off',
      }));
      inputs.forEach((input) => input.addEventListener('change', () => onChange(inputs.map((i) => i.value))));
      return h('div', { class: 'tv-field pair' }, h('label', { for: id, title }, option.name, ' ', symbolSpan(option)), h('div', { class: 'pair-inputs' }, inputs));
    }
    default:
      return inputField(option.name, value, onChange, {
        id, placeholder, inputmode: option.kind === 'integer' ? 'numeric' : 'decimal', title, symbol: symbolSpan(option),
      });
  }
}
