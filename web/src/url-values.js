// Values in URL state: how a number is read from and written to a link, and how one option value
// is checked against its registry spec. Shared by the Landscape (state.js) and Train
// (train-state.js) codecs; it imports neither, so they do not import each other in a cycle.

/** Largest magnitude accepted for any number from a URL (options, start point). */
export const MAX_MAGNITUDE = 1e6;

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d{1,3})?$/i;

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

/** The allowed values of a bounded option, as the notices write them: "above 0", "[0, 1)" (no < or >: notices never hold markup characters). */
export function rangeText({ min, max, minOpen, maxOpen }) {
  const hasMin = typeof min === 'number';
  const hasMax = typeof max === 'number';
  if (hasMin && hasMax) return `${minOpen ? '(' : '['}${min}, ${max}${maxOpen ? ')' : ']'}`;
  if (hasMin) return minOpen ? `above ${min}` : `${min} or more`;
  if (hasMax) return maxOpen ? `below ${max}` : `at most ${max}`;
  return 'any number';
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
      return inBounds(value, spec) ? null : bad(`is out of range (allowed: ${rangeText(spec)})`);
    case 'boolean':
      return typeof value === 'boolean' ? null : bad('must be true or false');
    case 'pair':
      if (!Array.isArray(value) || value.length !== 2) return bad('must be two numbers');
      for (const x of value) {
        if (typeof x !== 'number' || !Number.isFinite(x)) return bad('must be two numbers');
        if (!inBounds(x, spec)) return bad(`is out of range (allowed: both in ${rangeText(spec)})`);
      }
      return null;
    case 'choice':
      return Array.isArray(spec.choices) && spec.choices.includes(value) ? null : bad(`must be one of ${(spec.choices ?? []).join(', ')}`);
    default:
      return bad('cannot be set here');
  }
}

