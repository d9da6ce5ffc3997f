// Colours of the train view. Optimizers: the Okabe–Ito palette (colour-blind safe), in an order
// whose first colours are far apart. Classes in the decision-boundary maps: Paul Tol's "muted"
// palette, lighter than the optimizer colours so the two never read as the same thing.

export const OPTIMIZER_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8C8C8C', '#F0E442'];
export const CLASS_COLORS = ['#CC6677', '#88CCEE', '#DDCC77', '#44AA99', '#332288', '#999933', '#AA4499', '#882255', '#117733', '#DDDDDD'];

export function optimizerColor(index) {
  return OPTIMIZER_COLORS[index % OPTIMIZER_COLORS.length];
}

export function classColor(index) {
  return CLASS_COLORS[index % CLASS_COLORS.length];
}

/** '#rrggbb' -> [r, g, b] (0..255). */
export function hexToRgb(hex) {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}
