// Colour-blind-safe palettes: Okabe & Ito's categorical palette for the optimizers (distinct under
// the common colour-vision deficiencies), and viridis, lightened, for the contour fills so that
// the coloured paths stay visible on top of it.
import { interpolateViridis } from 'd3-scale-chromatic';
import { scaleSequential } from 'd3-scale';

/** Okabe–Ito, ordered so that the first few read well on the light contour fill. */
export const OPTIMIZER_COLORS = Object.freeze([
  '#D55E00', // vermillion
  '#0072B2', // blue
  '#CC79A7', // reddish purple
  '#000000', // black
  '#E69F00', // orange
  '#009E73', // bluish green
  '#56B4E9', // sky blue
  '#F0E442', // yellow
]);

export function optimizerColor(index) {
  return OPTIMIZER_COLORS[((index % OPTIMIZER_COLORS.length) + OPTIMIZER_COLORS.length) % OPTIMIZER_COLORS.length];
}

/** Colours for the theory curves on the convergence chart (drawn dashed, in greys). */
export const THEORY_COLORS = Object.freeze({ bound: '#444444', slope1: '#8a8a8a', slope2: '#8a8a8a', flow: '#D55E00', ode: '#CC79A7' });

function mixWithWhite(rgb, amount) {
  const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(rgb);
  if (!m) return rgb;
  const [r, g, b] = m.slice(1).map((c) => Math.round(Number(c) + (255 - Number(c)) * amount));
  return `rgb(${r}, ${g}, ${b})`;
}

/** Contour band colour for t in [0, 1] (0 = the lowest band, near the minimum). */
export function contourColor(t, { lighten = 0.35 } = {}) {
  const scale = scaleSequential(interpolateViridis).domain([0, 1]);
  return mixWithWhite(scale(Math.min(1, Math.max(0, t))), lighten);
}
