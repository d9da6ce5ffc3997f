// The page's shareable state, TensorFlow-Playground style: a declarative table of properties, each
// with its URL key, default, and an encoder/decoder checked against the module's registries
// (listObjectives() / listOptimizers()). Pure functions, no DOM, so that Node tests cover them.
//
// URL fragment, readable and made only of [A-Za-z0-9.:,;()/=&_-]:
//   #view=landscape&f=rosenbrock(b:100)&x0=-1.5,2&steps=200&opt=gd(lr:0.001);adam(lr:0.1,betas:0.9/0.999)
// Anything malformed or hostile (unknown keys, wrong types, NaN, huge numbers, markup, overlong
// input) makes decodeState() return the defaults plus a notice; no user text is echoed back.

export const VIEWS = ['landscape', 'train', 'rules'];
export const MAX_HASH_LENGTH = 2000;
export const MAX_OPTIMIZERS = 8;
export const MAX_STEPS = 5000;
/** Largest magnitude accepted for any number from a URL (options, start point). */
export const MAX_MAGNITUDE = 1e6;
/** Objectives the landscape cannot draw (they need more than two dimensions). */
export const HIDDEN_OBJECTIVES = new Set(['nesterovWorstCase']);
/** Objective options that the landscape fixes (2-D only) and does not offer. */
export const FIXED_OBJECTIVE_OPTIONS = new Set(['dim', 'eigenvalues']);

/** The starting race: on Rosenbrock from its usual start, these rates let the four visibly race. */
export const DEFAULT_OPTIMIZERS = Object.freeze([
  { type: 'gd', options: { lr: 0.0015 } },
  { type: 'heavyBall', options: { lr: 0.001 } },
  { type: 'nesterovAccelerated', options: { lr: 0.001 } },
  { type: 'adam', options: { lr: 0.1 } },
]);

export function defaultState() {
  return {
    view: 'landscape',
    objective: { type: 'rosenbrock', options: {} },
    start: null, // null: the objective's window().start
    steps: 200,
    optimizers: DEFAULT_OPTIMIZERS.map((o) => ({ type: o.type, options: { ...o.options } })),
  };
}

// ---------------------------------------------------------------------------------------------
// Values

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d{1,3})?$/i;
const NAME = /^[A-Za-z][A-Za-z0-9]{0,39}$/;

/** A number written plainly (no NaN, Infinity, hex, spaces), at most MAX_MAGNITUDE in size. */
export function parseNumber(text) {
  if (typeof text !== 'string' || text.length > 32 || !NUMBER.test(text)) throw new Error('a value is not a number');
  const x = Number(text);
  if (!Number.isFinite(x) || Math.abs(x) > MAX_MAGNITUDE) throw new Error('a number is out of range');
  return x;
}

/** A number as it goes into the URL: short, exact enough (10 significant digits). */
export function formatUrlNumber(x) {
  return String(Number(Number(x).toPrecision(10)));
}

function inBounds(x, { min, max, minOpen, maxOpen }) {
  if (typeof min === 'number' && (minOpen ? !(x > min) : !(x >= min))) return false;
  if (typeof max === 'number' && (maxOpen ? !(x < max) : !(x <= max))) return false;
  return true;
}

/**
 * Checks one option value against its registry spec. Returns null when valid, else a short
 * message (naming the option, never echoing the value).
 */
export function checkOption(spec, value) {
  const bad = (why) => `${spec.name} ${why}`;
  switch (spec.kind) {
    case 'number':
    case 'integer':
      if (typeof value !== 'number' || !Number.isFinite(value)) return bad('must be a number');
      if (Math.abs(value) > MAX_MAGNITUDE) return bad('is too large');
      if (spec.kind === 'integer' && !Number.isInteger(value)) return bad('must be a whole number');
      return inBounds(value, spec) ? null : bad('is out of range');
    case 'boolean':
      return typeof value === 'boolean' ? null : bad('must be true or false');
    case 'pair':
      if (!Array.isArray(value) || value.length !== 2) return bad('must be two numbers');
      for (const x of value) {
        if (typeof x !== 'number' || !Number.isFinite(x)) return bad('must be two numbers');
        if (!inBounds(x, spec)) return bad('is out of range');
      }
      return null;
    case 'choice':
      return Array.isArray(spec.choices) && spec.choices.includes(value) ? null : bad('is not one of the choices');
    default:
      return bad('cannot be set here');
  }
}

