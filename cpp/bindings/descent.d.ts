// Declarations for build/wasm/descent.mjs (copied there as descent.d.mts by the build).
// tests/wasm/declarations.test.js checks that every bound name is declared here and back.

/** A learning-rate schedule: plain data, e.g. { type: 'cosine', tMax: 100, etaMin: 0 }. See listSchedules(). */
export type ScheduleSpec =
  | { type: 'constant' }
  | { type: 'step'; stepSize: number; gamma?: number }
  | { type: 'exponential'; gamma: number }
  | { type: 'cosine'; tMax: number; etaMin?: number }
  | { type: 'cosineWarmRestarts'; t0: number; tMult?: number; etaMin?: number }
  | { type: 'linear'; startFactor?: number; endFactor?: number; totalIters?: number }
  | { type: 'warmup'; steps: number; startFactor?: number; then?: ScheduleSpec };

type Betas = [number, number];
interface Common { lr?: number; schedule?: ScheduleSpec }

/** An optimizer: options left out take PyTorch's defaults. See listOptimizers() for every option's range. */
export type OptimizerSpec =
  | ({ type: 'gd' } & Common)
  | ({ type: 'heavyBall'; momentum?: number } & Common)
  | ({ type: 'nesterovAccelerated' } & Common)
  | ({ type: 'newton'; damping?: number } & Common)
  | ({ type: 'adagradFull'; eps?: number } & Common)
  | ({ type: 'sgd'; momentum?: number; dampening?: number; nesterov?: boolean; weightDecay?: number } & Common)
  | ({ type: 'sgdw'; momentum?: number; weightDecay?: number } & Common)
  | ({ type: 'adagrad'; lrDecay?: number; weightDecay?: number; initialAccumulatorValue?: number; eps?: number } & Common)
  | ({ type: 'rmsprop'; alpha?: number; eps?: number; weightDecay?: number; momentum?: number; centered?: boolean;
       epsInsideSqrt?: boolean } & Common)
  | ({ type: 'adam' | 'adamw'; betas?: Betas; eps?: number; weightDecay?: number; amsgrad?: boolean } & Common)
  | ({ type: 'nadam'; betas?: Betas; eps?: number; weightDecay?: number; momentumDecay?: number } & Common)
  | ({ type: 'radam' | 'adamax'; betas?: Betas; eps?: number; weightDecay?: number } & Common)
  | ({ type: 'adadelta'; rho?: number; eps?: number; weightDecay?: number } & Common);

/** A test objective. See listObjectives() for every option. */
export type ObjectiveSpec =
  | { type: 'quadratic'; alpha?: number; beta?: number; kappa?: number; rotation?: number; dim?: number;
      eigenvalues?: ArrayLike<number> }
  | { type: 'rosenbrock'; a?: number; b?: number }
  | { type: 'beale' | 'himmelblau' | 'booth' }
  | { type: 'rastrigin'; A?: number; dim?: number }
  | { type: 'saddle'; a?: number; b?: number }
  | { type: 'nesterovWorstCase'; dim?: number; L?: number };

/** One option of a registry entry, as the page builds its control from it. */
export interface OptionInfo {
  name: string;
  kind: 'number' | 'integer' | 'boolean' | 'pair' | 'numbers' | 'choice' | 'object';
  default: number | boolean | string | [number, number] | null;
  choices?: string[];
  min: number | null;
  max: number | null;
  minOpen: boolean;
  maxOpen: boolean;
  logScale: boolean;
  required: boolean;
  /** The lecture's symbol, LaTeX. */
  symbol: string;
  /** PyTorch's argument name, '' where PyTorch has none. */
  torch: string;
  help: string;
}

