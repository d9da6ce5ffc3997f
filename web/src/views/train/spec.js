// The train view's state (plain control values, as strings the way inputs hold them) and the
// ExperimentSpec built from it. Pure: no DOM, tested in Node (tests/web/train-spec.test.js).
// Empty fields mean "the library's default"; values the page cannot read as numbers give a message
// naming the field; everything else is checked by the library, whose message the page shows as is.

export const ACTIVATIONS = ['relu', 'leakyRelu', 'tanh', 'sigmoid', 'linear', 'elu', 'selu'];
export const INITS = ['torchDefault', 'xavierNormal', 'xavierUniform', 'kaimingNormal', 'kaimingUniform', 'normal', 'uniform', 'zeros'];
export const LOSSES = ['auto', 'crossEntropy', 'binaryCrossEntropy', 'mse'];
export const PRECISIONS = ['float32', 'float64'];
export const MAX_OPTIMIZERS = 8;

/** Schedules offered in the view (lengths in epochs), with their fields and defaults. */
export const SCHEDULES = [
  { type: 'none', label: 'none', fields: [] },
  { type: 'cosine', label: 'cosine', fields: [{ name: 'tMax', label: 'T_max (epochs)', integer: true, default: 'epochs' }] },
  { type: 'exponential', label: 'exponential', fields: [{ name: 'gamma', label: 'γ (per epoch)', default: '0.97' }] },
  { type: 'step', label: 'step', fields: [
    { name: 'stepSize', label: 'every (epochs)', integer: true, default: '50' },
    { name: 'gamma', label: 'γ', default: '0.1' }] },
  { type: 'cosineWarmRestarts', label: 'cosine, warm restarts', fields: [
    { name: 't0', label: 'T_0 (epochs)', integer: true, default: '20' },
    { name: 'tMult', label: 'T_mult', integer: true, default: '2' }] },
  { type: 'warmupCosine', label: 'warm-up, then cosine', fields: [
    { name: 'steps', label: 'warm-up (epochs)', integer: true, default: '5' },
    { name: 'tMax', label: 'T_max (epochs)', integer: true, default: 'epochs' }] },
];

export function defaultOptimizer(type = 'adam', options = {}) {
  return { type, options: { ...options }, schedule: { type: 'none' } };
}

/** The setup a newcomer sees first: the spiral and the four optimizers of the lecture's comparison. */
export function defaultState() {
  return {
    dataset: { type: 'spiral', options: { n: '300', classes: '3', noise: '0.1', testFraction: '0.2' }, csvText: '' },
    network: { hidden: '32, 32', activation: 'tanh', init: 'xavierNormal', gain: 'auto', loss: 'auto' },
    batchSize: '32',
    epochs: '200',
    seed: '1',
    precision: 'float32',
    l2: '0',
    optimizers: [
      defaultOptimizer('sgd', { lr: '0.1', momentum: '0.9' }),
      defaultOptimizer('sgd', { lr: '0.1', momentum: '0.9', nesterov: true }),
      defaultOptimizer('adam', { lr: '0.01' }),
      defaultOptimizer('adamw', { lr: '0.01' }),
    ],
  };
}

/** "32, 32" -> [32, 32]; "" -> [] (a linear model). */
export function parseHidden(text) {
  const parts = String(text ?? '').split(/[\s,;x×]+/).filter(Boolean);
  return parts.map((part) => {
    if (!/^\d+$/.test(part)) throw new Error(`Hidden layers: "${part}" is not a whole number; write widths like "32, 32"`);
    const width = Number(part);
    if (width < 1) throw new Error('Hidden layers: every width must be at least 1');
    return width;
  });
}

/** A number typed in a field; '' (or only spaces) is undefined: the library's default. */
export function parseNumber(raw, what, { integer = false } = {}) {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'number') return raw;
  const text = String(raw).trim();
  if (text === '') return undefined;
  const value = Number(text.replace(/−/g, '-'));
  if (!Number.isFinite(value)) throw new Error(`${what}: "${text}" is not a number`);
  if (integer && !Number.isInteger(value)) throw new Error(`${what}: "${text}" is not a whole number`);
  return value;
}

