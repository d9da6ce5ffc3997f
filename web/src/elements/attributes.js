// The `state` attribute of the custom elements: the same text the page puts in its URL fragment
// (state.js for the landscape, train-state.js's `t.` keys for the training view), decoded by the
// same validated decoders. A whole page fragment works for either element (each takes its own
// half); <descent-train> and <descent-momentum> also take their fields without the `t.` or `m.`
// prefix (state="data=spiral", state="lr=0.2&mom=0.3").
// Pure, tested in Node (tests/web/elements.test.js).
import { decodeState, encodeState } from '../state.js';
import { PREFIX, decodeTrainState, encodeTrainState, splitHash } from '../train-state.js';
import { MOMENTUM_PREFIX, decodeMomentumState, encodeMomentumState, splitMomentumHash } from '../momentum-state.js';

/** The decoders' notices speak of a link; an element's come from its attribute. */
function attributeNotice(notice) {
  return notice ? notice.replace(/^This link's/, "The state attribute's") : null;
}

/** The landscape half of a state attribute (what decodeState reads). */
export function landscapeStateText(text) {
  return splitHash(typeof text === 'string' ? text.trim() : '').main;
}

/**
 * The training half of a state attribute (what decodeTrainState reads): the `t.` fields; when
 * there are none, every field but `view` prefixed with `t.`.
 */
export function trainStateText(text) {
  const input = typeof text === 'string' ? text.trim() : '';
  const { train } = splitHash(input);
  if (train) return train;
  let decoded = input.startsWith('#') ? input.slice(1) : input;
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    return decoded; // decodeTrainState reports it
  }
  return decoded.split('&').filter((p) => p !== '' && !/^view(=|$)/.test(p)).map((p) => `${PREFIX}${p}`).join('&');
}

/** { state, notice } for <descent-landscape state="...">; bad input: the defaults and a notice. */
export function decodeLandscapeAttribute(text, registry) {
  const { state, notice } = decodeState(landscapeStateText(text), registry);
  state.view = 'landscape';
  return { state, notice: attributeNotice(notice) };
}

/** { state, notice } for <descent-train state="...">; bad input: the default setup and a notice. */
export function decodeTrainAttribute(text, registry) {
  const { state, notice } = decodeTrainState(trainStateText(text), registry);
  return { state, notice: attributeNotice(notice) };
}

/** The landscape's state attribute for a state (the URL fragment without `view=`). */
export function landscapeAttribute(state, registry) {
  return encodeState(state, registry).split('&').filter((p) => !p.startsWith('view=')).join('&');
}

/** The training view's state attribute (its `t.` fields; '' for the default setup). */
export function trainAttribute(state, registry) {
  return encodeTrainState(state, registry);
}

/**
 * The momentum half of a state attribute (what decodeMomentumState reads): the `m.` fields; when
 * there are none, every field but `view` prefixed with `m.`.
 */
export function momentumStateText(text) {
  const input = typeof text === 'string' ? text.trim().replace(/^#/, '') : '';
  const { momentum } = splitMomentumHash(input);
  if (momentum) return momentum;
  return input.split('&').filter((p) => p !== '' && !/^view(=|$)/.test(p)).map((p) => `${MOMENTUM_PREFIX}${p}`).join('&');
}

/** { state, notice } for <descent-momentum state="...">; bad input: the defaults and a notice. */
export function decodeMomentumAttribute(text) {
  const { state, notice } = decodeMomentumState(momentumStateText(text));
  return { state, notice: attributeNotice(notice) };
}

/** The momentum view's state attribute (its `m.` fields; '' for the defaults). */
export function momentumAttribute(state) {
  return encodeMomentumState(state);
}

/**
 * { state: { tour, presenter }, notice } for <descent-tour state="tour=momentum&present=1">: the
 * tour's keys of a page fragment (the landscape decoder reads them; other keys are ignored).
 */
export function decodeTourAttribute(text, registry) {
  const { state, notice } = decodeState(landscapeStateText(text), registry);
  return { state: { tour: state.tour, presenter: state.presenter }, notice: attributeNotice(notice) };
}

/** The tour's state attribute for { tour, presenter }. */
export function tourAttribute({ tour, presenter }) {
  return [`tour=${tour}`, presenter ? 'present=1' : ''].filter(Boolean).join('&');
}

/** { state: { decayPair }, notice } for <descent-decay state="pair=sgd">. */
export function decodeDecayAttribute(text, registry) {
  const { state, notice } = decodeState(landscapeStateText(text), registry);
  return { state: { decayPair: state.decayPair }, notice: attributeNotice(notice) };
}

/** The Weight decay view's state attribute for { decayPair }. */
export function decayAttribute({ decayPair }) {
  return `pair=${decayPair}`;
}

/** The Initialisation view's fields of the page state, and their URL keys. */
const INIT_FIELDS = ['initDepth', 'initWidth', 'initActivation', 'initEpochs', 'initStd', 'initSchemes'];
const INIT_KEYS = ['initDepth', 'initWidth', 'initAct', 'initEpochs', 'initStd', 'initSchemes'];

/** { state: { initDepth, ... }, notice } for <descent-init state="initDepth=20&initAct=tanh">. */
export function decodeInitAttribute(text, registry) {
  const { state, notice } = decodeState(landscapeStateText(text), registry);
  return { state: Object.fromEntries(INIT_FIELDS.map((f) => [f, state[f]])), notice: attributeNotice(notice) };
}

/** The Initialisation view's state attribute: its keys that differ from the defaults ('' for the defaults). */
export function initAttribute(state, registry) {
  return viewAttribute(state, registry, INIT_FIELDS, INIT_KEYS);
}

/** The Schedules view's fields of the page state, and their URL keys. */
const SCHEDULE_FIELDS = ['scheduleIds', 'scheduleLr', 'scheduleEpochs', 'scheduleParams'];
const SCHEDULE_KEYS = ['sched', 'schedLr', 'schedEpochs', 'schedArgs'];

/** { state: { scheduleIds, scheduleLr, scheduleEpochs, scheduleParams }, notice } for <descent-schedules state="sched=constant,cosineWarmRestarts">. */
export function decodeSchedulesAttribute(text, registry) {
  const { state, notice } = decodeState(landscapeStateText(text), registry);
  return { state: Object.fromEntries(SCHEDULE_FIELDS.map((f) => [f, state[f]])), notice: attributeNotice(notice) };
}

/** The Schedules view's state attribute: its keys that differ from the defaults ('' for the defaults). */
export function schedulesAttribute(state, registry) {
  return viewAttribute(state, registry, SCHEDULE_FIELDS, SCHEDULE_KEYS);
}

/** A view's keys of the page URL for its fields of `state`, those that differ from the defaults. */
function viewAttribute(state, registry, fields, keys) {
  const { state: defaults } = decodeState('', registry);
  for (const f of fields) defaults[f] = state[f];
  return encodeState(defaults, registry).split('&').filter((p) => keys.includes(p.split('=')[0])).join('&');
}
