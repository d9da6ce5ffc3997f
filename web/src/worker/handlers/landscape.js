// Handlers for the landscape view (2-D objectives, optimizer races, flows). Each is a plain
// function of the module and the request; results are plain objects of numbers and copied typed
// arrays (never views into the WebAssembly heap), so they are structured-cloneable.

const GRID_MAX = 400;

function requireObject(value, what) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${what} must be an object`);
  return value;
}

function point(x, what) {
  if (!x || typeof x.length !== 'number' || x.length !== 2) throw new Error(`${what} must be two numbers`);
  const p = [Number(x[0]), Number(x[1])];
  if (!p.every(Number.isFinite)) throw new Error(`${what} must be two finite numbers`);
  return p;
}

function gridSize(n, what) {
  if (n === undefined) return 160;
  if (!Number.isInteger(n) || n < 2 || n > GRID_MAX) throw new Error(`${what} must be a whole number in 2 to ${GRID_MAX}`);
  return n;
}

const copy = (a) => (a ? Float64Array.from(a) : null);

/** Runs fn(objective) and deletes the objective however fn ends. */
function withObjective(descent, spec, fn) {
  const objective = descent.createObjective(requireObject(spec, 'objective'));
  try {
    return fn(objective);
  } finally {
    objective.delete();
  }
}

export const landscapeHandlers = {
  /**
   * { objective, nx?, ny?, window? } -> { values (Float64Array, row j = y index), nx, ny, window,
   * minimum: { x: [x, y], value } | null, gridMin, gridMinAt: [x, y] }.
   */
  landscapeGrid(descent, { objective, nx, ny, window }) {
    const cols = gridSize(nx, 'nx');
    const rows = gridSize(ny, 'ny');
    return withObjective(descent, objective, (f) => {
      if (f.dimension() !== 2) throw new Error(`the landscape draws 2-D objectives; this one has ${f.dimension()} dimensions`);
      const w = f.window();
      const view = window ? requireObject(window, 'window') : w;
      const box = { xMin: Number(view.xMin), xMax: Number(view.xMax), yMin: Number(view.yMin), yMax: Number(view.yMax) };
      const values = copy(f.valuesOnGrid({ ...box, nx: cols, ny: rows }));
      let gridMin = Infinity;
      let at = 0;
      for (let i = 0; i < values.length; i++) {
        if (values[i] < gridMin) { gridMin = values[i]; at = i; }
      }
      const min = f.minimum();
      return {
        values,
        nx: cols,
        ny: rows,
        window: { ...box, start: Array.from(w.start) },
        minimum: min ? { x: Array.from(min.x), value: min.value } : null,
        gridMin,
        gridMinAt: [
          box.xMin + ((at % cols) / (cols - 1)) * (box.xMax - box.xMin),
          box.yMin + (Math.floor(at / cols) / (rows - 1)) * (box.yMax - box.yMin),
        ],
      };
    });
  },

  /**
   * { objective, optimizer, x0, steps } -> one race entry: the whole run in one call, with
   * gradients and the optimizer's state after every step.
   */
  minimize(descent, { objective, optimizer, x0, steps }) {
    const options = { x0: point(x0, 'x0'), recordState: true };
    if (steps !== undefined) options.steps = steps;
    const r = descent.minimize(requireObject(objective, 'objective'), requireObject(optimizer, 'optimizer'), options);
    const states = {};
    for (const [name, values] of Object.entries(r.states ?? {})) states[name] = copy(values);
    return {
      dimension: r.dimension,
      steps: r.steps,
      xs: copy(r.xs),
      grads: copy(r.grads),
      values: copy(r.values),
      gradNorms: copy(r.gradNorms),
      lrs: copy(r.lrs),
      fStar: r.fStar ?? null,
      converged: Boolean(r.converged),
      diverged: Boolean(r.diverged),
      divergedAt: r.divergedAt,
      reason: String(r.reason ?? ''),
      states,
    };
  },

  /** { objective, kind, x0, tEnd, points? } -> { t, values, xs, stoppedEarly, reason }. */
  integrateFlow(descent, { objective, kind, x0, tEnd, points }) {
    const options = { kind, x0: point(x0, 'x0'), tEnd };
    if (points !== undefined) options.points = points;
    const r = descent.integrateFlow(requireObject(objective, 'objective'), options);
    return { t: copy(r.t), values: copy(r.values), xs: copy(r.xs), stoppedEarly: Boolean(r.stoppedEarly), reason: String(r.reason ?? '') };
  },
};