/** One option value from the registry's OptionInfo kind and the raw control value. */
export function parseOption(option, raw, what) {
  const label = `${what}: ${option.name}`;
  switch (option.kind) {
    case 'boolean':
      if (raw === undefined || raw === null || raw === '') return undefined;
      return raw === true || raw === 'true';
    case 'choice':
      return raw === undefined || raw === null || raw === '' ? undefined : String(raw);
    case 'integer':
      return parseNumber(raw, label, { integer: true });
    case 'pair': {
      if (raw === undefined || raw === null) return undefined;
      const parts = Array.isArray(raw) ? raw : String(raw).split(',');
      const values = parts.map((p, k) => parseNumber(p, `${label}[${k}]`));
      if (values.every((v) => v === undefined)) return undefined;
      const fallback = Array.isArray(option.default) ? option.default : [];
      return [values[0] ?? fallback[0], values[1] ?? fallback[1]];
    }
    case 'object':
      return undefined; // schedules are built separately
    default:
      return parseNumber(raw, label);
  }
}

/**
 * A view schedule ({ type of SCHEDULES, field: value }) as the module's ScheduleSpec, lengths in
 * epochs, or undefined for none; a field left empty takes its default (the Schedules view uses it too).
 */
export function scheduleSpec(schedule, epochs, what) {
  if (!schedule || !schedule.type || schedule.type === 'none') return undefined;
  const def = SCHEDULES.find((s) => s.type === schedule.type);
  if (!def) throw new Error(`${what}: unknown schedule "${schedule.type}"`);
  const value = (name) => {
    const field = def.fields.find((f) => f.name === name);
    const raw = schedule[name] ?? '';
    const parsed = parseNumber(raw, `${what}: schedule ${field.label}`, { integer: field.integer });
    if (parsed !== undefined) return parsed;
    return field.default === 'epochs' ? epochs : Number(field.default);
  };
  switch (schedule.type) {
    case 'cosine':
      return { type: 'cosine', tMax: value('tMax') };
    case 'exponential':
      return { type: 'exponential', gamma: value('gamma') };
    case 'step':
      return { type: 'step', stepSize: value('stepSize'), gamma: value('gamma') };
    case 'cosineWarmRestarts':
      return { type: 'cosineWarmRestarts', t0: value('t0'), tMult: value('tMult') };
    case 'warmupCosine': {
      const steps = value('steps');
      const tMaxRaw = parseNumber(schedule.tMax ?? '', `${what}: schedule T_max (epochs)`, { integer: true });
      return { type: 'warmup', steps, then: { type: 'cosine', tMax: tMaxRaw ?? Math.max(1, epochs - steps) } };
    }
    default:
      return undefined;
  }
}

/** The task of the chosen data set ('classification' | 'regression'); CSV follows its 'task' option. */
export function taskOf(state, datasets) {
  const info = datasets.find((d) => d.type === state.dataset.type);
  if (state.dataset.type === 'csv') return state.dataset.options?.task || 'classification';
  return info?.task ?? 'classification';
}

/** The loss the view uses: the chosen one, or cross-entropy for classes and MSE for regression. */
export function lossFor(state, datasets) {
  const chosen = state.network.loss;
  if (chosen && chosen !== 'auto') return chosen;
  return taskOf(state, datasets) === 'regression' ? 'mse' : 'crossEntropy';
}

/** The library's limit on CSV text (kCsvMaxBytes in cpp/nn/csv.hpp). */
export const CSV_MAX_BYTES = 20 * 1024 * 1024;

/**
 * { spec, epochs } from the view's state and the registries ({ datasets, optimizers }). Throws an
 * Error naming the field when a value cannot be read.
 */

