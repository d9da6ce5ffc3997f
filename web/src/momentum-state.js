// The Momentum view's shareable state: a small declarative table of `m.`-prefixed URL keys, like
// the Train view's `t.` keys (train-state.js). Pure functions, no DOM (tests/web/momentum-state.test.js).
//
//   #view=momentum&m.alpha=1&m.beta=10&m.lr=0.2&m.mom=0.3&m.x0=-1.5,1&m.steps=80
//
// Only fields that differ from the defaults are written. Anything malformed or hostile (unknown
// keys, NaN, out of range, markup, overlong input) makes decodeMomentumState() return the defaults
// plus a notice; no text from the link is echoed back.
import { formatUrlNumber, parseNumber } from './url-values.js';

export const MOMENTUM_PREFIX = 'm.';
export const MAX_MOMENTUM_HASH_LENGTH = 400;
export const MAX_EIGENVALUE = 1000;
export const MAX_LR = 10;
export const MAX_MOMENTUM_STEPS = 2000;
/** The quadratic's window is [-2, 2]^2 (cpp/objectives/quadratic.cpp). */
export const START_BOX = 2;

const SAFE = /^[A-Za-z0-9.,=&_-]*$/;
const NAME = /^[A-Za-z][A-Za-z0-9]{0,19}$/;

export function defaultMomentumState() {
  return { alpha: 1, beta: 10, lr: 0.1, momentum: 0.5, start: [-1.5, 1], steps: 60 };
}

const inRange = (x, lo, hi, what, { loOpen = false, hiOpen = false } = {}) => {
  if ((loOpen ? !(x > lo) : !(x >= lo)) || (hiOpen ? !(x < hi) : !(x <= hi))) {
    throw new Error(`${what} is out of range (allowed: ${loOpen ? '(' : '['}${lo}, ${hi}${hiOpen ? ')' : ']'})`);
  }
  return x;
};

/** A number from the link, or an Error naming the field (parseNumber's own does not). */
const number = (text, what) => {
  try {
    return parseNumber(text);
  } catch (error) {
    throw new Error(/out of range/.test(error.message) ? `${what} is out of range` : `${what} is not a number`);
  }
};

/** key: the URL key; field: the state's field; encode(value) -> text; decode(text) -> value (throws). */
export const MOMENTUM_PROPERTIES = [
  { key: 'alpha', field: 'alpha', encode: formatUrlNumber,
    decode: (t) => inRange(number(t, 'alpha'), 0, MAX_EIGENVALUE, 'alpha', { loOpen: true }) },
  { key: 'beta', field: 'beta', encode: formatUrlNumber,
    decode: (t) => inRange(number(t, 'beta'), 0, MAX_EIGENVALUE, 'beta', { loOpen: true }) },
  { key: 'lr', field: 'lr', encode: formatUrlNumber,
    decode: (t) => inRange(number(t, 'the step size'), 0, MAX_LR, 'the step size', { loOpen: true }) },
  { key: 'mom', field: 'momentum', encode: formatUrlNumber,
    decode: (t) => inRange(number(t, 'the momentum'), 0, 1, 'the momentum', { hiOpen: true }) },
  { key: 'x0', field: 'start', encode: (p) => p.map(formatUrlNumber).join(','),
    decode: (t) => {
      const parts = t.split(',');
      if (parts.length !== 2) throw new Error('the start point must be two numbers');
      return parts.map((p) => inRange(number(p, 'the start point'), -START_BOX, START_BOX, 'the start point'));
    } },
  { key: 'steps', field: 'steps', encode: String,
    decode: (t) => {
      if (!/^\d{1,5}$/.test(t)) throw new Error('steps must be a whole number');
      return inRange(Number(t), 1, MAX_MOMENTUM_STEPS, 'steps');
    } },
];

/** The `m.` part of a URL fragment (without '#'), only fields that differ from the defaults. */
export function encodeMomentumState(state) {
  const defaults = defaultMomentumState();
  const parts = [];
  for (const p of MOMENTUM_PROPERTIES) {
    const text = p.encode(state[p.field]);
    if (text !== p.encode(defaults[p.field])) parts.push(`${MOMENTUM_PREFIX}${p.key}=${text}`);
  }
  return parts.join('&');
}

/** The state the `m.` keys describe: { state, notice } (notice null when nothing or all was valid). */
export function decodeMomentumState(text) {
  const state = defaultMomentumState();
  let input = typeof text === 'string' ? text : '';
  if (input.startsWith('#')) input = input.slice(1);
  if (input === '') return { state, notice: null };
  const fail = (why) => ({
    state: defaultMomentumState(),
    notice: `This link's momentum settings could not be used (${why}), so the default momentum setup is shown instead.`,
  });
  if (input.length > MAX_MOMENTUM_HASH_LENGTH) return fail('they are too long');
  if (!SAFE.test(input)) return fail('they hold characters a setup never has');
  const seen = new Set();
  try {
    for (const part of input.split('&')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      const fullKey = eq < 0 ? part : part.slice(0, eq);
      const key = fullKey.startsWith(MOMENTUM_PREFIX) ? fullKey.slice(MOMENTUM_PREFIX.length) : '';
      const property = NAME.test(key) ? MOMENTUM_PROPERTIES.find((p) => p.key === key) : null;
      if (!property) throw new Error('unknown momentum setting');
      if (eq < 0) throw new Error(`${fullKey} has no value`);
      if (seen.has(key)) throw new Error(`${fullKey} is given twice`);
      seen.add(key);
      state[property.field] = property.decode(part.slice(eq + 1));
    }
  } catch (error) {
    return fail(error.message);
  }
  if (state.beta < state.alpha) return fail('beta must be at least alpha');
  return { state, notice: null };
}

/**
 * Splits a fragment (as splitHash's `main` part gives it) into the rest and the `m.` keys, so that
 * state.js never sees them. A fragment without them comes back as it was.
 */
export function splitMomentumHash(text) {
  const input = typeof text === 'string' ? text.replace(/^#/, '') : '';
  const parts = input.split('&');
  if (!parts.some((p) => p.startsWith(MOMENTUM_PREFIX))) return { main: input, momentum: '' };
  return {
    main: parts.filter((p) => !p.startsWith(MOMENTUM_PREFIX)).join('&'),
    momentum: parts.filter((p) => p.startsWith(MOMENTUM_PREFIX)).join('&'),
  };
}
