// The Train view's shareable state, in the style of state.js (the Landscape's): a declarative
// table of properties, each with its URL key, a getter / setter on the view's state, and an
// encoder / decoder checked against the module's registries (listDatasets() / listOptimizers()).
// Pure functions, no DOM, so that Node tests cover them (tests/web/train-state.test.js).
//
// The train fields share the page's URL fragment with the Landscape's, each key prefixed `t.`:
//   #view=train&f=rosenbrock&...&t.data=digits(testFraction:0.25)&t.hidden=64&t.act=relu&t.epochs=30
//     &t.opt=sgd(lr:0.1,momentum:0.9).cosine(tMax:30);adam(lr:0.001)
// splitHash() separates the two halves (state.js decodes the rest as before, never seeing a `t.`
// key) and joinHash() puts them back. Only fields that differ from the default setup are written,
// so `#view=train` alone is the default training setup. An empty value (`t.batch=`) is an empty
// field: the library's default. Pasted CSV text is not put in the URL (it would not fit).
//
// Values are kept as the view's controls hold them (strings for numbers, booleans for check
// boxes, [string, string] for pairs); numbers are written in their shortest exact form, so a
// state round-trips once its numbers are written that way. Anything malformed or hostile
// (unknown keys, wrong types, NaN, huge numbers, markup, overlong input) makes decodeTrainState()
// return the default training setup plus a notice; no text from the link is echoed back.
import { MAX_MAGNITUDE, checkOption, formatUrlNumber, parseNumber } from './url-values.js';
import {
  ACTIVATIONS, INITS, LOSSES, MAX_OPTIMIZERS, PRECISIONS, SCHEDULES, defaultState, parseHidden,
} from './views/train/spec.js';

export const PREFIX = 't.';
export const MAX_TRAIN_HASH_LENGTH = 2000;
export const MAX_LAYERS = 8;
export const MAX_WIDTH = 1024;
export const MAX_EPOCHS = 100000;
export const MAX_BATCH = 100000;
export const MAX_SEED = 2147483647;

const SAFE = /^[A-Za-z0-9.:,;()/=&_-]*$/;
const NAME = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
const ITEM = /^([A-Za-z][A-Za-z0-9]{0,39})(?:\(([^()]*)\))?$/;
const OPTIMIZER = /^([A-Za-z][A-Za-z0-9]{0,39})(?:\(([^()]*)\))?(?:\.([A-Za-z][A-Za-z0-9]{0,39})(?:\(([^()]*)\))?)?$/;

export { defaultState as defaultTrainState };

const clone = (value) => JSON.parse(JSON.stringify(value));

// ---------------------------------------------------------------------------------------------
// Values: the view's raw strings <-> URL text

/** A raw control value as a number, or undefined when it is empty or not a plain number. */
function rawNumber(raw) {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim().replace(/−/g, '-');
  if (text === '') return undefined;
  const x = Number(text);
  return Number.isFinite(x) ? x : undefined;
}

const isEmpty = (raw) => raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');

/** An integer field in [min, max]: '' stays '' (the library's default). */
function integerProperty(key, get, set, { min, max, what }) {
  return {
    key,
    get,
    set,
    encode: (raw) => {
      if (isEmpty(raw)) return '';
      const x = rawNumber(raw);
      return Number.isInteger(x) && x >= min && x <= max ? String(x) : null;
    },
    decode: (text) => {
      if (text === '') return '';
      if (!/^\d{1,10}$/.test(text)) throw new Error(`${what} must be a whole number`);
      const x = Number(text);
      if (x < min || x > max) throw new Error(`${what} must lie in ${min} to ${max}`);
      return String(x);
    },
  };
}

/** A number field in [min, max] (minOpen: > min): '' stays ''. */
function numberProperty(key, get, set, { min, max, minOpen = false, what, words = [] }) {
  const ok = (x) => (minOpen ? x > min : x >= min) && x <= max;
  return {
    key,
    get,
    set,
    encode: (raw) => {
      if (isEmpty(raw)) return '';
      if (typeof raw === 'string' && words.includes(raw.trim())) return raw.trim();
      const x = rawNumber(raw);
      return x !== undefined && ok(x) ? formatUrlNumber(x) : null;
    },
    decode: (text) => {
      if (text === '' || words.includes(text)) return text;
      const x = parseNumber(text);
      if (!ok(x)) throw new Error(`${what} is out of range (allowed: ${minOpen ? '(' : '['}${min}, ${max}]${words.length ? ` or ${words.join(', ')}` : ''})`);
      return formatUrlNumber(x);
    },
  };
}

