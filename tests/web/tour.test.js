// The guided tour's data and logic: every step's preset decodes cleanly through the views' own
// decoders against the module's registries, every rule it cites exists, the lecture's order is
// kept, the URL carries the step and presenter mode, and the keyboard leaves fields alone.
import { beforeAll, describe, expect, it } from 'vitest';
import createDescent from '../../build/wasm/descent.mjs';
import { decodeState, encodeState, defaultState } from '../../web/src/state.js';
import { decodeTrainState } from '../../web/src/train-state.js';
import { TOUR_STEPS, findStep, stepIndex } from '../../web/src/tour/steps.js';
import { isTourKey, tourKeyAction } from '../../web/src/views/tour/keys.js';

let registry;
let d;
beforeAll(async () => {
  d = await createDescent();
  registry = { optimizers: d.listOptimizers(), objectives: d.listObjectives(), datasets: d.listDatasets() };
});

describe('the tour steps', () => {
  it('follow the lecture in order, with unique ids', () => {
    expect(TOUR_STEPS.map((s) => s.id)).toEqual([
      'gd', 'zigzag', 'momentum', 'nesterov', 'newton', 'adagrad', 'rmsprop', 'adam', 'compare', 'sgdw', 'adamw', 'schedules', 'init',
    ]);
    expect(new Set(TOUR_STEPS.map((s) => s.id)).size).toBe(TOUR_STEPS.length);
    expect(findStep('adam').title).toBe('Adam');
    expect(findStep('nope')).toBeUndefined();
    expect(stepIndex('momentum')).toBe(2);
    expect(stepIndex('nope')).toBe(0);
  });

  it('cite rules that the registry has, and give every step text, something to look for and a formula', () => {
    for (const step of TOUR_STEPS) {
      expect(step.text.length, step.id).toBeGreaterThan(0);
      expect(step.look.length, step.id).toBeGreaterThan(20);
      expect(Boolean(step.rule || step.formula), step.id).toBe(true);
      if (step.rule) expect(registry.optimizers.some((o) => o.type === step.rule), step.rule).toBe(true);
    }
  });

  it('have presets that decode without a notice, with the optimizers the text is about', () => {
    for (const step of TOUR_STEPS) {
      const { view, state, hide } = step.demo;
      expect(Array.isArray(hide), step.id).toBe(true);
      let decoded;
      if (view === 'landscape') {
        decoded = decodeState(state, registry);
        expect(decoded.notice, step.id).toBeNull();
      } else {
        expect(view, step.id).toBe('train');
        decoded = decodeTrainState(state, { datasets: registry.datasets, optimizers: registry.optimizers });
        expect(decoded.notice, step.id).toBeNull();
      }
      const types = decoded.state.optimizers.map((o) => o.type);
      if (step.rule && step.rule !== 'gd') expect(types, step.id).toContain(step.rule);
    }
  });

  it('the momentum step uses the closed-form optimal pair for its quadratic', () => {
    const { state } = decodeState(findStep('momentum').demo.state, registry);
    const { alpha, beta } = state.objective.options;
    const heavy = state.optimizers.find((o) => o.type === 'heavyBall').options;
    const sa = Math.sqrt(alpha);
    const sb = Math.sqrt(beta);
    expect(heavy.lr).toBeCloseTo(4 / (sa + sb) ** 2, 3);
    expect(heavy.momentum).toBeCloseTo(((sb - sa) / (sb + sa)) ** 2, 2);
  });

  it('the gradient descent step uses the step 1/beta of the lecture\'s bound', () => {
    const { state } = decodeState(findStep('gd').demo.state, registry);
    expect(state.optimizers[0].options.lr).toBe(1 / state.objective.options.beta);
  });
});

describe('the tour in the URL', () => {
  it('carries the step and presenter mode, and leaves both out at their defaults', () => {
    const state = { ...defaultState(), view: 'tour', tour: 'adamw', presenter: true };
    const hash = encodeState(state, registry);
    expect(hash).toContain('view=tour');
    expect(hash).toContain('tour=adamw');
    expect(hash).toContain('present=1');
    expect(decodeState(hash, registry).state).toEqual(state);
    const plain = encodeState({ ...defaultState(), view: 'tour' }, registry);
    expect(plain).not.toContain('tour=');
    expect(plain).not.toContain('present=');
  });

  it('refuses an unknown step or presenter value with a notice, without echoing it', () => {
    for (const bad of ['view=tour&tour=%3Cscript%3E', 'view=tour&tour=nope', 'view=tour&present=yes']) {
      const { state, notice } = decodeState(bad, registry);
      expect(state).toEqual(defaultState());
      expect(notice).toMatch(/defaults are shown/);
      expect(notice).not.toContain('script');
      expect(notice).not.toContain('nope');
    }
  });
});