export interface OptimizerInfo {
  type: string;
  label: string;
  /** 'pytorch': equals a torch.optim class; 'lecture': the slides' own form. */
  family: 'pytorch' | 'lecture';
  /** The update rule in the lecture's notation, LaTeX. */
  formula: string;
  /** How the options map to PyTorch's arguments. */
  torch: string;
  notes: string;
  needsHessian: boolean;
  /** Largest parameter count for optimizers with a d x d state, else null. */
  maxDimension: number | null;
  options: OptionInfo[];
}

export interface ScheduleInfo { type: string; label: string; formula: string; torch: string; options: OptionInfo[] }
export interface ObjectiveInfo { type: string; label: string; formula: string; notes: string; anyDimension: boolean; options: OptionInfo[] }

export interface Optimizer {
  /** One step: params (updated in place and returned) <- params + update(grads). newton also needs the row-major d*d Hessian. */
  step(params: Float64Array, grads: ArrayLike<number>, hessian?: ArrayLike<number>): Float64Array;
  /** Forgets all state and the step count (and the dimension). */
  reset(): void;
  /** The optimizer's state by PyTorch's names (exp_avg, momentum_buffer, ...), copied. */
  state(): Record<string, Float64Array>;
  type(): string;
  /** Every option with the value in force (defaults filled in). */
  options(): Record<string, number | boolean | [number, number]>;
  /** The learning rate the next step will use. */
  currentLr(): number;
  stepsTaken(): number;
  delete(): void;
}

export interface Objective {
  value(x: ArrayLike<number>): number;
  gradient(x: ArrayLike<number>): Float64Array;
  /** Row-major d*d. */
  hessian(x: ArrayLike<number>): Float64Array;
  dimension(): number;
  minimum(): { x: Float64Array; value: number } | null;
  window(): { xMin: number; xMax: number; yMin: number; yMax: number; start: Float64Array };
  /** f on an nx x ny grid (row j = y index), for contours; 2-D objectives only. */
  valuesOnGrid(grid: { xMin: number; xMax: number; yMin: number; yMax: number; nx?: number; ny?: number }): Float64Array;
  type(): string;
  delete(): void;
}

export interface MinimizeOptions {
  x0?: ArrayLike<number>;
  steps?: number;
  gradTol?: number;
  divergenceFactor?: number;
  recordTrajectory?: boolean;
  recordState?: boolean;
}

export interface MinimizeResult {
  dimension: number;
  /** Steps completed; the per-point arrays hold steps + 1 entries. */
  steps: number;
  /** (steps + 1) x dimension, row-major. */
  xs: Float64Array;
  grads: Float64Array;
  values: Float64Array;
  gradNorms: Float64Array;
  /** The learning rate each step used. */
  lrs: Float64Array;
  x: Float64Array;
  fStar: number | null;
  converged: boolean;
  diverged: boolean;
  divergedAt: number;
  reason: string;
  /** With recordState: state name -> steps x size values after each step. */
  states: Record<string, Float64Array>;
}

export interface FlowOptions {
  kind: 'gradient' | 'nesterov';
  x0: ArrayLike<number>;
  tEnd: number;
  points?: number;
  rtol?: number;
  atol?: number;
}

export interface FlowResult {
  dimension: number;
  t: Float64Array;
  /** t.length x dimension, row-major. */
  xs: Float64Array;
  values: Float64Array;
  stoppedEarly: boolean;
  reason: string;
}

export interface MomentumRateMapOptions {
  /** The quadratic's smallest and largest eigenvalues, 0 < alpha <= beta. */
  alpha: number;
  beta: number;
  /** Grid points per axis, 2..400 (default 100). */
  resolution?: number;
  /** Step sizes on the grid (default 0 .. 4/beta, past which every momentum diverges). */
  etaMin?: number;
  etaMax?: number;
  /** Momenta on the grid, 0 <= muMin < muMax < 1 (default 0 .. 0.99). */
  muMin?: number;
  muMax?: number;
  /** One point whose rate to report as `at` (momentum defaults to 0). */
  lr?: number;
  momentum?: number;
}