function choiceProperty(key, get, set, choices, what) {
  return {
    key,
    get,
    set,
    encode: (value) => (choices.includes(value) ? value : null),
    decode: (text) => {
      if (!choices.includes(text)) throw new Error(`unknown ${what}; allowed: ${choices.join(', ')}`);
      return text;
    },
  };
}

/** One registry option's raw value as URL text, or null when empty or invalid (then left out). */
function encodeOptionValue(spec, raw) {
  switch (spec.kind) {
    case 'number':
    case 'integer': {
      const x = rawNumber(raw);
      return x !== undefined && !checkOption(spec, x) ? formatUrlNumber(x) : null;
    }
    case 'boolean':
      if (raw === true || raw === 'true') return 'true';
      if (raw === false || raw === 'false') return 'false';
      return null;
    case 'pair': {
      const parts = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [];
      if (parts.length !== 2 || parts.every(isEmpty)) return null;
      const texts = parts.map((p) => {
        if (isEmpty(p)) return '';
        const x = rawNumber(p);
        return x !== undefined && !checkOption({ ...spec, kind: 'number' }, x) ? formatUrlNumber(x) : null;
      });
      return texts.includes(null) ? null : texts.join('/');
    }
    case 'choice':
      return Array.isArray(spec.choices) && spec.choices.includes(String(raw)) ? String(raw) : null;
    default:
      return null;
  }
}

/** URL text -> the raw control value (strings for numbers), checked against the option's spec. */
function decodeOptionValue(spec, text, owner) {
  const bad = (why) => new Error(`${owner}: ${spec.name} ${why}`);
  switch (spec.kind) {
    case 'number':
    case 'integer': {
      let x;
      try {
        x = parseNumber(text);
      } catch {
        throw bad(`must be a plain number of at most ${MAX_MAGNITUDE} in size`);
      }
      const problem = checkOption(spec, x);
      if (problem) throw new Error(`${owner}: ${problem}`);
      return formatUrlNumber(x);
    }
    case 'boolean':
      if (text === 'true') return true;
      if (text === 'false') return false;
      throw bad('must be true or false');
    case 'pair': {
      const parts = text.split('/');
      if (parts.length !== 2 || parts.every((p) => p === '')) throw bad('must be two numbers');
      return parts.map((p) => {
        if (p === '') return '';
        const x = parseNumber(p);
        const problem = checkOption({ ...spec, kind: 'number' }, x);
        if (problem) throw new Error(`${owner}: ${problem}`);
        return formatUrlNumber(x);
      });
    }
    case 'choice':
      if (!Array.isArray(spec.choices) || !spec.choices.includes(text)) throw bad(`must be one of ${(spec.choices ?? []).join(', ')}`);
      return text;
    default:
      throw bad('cannot be set here');
  }
}

/** `name:value,...` for the options a spec list knows, in the list's order; empty and invalid ones left out. */
function encodeOptions(options, specs) {
  const parts = [];
  for (const spec of specs) {
    if (!Object.hasOwn(options ?? {}, spec.name)) continue;
    const text = encodeOptionValue(spec, options[spec.name]);
    if (text !== null) parts.push(`${spec.name}:${text}`);
  }
  return parts.join(',');
}

function decodeOptions(body, specs, owner) {
  const options = {};
  if (body === undefined || body === '') return options;
  for (const part of body.split(',')) {
    const m = /^([A-Za-z][A-Za-z0-9]{0,39}):(.{1,64})$/.exec(part);
    if (!m) throw new Error(`an option of ${owner} is malformed`);
    const spec = specs.find((s) => s.name === m[1]);
    if (!spec) throw new Error(`${owner} has no option by that name`);
    if (Object.hasOwn(options, spec.name)) throw new Error(`${owner}.${spec.name} is given twice`);
    options[spec.name] = decodeOptionValue(spec, m[2], owner);
  }
  return options;
}

const settable = (entry) => (entry?.options ?? []).filter((o) => ['number', 'integer', 'boolean', 'pair', 'choice'].includes(o.kind));

// ---------------------------------------------------------------------------------------------
// Schedules: the view's SCHEDULES (lengths in epochs), as `.cosine(tMax:30)` after an optimizer

const SCHEDULE_LIMITS = { integer: { min: 1, max: MAX_EPOCHS }, number: { min: 0, max: 1e3, minOpen: true } };

function scheduleSpecs(def, limits) {
  return def.fields.map((f) => ({
    name: f.name, kind: f.integer ? 'integer' : 'number', ...(f.integer ? limits.integer : limits.number),
  }));
}

/**
 * The reusable schedule codec (the Landscape's state.js uses it too, with its own table and
 * limits): a schedule `{ type, field: value, ... }` <-> `.type(field:value,...)` after an
 * optimizer. schedules: a table like SCHEDULES ({ type, fields: [{ name, integer }] }); limits:
 * { integer: { min, max }, number: { min, max, minOpen } }. encodeSchedule leaves out invalid
 * fields ('' for no schedule); decodeSchedule throws an Error (never echoing the text) on anything
 * invalid and returns the fields as number strings.
 */
