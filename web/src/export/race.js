// The Landscape race as files: CSV (one row per optimizer and step, RFC 4180, CRLF) and JSON (one
// object per optimizer, one array per column). Pure, tested in Node (tests/web/elements-export.test.js).
//
// `runs`: the view's runs [{ label, type, options, result }], result as the worker's `minimize`
// returns it (xs: (steps + 1) x 2 row-major, values and gradNorms: steps + 1 entries, lrs: steps
// entries, the rate of each step). Row t holds x_t, f(x_t), f(x_t) − f*, |∇f(x_t)| and the
// learning rate of the step that led to x_t (empty at t = 0).
import { csvNumber, csvText, uniqueLabels } from './csv.js';

export const RACE_COLUMNS = ['step', 'x1', 'x2', 'f', 'gap', 'gradNorm', 'lr'];
export const RACE_CSV_HEADER = ['optimizer', ...RACE_COLUMNS];
export const RACE_JSON_FORMAT = 'descent-landscape-race';

const at = (array, i) => (array && i >= 0 && i < array.length ? array[i] : undefined);

/** The columns of one run: { step, x1, x2, f, gap, gradNorm, lr }, arrays of steps + 1 numbers (undefined where absent). */
export function raceColumns(result, fStar) {
  const n = (result?.steps ?? -1) + 1;
  const cols = Object.fromEntries(RACE_COLUMNS.map((c) => [c, new Array(Math.max(0, n))]));
  for (let t = 0; t < n; t++) {
    const f = at(result.values, t);
    cols.step[t] = t;
    cols.x1[t] = at(result.xs, 2 * t);
    cols.x2[t] = at(result.xs, 2 * t + 1);
    cols.f[t] = f;
    cols.gap[t] = typeof f === 'number' && typeof fStar === 'number' ? f - fStar : undefined;
    cols.gradNorm[t] = at(result.gradNorms, t);
    cols.lr[t] = t === 0 ? undefined : at(result.lrs, t - 1);
  }
  return cols;
}

const namesOf = (runs) => uniqueLabels(runs.map((r, k) => r?.label ?? `optimizer ${k + 1}`));

/** The CSV text: a header line, then one line per optimizer and step. */
export function raceToCsv(runs, { fStar = 0 } = {}) {
  const names = namesOf(runs);
  const lines = [RACE_CSV_HEADER.join(',')];
  runs.forEach((run, k) => {
    const cols = raceColumns(run.result, fStar);
    for (let t = 0; t < cols.step.length; t++) {
      lines.push([csvText(names[k]), ...RACE_COLUMNS.map((c) => csvNumber(cols[c][t]))].join(','));
    }
  });
  return `${lines.join('\r\n')}\r\n`;
}

const jsonNumber = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * The JSON document (an object; JSON.stringify it): { format, version, exportedAt, objective,
 * start, steps, fStar, fStarKnown, state, optimizers: [{ index, label, type, options, steps,
 * converged, diverged, divergedAt, reason, step: [...], x1, x2, f, gap, gradNorm, lr }] }.
 * Non-finite values become null.
 */
export function raceToJson(runs, { objective = null, start = null, steps = null, fStar = 0, fStarKnown = true, state = null, exportedAt = null } = {}) {
  const names = namesOf(runs);
  return {
    format: RACE_JSON_FORMAT,
    version: 1,
    exportedAt,
    objective,
    start: start ? Array.from(start, jsonNumber) : null,
    steps,
    fStar: jsonNumber(fStar),
    fStarKnown: Boolean(fStarKnown),
    state,
    optimizers: runs.map((run, k) => {
      const r = run.result ?? {};
      const cols = raceColumns(r, fStar);
      const out = {
        index: k,
        label: names[k],
        type: run.type ?? null,
        options: run.options ?? {},
        steps: r.steps ?? 0,
        converged: Boolean(r.converged),
        diverged: Boolean(r.diverged),
        divergedAt: r.diverged ? r.divergedAt : null,
        reason: r.reason || '',
      };
      for (const c of RACE_COLUMNS) out[c] = cols[c].map(jsonNumber);
      return out;
    }),
  };
}
