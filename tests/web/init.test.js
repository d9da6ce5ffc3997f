// The Initialisation view's study against the real handlers and module (no Worker): the lecture's
// claim (He keeps a deep ReLU network's activations at their scale where Xavier with gain 1 shrinks
// them, N(0, 0.01²) makes them vanish and N(0, 1) makes them explode), the statistics' shape, and
// bad input by name.
import { beforeAll, describe, expect, it } from 'vitest';
import createDescent from '../../build/wasm/descent.mjs';
import { inProcessClient } from './in-process-client.js';
import { liveExperimentCount } from '../../web/src/worker/handlers/train.js';
import { INIT_SCHEMES, runStudy, stdRatio, studySpec } from '../../web/src/views/init/study.js';

let descent;
const client = inProcessClient(() => descent);

beforeAll(async () => {
  descent = await createDescent();
});

describe('the initialisation study', () => {
  it('He keeps a deep ReLU network\'s activations at their scale; Xavier with gain 1 shrinks them', async () => {
    const result = await runStudy(client, {
      depth: 10, width: 64, activation: 'relu', schemes: ['normal', 'small', 'xavier', 'he'], epochs: 3,
    });
    const by = Object.fromEntries(result.schemes.map((r) => [r.id, r]));
    expect(by.he.std[0]).toHaveLength(11); // 10 hidden layers and the output
    expect(stdRatio(by.he)).toBeGreaterThan(0.4);
    expect(stdRatio(by.he)).toBeLessThan(2.5);
    expect(stdRatio(by.xavier)).toBeLessThan(0.1); // about (1/√2)^9 of the way
    expect(stdRatio(by.xavier)).toBeLessThan(stdRatio(by.he) / 10);
    expect(stdRatio(by.small)).toBeLessThan(1e-6); // vanishes
    expect(stdRatio(by.normal)).toBeGreaterThan(1e3); // explodes
    // The gradients follow: He's first-layer weight gradient is far larger than Xavier's.
    expect(by.he.gradNorm[0][0]).toBeGreaterThan(10 * by.xavier.gradNorm[0][0]);
    // and He trains where the vanishing start barely moves.
    expect(by.he.loss.at(-1)).toBeLessThan(by.small.loss.at(-1));
    expect(liveExperimentCount(descent)).toBe(0);
  });

  it('offers the lecture\'s schemes and names bad input', async () => {
    expect(INIT_SCHEMES.map((s) => s.id)).toEqual(['normal', 'small', 'xavier', 'xavierGain', 'xavierUniform', 'he']);
    expect(studySpec({ depth: 3, width: 8, activation: 'tanh', scheme: 'xavierGain' }).network).toMatchObject({
      hidden: [8, 8, 8], activation: 'tanh', init: { type: 'xavierNormal', gain: 'auto' },
    });
    expect(() => studySpec({ depth: 0, width: 8, activation: 'relu', scheme: 'he' })).toThrow(/the depth must be a whole number in 1 to 30/);
    expect(() => studySpec({ depth: 2, width: 1e4, activation: 'relu', scheme: 'he' })).toThrow(/the width must be a whole number in 1 to 512/);
    expect(() => studySpec({ depth: 2, width: 8, activation: 'relu', scheme: 'lecun' })).toThrow(/unknown scheme "lecun"; allowed: normal, small/);
    await expect(runStudy(client, { depth: 2, width: 8, activation: 'relu', schemes: ['he'], epochs: -1 })).rejects.toThrow(/epochs must be a whole number in 0 to 200/);
    await expect(runStudy(client, { depth: 2, width: 8, activation: 'swish', schemes: ['he'], epochs: 1 })).rejects.toThrow(/swish/);
  });
});
