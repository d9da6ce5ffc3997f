// Spec building from the train view's control values (pure; no DOM).
import { describe, expect, it } from 'vitest';
import { CSV_MAX_BYTES, buildSpec, defaultState, lossFor, optimizerLabel, parseHidden, parseNumber, parseOption } from '../../web/src/views/train/spec.js';

const num = (name, def, extra = {}) => ({ name, kind: 'number', default: def, ...extra });
const datasets = [
  { type: 'spiral', label: 'Spiral', task: 'classification', options: [
    { name: 'n', kind: 'integer', default: 300 }, { name: 'classes', kind: 'integer', default: 3 }, num('noise', 0.1), num('testFraction', 0.2)] },
  { type: 'sine', label: 'Sine curve', task: 'regression', options: [{ name: 'n', kind: 'integer', default: 200 }, num('testFraction', 0.2)] },
  { type: 'csv', label: 'Your CSV', task: 'classification', options: [
    { name: 'header', kind: 'choice', default: 'auto', choices: ['auto', 'true', 'false'] },
    { name: 'task', kind: 'choice', default: 'classification', choices: ['classification', 'regression'] }, num('testFraction', 0.2)] },
];
const schedule = { name: 'schedule', kind: 'object', default: null };
const optimizers = [
  { type: 'sgd', label: 'SGD (PyTorch)', options: [num('lr', 0.001), num('momentum', 0), { name: 'nesterov', kind: 'boolean', default: false }, schedule] },
  { type: 'adam', label: 'Adam', options: [num('lr', 0.001), { name: 'betas', kind: 'pair', default: [0.9, 0.999] }, { name: 'amsgrad', kind: 'boolean', default: false }, schedule] },
  { type: 'adamw', label: 'AdamW', options: [num('lr', 0.001)] },
];
const registries = { datasets, optimizers };

