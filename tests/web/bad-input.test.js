// Bad input, catalogued (issue 7), the page's half: what a link (the URL fragment) or a custom
// element's attribute may hold. Each row is [decoder, input, the reason the notice must give],
// naming the field and what is allowed; the state is then the defaults. The module's half is
// tests/wasm/bad-input.test.js; tests/web/state.test.js, train-state.test.js and
// momentum-state.test.js hold the hostile-input rows (markup, overlong text) not repeated here.
import { beforeAll, describe, expect, it } from 'vitest';
import createDescent from '../../build/wasm/descent.mjs';
import { decodeState, defaultState } from '../../web/src/state.js';
import { decodeTrainState, defaultTrainState } from '../../web/src/train-state.js';
import { decodeMomentumState, defaultMomentumState } from '../../web/src/momentum-state.js';
import {
  decodeDecayAttribute, decodeInitAttribute, decodeLandscapeAttribute, decodeMomentumAttribute, decodeSchedulesAttribute,
  decodeTourAttribute, decodeTrainAttribute,
} from '../../web/src/elements/attributes.js';
import { hideNotice, parseHide } from '../../web/src/elements/hide.js';

let registry;
beforeAll(async () => {
  const d = await createDescent();
  registry = { optimizers: d.listOptimizers(), objectives: d.listObjectives(), datasets: d.listDatasets() };
});

// Each decoder: (text) -> { state, notice } and the state it must fall back to.
const decoders = {
  decodeState: { decode: (t) => decodeState(t, registry), defaults: () => defaultState() },
  decodeTrainState: { decode: (t) => decodeTrainState(t, registry), defaults: () => defaultTrainState() },
  decodeMomentumState: { decode: (t) => decodeMomentumState(t), defaults: () => defaultMomentumState() },
  '<descent-landscape state>': { decode: (t) => decodeLandscapeAttribute(t, registry), defaults: () => ({ ...defaultState(), view: 'landscape' }) },
  '<descent-train state>': { decode: (t) => decodeTrainAttribute(t, registry), defaults: () => defaultTrainState() },
  '<descent-momentum state>': { decode: (t) => decodeMomentumAttribute(t), defaults: () => defaultMomentumState() },
  '<descent-tour state>': { decode: (t) => decodeTourAttribute(t, registry), defaults: () => ({ tour: defaultState().tour, presenter: false }) },
  '<descent-decay state>': { decode: (t) => decodeDecayAttribute(t, registry), defaults: () => ({ decayPair: 'adam' }) },
  '<descent-init state>': { decode: (t) => decodeInitAttribute(t, registry), defaults: () => decodeInitAttribute('', registry).state },
  '<descent-schedules state>': { decode: (t) => decodeSchedulesAttribute(t, registry), defaults: () => decodeSchedulesAttribute('', registry).state },
};

