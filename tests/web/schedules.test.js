// The Schedules view's computation against the real handlers and module (no Worker): the rates come
// from the library before any training, and under SGDR each warm restart undoes the settling that
// the small rates before it bought (the loss rises), where the constant rate's loss stays high and
// jumpy; the descriptions come from the library's registry; bad input is named.
import { beforeAll, describe, expect, it } from 'vitest';
import createDescent from '../../build/wasm/descent.mjs';
import { inProcessClient } from './in-process-client.js';
import { liveExperimentCount } from '../../web/src/worker/handlers/train.js';
import {
  DEFAULT_SCHEDULES, SCHEDULE_IDS, checkSetup, lossAtRestarts, restartEpochs, scheduleCurves, scheduleFields, scheduleParams, scheduleSpecFor,
  trainUnderSchedules,
} from '../../web/src/views/schedules/compare.js';
import { describeSchedule, paramsTex } from '../../web/src/views/schedules/rules.js';

let descent;
const client = inProcessClient(() => descent);

beforeAll(async () => {
  descent = await createDescent();
});

describe('the schedules\' rates', () => {
  it('come from the library for every schedule, before any training', async () => {
    const curves = await scheduleCurves(client, { ids: SCHEDULE_IDS, lr: 0.1, epochs: 70 });
    const by = Object.fromEntries(curves.map((c) => [c.id, c.lrs]));
    for (const c of curves) {
      expect(c.lrs).toHaveLength(70);
      expect(c.lrs).toEqual(Array.from(descent.scheduleLrs(c.schedule, 0.1, 70)));
    }
    expect(by.constant.every((x) => x === 0.1)).toBe(true);
    expect([by.step[19], by.step[20], by.step[40]]).toEqual([0.1, expect.closeTo(0.03, 12), expect.closeTo(0.009, 12)]);
    expect(by.exponential[10]).toBeCloseTo(0.1 * 0.97 ** 10, 12);
    expect(by.cosine[35]).toBeCloseTo(0.05, 12);
    expect(by.warmupCosine[0]).toBeCloseTo(0.01, 12); // startFactor 0.1
    expect(by.warmupCosine[5]).toBeCloseTo(0.1, 12);
    // T_0 = 10, T_mult = 2: periods of 10, 20 and 40 epochs, back to the base rate at 10 and 30.
    expect(restartEpochs(by.cosineWarmRestarts, 0.1)).toEqual([10, 30]);
    expect(by.cosineWarmRestarts[9]).toBeLessThan(0.003);
    expect(by.cosineWarmRestarts[10]).toBe(0.1);
    for (const id of ['constant', 'step', 'exponential', 'cosine', 'warmupCosine']) expect(restartEpochs(by[id], 0.1)).toEqual([]);
  });

  it('take the parameters set by hand, the others scaled to the epochs', async () => {
    const params = { cosineWarmRestarts: { t0: 5, tMult: 1 }, step: { gamma: 0.5 }, warmupCosine: { steps: 10 } };
    const curves = await scheduleCurves(client, { ids: ['step', 'cosineWarmRestarts', 'warmupCosine'], lr: 0.1, epochs: 70, params });
    const by = Object.fromEntries(curves.map((c) => [c.id, c]));
    expect(by.cosineWarmRestarts.schedule).toEqual({ type: 'cosineWarmRestarts', t0: 5, tMult: 1 });
    expect(restartEpochs(by.cosineWarmRestarts.lrs, 0.1)).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65]);
    expect(by.step.schedule).toEqual({ type: 'step', stepSize: 20, gamma: 0.5 }); // the step still every 2/7 of the run
    expect(by.step.lrs[20]).toBeCloseTo(0.05, 12);
    // The warm-up's cosine takes the rest of the run: 70 - 10 epochs.
    expect(by.warmupCosine.schedule).toEqual({ type: 'warmup', steps: 10, then: { type: 'cosine', tMax: 60 } });
    expect(by.warmupCosine.lrs[10]).toBeCloseTo(0.1, 12);
    expect(scheduleFields('cosineWarmRestarts', 140, {})).toEqual({ t0: 20, tMult: 2 });
    expect(scheduleParams('constant')).toEqual([]);
    expect(scheduleParams('cosineWarmRestarts').map((p) => [p.name, p.min, p.max])).toEqual([['t0', 1, 500], ['tMult', 1, 10]]);
  });

  it.each([
    [{ step: { gamma: 0 } }, 'Schedule step: γ must be a number above 0 and at most 1'],
    [{ step: { gamma: 2 } }, 'Schedule step: γ must be a number above 0 and at most 1'],
    [{ cosineWarmRestarts: { t0: 2.5 } }, 'Schedule cosine, warm restarts: T_0 (epochs) must be a whole number in 1 to 500'],
    [{ cosineWarmRestarts: { tMult: 11 } }, 'Schedule cosine, warm restarts: T_mult must be a whole number in 1 to 10'],
    [{ cosine: { tMax: NaN } }, 'Schedule cosine: T_max (epochs) must be a whole number in 1 to 500'],
    [{ cosine: { eta: 1 } }, 'Schedule cosine: no such parameter; allowed: tMax'],
    [{ constant: { lr: 1 } }, 'Schedule constant: no such parameter; it takes none'],
    [{ sgdr: {} }, 'Schedules: unknown schedule "sgdr"; allowed: constant, step, exponential, cosine, cosineWarmRestarts, warmupCosine'],
    [{ step: 3 }, 'Schedule step: expected { name: value }'],
  ])('refuse parameters %j, by name', (params, message) => {
    expect(() => checkSetup({ ids: ['step'], lr: 0.1, epochs: 70, params })).toThrow(message);
  });

  it('are described by the library\'s registry, with the run\'s parameters and the PyTorch class', () => {
    const registry = descent.listSchedules();
    const restarts = describeSchedule(scheduleSpecFor('cosineWarmRestarts', 70), registry);
    expect(restarts.torch).toBe('torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(T_0, T_mult, eta_min)');
    expect(paramsTex(restarts)).toBe('T_0 = 10,\\; T_{mult} = 2');
    const warm = describeSchedule(scheduleSpecFor('warmupCosine', 70), registry);
    expect(warm.torch).toContain('SequentialLR');
    expect(paramsTex(warm)).toBe('W = 5');
    expect(warm.then.torch).toContain('CosineAnnealingLR');
    expect(paramsTex(warm.then)).toBe('T = 65');
    for (const id of SCHEDULE_IDS) expect(describeSchedule(scheduleSpecFor(id, 70), registry).formula).toMatch(/\\eta/);
  });
});

