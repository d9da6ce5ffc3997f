// Wrong input from JavaScript: each row is a call and the message it must throw, naming the
// field and what is allowed. After every error the module keeps working, and nothing leaks.
import { describe, expect, it } from 'vitest';
import { loadDescent } from './load-module.js';

const rows = [
  // createOptimizer
  ['unknown type', (d) => d.createOptimizer({ type: 'adamm' }), /unknown type 'adamm'; allowed: 'gd', .*'adam'/],
  ['missing type', (d) => d.createOptimizer({ lr: 0.1 }), /optimizer needs a 'type'; one of 'gd'/],
  ['not an object', (d) => d.createOptimizer('adam'), /optimizer must be an object, got 'adam'/],
  ['unknown option', (d) => d.createOptimizer({ type: 'adam', beta1: 0.9 }), /'adam': unknown option 'beta1'; allowed: 'lr', 'betas'/],
  ['lr zero', (d) => d.createOptimizer({ type: 'sgd', lr: 0 }), /'sgd': option 'lr' must be > 0, got 0/],
  ['lr negative', (d) => d.createOptimizer({ type: 'adam', lr: -1 }), /option 'lr' must be > 0, got -1/],
  ['lr NaN', (d) => d.createOptimizer({ type: 'adam', lr: NaN }), /option 'lr' must be a finite number, got NaN/],
  ['lr string', (d) => d.createOptimizer({ type: 'adam', lr: '0.1' }), /option 'lr' must be a number, got '0.1'/],
  ['betas out of range', (d) => d.createOptimizer({ type: 'adam', betas: [0.9, 1] }), /'betas' must have both entries in \[0, 1\), got \[0.9, 1\]/],
  ['betas shape', (d) => d.createOptimizer({ type: 'adamw', betas: 0.9 }), /'betas' must be an array of two numbers, got 0.9/],
  ['eps zero', (d) => d.createOptimizer({ type: 'adam', eps: 0 }), /option 'eps' must be > 0, got 0/],
  ['negative momentum', (d) => d.createOptimizer({ type: 'sgd', momentum: -0.5 }), /option 'momentum' must be in \[0, 1\), got -0.5/],
  ['negative weight decay', (d) => d.createOptimizer({ type: 'adamw', weightDecay: -1 }), /option 'weightDecay' must be >= 0, got -1/],
  ['negative lr decay', (d) => d.createOptimizer({ type: 'adagrad', lrDecay: -0.1 }), /option 'lrDecay' must be >= 0, got -0.1/],
  ['nesterov, no momentum', (d) => d.createOptimizer({ type: 'sgd', nesterov: true }), /'nesterov' needs 'momentum' > 0 and 'dampening' = 0/],
  ['nesterov with dampening', (d) => d.createOptimizer({ type: 'sgd', momentum: 0.9, dampening: 0.1, nesterov: true }), /got momentum 0.9, dampening 0.1/],
  ['flag as number', (d) => d.createOptimizer({ type: 'adam', amsgrad: 1 }), /option 'amsgrad' must be true or false, got 1/],
  ['function value', (d) => d.createOptimizer({ type: 'adam', lr: () => 1 }), /optimizer.lr contains a function/],
  ['schedule type', (d) => d.createOptimizer({ type: 'sgd', schedule: { type: 'cosin' } }), /schedule: unknown type 'cosin'/],
  ['schedule field', (d) => d.createOptimizer({ type: 'sgd', schedule: { type: 'cosine' } }), /schedule 'cosine': option 'tMax' is required/],
  ['schedule not object', (d) => d.createOptimizer({ type: 'sgd', schedule: 'cosine' }), /option 'schedule' must be an object/],
  // Optimizer.step
  ['params not Float64Array', (d) => withOptimizer(d, (o) => o.step([1, 2], [1, 1])), /params must be a Float64Array/],
  ['grads length', (d) => withOptimizer(d, (o) => o.step(new Float64Array(2), [1])), /grads has length 1 but params has length 2/],
  ['grads NaN', (d) => withOptimizer(d, (o) => o.step(new Float64Array(2), [1, NaN])), /grads\[1\] must be a finite number, got NaN/],
  ['grads string', (d) => withOptimizer(d, (o) => o.step(new Float64Array(2), 'ab')), /grads must be a Float64Array or an array of numbers/],
  ['dimension change', (d) => withOptimizer(d, (o) => { o.step(new Float64Array(2), [1, 1]); o.step(new Float64Array(3), [1, 1, 1]); }), /call reset\(\)/],
  ['newton without Hessian', (d) => withOptimizer(d, (o) => o.step(new Float64Array(2), [1, 1]), { type: 'newton' }), /needs the Hessian/],
  ['newton Hessian size', (d) => withOptimizer(d, (o) => o.step(new Float64Array(2), [1, 1], [1, 0, 0]), { type: 'newton' }), /hessian must hold d\*d = 4 numbers/],
  ['newton singular', (d) => withOptimizer(d, (o) => o.step(new Float64Array(2), [1, 1], [1, 0, 0, 0]), { type: 'newton' }), /singular.*damping/],
  ['diverging step', (d) => withOptimizer(d, (o) => o.step(new Float64Array([1e300]), [1e300]), { type: 'sgd', lr: 1e10 }), /non-finite: the run has diverged/],
  // createObjective
  ['objective type', (d) => d.createObjective({ type: 'rosenbrok' }), /unknown type 'rosenbrok'/],
  ['objective option', (d) => d.createObjective({ type: 'quadratic', alpha: -1 }), /'quadratic': option 'alpha' must be > 0, got -1/],
  ['objective x length', (d) => withObjective(d, (f) => f.value([1, 2, 3])), /x has length 3 but the objective has dimension 2/],
  // minimize
  ['minimize x0 length', (d) => d.minimize({ type: 'rosenbrock' }, { type: 'gd' }, { x0: [1] }), /'x0' has length 1 but the objective has dimension 2/],
  ['minimize x0 NaN', (d) => d.minimize({ type: 'rosenbrock' }, { type: 'gd' }, { x0: [1, NaN] }), /'x0': entry 1 must be a finite number, got NaN/],
  ['minimize x0 Infinity', (d) => d.minimize({ type: 'booth' }, { type: 'gd' }, { x0: new Float64Array([Infinity, 0]) }), /entry 0 must be a finite number, got Infinity/],
  ['minimize steps', (d) => d.minimize({ type: 'booth' }, { type: 'gd' }, { steps: -1 }), /'steps' must be in \[0, 1000000\], got -1/],
  ['minimize steps fraction', (d) => d.minimize({ type: 'booth' }, { type: 'gd' }, { steps: 2.5 }), /'steps' must be a whole number, got 2.5/],
  ['minimize unknown option', (d) => d.minimize({ type: 'booth' }, { type: 'gd' }, { step: 10 }), /minimize options: unknown option 'step'/],
  ['minimize bad optimizer', (d) => d.minimize({ type: 'booth' }, { type: 'adam', lr: 0 }), /'adam': option 'lr' must be > 0/],
  // integrateFlow
  ['flow kind', (d) => d.integrateFlow({ type: 'booth' }, { kind: 'heavy', x0: [0, 0], tEnd: 1 }), /'kind' must be one of 'gradient' or 'nesterov'/],
  ['flow tEnd', (d) => d.integrateFlow({ type: 'booth' }, { kind: 'gradient', x0: [0, 0], tEnd: 0 }), /'tEnd' must be > 0, got 0/],
  ['flow x0 missing', (d) => d.integrateFlow({ type: 'booth' }, { kind: 'gradient', tEnd: 1 }), /'x0' is required/],
  // momentumRateMap
  ['rate map alpha', (d) => d.momentumRateMap({ alpha: 0, beta: 10 }), /momentumRateMap: option 'alpha' must be > 0, got 0/],
  ['rate map beta missing', (d) => d.momentumRateMap({ alpha: 1 }), /momentumRateMap: option 'beta' is required/],
  ['rate map beta < alpha', (d) => d.momentumRateMap({ alpha: 2, beta: 1 }), /option 'beta' must be >= option 'alpha' \(2\), got 1/],
  ['rate map resolution', (d) => d.momentumRateMap({ alpha: 1, beta: 2, resolution: 1000 }), /option 'resolution' must be in \[2, 400\], got 1000/],
  ['rate map eta range', (d) => d.momentumRateMap({ alpha: 1, beta: 2, etaMin: 0.5, etaMax: 0.1 }), /option 'etaMin' \(0.5\) must be below 'etaMax' \(0.1\)/],
  ['rate map momentum 1', (d) => d.momentumRateMap({ alpha: 1, beta: 2, muMax: 1 }), /option 'muMax' must be in \[0, 1\), got 1/],
  ['rate map momentum alone', (d) => d.momentumRateMap({ alpha: 1, beta: 2, momentum: 0.5 }), /option 'momentum' needs option 'lr'/],
  ['rate map not object', (d) => d.momentumRateMap(3), /momentumRateMap's argument must be an object, got 3/],
  // scheduleLrs, calculateGain
  ['schedule baseLr', (d) => d.scheduleLrs({ type: 'constant' }, -1, 3), /baseLr must be > 0, got -1/],
  ['schedule epochs', (d) => d.scheduleLrs({ type: 'constant' }, 0.1, 'ten'), /epochs must be a number, got string/],
  ['schedule tMult', (d) => d.scheduleLrs({ type: 'cosineWarmRestarts', t0: 5, tMult: 0 }, 0.1, 3), /'tMult' must be in \[1, 1000\], got 0/],
  ['gain name', (d) => d.calculateGain('swish'), /unsupported nonlinearity 'swish'/],
];

function withOptimizer(d, body, spec = { type: 'adam' }) {
  const o = d.createOptimizer(spec);
  try {
    return body(o);
  } finally {
    o.delete();
  }
}

function withObjective(d, body) {
  const f = d.createObjective({ type: 'rosenbrock' });
  try {
    return body(f);
  } finally {
    f.delete();
  }
}

describe('bad input throws an Error naming the field', async () => {
  const d = await loadDescent();

  it.each(rows)('%s', (_name, call, message) => {
    let thrown;
    try {
      call(d);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown.message).toMatch(message);
    // The module is still fine: a valid call right after gives the right answer.
    expect(d.calculateGain('tanh')).toBeCloseTo(5 / 3, 15);
  });

  it('a diverging step leaves params unchanged', () => {
    const o = d.createOptimizer({ type: 'sgd', lr: 1e10 });
    const params = new Float64Array([1e300]);
    expect(() => o.step(params, [1e300])).toThrow();
    expect(params[0]).toBe(1e300);
    o.delete();
  });

  it('heapBytesInUse sees a live optimizer', () => {
    const before = d.heapBytesInUse();
    const o = d.createOptimizer({ type: 'adam' });
    o.step(new Float64Array(10000), new Float64Array(10000));
    expect(d.heapBytesInUse() - before).toBeGreaterThan(3 * 8 * 10000); // m, v and a workspace
    o.delete();
    expect(d.heapBytesInUse()).toBe(before);
  });

  it('errors and create/delete cycles leave the heap where it was', () => {
    const cycle = () => {
      for (const [, call] of rows) {
        try {
          call(d);
        } catch {
          // expected
        }
      }
      const o = d.createOptimizer({ type: 'adam', schedule: { type: 'cosine', tMax: 10 } });
      o.step(new Float64Array(100), new Float64Array(100).fill(1));
      o.delete();
      d.minimize({ type: 'rosenbrock' }, { type: 'adam' }, { steps: 50, recordState: true });
    };
    cycle(); // warm-up: first-use allocations (registries, caches) are not leaks
    const before = d.heapBytesInUse();
    for (let i = 0; i < 200; i++) cycle();
    expect(d.heapBytesInUse()).toBe(before);
  });
});