const rows = [
  // The Landscape's keys (state.js)
  ['decodeState', '#view=chart', 'unknown view; allowed: landscape, train, momentum, rules, decay, init, schedules, tour'],
  ['decodeState', '#f=rosenbrok', 'unknown objective type; allowed: quadratic, rosenbrock, beale, himmelblau, booth, rastrigin, saddle'],
  ['decodeState', '#opt=lion(lr:0.1)', 'unknown optimizer type; allowed: gd, heavyBall, nesterovAccelerated, newton, adagradFull, '],
  ['decodeState', '#f=rosenbrock(b:-1)', 'rosenbrock: b is out of range (allowed: above 0)'],
  ['decodeState', '#f=rosenbrock(b:abc)', 'b must be a plain number of at most 1000000 in size'],
  ['decodeState', '#x0=1', 'x0 (the start point) must be two plain numbers'],
  ['decodeState', '#x0=1,abc', 'x0 (the start point) must be two plain numbers'],
  ['decodeState', '#steps=0', 'steps must lie in 1 to 5000'],
  ['decodeState', '#steps=9999', 'steps must lie in 1 to 5000'],
  ['decodeState', '#opt=adam(lr:0)', 'adam: lr is out of range (allowed: above 0)'],
  ['decodeState', '#opt=adam(lr:abc)', 'lr must be a plain number of at most 1000000 in size'],
  ['decodeState', '#opt=adam(betas:0.9/1)', 'adam: betas is out of range (allowed: both in [0, 1))'],
  ['decodeState', '#opt=sgd(momentum:1)', 'sgd: momentum is out of range (allowed: [0, 1))'],
  ['decodeState', '#opt=newton(damping:-1)', 'newton: damping is out of range (allowed: 0 or more)'],
  ['decodeState', '#opt=adam(amsgrad:yes)', 'amsgrad must be true or false'],
  ['decodeState', '#opt=adam(lr:0.1).cosine(tMax:0)', 'adam schedule: tMax is out of range (allowed: [1, 5000])'],
  ['decodeState', '#opt=adam(lr:0.1).cosine(tMax:abc)', 'adam schedule: tMax must be a plain number'],
  ['decodeState', `#opt=${Array(9).fill('adam').join(';')}`, 'at most 8 optimizers'],
  ['decodeState', '#pair=rmsprop', 'pair must be adam or sgd'],
  ['decodeState', '#present=2', 'present must be 1 or 0'],
  ['decodeState', '#steps', 'steps has no value'],
  ['decodeState', '#steps=5&steps=6', 'steps is given twice'],
  // The Train view's `t.` keys (train-state.js)
  ['decodeTrainState', 't.data=mnist', 'unknown data set; allowed: spiral, circles, xor, gaussians, moons, sine, surface, digits, iris, csv'],
  ['decodeTrainState', 't.opt=sgd;lion', 'optimizer 2 is of an unknown type; allowed: gd, heavyBall, nesterovAccelerated, adagradFull, sgd, '],
  ['decodeTrainState', 't.data=spiral(n:1)', 'spiral: n is out of range (allowed: [10, 100000])'],
  ['decodeTrainState', 't.data=spiral(n:abc)', 'spiral: n must be a plain number of at most 1000000 in size'],
  ['decodeTrainState', 't.hidden=0', 'layer widths must lie in 1 to 1024'],
  ['decodeTrainState', 't.hidden=a', 'hidden layers must be widths like 32,32'],
  ['decodeTrainState', 't.act=gelu', 'unknown activation; allowed: relu, leakyRelu, tanh, sigmoid, linear, elu, selu'],
  ['decodeTrainState', 't.init=glorot', 'unknown initialisation; allowed: torchDefault, xavierNormal, '],
  ['decodeTrainState', 't.gain=0', 'the gain is out of range (allowed: (0, 100] or auto)'],
  ['decodeTrainState', 't.loss=hinge', 'unknown loss; allowed: auto, crossEntropy, binaryCrossEntropy, mse'],
  ['decodeTrainState', 't.batch=0', 'the batch size must lie in 1 to 100000'],
  ['decodeTrainState', 't.batch=1.5', 'the batch size must be a whole number'],
  ['decodeTrainState', 't.epochs=0', 'epochs must lie in 1 to 100000'],
  ['decodeTrainState', 't.prec=float16', 'unknown precision; allowed: float32, float64'],
  ['decodeTrainState', 't.l2=-1', 'L2 is out of range (allowed: [0, 1000])'],
  ['decodeTrainState', 't.opt=adam(lr:0)', 'adam: lr is out of range (allowed: above 0)'],
  ['decodeTrainState', 't.opt=adam(lr:x)', 'adam: lr must be a plain number of at most 1000000 in size'],
  ['decodeTrainState', 't.opt=adam(betas:0.9/2)', 'adam: betas is out of range (allowed: [0, 1))'],
  ['decodeTrainState', 't.opt=rmsprop(centered:1)', 'rmsprop: centered must be true or false'],
  ['decodeTrainState', 't.opt=adam.cosine(tMax:0)', 'adam schedule: tMax is out of range (allowed: [1, 100000])'],
  ['decodeTrainState', 't.epochs', 't.epochs has no value'],
  // The Momentum view's `m.` keys (momentum-state.js)
  ['decodeMomentumState', 'm.alpha=0', 'alpha is out of range (allowed: (0, 1000])'],
  ['decodeMomentumState', 'm.beta=2000', 'beta is out of range (allowed: (0, 1000])'],
  ['decodeMomentumState', 'm.lr=20', 'the step size is out of range (allowed: (0, 10])'],
  ['decodeMomentumState', 'm.lr=abc', 'the step size is not a number'],
  ['decodeMomentumState', 'm.mom=1', 'the momentum is out of range (allowed: [0, 1))'],
  ['decodeMomentumState', 'm.x0=3,0', 'the start point is out of range (allowed: [-2, 2])'],
  ['decodeMomentumState', 'm.steps=3000', 'steps is out of range (allowed: [1, 2000])'],
  ['decodeMomentumState', 'm.alpha=5&m.beta=2', 'beta must be at least alpha'],
  // Custom elements' state attributes (elements/attributes.js): the same decoders, their own wording
  ['<descent-landscape state>', 'f=nope', 'unknown objective type; allowed: quadratic, '],
  ['<descent-landscape state>', 'steps=0', 'steps must lie in 1 to 5000'],
  ['<descent-train state>', 'epochs=0', 'epochs must lie in 1 to 100000'],
  ['<descent-train state>', 'act=gelu', 'unknown activation; allowed: relu, '],
  ['<descent-momentum state>', 'lr=20', 'the step size is out of range (allowed: (0, 10])'],
  ['<descent-momentum state>', 'mom=-0.5', 'the momentum is out of range (allowed: [0, 1))'],
  ['<descent-tour state>', 'present=yes', 'present must be 1 or 0'],
  ['<descent-decay state>', 'pair=nope', 'pair must be adam or sgd'],
  ['<descent-init state>', 'initDepth=0', 'initDepth (the number of hidden layers) must be a whole number in 1 to 30'],
  ['<descent-init state>', 'initAct=swish', 'initAct (the activation) must be one of relu, tanh, '],
  ['<descent-schedules state>', 'schedLr=0', 'schedLr (the base learning rate) must be a number in (0, 10]'],
  ['<descent-schedules state>', 'schedEpochs=1000', 'schedEpochs must be a whole number in 2 to 500'],
  ['<descent-schedules state>', 'schedArgs=step', 'schedArgs is malformed; expected e.g. cosineWarmRestarts(t0:10,tMult:2)'],
  ['<descent-schedules state>', 'schedArgs=sgdr(t0:5)', 'schedArgs names an unknown schedule; allowed: constant, step, '],
  ['<descent-schedules state>', 'schedArgs=step(gamma:0.5);step(gamma:0.1)', 'schedArgs names a schedule twice'],
  ['<descent-schedules state>', 'schedArgs=step(gamma)', 'schedArgs is malformed; expected name:value pairs'],
  ['<descent-schedules state>', 'schedArgs=step(__proto__:1)', 'schedArgs is malformed; expected name:value pairs'],
  ['<descent-schedules state>', 'schedArgs=step(gamma:0.5,gamma:0.1)', 'schedArgs gives a parameter twice'],
  ['<descent-schedules state>', 'schedArgs=step(gamma:NaN)', 'schedArgs holds a value that is not a number'],
  ['<descent-schedules state>', 'schedArgs=step(gamma:1.5)', 'schedArgs: Schedule step: γ must be a number above 0 and at most 1'],
  ['<descent-schedules state>', 'schedArgs=cosineWarmRestarts(t0:0)', 'schedArgs: Schedule cosine, warm restarts: T_0 (epochs) must be a whole number in 1 to 500'],
  ['<descent-schedules state>', 'schedArgs=cosine(bogus:3)', 'schedArgs: Schedule cosine: no such parameter; allowed: tMax'],
];

