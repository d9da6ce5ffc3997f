// The Train view's URL state (web/src/train-state.js): round trips against the real registries,
// splitting / joining with the Landscape's fields, and hostile input -> defaults + a notice.
import { beforeAll, describe, expect, it } from 'vitest';
import createDescent from '../../build/wasm/descent.mjs';
import { decodeState, defaultState as defaultLandscapeState, encodeState } from '../../web/src/state.js';
import {
  MAX_TRAIN_HASH_LENGTH, TRAIN_PROPERTIES, decodeTrainState, defaultTrainState, encodeTrainState, joinHash, splitHash,
} from '../../web/src/train-state.js';
import { buildSpec } from '../../web/src/views/train/spec.js';

let registry;
let landscapeRegistry;
beforeAll(async () => {
  const d = await createDescent();
  registry = { datasets: d.listDatasets(), optimizers: d.listOptimizers() };
  landscapeRegistry = { optimizers: d.listOptimizers(), objectives: d.listObjectives() };
});

const full = () => ({
  dataset: { type: 'digits', options: { testFraction: '0.25' }, csvText: '' },
  network: { hidden: '64, 32', activation: 'relu', init: 'kaimingUniform', gain: 'auto', loss: 'crossEntropy' },
  batchSize: '64',
  epochs: '30',
  seed: '7',
  precision: 'float64',
  l2: '0.0001',
  optimizers: [
    { type: 'sgd', options: { lr: '0.1', momentum: '0.9', nesterov: true }, schedule: { type: 'cosine', tMax: '30' } },
    { type: 'adam', options: { lr: '0.001', betas: ['0.8', '0.99'], amsgrad: true }, schedule: { type: 'none' } },
    { type: 'rmsprop', options: { lr: '0.01', centered: false }, schedule: { type: 'step', stepSize: '10', gamma: '0.5' } },
    { type: 'adamw', options: { lr: '0.003', weightDecay: '0.05' }, schedule: { type: 'warmupCosine', steps: '3' } },
  ],
});