export function encodeSchedule(schedule, { schedules = SCHEDULES, limits = SCHEDULE_LIMITS } = {}) {
  if (!schedule || !schedule.type || schedule.type === 'none') return '';
  const def = schedules.find((s) => s.type === schedule.type);
  if (!def) return '';
  const body = encodeOptions(schedule, scheduleSpecs(def, limits));
  return body ? `.${def.type}(${body})` : `.${def.type}`;
}

export function decodeSchedule(type, body, owner, { schedules = SCHEDULES, limits = SCHEDULE_LIMITS } = {}) {
  const def = schedules.find((s) => s.type === type && s.type !== 'none');
  if (!def) throw new Error(`${owner}: unknown schedule`);
  return { type: def.type, ...decodeOptions(body, scheduleSpecs(def, limits), `${owner} schedule`) };
}

// ---------------------------------------------------------------------------------------------
// The property table

/**
 * key: the URL key (after the `t.` prefix); get(state) / set(state, value): the view state's
 * field; encode(value, registry) -> string, or null (invalid: left out); decode(text, registry)
 * -> value (throws an Error with a message on anything invalid).
 */
export const TRAIN_PROPERTIES = [
  {
    key: 'data',
    get: (s) => s.dataset,
    set: (s, v) => { s.dataset = v; },
    encode: (value, registry) => {
      const entry = registry.datasets.find((d) => d.type === value?.type);
      if (!entry) return null;
      const body = encodeOptions(value.options, settable(entry));
      return body ? `${entry.type}(${body})` : entry.type;
    },
    decode: (text, registry) => {
      const m = ITEM.exec(text);
      if (!m) throw new Error('the data set is malformed');
      const entry = registry.datasets.find((d) => d.type === m[1]);
      if (!entry) throw new Error(`unknown data set; allowed: ${registry.datasets.map((d) => d.type).join(', ')}`);
      return { type: entry.type, options: decodeOptions(m[2], settable(entry), entry.type), csvText: '' };
    },
  },
  {
    key: 'hidden',
    get: (s) => s.network.hidden,
    set: (s, v) => { s.network.hidden = v; },
    encode: (value) => {
      let widths;
      try {
        widths = parseHidden(value);
      } catch {
        return null;
      }
      if (widths.length > MAX_LAYERS || widths.some((w) => w > MAX_WIDTH)) return null;
      return widths.length ? widths.join(',') : 'none';
    },
    decode: (text) => {
      if (text === 'none') return '';
      if (!/^\d{1,4}(?:,\d{1,4})*$/.test(text)) throw new Error('hidden layers must be widths like 32,32');
      const widths = text.split(',').map(Number);
      if (widths.length > MAX_LAYERS) throw new Error(`at most ${MAX_LAYERS} hidden layers`);
      if (widths.some((w) => w < 1 || w > MAX_WIDTH)) throw new Error(`layer widths must lie in 1 to ${MAX_WIDTH}`);
      return widths.join(', ');
    },
  },
  choiceProperty('act', (s) => s.network.activation, (s, v) => { s.network.activation = v; }, ACTIVATIONS, 'activation'),
  choiceProperty('init', (s) => s.network.init, (s, v) => { s.network.init = v; }, INITS, 'initialisation'),
  numberProperty('gain', (s) => s.network.gain, (s, v) => { s.network.gain = v; }, { min: 0, max: 100, minOpen: true, what: 'the gain', words: ['auto'] }),
  choiceProperty('loss', (s) => s.network.loss, (s, v) => { s.network.loss = v; }, LOSSES, 'loss'),
  integerProperty('batch', (s) => s.batchSize, (s, v) => { s.batchSize = v; }, { min: 1, max: MAX_BATCH, what: 'the batch size' }),
  integerProperty('epochs', (s) => s.epochs, (s, v) => { s.epochs = v; }, { min: 1, max: MAX_EPOCHS, what: 'epochs' }),
  integerProperty('seed', (s) => s.seed, (s, v) => { s.seed = v; }, { min: 0, max: MAX_SEED, what: 'the seed' }),
  choiceProperty('prec', (s) => s.precision, (s, v) => { s.precision = v; }, PRECISIONS, 'precision'),
  numberProperty('l2', (s) => s.l2, (s, v) => { s.l2 = v; }, { min: 0, max: 1e3, what: 'L2' }),
  {
    key: 'opt',
    get: (s) => s.optimizers,
    set: (s, v) => { s.optimizers = v; },
    encode: (value, registry) => {
      const items = (value ?? []).map((o) => {
        const entry = registry.optimizers.find((e) => e.type === o?.type && !e.needsHessian);
        if (!entry) return null;
        const body = encodeOptions(o.options, settable(entry));
        return `${body ? `${entry.type}(${body})` : entry.type}${encodeSchedule(o.schedule)}`;
      });
      return items.length && !items.includes(null) ? items.join(';') : null;
    },
    decode: (text, registry) => {
      const items = text.split(';');
      if (items.length > MAX_OPTIMIZERS) throw new Error(`at most ${MAX_OPTIMIZERS} optimizers`);
      return items.map((item, k) => {
        const m = OPTIMIZER.exec(item);
        if (!m) throw new Error(`optimizer ${k + 1} is malformed`);
        const entry = registry.optimizers.find((e) => e.type === m[1] && !e.needsHessian);
        if (!entry) {
          const allowed = registry.optimizers.filter((e) => !e.needsHessian).map((e) => e.type);
          throw new Error(`optimizer ${k + 1} is of an unknown type; allowed: ${allowed.join(', ')}`);
        }
        const options = decodeOptions(m[2], settable(entry), entry.type);
        const schedule = m[3] ? decodeSchedule(m[3], m[4], entry.type) : { type: 'none' };
        return { type: entry.type, options, schedule };
      });
    },
  },
];

