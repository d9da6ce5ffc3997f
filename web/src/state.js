// The page's shareable state, TensorFlow-Playground style: a declarative table of properties, each
// with its URL key, default, and an encoder/decoder checked against the module's registries
// (listObjectives() / listOptimizers()). Pure functions, no DOM, so that Node tests cover them.
//
// URL fragment, readable and made only of [A-Za-z0-9.:,;()/=&_-]:
//   #view=landscape&f=rosenbrock(b:100)&x0=-1.5,2&steps=200&opt=gd(lr:0.001);adam(lr:0.1,betas:0.9/0.999)
// An optimizer may carry a learning-rate schedule after it, lengths in steps (each landscape step
// is one iteration): `opt=adam(lr:0.1).cosine(tMax:200)` (train-state.js's codec).
// Anything malformed or hostile (unknown keys, wrong types, NaN, huge numbers, markup, overlong
// input) makes decodeState() return the defaults plus a notice; no user text is echoed back.

import { decodeSchedule, encodeSchedule } from './train-state.js';
import { TOUR_STEPS, findStep } from './tour/steps.js';
import { DEFAULT_SCHEDULES, SCHEDULE_IDS, SCHEDULE_LIMITS, checkParams, scheduleParams } from './views/schedules/compare.js';
import { INIT_ACTIVATIONS, INIT_DEFAULTS, INIT_LIMITS, INIT_SCHEMES } from './views/init/study.js';
import { MAX_MAGNITUDE, checkOption, formatUrlNumber, parseNumber } from './url-values.js';

// Re-exported: the views import them from here.
export { MAX_MAGNITUDE, checkOption, formatUrlNumber, parseNumber };

const NAME = /^[A-Za-z][A-Za-z0-9]{0,39}$/;

export const VIEWS = ['landscape', 'train', 'momentum', 'rules', 'decay', 'init', 'schedules', 'tour'];
export const MAX_HASH_LENGTH = 2000;
export const MAX_OPTIMIZERS = 8;
export const MAX_STEPS = 5000;
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

/**
 * Schedules the landscape offers, lengths in steps (one iteration each); a field's default of
 * 'steps' means "the whole run" (for warm-up then cosine: the steps after the warm-up).
 */
export const LANDSCAPE_SCHEDULES = [
  { type: 'none', label: 'none', fields: [] },
  { type: 'cosine', label: 'cosine', fields: [{ name: 'tMax', label: 'T_max (steps)', integer: true, default: 'steps' }] },
  { type: 'step', label: 'step', fields: [
    { name: 'stepSize', label: 'every (steps)', integer: true, default: 50 },
    { name: 'gamma', label: 'γ', default: 0.1 }] },
  { type: 'cosineWarmRestarts', label: 'cosine, warm restarts', fields: [
    { name: 't0', label: 'T_0 (steps)', integer: true, default: 20 },
    { name: 'tMult', label: 'T_mult', integer: true, default: 2 }] },
  { type: 'warmupCosine', label: 'warm-up, then cosine', fields: [
    { name: 'steps', label: 'warm-up (steps)', integer: true, default: 10 },
    { name: 'tMax', label: 'T_max (steps)', integer: true, default: 'steps' }] },
];
const SCHEDULE_CODEC = {
  schedules: LANDSCAPE_SCHEDULES,
  limits: { integer: { min: 1, max: 5000 }, number: { min: 0, max: 1e3, minOpen: true } },
};

/** A landscape schedule ({ type, ...fields as numbers }) as the module's ScheduleSpec, or undefined for none. */
export function landscapeScheduleSpec(schedule, steps) {
  if (!schedule || !schedule.type || schedule.type === 'none') return undefined;
  const def = LANDSCAPE_SCHEDULES.find((d) => d.type === schedule.type);
  if (!def) return undefined;
  const value = (name, whole = steps) => {
    const x = schedule[name];
    if (typeof x === 'number' && Number.isFinite(x)) return x;
    const d = def.fields.find((f) => f.name === name).default;
    return d === 'steps' ? Math.max(1, whole) : d;
  };
  switch (schedule.type) {
    case 'cosine': return { type: 'cosine', tMax: value('tMax') };
    case 'step': return { type: 'step', stepSize: value('stepSize'), gamma: value('gamma') };
    case 'cosineWarmRestarts': return { type: 'cosineWarmRestarts', t0: value('t0'), tMult: value('tMult') };
    case 'warmupCosine': {
      const warm = value('steps');
      return { type: 'warmup', steps: warm, then: { type: 'cosine', tMax: value('tMax', steps - warm) } };
    }
    default: return undefined;
  }
}