describe('training under each schedule', () => {
  it('shows every warm restart in the loss: settled before it, up again one epoch after', async () => {
    const { ids, lr, epochs } = DEFAULT_SCHEDULES;
    let calls = 0;
    const result = await trainUnderSchedules(client, { ids, lr, epochs, onProgress: () => { calls += 1; } });
    expect(result.cancelled).toBe(false);
    expect(calls).toBe(epochs);
    expect(liveExperimentCount(descent)).toBe(0);
    const by = Object.fromEntries(result.runs.map((r) => [r.id, r]));
    for (const r of result.runs) {
      expect(r.trainLoss).toHaveLength(epochs + 1); // epoch 0 is the start
      expect(r.diverged).toBe(false);
    }
    // The same start for all: one experiment, the same initial weights.
    expect(new Set(result.runs.map((r) => r.trainLoss[0])).size).toBe(1);

    const restarts = restartEpochs(Array.from(descent.scheduleLrs(scheduleSpecFor('cosineWarmRestarts', epochs), lr, epochs)), lr);
    expect(restarts).toEqual([10, 30]);
    const sgdr = by.cosineWarmRestarts;
    for (const r of restarts) {
      // The training ran the schedule the chart draws: the rate it recorded is back at the base.
      expect(sgdr.lr[r]).toBeCloseTo(lr, 12);
      expect(sgdr.lr[r - 1]).toBeLessThan(lr / 10);
    }
    for (const { epoch, before, after } of lossAtRestarts(sgdr.trainLoss, restarts)) {
      expect(before, `loss at epoch ${epoch}`).toBeLessThan(0.7 * by.constant.trainLoss[epoch]);
      expect(after, `loss one epoch after the restart at ${epoch}`).toBeGreaterThan(1.3 * before);
    }
    // and in the end the schedules that anneal settle far below the constant rate.
    for (const id of ['step', 'cosine', 'cosineWarmRestarts', 'warmupCosine']) {
      expect(by[id].trainLoss.at(-1)).toBeLessThan(by.constant.trainLoss.at(-1) / 2);
    }
  });

  it('stops when cancelled and deletes its experiment', async () => {
    const controller = new AbortController();
    const result = await trainUnderSchedules(client, {
      ids: ['constant', 'cosine'], lr: 0.1, epochs: 50, signal: controller.signal,
      onProgress: ({ done }) => { if (done === 3) controller.abort(); },
    });
    expect(result.cancelled).toBe(true);
    expect(result.runs[0].trainLoss).toHaveLength(4);
    expect(liveExperimentCount(descent)).toBe(0);
  });

  it('names bad input and what it allows', async () => {
    expect(() => checkSetup({ ids: [], lr: 0.1, epochs: 10 })).toThrow(/^Schedules: choose at least one of constant, step, exponential/);
    expect(() => checkSetup({ ids: ['linear'], lr: 0.1, epochs: 10 })).toThrow(/unknown schedule "linear"; allowed: constant, step, exponential, cosine, cosineWarmRestarts, warmupCosine/);
    expect(() => checkSetup({ ids: ['cosine', 'cosine'], lr: 0.1, epochs: 10 })).toThrow(/each schedule may be chosen once/);
    expect(() => checkSetup({ ids: ['cosine'], lr: 0, epochs: 10 })).toThrow(/^Base learning rate: must be a number above 0 and at most 10$/);
    expect(() => checkSetup({ ids: ['cosine'], lr: NaN, epochs: 10 })).toThrow(/Base learning rate/);
    expect(() => checkSetup({ ids: ['cosine'], lr: 0.1, epochs: 1 })).toThrow(/^Epochs: must be a whole number in 2 to 500$/);
    expect(() => checkSetup({ ids: ['cosine'], lr: 0.1, epochs: 2.5 })).toThrow(/Epochs/);
    await expect(scheduleCurves(client, { ids: ['cosine'], lr: 0.1, epochs: 501 })).rejects.toThrow(/Epochs: must be a whole number in 2 to 500/);
    // The worker's request passes the library's own checks through.
    await expect(client.request('scheduleLrs', { schedule: { type: 'cosineWarmRestarts', t0: 5, tMult: 0 }, baseLr: 0.1, epochs: 3 }))
      .rejects.toThrow(/'tMult' must be in \[1, 1000\], got 0/);
  });
});

