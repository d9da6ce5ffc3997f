// Control descriptions from the registry's option specs: a pure function (no DOM) from
// OptionInfo[] and current values to what the form shows, so that Node tests cover it.
import { checkOption, settableOptions } from '../../state.js';
import { formatNumber } from '../format.js';

function htmlBound(value) {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * One description per settable option: { name, kind: 'number'|'checkbox'|'pair'|'select', label,
 * symbol, help, value, defaultValue, min, max, integer, logScale, choices }. `values` holds the
 * options set by the user; the others show the registry's default.
 */
export function describeControls(optionSpecs, values = {}, { objective = false } = {}) {
  return settableOptions({ options: optionSpecs }, { objective }).map((spec) => {
    const set = Object.hasOwn(values, spec.name);
    const value = set ? values[spec.name] : spec.default;
    const base = {
      name: spec.name,
      label: spec.name,
      symbol: spec.symbol || '',
      help: spec.help || '',
      defaultValue: spec.default,
      value,
      logScale: Boolean(spec.logScale),
      min: htmlBound(spec.min),
      max: htmlBound(spec.max),
      integer: spec.kind === 'integer',
    };
    if (spec.kind === 'boolean') return { ...base, kind: 'checkbox', value: Boolean(value) };
    if (spec.kind === 'pair') return { ...base, kind: 'pair', value: Array.isArray(value) ? value : [null, null] };
    if (spec.kind === 'choice') return { ...base, kind: 'select', choices: spec.choices ?? [] };
    return { ...base, kind: 'number' };
  });
}

/**
 * Reads a control's raw input(s) as an option value and validates it. Returns { value } or
 * { error } (a sentence naming the allowed range).
 */
export function readControl(spec, raw) {
  let value;
  if (spec.kind === 'boolean') value = Boolean(raw);
  else if (spec.kind === 'pair') value = raw.map((r) => (String(r).trim() === '' ? NaN : Number(r)));
  else if (spec.kind === 'choice') value = raw;
  else value = String(raw).trim() === '' ? NaN : Number(raw);
  const problem = checkOption(spec, value);
  if (!problem) return { value };
  const lo = typeof spec.min === 'number' ? `${spec.minOpen ? '>' : '≥'} ${formatNumber(spec.min)}` : '';
  const hi = typeof spec.max === 'number' ? `${spec.maxOpen ? '<' : '≤'} ${formatNumber(spec.max)}` : '';
  const range = [lo, hi].filter(Boolean).join(' and ');
  return { error: range ? `${problem}: use a value ${range}.` : `${problem}.` };
}

/** Options with the defaults dropped: what the state stores (and the URL shows). */
export function withoutDefaults(optionSpecs, values, { keep = [] } = {}) {
  const out = {};
  for (const spec of optionSpecs) {
    if (!Object.hasOwn(values, spec.name)) continue;
    const v = values[spec.name];
    const same = Array.isArray(v) && Array.isArray(spec.default)
      ? v.every((x, i) => x === spec.default[i]) : v === spec.default;
    if (!same || keep.includes(spec.name)) out[spec.name] = v;
  }
  return out;
}
