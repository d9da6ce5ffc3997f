// The `hide` attribute of the custom elements: a comma-separated list of control groups a lesson
// does not show (e.g. hide="objective,optimizers"). Hidden controls keep their values: the groups
// are only hidden by CSS (hideCss(): the element carries data-hide="objective optimizers", the
// view's parts carry data-group="..."). Pure, tested in Node (tests/web/elements.test.js).

/** Groups of <descent-landscape>, in the order the snippets write them. */
export const LANDSCAPE_GROUPS = Object.freeze([
  { name: 'objective', label: 'Objective (function and its options)' },
  { name: 'start', label: 'Start point inputs' },
  { name: 'optimizers', label: 'Optimizers (types and options)' },
  { name: 'controls', label: 'The whole controls column' },
  { name: 'steps', label: 'Steps field' },
  { name: 'loglog', label: 'log-log toggle' },
  { name: 'scrub', label: 'Step slider' },
  { name: 'convergence', label: 'Convergence chart' },
  { name: 'legend', label: 'Race legend' },
  { name: 'inspector', label: 'Values table (inspector)' },
  { name: 'export', label: 'Export buttons (PNG, CSV, JSON)' },
]);

/** Groups of <descent-train>. */
export const TRAIN_GROUPS = Object.freeze([
  { name: 'data', label: 'Data set' },
  { name: 'network', label: 'Network' },
  { name: 'training', label: 'Training (batch, epochs, seed, precision, L2)' },
  { name: 'controls', label: 'The whole setup column' },
  { name: 'optimizers', label: 'Optimizer cards' },
  { name: 'speed', label: 'Speed slider' },
  { name: 'maps', label: 'Decision boundaries' },
  { name: 'predictions', label: 'Test-set predictions (confusion matrices, digits)' },
  { name: 'tuning', label: 'Fair tuning (the learning-rate sweep)' },
  { name: 'export', label: 'Export buttons (PNG, CSV, JSON)' },
]);

/** Groups of <descent-momentum>. */
export const MOMENTUM_GROUPS = Object.freeze([
  { name: 'quadratic', label: 'Quadratic (alpha, beta)' },
  { name: 'sliders', label: 'Step size and momentum sliders, steps' },
  { name: 'rule', label: 'Update rule and its PyTorch mapping' },
  { name: 'controls', label: 'The whole controls column' },
  { name: 'contours', label: 'Contours with the iterates' },
  { name: 'map', label: 'Rate map' },
  { name: 'numbers', label: 'Rates beside the map' },
  { name: 'components', label: 'Loss split into its eigen-components' },
  { name: 'explanation', label: 'Explanation text' },
]);

/** Groups of <descent-tour>. */
export const TOUR_GROUPS = Object.freeze([
  { name: 'list', label: 'The list of steps' },
  { name: 'controls', label: "The demos' controls column" },
]);

/** Groups of <descent-decay>. */
export const DECAY_GROUPS = Object.freeze([
  { name: 'intro', label: 'The explanation and the two rules' },
  { name: 'controls', label: 'The grid\'s settings (pair, rates, decays, epochs)' },
]);

/** Groups of <descent-schedules>. */
export const SCHEDULES_GROUPS = Object.freeze([
  { name: 'intro', label: 'The explanation' },
  { name: 'controls', label: 'The settings (schedules, base rate, epochs) and the Train button' },
  { name: 'rules', label: 'The schedules\' formulas and PyTorch classes' },
]);

/** Groups of <descent-init>. */
export const INIT_GROUPS = Object.freeze([
  { name: 'intro', label: 'The explanation and the two variances' },
  { name: 'controls', label: 'The settings (depth, width, activation, epochs, schemes) and the Run button' },
]);

/** The groups whose hiding empties the controls column, so that 'controls' follows from them. */
const COLUMN_PARTS = {
  landscape: ['objective', 'start', 'optimizers'], train: ['data', 'network', 'training'], momentum: ['quadratic', 'sliders', 'rule'],
  tour: ['controls'], decay: ['controls'], schedules: ['controls'], init: ['controls'],
};

export const GROUPS = Object.freeze({ landscape: LANDSCAPE_GROUPS, train: TRAIN_GROUPS, momentum: MOMENTUM_GROUPS, tour: TOUR_GROUPS, decay: DECAY_GROUPS, schedules: SCHEDULES_GROUPS, init: INIT_GROUPS });

const MAX_HIDE_LENGTH = 500;

/**
 * Parses a hide attribute for a view ('landscape' | 'train' | 'momentum'). Returns { groups, unknown }: groups
 * the valid names (lower-cased, without repeats, in the table's order, plus 'controls' when every
 * part of the controls column is named), unknown how many names were not recognised.
 */
export function parseHide(text, view) {
  const table = GROUPS[view];
  if (!table) throw new Error(`unknown view ${view}`);
  const names = new Set();
  let unknown = 0;
  const input = typeof text === 'string' ? text.slice(0, MAX_HIDE_LENGTH) : '';
  for (const raw of input.split(/[\s,]+/)) {
    const name = raw.trim().toLowerCase();
    if (!name) continue;
    if (table.some((g) => g.name === name)) names.add(name);
    else unknown += 1;
  }
  if (COLUMN_PARTS[view].every((n) => names.has(n))) names.add('controls');
  return { groups: table.filter((g) => names.has(g.name)).map((g) => g.name), unknown };
}

/** The notice for unknown names (they are not echoed back), or null. */
export function hideNotice(unknown, view) {
  if (!unknown) return null;
  const names = GROUPS[view].map((g) => g.name).join(', ');
  return `${unknown === 1 ? 'One name' : `${unknown} names`} in the hide attribute ${unknown === 1 ? 'is' : 'are'} not a control group and ${unknown === 1 ? 'was' : 'were'} ignored; it accepts: ${names}.`;
}

/** The hide attribute's text for a list of groups (canonical order, comma-separated). */
export function formatHide(groups, view) {
  const wanted = new Set(groups);
  return GROUPS[view].filter((g) => wanted.has(g.name)).map((g) => g.name).join(',');
}

/** The CSS that hides each group of each element (injected once per page by elements.js). */
export function hideCss() {
  const rules = [];
  for (const [view, table] of Object.entries(GROUPS)) {
    const tag = `descent-${view}`;
    for (const { name } of table) {
      rules.push(`${tag}[data-hide~="${name}"] [data-group="${name}"] { display: none !important; }`);
    }
  }
  rules.push('descent-landscape[data-hide~="controls"] .landscape { grid-template-columns: minmax(0, 1fr); }');
  rules.push('descent-train[data-hide~="controls"] .train-layout { grid-template-columns: minmax(0, 1fr); }');
  rules.push('descent-momentum[data-hide~="controls"] .momentum-view { grid-template-columns: minmax(0, 1fr); }');
  rules.push('descent-tour[data-hide~="controls"] .landscape { grid-template-columns: minmax(0, 1fr); }');
  rules.push('descent-tour[data-hide~="controls"] .train-layout { grid-template-columns: minmax(0, 1fr); }');
  return rules.join('\n');
}