describe('the <descent-schedules> element', () => {
  it('reads and writes its state attribute, hides its parts, and has an embed snippet', async () => {
    const { decodeSchedulesAttribute, schedulesAttribute } = await import('../../web/src/elements/attributes.js');
    const { hideCss, parseHide } = await import('../../web/src/elements/hide.js');
    const { elementSnippet } = await import('../../web/src/elements/snippets.js');
    const registry = { optimizers: descent.listOptimizers(), objectives: descent.listObjectives() };
    const state = { scheduleIds: ['constant', 'cosineWarmRestarts'], scheduleLr: 0.1, scheduleEpochs: 40, scheduleParams: { cosineWarmRestarts: { t0: 8 } } };
    const text = 'sched=constant,cosineWarmRestarts&schedLr=0.1&schedEpochs=40&schedArgs=cosineWarmRestarts(t0:8)';
    expect(decodeSchedulesAttribute(text, registry)).toEqual({ state, notice: null });
    expect(schedulesAttribute(state, registry)).toBe(text);
    const defaults = { scheduleIds: [...DEFAULT_SCHEDULES.ids], scheduleLr: DEFAULT_SCHEDULES.lr, scheduleEpochs: DEFAULT_SCHEDULES.epochs, scheduleParams: {} };
    expect(schedulesAttribute(defaults, registry)).toBe('');
    // A whole page fragment works too (the other keys are the page's).
    expect(decodeSchedulesAttribute('view=schedules&pair=sgd&schedEpochs=30', registry).state.scheduleEpochs).toBe(30);
    const bad = decodeSchedulesAttribute('schedEpochs=9999', registry);
    expect(bad.state).toEqual(defaults);
    expect(bad.notice).toMatch(/^The state attribute's settings could not be used \(schedEpochs must be a whole number in 2 to 500\)/);
    expect(parseHide('rules, intro', 'schedules').groups).toEqual(['intro', 'rules']);
    expect(parseHide('controls', 'schedules').groups).toEqual(['controls']);
    expect(hideCss()).toContain('descent-schedules[data-hide~="rules"] [data-group="rules"]');
    expect(elementSnippet({ view: 'schedules', state: 'schedEpochs=30', src: 'descent-elements.js' }))
      .toBe('<script src="descent-elements.js"></script>\n<descent-schedules state="schedEpochs=30"></descent-schedules>');
  });
});
