// The live curves: epoch points per optimizer accumulated from trainRun replies, turned into the
// aligned columns uPlot draws. Values a log axis cannot show (NaN, ±Infinity, ≤ 0) become null
// (a gap). Pure, tested in Node (tests/web/train-series.test.js).

/** A value for a log axis: finite and > 0, else null. */
export function logSafe(value) {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

/** A value for a linear axis: finite, else null. */
export function finiteOrNull(value) {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

const FIELDS = ['trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy', 'lr', 'weightNorm'];

export function createSeries(count) {
  const optimizers = Array.from({ length: count }, () => ({
    epoch: [], trainLoss: [], testLoss: [], trainAccuracy: [], testAccuracy: [], lr: [], weightNorm: [],
    lastStepLoss: null, diverged: false, divergedAt: 0, reason: '',
  }));
  return { optimizers, hasTest: false, hasAccuracy: false };
}

/**
 * Appends the new points of a trainRun reply (each optimizer's points start at `from`; an entry may
 * carry no points, only the status). Returns true when anything the curves or legend show changed.
 */
export function appendRun(series, reply) {
  let changed = false;
  reply.optimizers.forEach((points, i) => {
    const s = series.optimizers[i];
    if (!s) return;
    if (points.epoch.length || s.epoch.length > (points.from ?? s.epoch.length) || Boolean(points.diverged) !== s.diverged) changed = true;
    const from = points.from ?? s.epoch.length;
    s.epoch.length = Math.min(s.epoch.length, from);
    s.epoch.push(...points.epoch);
    for (const field of FIELDS) {
      s[field].length = Math.min(s[field].length, from);
      if (points[field]) s[field].push(...points[field]);
    }
    if (points.testLoss && points.testLoss.some((v) => Number.isFinite(v))) series.hasTest = true;
    if (points.trainAccuracy && points.trainAccuracy.some((v) => Number.isFinite(v))) series.hasAccuracy = true;
    s.lastStepLoss = points.lastStepLoss ?? s.lastStepLoss;
    if (points.diverged !== undefined) {
      s.diverged = Boolean(points.diverged);
      s.divergedAt = points.divergedAt;
      s.reason = points.reason;
    }
  });
  return changed;
}

/** The last epoch any optimizer has reached. */
export function lastEpoch(series) {
  let last = 0;
  for (const s of series.optimizers) if (s.epoch.length) last = Math.max(last, s.epoch[s.epoch.length - 1]);
  return last;
}

/**
 * Aligned columns for uPlot: [x = 0..lastEpoch, then for each optimizer one column per field].
 * `transform` maps each value (logSafe for log axes). Epochs an optimizer has not reached (it
 * diverged) are null.
 */
export function alignedColumns(series, fields, transform = finiteOrNull) {
  const n = lastEpoch(series) + 1;
  const hasPoints = series.optimizers.some((s) => s.epoch.length);
  const x = hasPoints ? Array.from({ length: n }, (_, k) => k) : [];
  const columns = [x];
  for (const s of series.optimizers) {
    for (const field of fields) {
      const column = new Array(x.length).fill(null);
      s.epoch.forEach((epoch, k) => {
        if (epoch < column.length) column[epoch] = transform(s[field][k]);
      });
      columns.push(column);
    }
  }
  return columns;
}

/** The latest value of a field, or null. */
export function latest(s, field) {
  const a = s[field];
  for (let k = a.length - 1; k >= 0; k--) if (Number.isFinite(a[k])) return a[k];
  return null;
}

/** "diverged at step 123" for a diverged optimizer, '' otherwise. */
export function divergenceLabel(s) {
  return s.diverged ? `diverged at step ${s.divergedAt}` : '';
}
