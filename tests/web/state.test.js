import { beforeAll, describe, expect, it } from 'vitest';
import createDescent from '../../build/wasm/descent.mjs';
import {
  DEFAULT_OPTIMIZERS, MAX_HASH_LENGTH, PROPERTIES, checkOption, decodeState, defaultState, encodeState, parseNumber, toSpec,
  landscapeScheduleSpec,
} from '../../web/src/state.js';

let registry;
beforeAll(async () => {
  const d = await createDescent();
  registry = { optimizers: d.listOptimizers(), objectives: d.listObjectives() };
});

describe('URL state', () => {
  it('has one property per state field, and the defaults are valid against the registries', () => {
    expect(PROPERTIES.map((p) => p.field).sort()).toEqual(Object.keys(defaultState()).sort());
    const { state, notice } = decodeState(`#${encodeState(defaultState(), registry)}`, registry);
    expect(notice).toBeNull();
    expect(state).toEqual(defaultState());
    expect(DEFAULT_OPTIMIZERS.map((o) => o.type)).toEqual(['gd', 'heavyBall', 'nesterovAccelerated', 'adam']);
  });

  it('an empty hash gives the defaults without a notice', () => {
    expect(decodeState('', registry)).toEqual({ state: defaultState(), notice: null });
    expect(decodeState('#', registry)).toEqual({ state: defaultState(), notice: null });
  });

  it('round-trips a full setup: objective options, start, steps, optimizers of every option kind, view', () => {
    const state = {
      view: 'rules',
      objective: { type: 'quadratic', options: { alpha: 0.5, kappa: 20, rotation: 30 } },
      start: [-1.25, 0.75],
      steps: 321,
      optimizers: [
        { type: 'gd', options: { lr: 0.05 } },
        { type: 'adam', options: { lr: 0.02, betas: [0.8, 0.99], amsgrad: true, eps: 1e-6 } },
        { type: 'rmsprop', options: { lr: 0.01, centered: true, momentum: 0.5 } },
        { type: 'sgd', options: { lr: 0.001, nesterov: true, momentum: 0.9 } },
      ],
      tour: 'adamw',
      presenter: true,
      decayPair: 'sgd',
      scheduleIds: ['constant', 'cosineWarmRestarts'],
      scheduleLr: 0.05,
      scheduleEpochs: 40,
      scheduleParams: { step: { gamma: 0.5 }, cosineWarmRestarts: { t0: 5, tMult: 1 } },
      initDepth: 4,
      initWidth: 16,
      initActivation: 'selu',
      initEpochs: 3,
      initStd: 0.2,
      initSchemes: ['normal', 'xavierUniform'],
    };
    const hash = encodeState(state, registry);
    expect(hash).toMatch(/^[A-Za-z0-9.:,;()/=&_-]+$/);
    expect(hash).toContain('f=quadratic(alpha:0.5,kappa:20,rotation:30)');
    expect(hash).toContain('adam(lr:0.02,betas:0.8/0.99,eps:0.000001,amsgrad:true)');
    expect(hash).toContain('tour=adamw&pair=sgd&sched=constant,cosineWarmRestarts&schedLr=0.05&schedEpochs=40'
      + '&schedArgs=step(gamma:0.5);cosineWarmRestarts(t0:5,tMult:1)&initDepth=4&initWidth=16&initEpochs=3&initAct=selu&initStd=0.2&initSchemes=normal,xavierUniform&present=1');
    const { state: back, notice } = decodeState(`#${hash}`, registry);
    expect(notice).toBeNull();
    expect(back).toEqual(state);
    // and again through a browser-style percent-encoding of the fragment
    expect(decodeState(`#${encodeURIComponent(hash)}`, registry).state).toEqual(state);
  });

  it('round-trips per-optimizer schedules (lengths in steps) and passes them to minimize', () => {
    const state = {
      ...defaultState(),
      steps: 300,
      optimizers: [
        { type: 'adam', options: { lr: 0.1 }, schedule: { type: 'cosine', tMax: 200 } },
        { type: 'gd', options: { lr: 0.001 }, schedule: { type: 'step', stepSize: 50, gamma: 0.5 } },
        { type: 'sgd', options: { lr: 0.001 }, schedule: { type: 'cosineWarmRestarts', t0: 20, tMult: 2 } },
        { type: 'rmsprop', options: { lr: 0.01 }, schedule: { type: 'warmupCosine', steps: 10 } },
        { type: 'heavyBall', options: { lr: 0.001 } },
      ],
    };
    const hash = encodeState(state, registry);
    expect(hash).toMatch(/^[A-Za-z0-9.:,;()/=&_-]+$/);
    expect(hash).toContain('adam(lr:0.1).cosine(tMax:200)');
    expect(hash).toContain('gd(lr:0.001).step(stepSize:50,gamma:0.5)');
    expect(hash).toContain('rmsprop(lr:0.01).warmupCosine(steps:10);heavyBall(lr:0.001)');
    const { state: back, notice } = decodeState(`#${hash}`, registry);
    expect(notice).toBeNull();
    expect(back).toEqual(state);
    expect(decodeState(`#${encodeURIComponent(hash)}`, registry).state).toEqual(state);
    expect(toSpec(state.optimizers[0], { steps: 300 })).toEqual({ type: 'adam', lr: 0.1, schedule: { type: 'cosine', tMax: 200 } });
    expect(landscapeScheduleSpec(state.optimizers[3].schedule, 300))
      .toEqual({ type: 'warmup', steps: 10, then: { type: 'cosine', tMax: 290 } });
    expect(landscapeScheduleSpec({ type: 'cosine' }, 300)).toEqual({ type: 'cosine', tMax: 300 });
    expect(toSpec(state.optimizers[4], { steps: 300 })).toEqual({ type: 'heavyBall', lr: 0.001 });
  });

  it('drops options equal to their defaults but keeps lr', () => {
    const state = { ...defaultState(), optimizers: [{ type: 'heavyBall', options: { lr: 0.01, momentum: 0.9 } }] };
    expect(encodeState(state, registry)).toContain('opt=heavyBall(lr:0.01)');
  });

  it('reads the Schedules view\'s keys and names the one that is wrong', () => {
    const { state, notice } = decodeState('#view=schedules&sched=cosine,constant&schedLr=0.2&schedEpochs=30', registry);
    expect(notice).toBeNull();
    expect(state).toEqual({ ...defaultState(), view: 'schedules', scheduleIds: ['cosine', 'constant'], scheduleLr: 0.2, scheduleEpochs: 30 });
    expect(encodeState(defaultState(), registry)).not.toMatch(/sched/); // the defaults are not written
    const why = (hash) => decodeState(hash, registry).notice;
    expect(why('#sched=cosine,linear')).toContain('(sched names an unknown schedule; allowed: constant, step, exponential, cosine, cosineWarmRestarts, warmupCosine)');
    expect(why('#sched=')).toContain('sched names an unknown schedule');
    expect(why('#sched=step,step')).toContain('(sched names a schedule twice)');
    expect(why('#schedLr=-1')).toContain('(schedLr (the base learning rate) must be a number in (0, 10])');
    expect(why('#schedEpochs=1')).toContain('(schedEpochs must be a whole number in 2 to 500)');
  });

  it('reads the Initialisation view\'s keys and names the one that is wrong', () => {
    const { state, notice } = decodeState('#view=init&initDepth=20&initWidth=32&initAct=tanh&initEpochs=0&initStd=0.5&initSchemes=he,normal', registry);
    expect(notice).toBeNull();
    expect(state).toEqual({
      ...defaultState(), view: 'init', initDepth: 20, initWidth: 32, initActivation: 'tanh', initEpochs: 0, initStd: 0.5,
      initSchemes: ['normal', 'he'], // the lecture's order, whatever the link's
    });
    expect(encodeState(state, registry)).toContain('initDepth=20&initWidth=32&initEpochs=0&initAct=tanh&initStd=0.5&initSchemes=normal,he');
    expect(encodeState(defaultState(), registry)).not.toMatch(/init/); // the defaults are not written
    const why = (hash) => decodeState(hash, registry).notice;
    expect(why('#initDepth=31')).toContain('(initDepth (the number of hidden layers) must be a whole number in 1 to 30)');
    expect(why('#initWidth=0')).toContain('(initWidth (the width of each hidden layer) must be a whole number in 1 to 512)');
    expect(why('#initEpochs=2.5')).toContain('(initEpochs (the epochs to train) must be a whole number in 0 to 200)');
    expect(why('#initAct=swish')).toContain('(initAct (the activation) must be one of relu, tanh, sigmoid, leakyRelu, elu, selu, linear)');
    expect(why('#initStd=0')).toContain('(initStd (the s of N(0, s²)) must be a number in 0.000001 to 10)');
    expect(why('#initSchemes=he,lecun')).toContain('(initSchemes names an unknown scheme; allowed: normal, small, xavier, xavierGain, xavierUniform, he)');
    expect(why('#initSchemes=he,he')).toContain('(initSchemes names a scheme twice)');
  });

  it('keeps missing keys at their defaults', () => {
    const { state, notice } = decodeState('#steps=50', registry);
    expect(notice).toBeNull();
    expect(state).toEqual({ ...defaultState(), steps: 50 });
  });

  it('builds module specs, with dim 2 for n-D objectives', () => {
    expect(toSpec({ type: 'adam', options: { lr: 0.1 } })).toEqual({ type: 'adam', lr: 0.1 });
    expect(toSpec({ type: 'rastrigin', options: { A: 5 } }, { objective: true, registry })).toEqual({ type: 'rastrigin', A: 5, dim: 2 });
    expect(toSpec({ type: 'booth', options: {} }, { objective: true, registry })).toEqual({ type: 'booth' });
  });

  it('parses only plain finite numbers of sane size', () => {
    expect(parseNumber('1e-8')).toBe(1e-8);
    expect(parseNumber('-.5')).toBe(-0.5);
    for (const bad of ['NaN', 'Infinity', '0x10', '1e400', '1e7', '', ' 1', '1,0', '1_000']) expect(() => parseNumber(bad)).toThrow();
  });

  it('checks option values against the registry specs', () => {
    const adam = registry.optimizers.find((o) => o.type === 'adam');
    const spec = (name) => adam.options.find((o) => o.name === name);
    expect(checkOption(spec('lr'), 0.1)).toBeNull();
    expect(checkOption(spec('lr'), 0)).toMatch(/out of range/);
    expect(checkOption(spec('betas'), [0.9, 1])).toMatch(/out of range/);
    expect(checkOption(spec('amsgrad'), 'yes')).toMatch(/true or false/);
    expect(checkOption(spec('schedule'), {})).toMatch(/cannot be set/);
  });

  const long = `steps=1&${'x'.repeat(MAX_HASH_LENGTH)}`;
  const hostile = [
    ['unknown key', '#foo=1'],
    ['markup as a key', '#<script>alert(1)</script>=1'],
    ['markup in the objective', '#f=<img src=x onerror=alert(1)>'],
    ['markup in an optimizer', '#opt=adam(lr:<b>1</b>)'],
    ['percent-encoded markup', '#f=%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
    ['broken percent-encoding', '#f=%E0%A4%A'],
    ['unknown objective', '#f=ackley'],
    ['objective hidden on the landscape', '#f=nesterovWorstCase'],
    ['fixed objective option', '#f=quadratic(dim:50)'],
    ['unknown optimizer', '#opt=lion(lr:0.1)'],
    ['unknown option', '#opt=adam(lr:0.1,foo:1)'],
    ['inherited property name as option', '#opt=adam(constructor:1)'],
    ['__proto__ as a type', '#opt=__proto__'],
    ['NaN', '#opt=gd(lr:NaN)'],
    ['Infinity', '#x0=Infinity,0'],
    ['huge number', '#x0=1e300,0'],
    ['negative learning rate', '#opt=gd(lr:-1)'],
    ['momentum out of range', '#opt=heavyBall(lr:0.1,momentum:1)'],
    ['wrong type for a boolean', '#opt=adam(lr:0.1,amsgrad:1)'],
    ['pair with one number', '#opt=adam(lr:0.1,betas:0.9)'],
    ['duplicate option', '#opt=gd(lr:0.1,lr:0.2)'],
    ['duplicate key', '#steps=10&steps=20'],
    ['fractional steps', '#steps=1.5'],
    ['too many steps', '#steps=999999'],
    ['zero steps', '#steps=0'],
    ['start with three numbers', '#x0=1,2,3'],
    ['start with text', '#x0=a,b'],
    ['unknown view', '#view=admin'],
    ['too many optimizers', `#opt=${Array(9).fill('gd').join(';')}`],
    ['no optimizers', '#opt='],
    ['key without a value', '#steps'],
    ['unbalanced parentheses', '#opt=adam(lr:0.1'],
    ['JSON instead of the format', '#{"steps":10}'],
    ['overlong input', `#${long}`],
    ['javascript: URL as a value', '#view=javascript:alert(1)'],
    ['unknown schedule', '#opt=adam(lr:0.1).exponential(gamma:0.9)'],
    ['schedule out of range', '#opt=adam(lr:0.1).cosine(tMax:0)'],
    ['schedule with markup', '#opt=adam(lr:0.1).step(stepSize:<b>1</b>)'],
    ['schedule with an unknown field', '#opt=adam(lr:0.1).cosine(tMax:10,foo:1)'],
    ['unknown schedule for the Schedules view', '#view=schedules&sched=cosine,linear'],
    ['markup in the Schedules view\'s list', '#sched=<b>cosine</b>'],
    ['no schedule for the Schedules view', '#sched='],
    ['a schedule twice', '#sched=cosine,cosine'],
    ['base rate zero', '#schedLr=0'],
    ['base rate too large', '#schedLr=11'],
    ['base rate as text', '#schedLr=fast'],
    ['one epoch of schedules', '#schedEpochs=1'],
    ['too many epochs of schedules', '#schedEpochs=501'],
    ['fractional epochs of schedules', '#schedEpochs=7.5'],
    ['a depth of zero', '#initDepth=0'],
    ['a width past the limit', '#initWidth=100000'],
    ['a negative depth', '#initDepth=-3'],
    ['an unknown activation', '#initAct=<img>'],
    ['markup in the schemes', '#initSchemes=<script>he</script>'],
    ['no scheme', '#initSchemes='],
    ['N(0, s²) with s as text', '#initStd=big'],
    ['N(0, s²) with a huge s', '#initStd=1e300'],
  ];

  it.each(hostile)('%s falls back to the defaults with a notice', (_, hash) => {
    const { state, notice } = decodeState(hash, registry);
    expect(state).toEqual(defaultState());
    expect(typeof notice).toBe('string');
    expect(notice).toMatch(/defaults/);
    expect(notice).not.toMatch(/[<>]/); // never echoes markup
    expect(notice.length).toBeLessThan(300); // short: the reason and what is allowed, never the text
  });
});