export function defaultState() {
  return {
    view: 'landscape',
    objective: { type: 'rosenbrock', options: {} },
    start: null, // null: the objective's window().start
    steps: 200,
    optimizers: DEFAULT_OPTIMIZERS.map((o) => ({ type: o.type, options: { ...o.options } })),
    tour: TOUR_STEPS[0].id, // the tour's step (view=tour)
    presenter: false, // the tour's presenter mode: large type, controls hidden
    decayPair: 'adam', // the Weight decay view's pair: adam (Adam with L2 / AdamW) or sgd (SGD with L2 / SGDW)
    // The Schedules view: the schedules compared (views/schedules/compare.js ids), base rate, epochs,
    // and the parameters set by hand ({ step: { gamma: 0.5 } }; the others scale with the epochs).
    scheduleIds: [...DEFAULT_SCHEDULES.ids],
    scheduleLr: DEFAULT_SCHEDULES.lr,
    scheduleEpochs: DEFAULT_SCHEDULES.epochs,
    scheduleParams: {},
    // The Initialisation view: depth, width, activation, epochs, N(0, s²)'s s, the schemes compared.
    initDepth: INIT_DEFAULTS.depth,
    initWidth: INIT_DEFAULTS.width,
    initActivation: INIT_DEFAULTS.activation,
    initEpochs: INIT_DEFAULTS.epochs,
    initStd: INIT_DEFAULTS.std,
    initSchemes: [...INIT_DEFAULTS.schemes],
  };
}

// ---------------------------------------------------------------------------------------------
// Values

/** Options the landscape offers for an objective or optimizer entry (schedules, dim, lists left out). */
export function settableOptions(entry, { objective = false } = {}) {
  return (entry?.options ?? []).filter((o) => ['number', 'integer', 'boolean', 'pair', 'choice'].includes(o.kind)
    && !(objective && FIXED_OBJECTIVE_OPTIONS.has(o.name)));
}

