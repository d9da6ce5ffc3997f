// Pure text formatting of option values and ranges (no DOM), shared by the views and tested in Node.

const INF = '∞';

/** A number as a reader would write it: 0.001, 1e-8, 100000 → 1e5, Infinity → ∞. */
export function formatNumber(x) {
  if (typeof x !== 'number' || Number.isNaN(x)) return String(x);
  if (!Number.isFinite(x)) return x > 0 ? INF : `−${INF}`;
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e5) return String(Number(x.toPrecision(12)));
  const [mantissa, exponent] = x.toExponential().split('e');
  return `${Number(Number(mantissa).toPrecision(12))}e${Number(exponent)}`;
}

/** A default value of any option kind. */
export function formatValue(value) {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean' || typeof value === 'string') return String(value);
  if (Array.isArray(value)) return `(${value.map(formatValue).join(', ')})`;
  return JSON.stringify(value);
}

function isNumber(x) {
  return typeof x === 'number' && !Number.isNaN(x);
}

/** The interval an option accepts, e.g. "(0, ∞)" or "[0, 1)"; missing or infinite bounds are open. */
export function formatInterval({ min, max, minOpen = false, maxOpen = false }) {
  const lowFinite = isNumber(min) && Number.isFinite(min);
  const highFinite = isNumber(max) && Number.isFinite(max);
  const low = lowFinite ? formatNumber(min) : `−${INF}`;
  const high = highFinite ? formatNumber(max) : INF;
  return `${minOpen || !lowFinite ? '(' : '['}${low}, ${high}${maxOpen || !highFinite ? ')' : ']'}`;
}

/** What an option accepts, in words a reader can check a value against. */
export function formatRange(option) {
  switch (option.kind) {
    case 'boolean':
      return 'true or false';
    case 'choice':
      return Array.isArray(option.choices) && option.choices.length ? `one of ${option.choices.join(', ')}` : '—';
    case 'object':
      return '—';
    case 'integer': {
      const text = `integer in ${formatInterval(option)}`;
      return option.logScale ? `${text}, log scale` : text;
    }
    case 'pair': {
      const text = `each in ${formatInterval(option)}`;
      return option.logScale ? `${text}, log scale` : text;
    }
    default: {
      const text = formatInterval(option);
      return option.logScale ? `${text}, log scale` : text;
    }
  }
}
