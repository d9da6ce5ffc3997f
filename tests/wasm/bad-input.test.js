// Bad input, catalogued (issue 7): one row per wrong input at every entry point of the module,
// [entry point, call, the message it must throw]. Each message names the field and what is
// allowed. After each error a valid call of the same entry point gives the right answer, and a
// second pass over the whole table leaves the heap where the first left it.
// tests/wasm/errors.test.js holds the first rows of this kind; they are not repeated here.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDescent } from './load-module.js';

// Small, fast valid inputs the rows vary one field of.
const SPIRAL = { type: 'spiral', n: 60 };
const experiment = (over = {}) => ({ dataset: SPIRAL, network: { hidden: [4] }, optimizers: [{ type: 'sgd', lr: 0.1 }], ...over });
const withNetwork = (net) => experiment({ network: { hidden: [4], ...net } });
const withDataset = (dataset) => experiment({ dataset });
const csv = (text, more = {}) => withDataset({ type: 'csv', text, ...more });
const GRID = { xMin: 0, xMax: 1, yMin: 0, yMax: 1 };
const NET = { inputs: 2, outputs: 3, hidden: [4] };

/** Runs body on a fresh object of the given kind, deleting it whatever happens. */
function using(object, body) {
  try {
    return body(object);
  } finally {
    object.delete();
  }
}
const opt = (d, spec, body) => using(d.createOptimizer(spec), body);
const obj = (d, body, spec = { type: 'quadratic' }) => using(d.createObjective(spec), body);
const exp = (d, body) => using(d.createExperiment(experiment()), body);
const net = (d, body) => using(d.createNetwork(NET), body);

