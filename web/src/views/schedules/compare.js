// The Schedules view's computation: the learning rate of each chosen schedule per epoch (from the
// library, through the worker's scheduleLrs: no schedule is re-implemented here), and one network
// trained under every schedule at once: one experiment holding one SGD-with-momentum optimizer per
// schedule, so all start from the same weights and see the same mini-batches, trained one epoch
// per worker request (views/train/epochs.js: progress, Cancel, a live page). No DOM here:
// tests/web/schedules.test.js runs it against the real handlers.
import { trainEpochByEpoch } from '../train/epochs.js';
import { SCHEDULES, scheduleSpec } from '../train/spec.js';

/**
 * The schedules offered, in the lecture's order: `type` is the Train view's (SCHEDULES, whose
 * label, parameter fields and epoch-to-spec conversion are reused), `registry` the library's
 * (listSchedules: the formula and the PyTorch class), `defaults(epochs, given)` the parameters not
 * `given`, with lengths scaled to the run so that a 70-epoch run matches the Tour's schedules step
 * (step every 20, restarts at 10 and 30, warm-up 5).
 */
export const SCHEDULE_CHOICES = Object.freeze([
  { id: 'constant', type: 'none', registry: 'constant', defaults: () => ({}) },
  { id: 'step', type: 'step', registry: 'step', defaults: (epochs) => ({ stepSize: Math.max(1, Math.round((epochs * 2) / 7)), gamma: 0.3 }) },
  { id: 'exponential', type: 'exponential', registry: 'exponential', defaults: () => ({ gamma: 0.97 }) },
  { id: 'cosine', type: 'cosine', registry: 'cosine', defaults: (epochs) => ({ tMax: epochs }) },
  { id: 'cosineWarmRestarts', type: 'cosineWarmRestarts', registry: 'cosineWarmRestarts',
    defaults: (epochs) => ({ t0: Math.max(1, Math.round(epochs / 7)), tMult: 2 }) },
  { id: 'warmupCosine', type: 'warmupCosine', registry: 'warmup', defaults: (epochs, given) => {
    const steps = given.steps ?? Math.max(1, Math.round(epochs / 14));
    return { steps, tMax: Math.max(1, epochs - steps) };
  } },
]);
export const SCHEDULE_IDS = Object.freeze(SCHEDULE_CHOICES.map((c) => c.id));
export const SCHEDULE_LIMITS = Object.freeze({ maxLr: 10, minEpochs: 2, maxEpochs: 500, maxTMult: 10 });
export const DEFAULT_SCHEDULES = Object.freeze({ ids: SCHEDULE_IDS, lr: 0.3, epochs: 70, params: Object.freeze({}) });

/**
 * The network, data and optimizer every schedule trains: the Tour's schedules step with smaller
 * batches (16) and, by default, a larger rate (0.3), so that the noise of large steps is plain: a
 * constant rate keeps the loss jumping, a rate annealed to near zero settles it, and each warm
 * restart undoes the settling (tests/web/schedules.test.js checks it).
 */
export const SCHEDULES_TASK = Object.freeze({
  spec: {
    dataset: { type: 'spiral', n: 300, classes: 3, noise: 0.1, testFraction: 0.2 },
    network: { hidden: [32, 32], activation: 'tanh', init: { type: 'xavierNormal', gain: 'auto' }, loss: 'crossEntropy' },
    batchSize: 16,
    seed: 1,
  },
  momentum: 0.9,
  label: 'the spiral (300 points, 20% held out), 2-32-32-3 tanh, SGD with momentum 0.9, batch 16, seed 1',
});

export function scheduleChoice(id) {
  const c = SCHEDULE_CHOICES.find((x) => x.id === id);
  if (!c) throw new Error(`Schedules: unknown schedule ${JSON.stringify(String(id).slice(0, 24))}; allowed: ${SCHEDULE_IDS.join(', ')}`);
  return c;
}

/** The label in legends: the Train view's ("cosine, warm restarts"), "constant" for none. */
export function scheduleLabel(id) {
  const c = scheduleChoice(id);
  return c.type === 'none' ? 'constant' : SCHEDULES.find((s) => s.type === c.type).label;
}

/**
 * The parameters a schedule can be given: [{ name, label, integer, min, max }] (the Train view's
 * fields, in its order). Lengths are in epochs, up to the longest run; factors decay, in (0, 1].
 */
export function scheduleParams(id) {
  const c = scheduleChoice(id);
  return SCHEDULES.find((s) => s.type === c.type).fields.map((f) => ({
    name: f.name, label: f.label, integer: Boolean(f.integer),
    min: f.integer ? 1 : 0, max: f.name === 'tMult' ? SCHEDULE_LIMITS.maxTMult : f.integer ? SCHEDULE_LIMITS.maxEpochs : 1,
  }));
}

/** The fields a schedule takes for a run of `epochs` ({ stepSize: 20, gamma: 0.3 }): those `given`, the defaults for the rest. */
export function scheduleFields(id, epochs, given = {}) {
  return { ...scheduleChoice(id).defaults(epochs, given), ...given };
}

