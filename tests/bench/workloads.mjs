// The five training workloads of `npm run bench`, defined once: every contender gets the same
// experiment spec (data set, architecture, batch size, seed, Adam lr 0.01) and builds its run
// from it (TF.js takes the data and the initial weights from the Descent module).
export const SEED = 1;
export const LR = 0.01;
// The loss check: every contender's full training-set loss after this many steps.
export const CHECK_STEPS = 500;

// All points in training (testFraction 0): the bench measures training, and evaluation of a test
// set would only add work that TF.js does not do.
const spiral = { type: 'spiral', n: 300, classes: 3, noise: 0.1, testFraction: 0 };
const digits = { type: 'digits', testFraction: 0 };

export const WORKLOADS = [
  { name: 'spiral-32x32-b300', dataset: spiral, hidden: [32, 32], activation: 'tanh', batchSize: 300 },
  { name: 'spiral-32x32-b32', dataset: spiral, hidden: [32, 32], activation: 'tanh', batchSize: 32 },
  { name: 'spiral-128x128-b300', dataset: spiral, hidden: [128, 128], activation: 'tanh', batchSize: 300 },
  { name: 'spiral-128x128-b32', dataset: spiral, hidden: [128, 128], activation: 'tanh', batchSize: 32 },
  // 64-64-10 on the embedded 8x8 digits (1,797 images), ReLU as usual for this data.
  { name: 'digits-64-b64', dataset: digits, hidden: [64], activation: 'relu', batchSize: 64 },
];

/** The Descent experiment spec of a workload (what createExperiment and descent_bench take). */
export function experimentSpec(w) {
  return {
    dataset: w.dataset,
    network: { hidden: w.hidden, activation: w.activation, loss: 'crossEntropy' },
    batchSize: w.batchSize,
    seed: SEED,
    optimizers: [{ type: 'adam', lr: LR }],
  };
}

/** The network alone, for evaluating any contender's weights with one evaluator (float64). */
export function networkSpec(w, inputs, outputs) {
  return { inputs, outputs, hidden: w.hidden, activation: w.activation, loss: 'crossEntropy', precision: 'float64' };
}
