// The weight-decay grid against the real handlers and module (no Worker): the lecture's claim on
// the task the view starts with (AdamW's good region is wider along the weight-decay axis than
// Adam-with-L2's), the grid's shape, weight norms per epoch, cancelling, and bad input by name.
import { beforeAll, describe, expect, it } from 'vitest';
import createDescent from '../../build/wasm/descent.mjs';
import { inProcessClient } from './in-process-client.js';
import { liveExperimentCount } from '../../web/src/worker/handlers/train.js';
import { DECAY_PAIRS, DECAY_TASK, DEFAULT_DECAYS, bestCell, decayWidth, parseValues, runDecayGrid } from '../../web/src/views/decay/grid.js';

let descent;
const client = inProcessClient(() => descent);

beforeAll(async () => {
  descent = await createDescent();
});

describe('the weight-decay grid', () => {
  it('AdamW keeps a good test loss over a wider range of weight decay than Adam with L2 (the view\'s task)', async () => {
    const result = await runDecayGrid(client, {
      spec: DECAY_TASK.spec, pair: 'adam', lrs: DECAY_PAIRS.adam.lrs, wds: DEFAULT_DECAYS, epochs: DECAY_TASK.epochs,
    });
    expect(result.cancelled).toBe(false);
    const widthL2 = decayWidth(result.loss.coupled);
    const widthW = decayWidth(result.loss.decoupled);
    expect(widthW).toBeGreaterThan(widthL2);
    // Both reach comparable best losses: the difference is the width, not the depth.
    const a = bestCell(result.loss.coupled);
    const w = bestCell(result.loss.decoupled);
    expect(Math.abs(a.loss - w.loss)).toBeLessThan(0.1);
    // With the largest decay, L2 in Adam's gradient ruins every rate; AdamW's best column survives.
    const last = DEFAULT_DECAYS.length - 2; // wd = 0.1
    expect(Math.min(...result.loss.coupled.map((row) => row[last]))).toBeGreaterThan(2 * a.loss);
    expect(Math.min(...result.loss.decoupled.map((row) => row[last]))).toBeLessThan(1.5 * w.loss);
    // Weight norms per epoch, and decay shrinks them.
    const norms = result.weightNorm.decoupled[w.i];
    expect(norms[0]).toHaveLength(DECAY_TASK.epochs + 1); // epoch 0 (the start) and every epoch
    expect(norms.at(-1).at(-1)).toBeLessThan(norms[0].at(-1));
    expect(liveExperimentCount(descent)).toBe(0);
  });

  it('cancels between epochs and leaves no experiment behind', async () => {
    const controller = new AbortController();
    let calls = 0;
    const result = await runDecayGrid(client, {
      spec: DECAY_TASK.spec, pair: 'sgd', lrs: [0.01, 0.1], wds: [0, 0.01], epochs: 5, signal: controller.signal,
      onProgress: () => { calls += 1; if (calls === 4) controller.abort(); },
    });
    expect(result.cancelled).toBe(true);
    expect(calls).toBe(4);
    expect(liveExperimentCount(descent)).toBe(0);
  });

  it('names what is wrong in its input', async () => {
    expect(parseValues('0, 1e-4, 0.001', 'weight decays')).toEqual([0, 0.0001, 0.001]);
    expect(() => parseValues('0.1', 'weight decays')).toThrow(/weight decays: give 2 to 12 numbers/);
    expect(() => parseValues('0.1, <b>', 'weight decays')).toThrow(/"<b>" is not a number in \[0, 100\]/);
    expect(() => parseValues('0, 0.1', 'learning rates', { positive: true })).toThrow(/learning rates: "0" is not a number in \(0, 100\]/);
    expect(() => parseValues('0.1, 0.01', 'learning rates')).toThrow(/must increase/);
    await expect(runDecayGrid(client, { spec: DECAY_TASK.spec, pair: 'lion', lrs: [0.1], wds: [0], epochs: 1 })).rejects.toThrow(/unknown pair "lion"; allowed: adam, sgd/);
    await expect(runDecayGrid(client, { spec: DECAY_TASK.spec, pair: 'adam', lrs: [0.1], wds: [0], epochs: 0 })).rejects.toThrow(/epochs must be a whole number in 1 to 500/);
  });

  it('finds the best cell and the width of the good region', () => {
    const table = [[1, 0.5, NaN], [0.6, 0.55, 2]];
    expect(bestCell(table)).toEqual({ i: 0, j: 1, loss: 0.5 });
    expect(decayWidth(table, 1.25)).toBe(2);
    expect(decayWidth([[NaN]])).toBe(0);
  });
});

describe('the <descent-decay> element\'s attributes', () => {
  it('reads and writes the pair, and hides its parts', async () => {
    const { decodeDecayAttribute, decayAttribute } = await import('../../web/src/elements/attributes.js');
    const { hideCss, parseHide } = await import('../../web/src/elements/hide.js');
    const registry = { optimizers: descent.listOptimizers(), objectives: descent.listObjectives() };
    expect(decodeDecayAttribute('pair=sgd', registry)).toEqual({ state: { decayPair: 'sgd' }, notice: null });
    const bad = decodeDecayAttribute('pair=lion', registry);
    expect(bad.state).toEqual({ decayPair: 'adam' });
    expect(bad.notice).toMatch(/pair must be adam or sgd/);
    expect(decayAttribute({ decayPair: 'adam' })).toBe('pair=adam');
    expect(parseHide('intro', 'decay').groups).toEqual(['intro']);
    expect(hideCss()).toContain('descent-decay[data-hide~="intro"] [data-group="intro"]');
  });
});
