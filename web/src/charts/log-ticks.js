// Ticks for log axes: the decades between a scale's ends, thinned to what fits, and their labels.
// Our charts give uPlot these splits instead of letting it make its own, which for a log scale are
// every 1..9 × 10^k: past about 30 decades (a loss that falls to rounding level, 1e-33) its tick
// code throws "Invalid array length" and the chart is left blank.

const SUPERSCRIPT = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
// Steps between labelled exponents; at 500, any range of doubles (1e-324 to 1e308) has at most two.
const STEPS = [1, 2, 3, 5, 10, 20, 25, 50, 100, 200, 250, 500];

/** 10^n as "10⁻³"; other values as empty strings (log axes label the decades only). */
export function decadeLabel(v) {
  if (!(v > 0)) return '';
  const e = Math.log10(v);
  if (Math.abs(e - Math.round(e)) > 1e-9) return '';
  const n = Math.round(e);
  if (n === 0) return '1';
  if (n === 1) return '10';
  return `10${String(n).split('').map((c) => SUPERSCRIPT[c]).join('')}`;
}

/**
 * The decades 10^e with min <= 10^e <= max, at most maxCount of them: every decade when they fit,
 * else every 2nd, 3rd, 5th, 10th... (exponents that are multiples of the step, so 10⁻³⁰, 10⁻²⁰,
 * 10⁻¹⁰, 1 rather than an arbitrary offset). Empty for a range that is not positive and finite.
 */
export function decadeSplits(min, max, maxCount = 10) {
  if (!(min > 0) || !(max >= min) || !Number.isFinite(max)) return [];
  const a = Math.ceil(Math.log10(min) - 1e-9);
  const b = Math.floor(Math.log10(max) + 1e-9);
  const fit = Math.max(2, Math.floor(maxCount));
  const step = STEPS.find((s) => Math.floor(b / s) - Math.ceil(a / s) + 1 <= fit);
  const out = [];
  for (let e = Math.ceil(a / step) * step; e <= b; e += step) out.push(10 ** e);
  return out;
}

/** How many labels fit on a vertical axis of `height` CSS pixels, one per `spacing` pixels. */
export function labelsThatFit(height, spacing = 28) {
  return Math.max(2, Math.floor(height / spacing));
}

/**
 * uPlot axis options for a log axis labelled at decades only, at most one label per 28 px of
 * `plotHeight`: our splits, and an identity filter (uPlot's log filter assumes consecutive decades
 * and would blank thinned ones). Spread into the axis: { ...decadeTicks(h), values }.
 */
export function decadeTicks(plotHeight) {
  const count = labelsThatFit(plotHeight);
  return { splits: (u, i, min, max) => decadeSplits(min, max, count), filter: (u, splits) => splits };
}