/** The module's ScheduleSpec for a schedule over `epochs`, lengths in epochs. */
export function scheduleSpecFor(id, epochs, given = {}) {
  const c = scheduleChoice(id);
  return scheduleSpec({ type: c.type, ...scheduleFields(id, epochs, given) }, epochs, `Schedule ${id}`) ?? { type: 'constant' };
}

/**
 * Checks parameters given to schedules, { step: { gamma: 0.5 }, ... }; throws an Error naming the
 * schedule, the parameter and what it allows.
 */
export function checkParams(params) {
  if (!params || typeof params !== 'object' || Array.isArray(params)) throw new Error('Schedule parameters: expected { schedule: { name: value } }');
  for (const [id, given] of Object.entries(params)) {
    const known = scheduleParams(id);
    const what = `Schedule ${scheduleLabel(id)}`;
    if (!given || typeof given !== 'object' || Array.isArray(given)) throw new Error(`${what}: expected { name: value }`);
    for (const [name, value] of Object.entries(given)) {
      const p = known.find((k) => k.name === name);
      if (!p) throw new Error(`${what}: no such parameter; ${known.length ? `allowed: ${known.map((k) => k.name).join(', ')}` : 'it takes none'}`);
      const ok = typeof value === 'number' && (p.integer ? Number.isInteger(value) && value >= p.min : value > p.min) && value <= p.max;
      if (!ok) {
        throw new Error(`${what}: ${p.label} must be ${p.integer ? `a whole number in ${p.min} to ${p.max}` : `a number above ${p.min} and at most ${p.max}`}`);
      }
    }
  }
}

/** Checks a setup; throws an Error naming the field and what it allows. */
export function checkSetup({ ids, lr, epochs, params = {} }) {
  if (!Array.isArray(ids) || ids.length === 0) throw new Error(`Schedules: choose at least one of ${SCHEDULE_IDS.join(', ')}`);
  ids.forEach(scheduleChoice);
  if (new Set(ids).size !== ids.length) throw new Error('Schedules: each schedule may be chosen once');
  if (typeof lr !== 'number' || !(lr > 0 && lr <= SCHEDULE_LIMITS.maxLr)) {
    throw new Error(`Base learning rate: must be a number above 0 and at most ${SCHEDULE_LIMITS.maxLr}`);
  }
  if (!Number.isInteger(epochs) || epochs < SCHEDULE_LIMITS.minEpochs || epochs > SCHEDULE_LIMITS.maxEpochs) {
    throw new Error(`Epochs: must be a whole number in ${SCHEDULE_LIMITS.minEpochs} to ${SCHEDULE_LIMITS.maxEpochs}`);
  }
  checkParams(params);
}

/** Every chosen schedule's rate per epoch: [{ id, label, schedule, lrs: number[epochs] }]. */
export async function scheduleCurves(client, { ids, lr, epochs, params = {} }) {
  checkSetup({ ids, lr, epochs, params });
  return Promise.all(ids.map(async (id) => {
    const schedule = scheduleSpecFor(id, epochs, params[id]);
    const lrs = await client.request('scheduleLrs', { schedule, baseLr: lr, epochs });
    return { id, label: scheduleLabel(id), schedule, lrs: Array.from(lrs) };
  }));
}

/**
 * The epochs at which a rate jumps back up by more than half the base rate: the warm restarts (a
 * warm-up's gradual rise is not one).
 */
export function restartEpochs(lrs, baseLr) {
  const out = [];
  for (let e = 1; e < lrs.length; e++) if (lrs[e] - lrs[e - 1] > baseLr / 2) out.push(e);
  return out;
}

/**
 * Trains the network under every chosen schedule for `epochs` epochs. Resolves { runs: [{ id,
 * label, trainLoss, testLoss (epoch 0 = before training, so epochs + 1 points), lr (per epoch, as
 * recorded), diverged }], cancelled }.
 */
export async function trainUnderSchedules(client, { ids, lr, epochs, params = {}, onProgress, signal }) {
  checkSetup({ ids, lr, epochs, params });
  const optimizers = ids.map((id) => ({ type: 'sgd', lr, momentum: SCHEDULES_TASK.momentum, schedule: scheduleSpecFor(id, epochs, params[id]) }));
  const runs = ids.map((id) => ({ id, label: scheduleLabel(id), trainLoss: [], testLoss: [], lr: [], diverged: false }));
  const run = await trainEpochByEpoch(client, {
    spec: { ...SCHEDULES_TASK.spec, optimizers }, scheduleUnit: 'epochs', epochs, signal,
    onEpoch(points, e) {
      points.forEach((p, k) => {
        runs[k].trainLoss.push(...(p.trainLoss ?? []));
        runs[k].testLoss.push(...(p.testLoss ?? []));
        runs[k].lr.push(...(p.lr ?? []));
        if (p.diverged) runs[k].diverged = true;
      });
      onProgress?.({ done: e + 1, total: epochs });
    },
  });
  return { runs, cancelled: run.cancelled };
}

/**
 * The training loss around each restart: { epoch, before, after } with `before` the loss when the
 * rate jumps back up (after `epoch` epochs) and `after` one epoch later, under the new large rate.
 */
export function lossAtRestarts(trainLoss, restarts) {
  return restarts.filter((r) => r + 1 < trainLoss.length).map((r) => ({ epoch: r, before: trainLoss[r], after: trainLoss[r + 1] }));
}