/** A step size, a momentum and the heavy ball's linear rate there (>= 1: diverges). */
export interface StepAndRate { lr: number; momentum: number; rate: number }

export interface MomentumRateMap {
  alpha: number;
  beta: number;
  resolution: number;
  /** The grid's step sizes and momenta, resolution values each, ends included. */
  lrs: Float64Array;
  momenta: Float64Array;
  /** resolution x resolution rates, row-major with the momentum varying slowest: rates[iMomentum * resolution + iLr]. */
  rates: Float64Array;
  /** Index into rates of the smallest rate, and that cell. */
  bestIndex: number;
  best: StepAndRate;
  /** Polyak's closed-form optimum. */
  optimum: StepAndRate;
  /** Plain GD's best: lr 2/(alpha+beta), rate (beta-alpha)/(beta+alpha). */
  gd: StepAndRate;
  /** The lecture's GD, lr 1/beta: rate 1 - alpha/beta. */
  lecture: StepAndRate;
  /** The rate at the options' (lr, momentum); null when lr is not given. */
  at: StepAndRate | null;
}

export type Nonlinearity =
  | 'linear' | 'conv1d' | 'conv2d' | 'conv3d' | 'conv_transpose1d' | 'conv_transpose2d' | 'conv_transpose3d'
  | 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'leakyRelu' | 'selu';

export type InitSpec =
  | { type: 'xavierNormal' | 'xavierUniform'; fanIn: number; fanOut: number; gain?: number }
  | { type: 'kaimingNormal' | 'kaimingUniform'; fanIn: number; fanOut: number; mode?: 'fanIn' | 'fanOut';
      nonlinearity?: Exclude<Nonlinearity, `conv${string}`>; a?: number };

export type Activation = 'relu' | 'leakyRelu' | 'tanh' | 'sigmoid' | 'linear' | 'elu' | 'selu';

/** A data set; every type also takes testFraction (default 0.2). See listDatasets(). */
export type DatasetSpec =
  | { type: 'spiral'; n?: number; classes?: number; noise?: number; testFraction?: number }
  | { type: 'circles'; n?: number; noise?: number; factor?: number; testFraction?: number }
  | { type: 'xor' | 'moons'; n?: number; noise?: number; testFraction?: number }
  | { type: 'gaussians'; n?: number; classes?: number; noise?: number; testFraction?: number }
  | { type: 'sine' | 'surface'; n?: number; noise?: number; testFraction?: number }
  | { type: 'digits' | 'iris'; testFraction?: number }
  | { type: 'csv'; text: string; header?: 'auto' | boolean; task?: 'classification' | 'regression'; testFraction?: number };

export interface NetworkInitSpec {
  type: 'torchDefault' | 'zeros' | 'constant' | 'normal' | 'uniform' | 'xavierNormal' | 'xavierUniform' | 'kaimingNormal' | 'kaimingUniform';
  value?: number;
  std?: number;
  bound?: number;
  gain?: number | 'auto';
  mode?: 'fanIn' | 'fanOut';
  nonlinearity?: string;
  a?: number;
  bias?: { type: 'zeros' } | { type: 'constant'; value: number } | { type: 'uniform'; bound: number } | { type: 'normal'; std: number };
}

export interface ExperimentSpec {
  dataset: DatasetSpec;
  network: {
    hidden: number[];
    activation?: Activation | Activation[];
    leakySlope?: number;
    init?: NetworkInitSpec;
    loss?: 'crossEntropy' | 'binaryCrossEntropy' | 'mse';
  };
  batchSize?: number;
  seed?: number;
  precision?: 'float32' | 'float64';
  /** Coupled L2 in the loss: (l2/2)|W|^2 over the weights. */
  l2?: number;
  recordLayerStats?: boolean;
  /** Evaluate the whole training and test sets (the epoch points) every this many epochs (default 1). */
  evaluateEvery?: number;
  /** Also record the whole training set's gradient norm at each epoch point (a backward pass per epoch). */
  fullGradNorm?: boolean;
  optimizers: OptimizerSpec[];
}