describe('train spec', () => {
  it('builds the default experiment: spiral, 32-32 tanh, four optimizers', () => {
    const { spec, epochs } = buildSpec(defaultState(), registries);
    expect(epochs).toBe(200);
    expect(spec.dataset).toEqual({ type: 'spiral', n: 300, classes: 3, noise: 0.1, testFraction: 0.2 });
    expect(spec.network).toEqual({ hidden: [32, 32], activation: 'tanh', loss: 'crossEntropy', init: { type: 'xavierNormal', gain: 'auto' } });
    expect(spec).toMatchObject({ batchSize: 32, seed: 1, precision: 'float32', l2: 0 });
    expect(spec.optimizers).toEqual([
      { type: 'sgd', lr: 0.1, momentum: 0.9 },
      { type: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true },
      { type: 'adam', lr: 0.01 },
      { type: 'adamw', lr: 0.01 },
    ]);
  });

  it('refuses pasted CSV text past the library\'s 20 MB before it is sent to the worker', () => {
    const state = { ...defaultState(), dataset: { type: 'csv', options: {}, csvText: 'a,b,label\n1,2,0\n' } };
    expect(buildSpec(state, registries).spec.dataset.text).toBe('a,b,label\n1,2,0\n');
    state.dataset.csvText = 'x'.repeat(CSV_MAX_BYTES + 1);
    expect(() => buildSpec(state, registries)).toThrow(`csv: the text is larger than 20 MB (${CSV_MAX_BYTES + 1} characters); use a smaller table`);
    expect(CSV_MAX_BYTES).toBe(20 * 1024 * 1024); // cpp/nn/csv.hpp's kCsvMaxBytes
  });

  it('leaves empty fields to the library defaults and reads pairs and booleans', () => {
    const state = defaultState();
    state.batchSize = '';
    state.l2 = ' ';
    state.optimizers = [{ type: 'adam', options: { lr: '', betas: ['0.8', ''], amsgrad: true }, schedule: { type: 'none' } }];
    const { spec } = buildSpec(state, registries);
    expect(spec.batchSize).toBeUndefined();
    expect(spec.l2).toBeUndefined();
    expect(spec.optimizers).toEqual([{ type: 'adam', betas: [0.8, 0.999], amsgrad: true }]);
  });

  it('builds schedules with lengths in epochs, defaulting to the run length', () => {
    const state = defaultState();
    state.epochs = '50';
    state.optimizers = [
      { type: 'sgd', options: {}, schedule: { type: 'cosine' } },
      { type: 'sgd', options: {}, schedule: { type: 'step', stepSize: '10', gamma: '0.5' } },
      { type: 'sgd', options: {}, schedule: { type: 'cosineWarmRestarts', t0: '5' } },
      { type: 'sgd', options: {}, schedule: { type: 'warmupCosine', steps: '5' } },
    ];
    expect(buildSpec(state, registries).spec.optimizers.map((o) => o.schedule)).toEqual([
      { type: 'cosine', tMax: 50 },
      { type: 'step', stepSize: 10, gamma: 0.5 },
      { type: 'cosineWarmRestarts', t0: 5, tMult: 2 },
      { type: 'warmup', steps: 5, then: { type: 'cosine', tMax: 45 } },
    ]);
  });

  it('picks the loss from the task unless overridden; kaiming gets the activation', () => {
    const state = defaultState();
    state.dataset = { type: 'sine', options: { n: '100' }, csvText: '' };
    state.network.init = 'kaimingUniform';
    state.network.activation = 'leakyRelu';
    const { spec } = buildSpec(state, registries);
    expect(spec.network.loss).toBe('mse');
    expect(spec.network.init).toEqual({ type: 'kaimingUniform', nonlinearity: 'leaky_relu' });
    expect(spec.dataset).toEqual({ type: 'sine', n: 100 });
    state.network.loss = 'crossEntropy';
    expect(lossFor(state, datasets)).toBe('crossEntropy');
  });

  it('passes CSV text and its options through', () => {
    const state = defaultState();
    state.dataset = { type: 'csv', options: { header: 'true', task: 'regression' }, csvText: 'a,b\n1,2\n' };
    const { spec } = buildSpec(state, registries);
    expect(spec.dataset).toEqual({ type: 'csv', header: true, task: 'regression', text: 'a,b\n1,2\n' });
    expect(spec.network.loss).toBe('mse');
  });

  it('names the field when a value cannot be read', () => {
    const state = defaultState();
    state.network.hidden = '32, abc';
    expect(() => buildSpec(state, registries)).toThrow('Hidden layers: "abc" is not a whole number');
    state.network.hidden = '8';
    state.optimizers[0].options.lr = 'fast';
    expect(() => buildSpec(state, registries)).toThrow('Optimizer 1 (SGD (PyTorch)): lr: "fast" is not a number');
    state.optimizers = [];
    expect(() => buildSpec(state, registries)).toThrow('Optimizers: add at least one');
    state.optimizers = [{ type: 'lion', options: {} }];
    expect(() => buildSpec(state, registries)).toThrow('Optimizer 1: unknown type "lion"');
    expect(() => buildSpec({ ...defaultState(), dataset: { type: 'mnist', options: {} } }, registries)).toThrow('unknown type "mnist"');
  });

  it('parses hidden widths, numbers and options', () => {
    expect(parseHidden('32, 32')).toEqual([32, 32]);
    expect(parseHidden('64 x 16;8')).toEqual([64, 16, 8]);
    expect(parseHidden('  ')).toEqual([]);
    expect(() => parseHidden('0')).toThrow(/at least 1/);
    expect(parseNumber('1e-3', 'x')).toBe(0.001);
    expect(parseNumber('−2', 'x')).toBe(-2);
    expect(parseNumber('', 'x')).toBeUndefined();
    expect(() => parseNumber('2.5', 'Seed', { integer: true })).toThrow('Seed: "2.5" is not a whole number');
    expect(parseOption({ name: 'nesterov', kind: 'boolean' }, 'true', 'o')).toBe(true);
    expect(parseOption({ name: 'nesterov', kind: 'boolean' }, '', 'o')).toBeUndefined();
    expect(parseOption({ name: 'betas', kind: 'pair', default: [0.9, 0.999] }, '0.5, 0.6', 'o')).toEqual([0.5, 0.6]);
  });

  it('labels optimizers briefly for legends', () => {
    expect(optimizerLabel({ type: 'sgd', options: { lr: '0.1', momentum: '0.9', nesterov: true } }, optimizers[0])).toBe('SGD · lr 0.1, momentum 0.9, nesterov');
    expect(optimizerLabel({ type: 'adam', options: { lr: '' } }, optimizers[1])).toBe('Adam');
    expect(optimizerLabel({ type: 'adam', options: { lr: '0.01' }, schedule: { type: 'cosineWarmRestarts', t0: '10' } }, optimizers[1]))
      .toBe('Adam · lr 0.01 · cosine, warm restarts');
    expect(optimizerLabel({ type: 'adam', options: {}, schedule: { type: 'none' } }, optimizers[1])).toBe('Adam');
  });
});