export function buildSpec(state, { datasets, optimizers }) {
  const datasetInfo = datasets.find((d) => d.type === state.dataset.type);
  if (!datasetInfo) throw new Error(`Data set: unknown type "${state.dataset.type}"`);
  const dataset = { type: datasetInfo.type };
  for (const option of datasetInfo.options) {
    let raw = state.dataset.options?.[option.name];
    if (option.name === 'header' && raw !== undefined && raw !== 'auto') raw = raw === true || raw === 'true';
    const value = option.name === 'header' ? raw : parseOption(option, raw, `Data set (${datasetInfo.label})`);
    if (value !== undefined && value !== '') dataset[option.name] = value;
  }
  if (datasetInfo.type === 'csv') {
    dataset.text = String(state.dataset.csvText ?? '');
    // The library refuses more than 20 MB too (csv.hpp); refused here, a huge paste is never copied
    // to the worker. (A string's length never exceeds its UTF-8 bytes.)
    if (dataset.text.length > CSV_MAX_BYTES) {
      throw new Error(`csv: the text is larger than 20 MB (${dataset.text.length} characters); use a smaller table`);
    }
  }

  const epochs = parseNumber(state.epochs, 'Epochs', { integer: true }) ?? 100;
  if (epochs < 1) throw new Error('Epochs: run at least 1 epoch');

  const network = {
    hidden: parseHidden(state.network.hidden),
    activation: state.network.activation || 'relu',
    loss: lossFor(state, datasets),
  };
  const init = state.network.init || 'torchDefault';
  if (init !== 'torchDefault') {
    network.init = { type: init };
    if (init.startsWith('xavier')) {
      const gain = String(state.network.gain ?? 'auto').trim();
      network.init.gain = gain === '' || gain === 'auto' ? 'auto' : parseNumber(gain, 'Initialisation gain');
    } else if (init.startsWith('kaiming')) {
      const nonlinearity = { relu: 'relu', leakyRelu: 'leaky_relu', tanh: 'tanh', sigmoid: 'sigmoid', selu: 'selu', linear: 'linear' }[network.activation];
      if (nonlinearity) network.init.nonlinearity = nonlinearity;
    } else if (init === 'normal') {
      network.init.std = 0.01;
    } else if (init === 'uniform') {
      network.init.bound = 0.1;
    }
  }

  const spec = { dataset, network, optimizers: [] };
  const batchSize = parseNumber(state.batchSize, 'Batch size', { integer: true });
  if (batchSize !== undefined) spec.batchSize = batchSize;
  const seed = parseNumber(state.seed, 'Seed', { integer: true });
  if (seed !== undefined) spec.seed = seed;
  spec.precision = state.precision || 'float32';
  const l2 = parseNumber(state.l2, 'L2');
  if (l2 !== undefined) spec.l2 = l2;

  if (!state.optimizers?.length) throw new Error('Optimizers: add at least one');
  state.optimizers.forEach((o, k) => {
    const info = optimizers.find((x) => x.type === o.type);
    const what = `Optimizer ${k + 1}`;
    if (!info) throw new Error(`${what}: unknown type "${o.type}"`);
    const out = { type: info.type };
    for (const option of info.options) {
      if (option.kind === 'object') continue;
      const value = parseOption(option, o.options?.[option.name], `${what} (${info.label})`);
      if (value !== undefined) out[option.name] = value;
    }
    const schedule = scheduleSpec(o.schedule, epochs, `${what} (${info.label})`);
    if (schedule) out.schedule = schedule;
    spec.optimizers.push(out);
  });
  return { spec, epochs };
}

/**
 * A short label for an optimizer in legends: "SGD · lr 0.1, momentum 0.9" (the registry label
 * without its parenthesis), then its schedule when it has one: "· cosine" (runs that differ only
 * by their schedule must not look alike).
 */
export function optimizerLabel(o, info) {
  const base = (info?.label ?? o.type).replace(/\s*\(.*\)\s*$/, '');
  const parts = Object.entries(o.options ?? {})
    .filter(([, v]) => v !== '' && v !== undefined && v !== null && v !== false)
    .map(([k, v]) => (v === true ? k : `${k} ${Array.isArray(v) ? v.join('/') : v}`));
  const schedule = o.schedule && o.schedule.type !== 'none' ? SCHEDULES.find((s) => s.type === o.schedule.type)?.label : null;
  return [parts.length ? `${base} · ${parts.join(', ')}` : base, schedule].filter(Boolean).join(' · ');
}