function parseOptionValue(spec, text) {
  switch (spec.kind) {
    case 'number':
    case 'integer':
      try {
        return parseNumber(text);
      } catch {
        throw new Error(`${spec.name} must be a plain number of at most ${MAX_MAGNITUDE} in size`);
      }
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
  if (!entry || (objective && HIDDEN_OBJECTIVES.has(type))) {
    const allowed = entries.filter((e) => !(objective && HIDDEN_OBJECTIVES.has(e.type))).map((e) => e.type);
    throw new Error(`unknown ${what} type; allowed: ${allowed.join(', ')}`);
  }
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

/** A property holding a whole number in [min, max], left out of links at its default. */
function wholeProperty(key, field, fallback, min, max, what) {
  return {
    key,
    field,
    encode: (value) => (value === undefined || value === fallback ? null : String(value)),
    decode: (text) => {
      if (!/^\d{1,6}$/.test(text) || Number(text) < min || Number(text) > max) throw new Error(`${key} (${what}) must be a whole number in ${min} to ${max}`);
      return Number(text);
    },
  };
}

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
      if (!VIEWS.includes(text)) throw new Error(`unknown view; allowed: ${VIEWS.join(', ')}`);
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
      const bad = () => new Error(`x0 (the start point) must be two plain numbers of at most ${MAX_MAGNITUDE} in size`);
      if (parts.length !== 2) throw bad();
      return parts.map((p) => {
        try {
          return parseNumber(p);
        } catch {
          throw bad();
        }
      });
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
    encode: (value, registry) => value.map((o) => formatItem(o, registry.optimizers, { keepLr: true })
      + encodeSchedule(o.schedule, SCHEDULE_CODEC)).join(';'),
    decode: (text, registry) => {
      const items = text.split(';');
      if (items.length > MAX_OPTIMIZERS) throw new Error(`at most ${MAX_OPTIMIZERS} optimizers`);
      return items.map((item) => {
        const m = /^([A-Za-z][A-Za-z0-9]{0,39}(?:\([^()]*\))?)(?:\.([A-Za-z][A-Za-z0-9]{0,39})(?:\(([^()]*)\))?)?$/.exec(item);
        if (!m) return parseItem(item, registry.optimizers, 'optimizer'); // throws its message
        const parsed = parseItem(m[1], registry.optimizers, 'optimizer');
        if (m[2] === undefined) return parsed;
        const decoded = decodeSchedule(m[2], m[3], parsed.type, SCHEDULE_CODEC);
        const schedule = { type: decoded.type };
        for (const [k, v] of Object.entries(decoded)) if (k !== 'type') schedule[k] = Number(v);
        return { ...parsed, schedule };
      });
    },
  },
  {
    key: 'tour',
    field: 'tour',
    encode: (value) => (value && value !== TOUR_STEPS[0].id ? value : null),
    decode: (text) => {
      if (!findStep(text)) throw new Error('unknown tour step');
      return text;
    },
  },
  {
    key: 'pair',
    field: 'decayPair',
    encode: (value) => (value && value !== 'adam' ? value : null),
    decode: (text) => {
      if (text !== 'adam' && text !== 'sgd') throw new Error('pair must be adam or sgd');
      return text;
    },
  },
  {
    key: 'sched',
    field: 'scheduleIds',
    encode: (value) => (value.join(',') === DEFAULT_SCHEDULES.ids.join(',') ? null : value.join(',')),
    decode: (text) => {
      const ids = text.split(',');
      if (ids.some((id) => !SCHEDULE_IDS.includes(id))) throw new Error(`sched names an unknown schedule; allowed: ${SCHEDULE_IDS.join(', ')}`);
      if (new Set(ids).size !== ids.length) throw new Error('sched names a schedule twice');
      return ids;
    },
  },
  {
    key: 'schedLr',
    field: 'scheduleLr',
    encode: (value) => (value === DEFAULT_SCHEDULES.lr ? null : formatUrlNumber(value)),
    decode: (text) => {
      let lr = NaN;
      try { lr = parseNumber(text); } catch { /* named below */ }
      if (!(lr > 0 && lr <= SCHEDULE_LIMITS.maxLr)) throw new Error(`schedLr (the base learning rate) must be a number in (0, ${SCHEDULE_LIMITS.maxLr}]`);
      return lr;
    },
  },
  {
    key: 'schedEpochs',
    field: 'scheduleEpochs',
    encode: (value) => (value === DEFAULT_SCHEDULES.epochs ? null : String(value)),
    decode: (text) => {
      const { minEpochs, maxEpochs } = SCHEDULE_LIMITS;
      if (!/^\d{1,4}$/.test(text) || Number(text) < minEpochs || Number(text) > maxEpochs) {
        throw new Error(`schedEpochs must be a whole number in ${minEpochs} to ${maxEpochs}`);
      }
      return Number(text);
    },
  },
  {
    // schedArgs=step(gamma:0.5);cosineWarmRestarts(t0:5,tMult:1): only the parameters set by hand.
    key: 'schedArgs',
    field: 'scheduleParams',
    encode: (value) => {
      const items = SCHEDULE_IDS.filter((id) => value?.[id] && Object.keys(value[id]).length).map((id) => {
        const given = scheduleParams(id).filter((p) => value[id][p.name] !== undefined);
        return `${id}(${given.map((p) => `${p.name}:${formatUrlNumber(value[id][p.name])}`).join(',')})`;
      });
      return items.length ? items.join(';') : null;
    },
    decode: (text) => {
      const params = {};
      for (const item of text.split(';')) {
        const m = /^([A-Za-z]{1,40})\(([^()]*)\)$/.exec(item);
        if (!m) throw new Error('schedArgs is malformed; expected e.g. cosineWarmRestarts(t0:10,tMult:2)');
        const [, id, body] = m;
        if (!SCHEDULE_IDS.includes(id)) throw new Error(`schedArgs names an unknown schedule; allowed: ${SCHEDULE_IDS.join(', ')}`);
        if (params[id]) throw new Error('schedArgs names a schedule twice');
        params[id] = {};
        for (const pair of body ? body.split(',') : []) {
          const [name, raw, extra] = pair.split(':');
          if (extra !== undefined || raw === undefined || !NAME.test(name)) throw new Error('schedArgs is malformed; expected name:value pairs');
          if (Object.hasOwn(params[id], name)) throw new Error('schedArgs gives a parameter twice');
          try {
            params[id][name] = parseNumber(raw);
          } catch {
            throw new Error('schedArgs holds a value that is not a number');
          }
        }
      }
      try {
        checkParams(params);
      } catch (error) {
        throw new Error(`schedArgs: ${error.message}`);
      }
      return params;
    },
  },
  wholeProperty('initDepth', 'initDepth', INIT_DEFAULTS.depth, 1, INIT_LIMITS.maxDepth, 'the number of hidden layers'),
  wholeProperty('initWidth', 'initWidth', INIT_DEFAULTS.width, 1, INIT_LIMITS.maxWidth, 'the width of each hidden layer'),
  wholeProperty('initEpochs', 'initEpochs', INIT_DEFAULTS.epochs, 0, INIT_LIMITS.maxEpochs, 'the epochs to train'),
  {
    key: 'initAct',
    field: 'initActivation',
    encode: (value) => (value === undefined || value === INIT_DEFAULTS.activation ? null : value),
    decode: (text) => {
      if (!INIT_ACTIVATIONS.includes(text)) throw new Error(`initAct (the activation) must be one of ${INIT_ACTIVATIONS.join(', ')}`);
      return text;
    },
  },
  {
    key: 'initStd',
    field: 'initStd',
    encode: (value) => (value === undefined || value === INIT_DEFAULTS.std ? null : formatUrlNumber(value)),
    decode: (text) => {
      let s = NaN;
      try { s = parseNumber(text); } catch { /* named below */ }
      if (!(s >= INIT_LIMITS.minStd && s <= INIT_LIMITS.maxStd)) {
        throw new Error(`initStd (the s of N(0, s²)) must be a number in ${INIT_LIMITS.minStd} to ${INIT_LIMITS.maxStd}`);
      }
      return s;
    },
  },
  {
    key: 'initSchemes',
    field: 'initSchemes',
    encode: (value) => (!value || value.join(',') === INIT_DEFAULTS.schemes.join(',') ? null : value.join(',')),
    decode: (text) => {
      const ids = text.split(',');
      const allowed = INIT_SCHEMES.map((s) => s.id);
      if (ids.some((id) => !allowed.includes(id))) throw new Error(`initSchemes names an unknown scheme; allowed: ${allowed.join(', ')}`);
      if (new Set(ids).size !== ids.length) throw new Error('initSchemes names a scheme twice');
      return allowed.filter((id) => ids.includes(id)); // the view's (the lecture's) order
    },
  },
  {
    key: 'present',
    field: 'presenter',
    encode: (value) => (value ? '1' : null),
    decode: (text) => {
      if (text !== '1' && text !== '0') throw new Error('present must be 1 or 0');
      return text === '1';
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

/**
 * The module's spec for an item ({ type, options, schedule? }): { type, ...options } (plus dim 2
 * where the type has one; plus the schedule as a ScheduleSpec, `steps` the run's length).
 */
export function toSpec(item, { objective = false, registry = null, steps = MAX_STEPS } = {}) {
  const spec = { type: item.type, ...item.options };
  const schedule = objective ? undefined : landscapeScheduleSpec(item.schedule, steps);
  if (schedule) spec.schedule = schedule;
  if (objective && registry) {
    const entry = registry.objectives.find((e) => e.type === item.type);
    if (entry?.options.some((o) => o.name === 'dim')) spec.dim = 2;
  }
  return spec;
}