/** The train fields of the URL fragment (each `t.key=value`, joined by '&'; '' for the default setup). */
export function encodeTrainState(state, registry) {
  const defaults = defaultState();
  const parts = [];
  for (const property of TRAIN_PROPERTIES) {
    let text;
    try {
      text = property.encode(property.get(state), registry);
    } catch {
      text = null;
    }
    if (text === null || text === undefined) continue;
    let defaultText = null;
    try {
      defaultText = property.encode(property.get(defaults), registry);
    } catch {
      defaultText = null;
    }
    if (text === defaultText) continue;
    parts.push(`${PREFIX}${property.key}=${text}`);
  }
  return parts.join('&');
}

/**
 * The training setup the train fields of a URL fragment describe (the `t.` keys only; see
 * splitHash). Returns { state, notice }: notice is null when there was nothing or all was valid,
 * else a sentence for the page to show (the state is then the default setup).
 */
export function decodeTrainState(text, registry) {
  const state = defaultState();
  let input = typeof text === 'string' ? text : '';
  if (input.startsWith('#')) input = input.slice(1);
  if (input === '') return { state, notice: null };
  const fail = (why) => ({
    state: defaultState(),
    notice: `This link's training settings could not be used (${why}), so the default training setup is shown instead.`,
  });
  if (input.length > MAX_TRAIN_HASH_LENGTH) return fail('they are too long');
  if (!SAFE.test(input)) return fail('they hold characters a setup never has');
  const seen = new Set();
  try {
    for (const part of input.split('&')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      const fullKey = eq < 0 ? part : part.slice(0, eq);
      if (!fullKey.startsWith(PREFIX)) throw new Error('unknown training setting');
      const key = fullKey.slice(PREFIX.length);
      const property = NAME.test(key) ? TRAIN_PROPERTIES.find((p) => p.key === key) : null;
      if (!property) throw new Error('unknown training setting');
      if (eq < 0) throw new Error(`${PREFIX}${key} has no value`);
      if (seen.has(key)) throw new Error(`${PREFIX}${key} is given twice`);
      seen.add(key);
      property.set(state, property.decode(part.slice(eq + 1), registry));
    }
  } catch (error) {
    return fail(error.message);
  }
  if (!state.optimizers.length) return fail('no optimizers');
  return { state, notice: null };
}

/**
 * Splits a URL fragment into the Landscape's part (for state.js's decodeState) and the train
 * fields (`t.` keys, for decodeTrainState). A fragment without train fields is returned as is, so
 * the Landscape's decoding sees exactly what it always did; one that cannot be percent-decoded
 * too (decodeState then shows its notice).
 */
export function splitHash(hash) {
  let text = typeof hash === 'string' ? hash : '';
  if (text.startsWith('#')) text = text.slice(1);
  let decoded;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    return { main: text, train: '' };
  }
  const parts = decoded.split('&');
  if (!parts.some((p) => p.startsWith(PREFIX))) return { main: text, train: '' };
  return {
    main: parts.filter((p) => !p.startsWith(PREFIX)).join('&'),
    train: parts.filter((p) => p.startsWith(PREFIX)).join('&'),
  };
}

/** The fragment (without '#') of the two parts. */
export function joinHash(main, train) {
  return [main, train].filter(Boolean).join('&');
}

/** A copy of a state (for the view, which keeps its own). */
export function cloneTrainState(state) {
  return clone(state);
}