describe('the tour keyboard', () => {
  const event = (key, target = { closest: () => null }, extra = {}) => ({ key, target, defaultPrevented: false, ...extra });

  it('maps the arrows, page keys and Escape', () => {
    expect(tourKeyAction('ArrowRight')).toBe('next');
    expect(tourKeyAction('PageDown')).toBe('next');
    expect(tourKeyAction('ArrowLeft')).toBe('previous');
    expect(tourKeyAction('PageUp')).toBe('previous');
    expect(tourKeyAction('Escape')).toBe('leave-presenter');
    expect(tourKeyAction('a')).toBeNull();
  });

  it('leaves keys to fields, tabs and sliders, and to modified presses', () => {
    expect(isTourKey(event('ArrowRight'))).toBe(true);
    expect(isTourKey(event('ArrowRight', { closest: (sel) => (sel.includes('input') ? {} : null) }))).toBe(false);
    expect(isTourKey(event('ArrowRight', undefined, { altKey: true }))).toBe(false);
    expect(isTourKey(event('ArrowRight', undefined, { defaultPrevented: true }))).toBe(false);
    expect(isTourKey(event('x'))).toBe(false);
  });
});

describe('the <descent-tour> element\'s attributes', () => {
  it('reads the step and presenter mode from a fragment, and writes them back', async () => {
    const { decodeTourAttribute, tourAttribute } = await import('../../web/src/elements/attributes.js');
    expect(decodeTourAttribute('tour=adam&present=1', registry)).toEqual({ state: { tour: 'adam', presenter: true }, notice: null });
    expect(decodeTourAttribute('', registry)).toEqual({ state: { tour: 'gd', presenter: false }, notice: null });
    const bad = decodeTourAttribute('tour=<b>', registry);
    expect(bad.state).toEqual({ tour: 'gd', presenter: false });
    expect(bad.notice).toMatch(/^The state attribute's settings could not be used/);
    expect(tourAttribute({ tour: 'adam', presenter: true })).toBe('tour=adam&present=1');
    expect(tourAttribute({ tour: 'gd', presenter: false })).toBe('tour=gd');
  });

  it('hides its step list and its demos\' controls, and has an embed snippet', async () => {
    const { hideCss, parseHide } = await import('../../web/src/elements/hide.js');
    const { elementSnippet } = await import('../../web/src/elements/snippets.js');
    expect(parseHide('list, nope', 'tour')).toEqual({ groups: ['list'], unknown: 1 });
    expect(parseHide('controls', 'tour').groups).toEqual(['controls']);
    expect(hideCss()).toContain('descent-tour[data-hide~="list"] [data-group="list"]');
    expect(hideCss()).toContain('descent-tour[data-hide~="controls"] [data-group="controls"]');
    expect(elementSnippet({ view: 'tour', state: 'tour=adam', src: 'descent-elements.js' }))
      .toBe('<script src="descent-elements.js"></script>\n<descent-tour state="tour=adam"></descent-tour>');
  });
});

describe('the schedules step', () => {
  it('trains one optimizer under six schedules, and its warm restarts jump back to the base rate', async () => {
    const { buildSpec } = await import('../../web/src/views/train/spec.js');
    const trainRegistry = { datasets: registry.datasets, optimizers: registry.optimizers };
    const { state } = decodeTrainState(findStep('schedules').demo.state, trainRegistry);
    const { spec } = buildSpec(state, trainRegistry);
    expect(spec.optimizers.map((o) => o.schedule?.type ?? 'none')).toEqual(['none', 'step', 'exponential', 'cosine', 'cosineWarmRestarts', 'warmup']);
    const restarts = spec.optimizers[4];
    const lrs = d.scheduleLrs(restarts.schedule, restarts.lr, 70);
    // T_0 = 10, T_mult = 2: periods of 10, 20, 40 epochs, restarting at 10 and 30.
    expect(lrs[0]).toBeCloseTo(0.3, 12);
    expect(lrs[9]).toBeLessThan(0.03);
    expect(lrs[10]).toBeCloseTo(0.3, 12);
    expect(lrs[29]).toBeLessThan(0.03);
    expect(lrs[30]).toBeCloseTo(0.3, 12);
    const warm = spec.optimizers[5];
    const warmLrs = d.scheduleLrs(warm.schedule, warm.lr, 70);
    expect(warmLrs[0]).toBeLessThan(warmLrs[4]); // the warm-up rises first
  });
});
