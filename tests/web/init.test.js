// The Initialisation view's study against the real handlers and module (no Worker): the lecture's
// claim (He keeps a deep ReLU network's activations at their scale where Xavier with gain 1 shrinks
// them, N(0, 0.01²) makes them vanish and N(0, 1) makes them explode), the statistics' shape, and
// bad input by name.
import { beforeAll, describe, expect, it } from 'vitest';
import createDescent from '../../build/wasm/descent.mjs';
import { inProcessClient } from './in-process-client.js';
import { liveExperimentCount } from '../../web/src/worker/handlers/train.js';
import { HISTOGRAM_BINS, INIT_SCHEMES, centralWidth, runStudy, stdRatio, studySpec, widthRatio } from '../../web/src/views/init/study.js';
import { ridgelineRows } from '../../web/src/charts/ridgeline.js';

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

    // The histograms, on one range per quantity: the middle 95% of Xavier's last hidden layer
    // spans a small part of its first layer's; He's keeps its spread.
    const start = (id) => by[id].histograms.start;
    expect(start('he').layers).toBe(11);
    expect(start('he').bins).toBe(HISTOGRAM_BINS);
    expect(start('he').activations.fractions).toHaveLength(11 * HISTOGRAM_BINS);
    expect(widthRatio(start('xavier'))).toBeLessThan(0.15);
    expect(widthRatio(start('he'))).toBeGreaterThan(0.4);
    expect(widthRatio(start('small'))).toBeLessThan(0.1);
    // The histograms' widths follow the exact std (~ 4 std for ReLU's half-normal-like values).
    const first = centralWidth(start('he').activations, HISTOGRAM_BINS, 0);
    expect(first / by.he.std[0][0]).toBeGreaterThan(2);
    expect(first / by.he.std[0][0]).toBeLessThan(6);
    // After training there is a second set, from the trained weights.
    expect(by.he.histograms.end.activations.fractions).toHaveLength(11 * HISTOGRAM_BINS);
    expect(by.he.histograms.end.activations.fractions).not.toEqual(start('he').activations.fractions);
  });

  it('draws each layer as a row scaled to its own peak (square root), with what fell outside', () => {
    const set = { lo: -1, hi: 1, fractions: new Float64Array([0.1, 0.4, 0.2, 0, 0, 0.5, 0, 0]), below: new Float64Array([0.3, 0]), above: new Float64Array([0, 0.5]), nonFinite: new Float64Array([0, 0]) };
    expect(ridgelineRows(set, 4)).toEqual([
      { layer: 0, heights: [0.5, 1, Math.SQRT1_2, 0], outside: 0.3 }, // sqrt(0.1 / 0.4), 1, sqrt(0.2 / 0.4)
      { layer: 1, heights: [0, 1, 0, 0], outside: 0.5 },
    ]);
    // Layer 0: 0.3 below, then 0.1, 0.4, 0.2: the 2.5% quantile is below the range (bin 0), the
    // 97.5% one in bin 2; three bins of 0.5. Layer 1: half in bin 1, half above: bins 1 to 3.
    expect(centralWidth(set, 4, 0)).toBe(1.5);
    expect(centralWidth(set, 4, 1)).toBe(1.5);
    const spike = { ...set, fractions: new Float64Array([0, 1, 0, 0]), below: new Float64Array([0]), above: new Float64Array([0]) };
    expect(centralWidth(spike, 4, 0)).toBe(0.5); // one bin
  });

  it('offers the lecture\'s schemes and names bad input', async () => {
    expect(INIT_SCHEMES.map((s) => s.id)).toEqual(['normal', 'small', 'xavier', 'xavierGain', 'xavierUniform', 'he']);
    expect(studySpec({ depth: 3, width: 8, activation: 'tanh', scheme: 'xavierGain' }).network).toMatchObject({
      hidden: [8, 8, 8], activation: 'tanh', init: { type: 'xavierNormal', gain: 'auto' },
    });
    expect(() => studySpec({ depth: 0, width: 8, activation: 'relu', scheme: 'he' })).toThrow(/the depth must be a whole number in 1 to 30/);
    expect(() => studySpec({ depth: 2, width: 1e4, activation: 'relu', scheme: 'he' })).toThrow(/the width must be a whole number in 1 to 512/);
    expect(studySpec({ depth: 2, width: 8, activation: 'relu', scheme: 'small', std: 0.3 }).network.init).toEqual({ type: 'normal', std: 0.3 });
    expect(() => studySpec({ depth: 2, width: 8, activation: 'relu', scheme: 'small', std: 0 })).toThrow(/s \(the std of N\(0, s²\)\) must be a number in 0.000001 to 10/);
    expect(() => studySpec({ depth: 2, width: 8, activation: 'relu', scheme: 'lecun' })).toThrow(/unknown scheme "lecun"; allowed: normal, small/);
    await expect(runStudy(client, { depth: 2, width: 8, activation: 'relu', schemes: ['he'], epochs: -1 })).rejects.toThrow(/epochs must be a whole number in 0 to 200/);
    await expect(runStudy(client, { depth: 2, width: 8, activation: 'swish', schemes: ['he'], epochs: 1 })).rejects.toThrow(/swish/);
  });
});

describe('the <descent-init> element', () => {
  it('reads and writes its state attribute, hides its parts, and has an embed snippet', async () => {
    const { decodeInitAttribute, initAttribute } = await import('../../web/src/elements/attributes.js');
    const { hideCss, parseHide } = await import('../../web/src/elements/hide.js');
    const { elementSnippet } = await import('../../web/src/elements/snippets.js');
    const { INIT_DEFAULTS } = await import('../../web/src/views/init/study.js');
    const registry = { optimizers: descent.listOptimizers(), objectives: descent.listObjectives() };
    const state = { initDepth: 20, initWidth: 64, initActivation: 'tanh', initEpochs: 15, initStd: 0.01, initSchemes: ['xavier', 'xavierGain'] };
    expect(decodeInitAttribute('initDepth=20&initAct=tanh&initSchemes=xavierGain,xavier', registry)).toEqual({ state, notice: null });
    expect(initAttribute(state, registry)).toBe('initDepth=20&initAct=tanh&initSchemes=xavier,xavierGain');
    const defaults = {
      initDepth: INIT_DEFAULTS.depth, initWidth: INIT_DEFAULTS.width, initActivation: INIT_DEFAULTS.activation,
      initEpochs: INIT_DEFAULTS.epochs, initStd: INIT_DEFAULTS.std, initSchemes: [...INIT_DEFAULTS.schemes],
    };
    expect(initAttribute(defaults, registry)).toBe('');
    const bad = decodeInitAttribute('initWidth=4096', registry);
    expect(bad.state).toEqual(defaults);
    expect(bad.notice).toMatch(/^The state attribute's settings could not be used \(initWidth \(the width of each hidden layer\) must be a whole number in 1 to 512\)/);
    expect(parseHide('controls, intro', 'init').groups).toEqual(['intro', 'controls']);
    expect(hideCss()).toContain('descent-init[data-hide~="intro"] [data-group="intro"]');
    expect(elementSnippet({ view: 'init', state: 'initDepth=20', src: 'descent-elements.js' }))
      .toBe('<script src="descent-elements.js"></script>\n<descent-init state="initDepth=20"></descent-init>');
  });
});