describe('train URL state', () => {
  it('the default setup encodes to nothing and decodes from nothing', () => {
    expect(encodeTrainState(defaultTrainState(), registry)).toBe('');
    expect(decodeTrainState('', registry)).toEqual({ state: defaultTrainState(), notice: null });
    expect(TRAIN_PROPERTIES.map((p) => p.key)).toEqual(['data', 'hidden', 'act', 'init', 'gain', 'loss', 'batch', 'epochs', 'seed', 'prec', 'l2', 'opt']);
  });

  it('round-trips a full setup: data set options, network, training, optimizers with options and schedules', () => {
    const state = full();
    const text = encodeTrainState(state, registry);
    expect(text).toMatch(/^[A-Za-z0-9.:,;()/=&_-]+$/);
    expect(text).toContain('t.data=digits(testFraction:0.25)');
    expect(text).toContain('t.hidden=64,32');
    expect(text).toContain('t.opt=sgd(lr:0.1,momentum:0.9,nesterov:true).cosine(tMax:30);adam(lr:0.001,betas:0.8/0.99,amsgrad:true)');
    expect(text).toContain('rmsprop(lr:0.01,centered:false).step(stepSize:10,gamma:0.5)');
    const { state: back, notice } = decodeTrainState(text, registry);
    expect(notice).toBeNull();
    expect(back).toEqual(state);
    // and the decoded state builds a valid spec
    expect(buildSpec(back, registry).spec.optimizers[0]).toMatchObject({ type: 'sgd', nesterov: true, schedule: { type: 'cosine', tMax: 30 } });
  });

  it('writes only what differs from the default setup; missing keys keep their defaults', () => {
    const state = defaultTrainState();
    state.epochs = '50';
    expect(encodeTrainState(state, registry)).toBe('t.epochs=50');
    expect(decodeTrainState('t.epochs=50', registry).state).toEqual(state);
  });

  it('normalises numbers as typed, keeps empty fields empty, writes a linear model as none', () => {
    const state = defaultTrainState();
    state.batchSize = '';
    state.l2 = ' 1e-4 ';
    state.network.hidden = '';
    state.optimizers[2].options.lr = '1E-3';
    const text = encodeTrainState(state, registry);
    expect(text).toContain('t.batch=&');
    expect(text).toContain('t.l2=0.0001');
    expect(text).toContain('t.hidden=none');
    const back = decodeTrainState(text, registry).state;
    expect(back.batchSize).toBe('');
    expect(back.l2).toBe('0.0001');
    expect(back.network.hidden).toBe('');
    expect(back.optimizers[2].options.lr).toBe('0.001');
  });

  it('leaves out values the view holds but could not use (so the link still opens)', () => {
    const state = defaultTrainState();
    state.optimizers[0].options.lr = 'fast';
    state.optimizers[0].options.momentum = '-3';
    state.seed = '1.5';
    const text = encodeTrainState(state, registry);
    expect(text).not.toContain('fast');
    expect(text).not.toContain('t.seed');
    const { state: back, notice } = decodeTrainState(text, registry);
    expect(notice).toBeNull();
    expect(back.optimizers[0].options).toEqual({});
  });

  it('shares the fragment with the Landscape: split, join, and each half decodes on its own', () => {
    const landscape = { ...defaultLandscapeState(), view: 'train', steps: 123 };
    const train = full();
    const hash = `#${joinHash(encodeState(landscape, landscapeRegistry), encodeTrainState(train, registry))}`;
    const parts = splitHash(hash);
    expect(parts.main).not.toContain('t.');
    expect(decodeState(parts.main, landscapeRegistry)).toEqual({ state: landscape, notice: null });
    expect(decodeTrainState(parts.train, registry)).toEqual({ state: train, notice: null });
    // a browser may percent-encode the fragment
    const encoded = splitHash(`#${encodeURIComponent(hash.slice(1))}`);
    expect(decodeTrainState(encoded.train, registry).state).toEqual(train);
    // no train fields: the Landscape half is passed through untouched
    expect(splitHash('#view=landscape&steps=5')).toEqual({ main: 'view=landscape&steps=5', train: '' });
    expect(splitHash('#%E0%A4%A')).toEqual({ main: '%E0%A4%A', train: '' });
    expect(joinHash('view=train', '')).toBe('view=train');
  });

  const hostile = [
    ['markup', 't.data=<img src=x onerror=alert(1)>'],
    ['script in an option', 't.opt=adam(lr:<script>alert(1)</script>)'],
    ['quotes and spaces', 't.hidden="32 32"'],
    ['unknown key', 't.evil=1'],
    ['unknown key without prefix', 'x.data=spiral'],
    ['prototype pollution', 't.__proto__=1'],
    ['key without value', 't.epochs'],
    ['key twice', 't.epochs=5&t.epochs=6'],
    ['unknown data set', 't.data=mnist'],
    ['unknown data set option', 't.data=spiral(evil:1)'],
    ['data set option out of range', 't.data=spiral(classes:99)'],
    ['NaN', 't.l2=NaN'],
    ['Infinity', 't.epochs=Infinity'],
    ['huge number', 't.l2=1e308'],
    ['hex number', 't.opt=adam(lr:0x10)'],
    ['negative epochs', 't.epochs=-5'],
    ['zero epochs', 't.epochs=0'],
    ['fractional batch', 't.batch=2.5'],
    ['huge batch', 't.batch=99999999'],
    ['too many layers', 't.hidden=1,1,1,1,1,1,1,1,1'],
    ['too wide', 't.hidden=5000'],
    ['zero width', 't.hidden=0'],
    ['unknown activation', 't.act=gelu'],
    ['unknown precision', 't.prec=float16'],
    ['unknown optimizer', 't.opt=lion'],
    ['an optimizer needing a Hessian', 't.opt=newton'],
    ['unknown optimizer option', 't.opt=adam(foo:1)'],
    ['lr out of range', 't.opt=adam(lr:-1)'],
    ['boolean of the wrong kind', 't.opt=sgd(nesterov:yes)'],
    ['pair with three numbers', 't.opt=adam(betas:0.9/0.99/0.5)'],
    ['option twice', 't.opt=adam(lr:0.1,lr:0.2)'],
    ['unknown schedule', 't.opt=adam.evil(x:1)'],
    ['schedule field of another schedule', 't.opt=adam.cosine(gamma:0.5)'],
    ['schedule length zero', 't.opt=adam.cosine(tMax:0)'],
    ['nine optimizers', `t.opt=${Array(9).fill('adam').join(';')}`],
    ['empty optimizer list', 't.opt='],
    ['nested parentheses', 't.opt=adam(lr:(0.1))'],
    ['gain zero', 't.gain=0'],
    ['overlong', `t.seed=${'1'.repeat(MAX_TRAIN_HASH_LENGTH + 1)}`],
    ['a null byte', 't.act=relu\u0000'],
  ];

  it.each(hostile)('hostile input (%s) gives the default setup and a notice that echoes nothing', (_, text) => {
    const { state, notice } = decodeTrainState(text, registry);
    expect(state).toEqual(defaultTrainState());
    expect(notice).toMatch(/^This link's training settings could not be used \(.+\), so the default training setup is shown instead\.$/);
    expect(notice).not.toMatch(/[<>"]/);
    expect(notice).not.toMatch(/alert|script|onerror|evil|__proto__|gelu|lion|float16|mnist/);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('hostile train fields leave the Landscape half alone (and the reverse)', () => {
    const parts = splitHash('#view=train&steps=50&t.act=<b>');
    expect(decodeState(parts.main, landscapeRegistry)).toEqual({ state: { ...defaultLandscapeState(), view: 'train', steps: 50 }, notice: null });
    expect(decodeTrainState(parts.train, registry).notice).toMatch(/could not be used/);
    const other = splitHash('#view=train&steps=abc&t.epochs=9');
    expect(decodeState(other.main, landscapeRegistry).notice).toMatch(/could not be used/);
    expect(decodeTrainState(other.train, registry)).toEqual({ state: { ...defaultTrainState(), epochs: '9' }, notice: null });
  });
});