const rows = [
  // createOptimizer: types, every option kind, schedules
  ['createOptimizer', (d) => d.createOptimizer({ type: 42 }), /optimizer: 'type' must be a string, one of 'gd', .*'adadelta'; got 42/],
  ['createOptimizer', (d) => d.createOptimizer(null), /optimizer must be an object, got null/],
  ['createOptimizer', (d) => d.createOptimizer({ type: 'sgd', lr: Infinity }), /'sgd': option 'lr' must be a finite number, got Infinity/],
  ['createOptimizer', (d) => d.createOptimizer({ type: 'heavyBall', momentum: 1 }), /'heavyBall': option 'momentum' must be in \[0, 1\), got 1/],
  ['createOptimizer', (d) => d.createOptimizer({ type: 'rmsprop', alpha: 1.5 }), /'rmsprop': option 'alpha' must be in \[0, 1\], got 1.5/],
  ['createOptimizer', (d) => d.createOptimizer({ type: 'adadelta', rho: 2 }), /'adadelta': option 'rho' must be in \[0, 1\], got 2/],
  ['createOptimizer', (d) => d.createOptimizer({ type: 'newton', damping: -1 }), /'newton': option 'damping' must be >= 0, got -1/],
  ['createOptimizer', (d) => d.createOptimizer({ type: 'nadam', momentumDecay: -1 }), /'nadam': option 'momentumDecay' must be >= 0, got -1/],
  ['createOptimizer', (d) => d.createOptimizer({ type: 'adam', betas: [0.9, 0.99, 0.9] }), /'betas' must be an array of two numbers, got an array of length 3/],
  ['createOptimizer', (d) => d.createOptimizer({ type: 'adam', betas: [NaN, 0.99] }), /'betas' must have both entries in \[0, 1\), got \[NaN, 0.99\]/],
  ['createOptimizer', (d) => d.createOptimizer({ type: 'sgd', dampening: 2 }), /'sgd': option 'dampening' must be in \[0, 1\], got 2/],
  ['createOptimizer', (d) => d.createOptimizer({ type: 'adagrad', initialAccumulatorValue: -1 }), /option 'initialAccumulatorValue' must be >= 0, got -1/],
  ['createOptimizer', (d) => d.createOptimizer({ type: 'sgd', schedule: { type: 'step', stepSize: 0 } }), /schedule 'step': option 'stepSize' must be in \[1, 1000000000\], got 0/],
  ['createOptimizer', (d) => d.createOptimizer({ type: 'sgd', schedule: { type: 'exponential', gamma: -1 } }), /schedule 'exponential': option 'gamma' must be > 0, got -1/],
  ['createOptimizer', (d) => d.createOptimizer({ type: 'sgd', schedule: { type: 'warmup', steps: 5, then: { type: 'nope' } } }), /schedule: unknown type 'nope'; allowed: 'constant', .*'warmup'/],
  ['createOptimizer', (d) => d.createOptimizer({ type: 'sgd', schedule: { type: 'linear', startFactor: 0 } }), /schedule 'linear': option 'startFactor' must be in \(0, 1\], got 0/],
  // optimizer.step: sizes, non-finite numbers, limits
  ['optimizer.step', (d) => opt(d, { type: 'sgd' }, (o) => o.step(new Float64Array([NaN, 1]), [1, 1])), /params\[0\] must be a finite number, got NaN/],
  ['optimizer.step', (d) => opt(d, { type: 'sgd' }, (o) => o.step(new Float64Array(2), [1, -Infinity])), /grads\[1\] must be a finite number, got -Infinity/],
  ['optimizer.step', (d) => opt(d, { type: 'sgd' }, (o) => o.step(new Float64Array(0), [])), /optimizer 'sgd': params is empty/],
  ['optimizer.step', (d) => opt(d, { type: 'sgd' }, (o) => o.step(new Float64Array(2))), /grads must be a Float64Array or an array of numbers, got undefined/],
  ['optimizer.step', (d) => opt(d, { type: 'newton' }, (o) => o.step(new Float64Array(2), [1, 1], [1, 0, 0, NaN])), /hessian\[3\] must be a finite number, got NaN/],
  ['optimizer.step', (d) => opt(d, { type: 'adagradFull' }, (o) => o.step(new Float64Array(5000), new Float64Array(5000))), /'adagradFull' keeps a d x d matrix and is limited to d <= 2000 parameters; this problem has d = 5000/],
  // createObjective
  ['createObjective', (d) => d.createObjective('rosenbrock'), /objective must be an object, got 'rosenbrock'/],
  ['createObjective', (d) => d.createObjective({}), /objective needs a 'type'; one of 'quadratic', 'rosenbrock', .*'nesterovWorstCase'/],
  ['createObjective', (d) => d.createObjective({ type: 'booth', a: 1 }), /objective 'booth': unknown option 'a'; allowed: none/],
  ['createObjective', (d) => d.createObjective({ type: 'rastrigin', dim: 0 }), /'rastrigin': option 'dim' must be in \[1, 10000\], got 0/],
  ['createObjective', (d) => d.createObjective({ type: 'rastrigin', dim: 2.5 }), /'rastrigin': option 'dim' must be a whole number, got 2.5/],
  ['createObjective', (d) => d.createObjective({ type: 'quadratic', kappa: 0.5 }), /'quadratic': option 'kappa' must be >= 1, got 0.5/],
  ['createObjective', (d) => d.createObjective({ type: 'quadratic', eigenvalues: [1, -1] }), /option 'eigenvalues': entry 1 must be > 0, got -1/],
  ['createObjective', (d) => d.createObjective({ type: 'quadratic', eigenvalues: [] }), /option 'eigenvalues' must have at least one entry/],
  ['createObjective', (d) => d.createObjective({ type: 'quadratic', eigenvalues: [1, 2], kappa: 3 }), /options 'eigenvalues' and 'kappa' cannot both be given/],
  ['createObjective', (d) => d.createObjective({ type: 'quadratic', alpha: 5, beta: 1 }), /option 'beta' must be >= option 'alpha' \(5\), got 1/],
  ['createObjective', (d) => d.createObjective({ type: 'rosenbrock', b: NaN }), /'rosenbrock': option 'b' must be a finite number, got NaN/],
  ['createObjective', (d) => d.createObjective({ type: 'nesterovWorstCase', L: 0 }), /'nesterovWorstCase': option 'L' must be > 0, got 0/],
  // objective methods
  ['objective methods', (d) => obj(d, (f) => f.value([1, NaN])), /x\[1\] must be a finite number, got NaN/],
  ['objective methods', (d) => obj(d, (f) => f.value('ab')), /x must be a Float64Array or an array of numbers, got string/],
  ['objective methods', (d) => obj(d, (f) => f.gradient([1])), /'quadratic': x has length 1 but the objective has dimension 2/],
  ['objective methods', (d) => obj(d, (f) => f.hessian([1, 2, 3])), /'quadratic': x has length 3 but the objective has dimension 2/],
  ['objective methods', (d) => obj(d, (f) => f.valuesOnGrid({ ...GRID, nx: 1 })), /valuesOnGrid: option 'nx' must be in \[2, 2000\], got 1/],
  ['objective methods', (d) => obj(d, (f) => f.valuesOnGrid({ ...GRID, xMin: 1, xMax: 0 })), /valuesOnGrid: needs xMax > xMin and yMax > yMin/],
  ['objective methods', (d) => obj(d, (f) => f.valuesOnGrid(GRID), { type: 'rastrigin', dim: 3 }), /'rastrigin': valuesOnGrid needs a 2-D objective/],
  // minimize
  ['minimize', (d) => d.minimize({ type: 'nope' }, { type: 'gd' }), /objective: unknown type 'nope'; allowed: 'quadratic'/],
  ['minimize', (d) => d.minimize({ type: 'booth' }, 'gd'), /optimizer must be an object, got 'gd'/],
  ['minimize', (d) => d.minimize({ type: 'booth' }, { type: 'gd' }, { gradTol: -1 }), /minimize options: option 'gradTol' must be >= 0, got -1/],
  ['minimize', (d) => d.minimize({ type: 'booth' }, { type: 'gd' }, { divergenceFactor: 0 }), /option 'divergenceFactor' must be > 1, got 0/],
  ['minimize', (d) => d.minimize({ type: 'booth' }, { type: 'gd' }, { recordTrajectory: 'yes' }), /option 'recordTrajectory' must be true or false, got 'yes'/],
  ['minimize', (d) => d.minimize({ type: 'booth' }, { type: 'gd' }, { steps: 1e7 }), /option 'steps' must be in \[0, 1000000\], got 10000000/],
  ['minimize', (d) => d.minimize({ type: 'booth' }, { type: 'gd' }, 5), /minimize options must be an object, got 5/],
  ['minimize', (d) => d.minimize({ type: 'quadratic', dim: 10000 }, { type: 'newton' }, { steps: 1, recordTrajectory: false }),
    /optimizer 'newton' keeps a d x d matrix and is limited to d <= 2000 parameters; this problem has d = 10000/],
  // integrateFlow
  ['integrateFlow', (d) => d.integrateFlow({ type: 'booth' }, { kind: 'gradient', x0: [0, 0], tEnd: 1, points: 1 }), /option 'points' must be in \[2, 100000\], got 1/],
  ['integrateFlow', (d) => d.integrateFlow({ type: 'booth' }, { kind: 'gradient', x0: [0, 0], tEnd: 1, rtol: 0 }), /option 'rtol' must be > 0, got 0/],
  ['integrateFlow', (d) => d.integrateFlow({ type: 'booth' }, { kind: 'gradient', x0: [0], tEnd: 1 }), /option 'x0' must have length 2 \(the objective's dimension\), got 1/],
  ['integrateFlow', (d) => d.integrateFlow({ type: 'booth' }, { kind: 'gradient', x0: [0, 0], tEnd: NaN }), /option 'tEnd' must be a finite number, got NaN/],
  ['integrateFlow', (d) => d.integrateFlow({ type: 'booth' }, { x0: [0, 0], tEnd: 1 }), /option 'kind' is required \('gradient' for .*'nesterov' for/],
  ['integrateFlow', (d) => d.integrateFlow({ type: 'booth' }, { kind: 'gradient', x0: [0, 0], tEnd: 1, steps: 3 }), /unknown option 'steps'; allowed: 'kind', 'x0', 'tEnd', 'points', 'rtol' or 'atol'/],
  ['integrateFlow', (d) => d.integrateFlow({ type: 'booth' }), /integrateFlow options must be an object, got undefined/],
  // scheduleLrs
  ['scheduleLrs', (d) => d.scheduleLrs('cosine', 0.1, 3), /schedule must be an object, got 'cosine'/],
  ['scheduleLrs', (d) => d.scheduleLrs({ type: 'constant' }, 0.1, 1e9), /scheduleLrs: epochs must be in \[0, 10000000\], got 1000000000/],
  ['scheduleLrs', (d) => d.scheduleLrs({ type: 'constant' }, 0.1, 2.5), /scheduleLrs: epochs must be a whole number, got 2.5/],
  ['scheduleLrs', (d) => d.scheduleLrs({ type: 'constant' }, NaN, 3), /scheduleLrs: baseLr must be > 0, got NaN/],
  ['scheduleLrs', (d) => d.scheduleLrs({ type: 'cosine', tMax: 0 }, 0.1, 3), /schedule 'cosine': option 'tMax' must be in \[1, 1000000000\], got 0/],
  ['scheduleLrs', (d) => d.scheduleLrs({ type: 'cosine', tMax: 3, eta: 1 }, 0.1, 3), /schedule 'cosine': unknown option 'eta'; allowed: 'tMax' or 'etaMin'/],
  ['scheduleLrs', (d) => d.scheduleLrs({ type: 'cosine', tMax: 3, etaMin: -1 }, 0.1, 3), /schedule 'cosine': option 'etaMin' must be >= 0, got -1/],
  // calculateGain, initScale, momentumRateMap
  ['calculateGain', (d) => d.calculateGain('leaky_relu', NaN), /calculateGain: the leaky ReLU slope must be a finite number, got NaN/],
  ['calculateGain', (d) => d.calculateGain(5), /calculateGain: nonlinearity must be a string such as 'relu', got number/],
  ['calculateGain', (d) => d.calculateGain('leaky_relu', 'a'), /calculateGain: param must be a number, got string/],
  ['initScale', (d) => d.initScale({ type: 'glorot', fanIn: 1, fanOut: 1 }), /init: unknown type 'glorot'; allowed: 'xavierNormal', 'xavierUniform', 'kaimingNormal' or 'kaimingUniform'/],
  ['initScale', (d) => d.initScale({ type: 'xavierNormal', fanIn: 0, fanOut: 1 }), /init 'xavierNormal': option 'fanIn' must be >= 1, got 0/],
  ['initScale', (d) => d.initScale({ type: 'kaimingNormal', fanOut: 1 }), /init 'kaimingNormal': option 'fanIn' is required \(inputs per unit/],
  ['initScale', (d) => d.initScale({ type: 'kaimingNormal', fanIn: 1, fanOut: 1, mode: 'in' }), /option 'mode' must be one of 'fanIn' or 'fanOut', got 'in'/],
  ['initScale', (d) => d.initScale({ type: 'kaimingNormal', fanIn: 1, fanOut: 1, nonlinearity: 'conv1d' }), /option 'nonlinearity' must be one of 'linear', .*'selu', got 'conv1d'/],
  ['initScale', (d) => d.initScale({ type: 'xavierNormal', fanIn: 1, fanOut: 1, gain: -1 }), /init 'xavierNormal': option 'gain' must be >= 0, got -1/],
  ['initScale', (d) => d.initScale('xavierNormal'), /init must be an object, got 'xavierNormal'/],
  ['momentumRateMap', (d) => d.momentumRateMap({ alpha: 1, beta: 2, lr: -1 }), /momentumRateMap: option 'lr' must be > 0, got -1/],
  ['momentumRateMap', (d) => d.momentumRateMap({ alpha: 1, beta: 2, gamma: 1 }), /momentumRateMap: unknown option 'gamma'; allowed: 'alpha', 'beta', .*'momentum'/],
  ['momentumRateMap', (d) => d.momentumRateMap({ alpha: 1, beta: 2, resolution: 2.5 }), /option 'resolution' must be a whole number, got 2.5/],
  ['momentumRateMap', (d) => d.momentumRateMap({ alpha: NaN, beta: 2 }), /option 'alpha' must be a finite number, got NaN/],
  // createExperiment: the spec, the data set, the network, the optimizers, batch, seed, precision
  ['createExperiment', (d) => d.createExperiment(3), /createExperiment must be an object, got 3/],
  ['createExperiment', (d) => d.createExperiment({ network: { hidden: [4] }, optimizers: [{ type: 'sgd' }] }), /option 'dataset' is required \(the data set, e\.g\. \{type: 'spiral'/],
  ['createExperiment', (d) => d.createExperiment(withDataset({ type: 'mnist' })), /dataset: unknown type 'mnist'; allowed: 'spiral', .*'csv'/],
  ['createExperiment', (d) => d.createExperiment(withDataset({ type: 'spiral', n: 1 })), /dataset 'spiral': option 'n' must be in \[10, 100000\], got 1/],
  ['createExperiment', (d) => d.createExperiment(withDataset({ type: 'spiral', classes: 1 })), /dataset 'spiral': option 'classes' must be in \[2, 10\], got 1/],
  ['createExperiment', (d) => d.createExperiment(withDataset({ type: 'spiral', noise: -1 })), /dataset 'spiral': option 'noise' must be in \[0, 1\], got -1/],
  ['createExperiment', (d) => d.createExperiment(withDataset({ type: 'spiral', testFraction: 1 })), /option 'testFraction' must be in \[0, 0.9\], got 1/],
  ['createExperiment', (d) => d.createExperiment(withDataset({ type: 'spiral', size: 3 })), /dataset 'spiral': unknown option 'size'; allowed: 'n', 'classes', 'noise' or 'testFraction'/],
  ['createExperiment', (d) => d.createExperiment(withDataset({ type: 'circles', factor: 2 })), /dataset 'circles': option 'factor' must be in \(0, 1\), got 2/],
  ['createExperiment', (d) => d.createExperiment(withDataset({ type: 'iris', n: 3 })), /dataset 'iris': unknown option 'n'; allowed: 'testFraction'/],
  ['createExperiment', (d) => d.createExperiment({ dataset: SPIRAL, optimizers: [{ type: 'sgd' }] }), /option 'network' is required \(hidden layers, activation, init and loss\)/],
  ['createExperiment', (d) => d.createExperiment(withNetwork({ hidden: [0] })), /network: option 'hidden' entry 0 must be >= 1, got 0/],
  ['createExperiment', (d) => d.createExperiment(withNetwork({ hidden: [2.5] })), /option 'hidden' entry 0 must be a whole number, got 2.5/],
  ['createExperiment', (d) => d.createExperiment(withNetwork({ hidden: [1e6] })), /option 'hidden' entry 0 must be <= 4096, got 1000000/],
  ['createExperiment', (d) => d.createExperiment(withNetwork({ hidden: 8 })), /option 'hidden' must be an array of layer widths, got 8/],
  ['createExperiment', (d) => d.createExperiment(withNetwork({ activation: 'swish' })), /option 'activation' must be one of 'relu', .*'selu', got 'swish'/],
  ['createExperiment', (d) => d.createExperiment(withNetwork({ hidden: [4, 4], activation: ['relu'] })), /one activation per hidden layer: 2 for hidden of length 2, got 1/],
  ['createExperiment', (d) => d.createExperiment(withNetwork({ loss: 'hinge' })), /option 'loss' must be one of 'crossEntropy', 'binaryCrossEntropy' or 'mse', got 'hinge'/],
  ['createExperiment', (d) => d.createExperiment(withNetwork({ loss: 'binaryCrossEntropy' })), /'binaryCrossEntropy' needs exactly 2 classes; .* 3 classes: use 'crossEntropy'/],
  ['createExperiment', (d) => d.createExperiment({ ...withDataset({ type: 'sine' }), network: { hidden: [4], loss: 'crossEntropy' } }), /'crossEntropy' needs a classification task; this is a regression task: use 'mse'/],
  ['createExperiment', (d) => d.createExperiment(withNetwork({ init: { type: 'glorot' } })), /init: unknown type 'glorot'; allowed: 'torchDefault', .*'kaimingUniform'/],
  ['createExperiment', (d) => d.createExperiment(withNetwork({ init: { type: 'normal', std: -1 } })), /init 'normal': option 'std' must be >= 0, got -1/],
  ['createExperiment', (d) => d.createExperiment(withNetwork({ init: { type: 'xavierNormal', gain: 'big' } })), /option 'gain' must be a number >= 0 or 'auto', got 'big'/],
  ['createExperiment', (d) => d.createExperiment(withNetwork({ init: { type: 'xavierNormal', bias: { type: 'ones' } } })), /option 'bias': unknown type 'ones'; allowed: 'zeros', /],
  ['createExperiment', (d) => d.createExperiment(withNetwork({ leakySlope: -1 })), /network: option 'leakySlope' must be in \[0, 1\], got -1/],
  ['createExperiment', (d) => d.createExperiment(withNetwork({ layers: 3 })), /network: unknown option 'layers'; allowed: 'hidden', 'activation', 'leakySlope', 'loss' or 'init'/],
  ['createExperiment', (d) => d.createExperiment(experiment({ optimizers: [] })), /'optimizers' must be a non-empty array of optimizer specs/],
  ['createExperiment', (d) => d.createExperiment(experiment({ optimizers: Array(13).fill({ type: 'sgd' }) })), /createExperiment: at most 12 optimizers, got 13/],
  ['createExperiment', (d) => d.createExperiment(experiment({ optimizers: [{ type: 'sgd' }, { type: 'adam', lr: 0 }] })), /optimizers\[1\]: optimizer 'adam': option 'lr' must be > 0, got 0/],
  ['createExperiment', (d) => d.createExperiment(experiment({ network: { hidden: [64, 64] }, optimizers: [{ type: 'newton' }] })), /optimizers\[0\]: 'newton' .* at most 500 parameters; this network has 4547/],
  ['createExperiment', (d) => d.createExperiment(experiment({ batchSize: 0 })), /option 'batchSize' must be >= 1, got 0/],
  ['createExperiment', (d) => d.createExperiment(experiment({ batchSize: 1000 })), /option 'batchSize' is 1000, larger than the training set \(48 examples\)/],
  ['createExperiment', (d) => d.createExperiment(experiment({ seed: 1.5 })), /option 'seed' must be a whole number, got 1.5/],
  ['createExperiment', (d) => d.createExperiment(experiment({ seed: '7' })), /option 'seed' must be an integer, got '7'/],
  ['createExperiment', (d) => d.createExperiment(experiment({ precision: 'float16' })), /option 'precision' must be one of 'float32' or 'float64', got 'float16'/],
  ['createExperiment', (d) => d.createExperiment(experiment({ l2: -1 })), /createExperiment: option 'l2' must be >= 0, got -1/],
  ['createExperiment', (d) => d.createExperiment(experiment({ evaluateEvery: 0 })), /option 'evaluateEvery' must be in \[1, 1000000\], got 0/],
  ['createExperiment', (d) => d.createExperiment(experiment({ epochs: 3 })), /unknown option 'epochs'; allowed: 'dataset', 'network', 'batchSize', .*'fullGradNorm'/],
  ['createExperiment', (d) => d.createExperiment(experiment({ recordLayerStats: 1 })), /option 'recordLayerStats' must be true or false, got 1/],
  // CSV text through createExperiment({dataset: {type: 'csv', text}})
  ['CSV import', (d) => d.createExperiment(withDataset({ type: 'csv' })), /dataset 'csv': option 'text' is required \(the CSV text: feature columns, then the label or target\)/],
  ['CSV import', (d) => d.createExperiment(csv(5)), /dataset 'csv': option 'text' must be a string, got 5/],
  ['CSV import', (d) => d.createExperiment(csv('')), /csv: needs at least 2 data rows; the text has no rows/],
  ['CSV import', (d) => d.createExperiment(csv('1,2,0\n')), /csv: needs at least 2 data rows; got 1/],
  ['CSV import', (d) => d.createExperiment(csv('a,b,label\n')), /needs at least 2 data rows; got 0 \(line 1 was read as a header\)/],
  ['CSV import', (d) => d.createExperiment(csv('1\n2\n3\n4\n')), /needs at least 2 columns \(features, then the label\); line 1 has 1/],
  ['CSV import', (d) => d.createExperiment(csv('1,2,0\n3,1\n5,6,1\n')), /csv: line 2 has 2 columns but line 1 has 3/],
  ['CSV import', (d) => d.createExperiment(csv('1,2,0\n3,x,1\n5,6,1\n')), /csv: line 2, column 2: 'x' is not a number/],
  ['CSV import', (d) => d.createExperiment(csv('1,2,0\n3,NaN,1\n5,6,1\n')), /csv: line 2, column 2: 'NaN' is not a number/],
  ['CSV import', (d) => d.createExperiment(csv('1,2,0\n1e400,4,1\n')), /csv: line 2, column 1: '1e400' is too large for a number/],
  ['CSV import', (d) => d.createExperiment(csv('1,2,0\n3,4,1.5\n')), /labels must be whole numbers >= 0; line 2 has 1.5 \(for a numeric target, use task 'regression'\)/],
  ['CSV import', (d) => d.createExperiment(csv('1,2,0\n3,4,0\n')), /classification needs at least 2 classes; every label is 0/],
  ['CSV import', (d) => d.createExperiment(csv('1,2,0\n3,4,2\n5,6,0\n')), /classes are numbered 0..2 .* but class 1 never appears; every class needs at least one row/],
  ['CSV import', (d) => d.createExperiment(csv('1,2,0\n3,4,1\n', { header: 'yes' })), /dataset 'csv': option 'header' must be one of 'auto', 'true' or 'false', got 'yes'/],
  ['CSV import', (d) => d.createExperiment(csv('1,2,0\n3,4,1\n', { task: 'ranking' })), /option 'task' must be one of 'classification' or 'regression', got 'ranking'/],
  ['CSV import', (d) => d.createExperiment(csv('1,2,0\n3,4,1\n', { sep: ';' })), /dataset 'csv': unknown option 'sep'; allowed: 'header', 'task', 'testFraction' or 'text'/],
  // experiment methods
  ['experiment methods', (d) => exp(d, (e) => e.run({})), /run: give exactly one of 'epochs' or 'steps', e\.g\. \{epochs: 10\}/],
  ['experiment methods', (d) => exp(d, (e) => e.run({ epochs: 1, steps: 1 })), /run: give exactly one of 'epochs' or 'steps'/],
  ['experiment methods', (d) => exp(d, (e) => e.run({ epochs: -1 })), /run: option 'epochs' must be in \[1, 10000\], got -1/],
  ['experiment methods', (d) => exp(d, (e) => e.run({ steps: 1.5 })), /run: option 'steps' must be a whole number, got 1.5/],
  ['experiment methods', (d) => exp(d, (e) => e.run({ steps: 1e12 })), /run: option 'steps' must be in \[1, 10000000\], got 1e\+12/],
  ['experiment methods', (d) => exp(d, (e) => e.run({ epoch: 1 })), /run: unknown option 'epoch'; allowed: 'epochs' or 'steps'/],
  ['experiment methods', (d) => exp(d, (e) => e.history({ from: -1 })), /history: 'from' must be a whole number >= 0 or an array of 1 of them \(one per optimizer\)/],
  ['experiment methods', (d) => exp(d, (e) => e.history({ from: [0, 0] })), /history: 'from' has 2 entries; give one per optimizer \(1\)/],
  ['experiment methods', (d) => exp(d, (e) => e.history({ stepsFrom: 1.5 })), /history: 'stepsFrom' must be a whole number >= 0/],
  ['experiment methods', (d) => exp(d, (e) => e.history({ to: 3 })), /history: unknown option 'to'; allowed: 'from' or 'stepsFrom'/],
  ['experiment methods', (d) => exp(d, (e) => e.history(5)), /history: the options must be an object like \{from, stepsFrom\}/],
  ['experiment methods', (d) => exp(d, (e) => e.predictGrid(5, GRID)), /predictGrid: the optimizer index must be a whole number from 0 to 0/],
  ['experiment methods', (d) => exp(d, (e) => e.predictGrid(0, { ...GRID, resolution: 1 })), /predictGrid: option 'resolution' must be in \[2, 400\], got 1/],
  ['experiment methods', (d) => exp(d, (e) => e.predictGrid(0, { ...GRID, xMin: 1, xMax: 0 })), /predictGrid: needs xMax > xMin and yMax > yMin/],
  ['experiment methods', (d) => exp(d, (e) => e.predictGrid(0, { xMin: 0, xMax: 1 })), /^predictGrid: option 'yMin' is required$/],
  ['experiment methods', (d) => exp(d, (e) => e.predictGrid(0, { ...GRID, xMin: NaN })), /predictGrid: option 'xMin' must be a finite number, got NaN/],
  ['experiment methods', (d) => exp(d, (e) => e.layerHistograms(0, 1)), /layerHistograms: bins must be a whole number in 2 to 200/],
  ['experiment methods', (d) => exp(d, (e) => e.layerHistograms(0, 2.5)), /layerHistograms: bins must be a whole number in 2 to 200/],
  ['experiment methods', (d) => exp(d, (e) => e.layerHistograms(3)), /layerHistograms: the optimizer index must be a whole number from 0 to 0/],
  ['experiment methods', (d) => exp(d, (e) => e.predictions(0, 'validation')), /predictions: the split must be 'train' or 'test'/],
  ['experiment methods', (d) => exp(d, (e) => e.predictions('0')), /predictions: the optimizer index must be a whole number from 0 to 0/],
  ['experiment methods', (d) => exp(d, (e) => e.weights(1.5)), /weights: the optimizer index must be a whole number from 0 to 0/],
  ['experiment methods', (d) => exp(d, (e) => e.optimizerState(-1)), /optimizerState: the optimizer index must be a whole number from 0 to 0/],
  // createNetwork and its methods
  ['createNetwork', (d) => d.createNetwork({ ...NET, inputs: 0 }), /network: option 'inputs' must be in \[1, 100000\], got 0/],
  ['createNetwork', (d) => d.createNetwork({ outputs: 3, hidden: [4] }), /network: option 'inputs' is required \(features per example\)/],
  ['createNetwork', (d) => d.createNetwork({ ...NET, dropout: 0.5 }), /network: unknown option 'dropout'; allowed: 'inputs', 'outputs', 'precision', 'hidden', 'activation', 'leakySlope', 'loss' or 'init'/],
  ['createNetwork', (d) => d.createNetwork({ ...NET, precision: 'half' }), /network: option 'precision' must be one of 'float32' or 'float64', got 'half'/],
  ['network methods', (d) => net(d, (n) => n.lossAndGradient([1, 2], [[0, 0]], [0])), /network: params has length 2 but the network has 27 parameters/],
  ['network methods', (d) => net(d, (n) => n.lossAndGradient(new Float64Array(27), [[0, 0, 0]], [0])), /x\[0\] has 3 numbers, expected 2/],
  ['network methods', (d) => net(d, (n) => n.lossAndGradient(new Float64Array(27), [[0, 0]], [0, 1])), /labels has 2 entries for a batch of 1/],
  ['network methods', (d) => net(d, (n) => n.lossAndGradient(new Float64Array(27), [[0, 0]], [3])), /the label of example 0 must be a class in \[0, 2\], got 3/],
  ['network methods', (d) => net(d, (n) => n.lossAndGradient(new Float64Array(27), [[0, 0]], [0.5])), /labels\[0\] must be a whole number >= 0, got 0.5/],
  ['network methods', (d) => net(d, (n) => n.lossAndGradient(new Float64Array(27), [[NaN, 0]], [0])), /x\[0\]\[0\] must be a finite number, got NaN/],
  ['network methods', (d) => net(d, (n) => n.lossAndGradient(new Float64Array(27), [], [])), /network: the batch is empty/],
  ['network methods', (d) => net(d, (n) => n.initialParameters(-1)), /initialParameters: seed must be a whole number >= 0/],
  // provideDataset
  ['provideDataset', (d) => d.provideDataset('iris', new Uint8Array(3)), /data set 'iris' is part of the module and takes no data; data sets that take their data: 'digits'/],
  ['provideDataset', (d) => d.provideDataset('digits', new Uint8Array(3)), /dataset 'digits': the data has 3 bytes, expected 116805/],
  ['provideDataset', (d) => d.provideDataset('digits', 'abc'), /provideDataset: the data must be a Uint8Array, got String/],
];

// For each entry point, a valid call and its known answer: the module still works after the error.
const close = (actual, expected, digits = 12) => expected.forEach((x, i) => expect(actual[i]).toBeCloseTo(x, digits));
const checks = {
  createOptimizer: (d) => opt(d, { type: 'sgd', lr: 0.1 }, (o) => close(o.step(new Float64Array([1, 2]), [0.5, -1]), [0.95, 2.1])),
  'optimizer.step': (d) => opt(d, { type: 'adam', lr: 0.1 }, (o) => close(o.step(new Float64Array([1, 2]), [0.5, -1]), [0.9, 2.1], 6)),
  // f = (x'Ax)/2 with A = diag(1, 10): f(1, 1) = 5.5, grad = (1, 10).
  createObjective: (d) => obj(d, (f) => expect(f.value([1, 1])).toBeCloseTo(5.5, 12), { type: 'quadratic', alpha: 1, beta: 10, rotation: 0 }),
  'objective methods': (d) => obj(d, (f) => close(f.gradient([1, 1]), [1, 10]), { type: 'quadratic', alpha: 1, beta: 10, rotation: 0 }),
  // One GD step on A = diag(2, 4): x - 0.1 A x.
  minimize: (d) => close(d.minimize({ type: 'quadratic', eigenvalues: [2, 4] }, { type: 'gd', lr: 0.1 }, { x0: [1, 1], steps: 1 }).x, [0.8, 0.6]),
  // Gradient flow on A = I: x(t) = x0 e^{-t}.
  integrateFlow: (d) => {
    const { xs } = d.integrateFlow({ type: 'quadratic', eigenvalues: [1, 1] }, { kind: 'gradient', x0: [1, 2], tEnd: 1 });
    close(xs.slice(-2), [Math.exp(-1), 2 * Math.exp(-1)], 5);
  },
  scheduleLrs: (d) => close(d.scheduleLrs({ type: 'cosine', tMax: 2 }, 0.1, 3), [0.1, 0.05, 0]),
  calculateGain: (d) => expect(d.calculateGain('leaky_relu', 0.2)).toBeCloseTo(Math.sqrt(2 / 1.04), 14),
  initScale: (d) => expect(d.initScale({ type: 'xavierNormal', fanIn: 2, fanOut: 2 }).std).toBeCloseTo(Math.SQRT1_2, 14),
  momentumRateMap: (d) => expect(d.momentumRateMap({ alpha: 1, beta: 10, resolution: 2 }).gd.rate).toBeCloseTo(9 / 11, 14),
  // spiral n=60, 3 classes, 2-4-3: 2*4 + 4 + 4*3 + 3 = 27 parameters, 48 training examples.
  createExperiment: (d) => exp(d, (e) => expect(e.info()).toMatchObject({ parameterCount: 27, inputs: 2, outputs: 3 })),
  'CSV import': (d) => using(d.createExperiment({ ...csv('0,0,0\n1,1,1\n0,1,0\n1,0,1\n2,2,1\n', { testFraction: 0 }), batchSize: 5 }),
    (e) => expect(e.data()).toMatchObject({ features: 2, outputs: 2, classification: true })),
  'experiment methods': (d) => exp(d, (e) => {
    expect(e.run({ steps: 2 }).steps).toBe(2);
    const p = e.predictGrid(0, { ...GRID, resolution: 2 });
    expect(p.length).toBe(4 * 3);
    expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 6); // softmax probabilities
  }),
  // All-zero parameters: uniform softmax over 3 classes, loss ln 3.
  createNetwork: (d) => net(d, (n) => expect(n.parameterCount()).toBe(27)),
  'network methods': (d) => net(d, (n) => expect(n.lossAndGradient(new Float64Array(27), [[0.5, -1]], [2]).loss).toBeCloseTo(Math.log(3), 6)),
  // The digits were provided once (beforeAll); a digits experiment still builds on them.
  provideDataset: (d) => using(d.createExperiment(experiment({ dataset: { type: 'digits' } })),
    (e) => expect(e.info()).toMatchObject({ inputs: 64, outputs: 10 })),
};

function thrown(call, d) {
  try {
    call(d);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('bad input, catalogued', () => {
  let d;
  beforeAll(async () => {
    d = await loadDescent();
    await d.loadDataset('digits'); // provideDataset's check builds a digits experiment
  });

  it('has at least 80 rows, and a check for every entry point', () => {
    expect(rows.length).toBeGreaterThanOrEqual(80);
    for (const [entry] of rows) expect(checks[entry], entry).toBeTypeOf('function');
  });

  it.each(rows.map((row, i) => [`${row[0]} #${i}`, ...row]))('%s', (_name, entry, call, message) => {
    const error = thrown(call, d);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(message);
    checks[entry](d);
  });

  it('a second pass over the whole table leaves the heap where the first left it', () => {
    const pass = () => {
      for (const [entry, call] of rows) {
        thrown(call, d);
        checks[entry](d);
      }
    };
    pass(); // warm-up: first-use allocations (registries, caches, Embind's type tables) are not leaks
    const before = d.heapBytesInUse();
    pass();
    // Exact: every bound call frees what it allocated before returning, errors included (see
    // README, "How errors cross into JavaScript"), so nothing may stay behind, not even a few bytes.
    expect(d.heapBytesInUse()).toBe(before);
  });
});