export interface RunProgress {
  steps: number;
  epochs: number;
  optimizers: { steps: number; diverged: boolean }[];
}

/** One optimizer's record: one point per epoch (epoch 0 = before training) and every step. */
export interface OptimizerHistory {
  /** The first epoch point and the first step in these arrays (history({from, stepsFrom}); else 0). */
  from: number;
  stepsFrom: number;
  epoch: Float64Array;
  trainLoss: Float64Array;
  /** null when there is no test set. */
  testLoss: Float64Array | null;
  /** null for regression. */
  trainAccuracy: Float64Array | null;
  testAccuracy: Float64Array | null;
  /** |gradient of the whole training loss| at each epoch point: full-batch runs, or with fullGradNorm; else null. */
  gradNorm: Float64Array | null;
  weightNorm: Float64Array;
  lr: Float64Array;
  steps: { loss: Float64Array; gradNorm: Float64Array; lr: Float64Array };
  /** With recordLayerStats: epochs x count values, row-major. */
  layers: { mean: Float64Array; std: Float64Array; gradNorm: Float64Array; count: number } | null;
  diverged: boolean;
  divergedAt: number;
  reason: string;
}

export interface LayerHistogramSet {
  lo: number;
  hi: number;
  fractions: Float64Array;
  below: Float64Array;
  above: Float64Array;
  nonFinite: Float64Array;
}

export interface Experiment {
  /** {steps: n} takes n steps; {epochs: n} runs on to the n-th next epoch boundary. */
  run(options: { epochs: number } | { steps: number }): RunProgress;
  /**
   * Every optimizer's record. `from` / `stepsFrom` (one whole number for all, or one per optimizer)
   * return only the epoch points / steps from those indices on: what a live view has not read yet.
   */
  history(options?: { from?: number | number[]; stepsFrom?: number | number[] }): OptimizerHistory[];
  /** Probabilities (or outputs) on a resolution^2 grid, point by point (y slowest), `outputs` values each. */
  predictGrid(index: number, grid: { xMin: number; xMax: number; yMin: number; yMax: number; resolution?: number }): Float32Array;
  /** Per layer, on the training set now: activation mean and std, weight-gradient norm. */
  layerStats(index: number): { mean: Float64Array; std: Float64Array; gradNorm: Float64Array };
  /**
   * Per layer, on the training set now: histograms (`bins`, default 30, 2 to 200) of the activations
   * (the output layer's logits last) and of the weight gradient's entries. Each quantity's layers
   * share one range [lo, hi]; `fractions` is layers x bins, row-major; below/above/nonFinite per layer.
   */
  layerHistograms(index: number, bins?: number): { bins: number; layers: number; activations: LayerHistogramSet; gradients: LayerHistogramSet };
  weights(index: number): Float64Array;
  /** Optimizer i's state by PyTorch's names (momentum_buffer, exp_avg, ...), copied; empty before its first step. */
  optimizerState(index: number): Record<string, Float64Array>;
  /** Head outputs for every example of a split (default 'test'), `outputs` values per example. */
  predictions(index: number, split?: 'train' | 'test'): Float32Array;
  /** The data the networks see (standardised where the data set is): rows of features; labels or rows of targets. */
  data(): { type: string; description: string; classification: boolean; features: number; outputs: number;
    classNames: string[]; xTrain: Float64Array; xTest: Float64Array; yTrain: Int32Array | Float64Array;
    yTest: Int32Array | Float64Array };
  info(): { parameterCount: number; stepsPerEpoch: number; inputs: number; outputs: number; classification: boolean; precision: string;
    optimizers: number; progress: RunProgress };
  delete(): void;
}