/** Options the landscape offers for an objective or optimizer entry (schedules, dim, lists left out). */
export function settableOptions(entry, { objective = false } = {}) {
  return (entry?.options ?? []).filter((o) => ['number', 'integer', 'boolean', 'pair', 'choice'].includes(o.kind)
    && !(objective && FIXED_OBJECTIVE_OPTIONS.has(o.name)));
}

function parseOptionValue(spec, text) {
  switch (spec.kind) {
    case 'number':
    case 'integer':
      return parseNumber(text);
    case 'boolean':
      if (text === 'true') return true;
      if (text === 'false') return false;
      throw new Error(`${spec.name} must be true or false`);
    case 'pair': {
      const parts = text.split('/');
      if (parts.length !== 2) throw new Error(`${spec.name} must be two numbers`);
      return parts.map(parseNumber);
    }
    case 'choice':
      return text;
    default:
      throw new Error(`${spec.name} cannot be set here`);
  }
}

function formatOptionValue(spec, value) {
  if (spec.kind === 'pair') return value.map(formatUrlNumber).join('/');
  if (spec.kind === 'number' || spec.kind === 'integer') return formatUrlNumber(value);
  return String(value);
}

function sameValue(a, b) {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

// ---------------------------------------------------------------------------------------------
// Items: type(name:value,...) for the objective and each optimizer

function parseItem(text, entries, what, { objective = false } = {}) {
  const match = /^([A-Za-z][A-Za-z0-9]{0,39})(?:\(([^()]*)\))?$/.exec(text);
  if (!match) throw new Error(`the ${what} is malformed`);
  const [, type, body] = match;
  const entry = entries.find((e) => e.type === type);
  if (!entry || (objective && HIDDEN_OBJECTIVES.has(type))) throw new Error(`unknown ${what} type`);
  const specs = settableOptions(entry, { objective });
  const options = {};
  if (body !== undefined && body !== '') {
    for (const part of body.split(',')) {
      const m = /^([A-Za-z][A-Za-z0-9]{0,39}):(.{1,64})$/.exec(part);
      if (!m) throw new Error(`an option of ${entry.type} is malformed`);
      const spec = specs.find((s) => s.name === m[1]);
      if (!spec) throw new Error(`${entry.type} has no option by that name`);
      if (Object.hasOwn(options, spec.name)) throw new Error(`${entry.type}.${spec.name} is given twice`);
      const value = parseOptionValue(spec, m[2]);
      const problem = checkOption(spec, value);
      if (problem) throw new Error(`${entry.type}: ${problem}`);
      options[spec.name] = value;
    }
  }
  return { type, options };
}

function formatItem(item, entries, { objective = false, keepLr = false } = {}) {
  const entry = entries.find((e) => e.type === item.type);
  const specs = settableOptions(entry, { objective });
  const parts = [];
  for (const spec of specs) {
    if (!Object.hasOwn(item.options ?? {}, spec.name)) continue;
    const value = item.options[spec.name];
    if (checkOption(spec, value)) continue;
    if (sameValue(value, spec.default) && !(keepLr && spec.name === 'lr')) continue;
    parts.push(`${spec.name}:${formatOptionValue(spec, value)}`);
  }
  return parts.length ? `${item.type}(${parts.join(',')})` : item.type;
}

// ---------------------------------------------------------------------------------------------
// The property table

/**
 * key: the URL key; field: the state's field; encode(value, registry) -> string or null (omitted);
 * decode(text, registry) -> value (throws Error with a message on anything invalid).
 */
export const PROPERTIES = [
  {
    key: 'view',
    field: 'view',
    encode: (value) => value,
    decode: (text) => {
      if (!VIEWS.includes(text)) throw new Error('unknown view');
      return text;
    },
  },
  {
    key: 'f',
    field: 'objective',
    encode: (value, registry) => formatItem(value, registry.objectives, { objective: true }),
    decode: (text, registry) => parseItem(text, registry.objectives, 'objective', { objective: true }),
  },
  {
    key: 'x0',
    field: 'start',
    encode: (value) => (value ? value.map(formatUrlNumber).join(',') : null),
    decode: (text) => {
      const parts = text.split(',');
      if (parts.length !== 2) throw new Error('the start point must be two numbers');
      return parts.map(parseNumber);
    },
  },
  {
    key: 'steps',
    field: 'steps',
    encode: (value) => String(value),
    decode: (text) => {
      if (!/^\d{1,5}$/.test(text)) throw new Error('steps must be a whole number');
      const n = Number(text);
      if (n < 1 || n > MAX_STEPS) throw new Error(`steps must lie in 1 to ${MAX_STEPS}`);
      return n;
    },
  },
  {
    key: 'opt',
    field: 'optimizers',
    encode: (value, registry) => value.map((o) => formatItem(o, registry.optimizers, { keepLr: true })).join(';'),
    decode: (text, registry) => {
      const items = text.split(';');
      if (items.length > MAX_OPTIMIZERS) throw new Error(`at most ${MAX_OPTIMIZERS} optimizers`);
      return items.map((item) => parseItem(item, registry.optimizers, 'optimizer'));
    },
  },
];

/** The URL fragment (without '#') for a state. */
export function encodeState(state, registry) {
  const parts = [];
  for (const property of PROPERTIES) {
    const text = property.encode(state[property.field], registry);
    if (text !== null && text !== undefined && text !== '') parts.push(`${property.key}=${text}`);
  }
  return parts.join('&');
}

/**
 * The state a URL fragment describes. Returns { state, notice }: notice is null when the fragment
 * was empty or valid, else a sentence for the page to show (the state is then the defaults).
 * Missing keys take their defaults.
 */
export function decodeState(hash, registry) {
  const state = defaultState();
  let text = typeof hash === 'string' ? hash : '';
  if (text.startsWith('#')) text = text.slice(1);
  if (text === '') return { state, notice: null };
  const fail = (why) => ({
    state: defaultState(),
    notice: `This link's settings could not be used (${why}), so the defaults are shown instead.`,
  });
  if (text.length > MAX_HASH_LENGTH) return fail('the link is too long');
  try {
    text = decodeURIComponent(text);
  } catch {
    return fail('the link is not properly encoded');
  }
  if (text.length > MAX_HASH_LENGTH) return fail('the link is too long');
  const seen = new Set();
  try {
    for (const part of text.split('&')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      const key = eq < 0 ? part : part.slice(0, eq);
      const property = PROPERTIES.find((p) => p.key === key);
      if (!property || !NAME.test(key)) throw new Error('unknown setting');
      if (eq < 0) throw new Error(`${key} has no value`);
      if (seen.has(key)) throw new Error(`${key} is given twice`);
      seen.add(key);
      state[property.field] = property.decode(part.slice(eq + 1), registry);
    }
  } catch (error) {
    return fail(error.message);
  }
  if (state.optimizers.length === 0) return fail('no optimizers');
  return { state, notice: null };
}

/** The module's spec for an item ({ type, options }): { type, ...options } (plus dim 2 where the type has one). */
export function toSpec(item, { objective = false, registry = null } = {}) {
  const spec = { type: item.type, ...item.options };
  if (objective && registry) {
    const entry = registry.objectives.find((e) => e.type === item.type);
    if (entry?.options.some((o) => o.name === 'dim')) spec.dim = 2;
  }
  return spec;
}