describe('bad input, catalogued: links and element attributes', () => {
  it.each(rows.map((row, i) => [`${row[0]} #${i}: ${row[1].slice(0, 40)}`, ...row]))('%s', (_name, decoder, input, reason) => {
    const { decode, defaults } = decoders[decoder];
    const { state, notice } = decode(input);
    expect(notice).toContain(`(${reason}`);
    expect(notice).toMatch(/could not be used .*, so the default.* shown instead\.$/);
    expect(state).toEqual(defaults());
    // A valid text right after decodes as it should (decoders keep no state between calls).
    expect(decode('').notice).toBeNull();
  });

  // hide="..." ignores unknown names and says which names it accepts (never echoing the text).
  it.each([
    ['landscape', 'objective,bogus', ['objective'], 'One name in the hide attribute is not a control group and was ignored; it accepts: objective, start, optimizers, controls, '],
    ['train', 'data network, <b>x</b>', ['data', 'network'], 'One name in the hide attribute is not a control group and was ignored; it accepts: data, network, training, '],
    ['momentum', 'map,nope,NOPE2', ['map'], '2 names in the hide attribute are not a control group and were ignored; it accepts: quadratic, sliders, '],
    ['tour', 'everything', [], 'it accepts: list, controls.'],
  ])('parseHide(%s, %j)', (view, text, groups, notice) => {
    const parsed = parseHide(text, view);
    expect(parsed.groups).toEqual(groups);
    expect(hideNotice(parsed.unknown, view)).toContain(notice);
    expect(hideNotice(parsed.unknown, view)).not.toMatch(/bogus|<b>|nope|everything/i);
  });

  it('parseHide names an unknown view', () => {
    expect(() => parseHide('x', 'nope')).toThrow(/unknown view nope/);
  });
});