/** A network on its own: loss, gradient and predictions at any parameters (torch's flat layout). */
export interface Network {
  parameterCount(): number;
  /** x: rows of `inputs` features (array of arrays, or flat row-major); y: class labels, or rows of targets (flat). */
  lossAndGradient(params: ArrayLike<number>, x: ArrayLike<number> | ArrayLike<number>[], y: ArrayLike<number>): { loss: number; gradient: Float64Array };
  /** Rows of head outputs per example (probabilities or regression outputs), flat. */
  predict(params: ArrayLike<number>, x: ArrayLike<number> | ArrayLike<number>[]): Float64Array;
  initialParameters(seed: number): Float64Array;
  delete(): void;
}

export interface NetworkSpec {
  inputs: number;
  /** Classes (crossEntropy; 2 for binaryCrossEntropy) or regression targets (mse). */
  outputs: number;
  hidden: number[];
  activation?: Activation | Activation[];
  leakySlope?: number;
  loss?: 'crossEntropy' | 'binaryCrossEntropy' | 'mse';
  init?: NetworkInitSpec;
  precision?: 'float32' | 'float64';
}

export interface DatasetInfo {
  type: string;
  label: string;
  task: 'classification' | 'regression';
  notes: string;
  options: OptionInfo[];
  /** True while the data travels beside the module and is not loaded yet (digits): call loadDataset(type) first. */
  needsLoading: boolean;
}

export interface DescentModule {
  createExperiment(spec: ExperimentSpec): Experiment;
  createNetwork(spec: NetworkSpec): Network;
  listDatasets(): DatasetInfo[];
  /**
   * Loads a data set whose data travels beside the module (digits: descent-digits.mjs, next to
   * descent.mjs) into it, once; resolves at once for every other data set. A digits experiment made
   * before it throws. Rejects naming an unknown type, or what failed (a missing or damaged companion).
   */
  loadDataset(type: DatasetSpec['type']): Promise<void>;
  /** Hands the module a data set's data as bytes (digits: the packed images, 116805 bytes), checked first; loadDataset uses it. */
  provideDataset(type: 'digits', bytes: Uint8Array): void;
  createOptimizer(spec: OptimizerSpec): Optimizer;
  createObjective(spec: ObjectiveSpec): Objective;
  listOptimizers(): OptimizerInfo[];
  listSchedules(): ScheduleInfo[];
  listObjectives(): ObjectiveInfo[];
  /** The learning rate at epochs 0 .. epochs-1. */
  scheduleLrs(schedule: ScheduleSpec, baseLr: number, epochs: number): Float64Array;
  /** torch.nn.init.calculate_gain. */
  calculateGain(nonlinearity: Nonlinearity, param?: number): number;
  /** The std (normal) or bound (uniform) torch.nn.init uses for a scheme and layer shape. */
  initScale(spec: InitSpec): { distribution: 'normal' | 'uniform'; std: number; bound: number };
  minimize(objective: ObjectiveSpec, optimizer: OptimizerSpec, options?: MinimizeOptions): MinimizeResult;
  integrateFlow(objective: ObjectiveSpec, options: FlowOptions): FlowResult;
  /** The heavy ball's linear rate on a quadratic with eigenvalues in [alpha, beta], over a grid of (lr, momentum). */
  momentumRateMap(options: MomentumRateMapOptions): MomentumRateMap;
  /** Bytes of the WebAssembly heap in use (malloc), for leak checks. */
  heapBytesInUse(): number;
  /** Aborts the module for good (std::abort inside it), for the tests of the page's recovery; throws a WebAssembly.RuntimeError. */
  abortForTesting(): never;
  /** Embind classes: created through createOptimizer / createObjective. */
  Optimizer: { prototype: Optimizer };
  Objective: { prototype: Objective };
  Experiment: { prototype: Experiment };
  Network: { prototype: Network };
}

/** Loads and instantiates the module (the WebAssembly is inlined). Every call that fails throws an Error naming the field. */
export default function createDescent(moduleOverrides?: object): Promise<DescentModule>;
