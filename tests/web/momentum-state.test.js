// The Momentum view's URL state (web/src/momentum-state.js): round trips, the `m.` keys split off
// the rest of the fragment, and malformed or hostile input -> the defaults and a notice.
import { describe, expect, it } from 'vitest';
import {
  MOMENTUM_PROPERTIES, decodeMomentumState, defaultMomentumState, encodeMomentumState, splitMomentumHash,
} from '../../web/src/momentum-state.js';
import { joinHash, splitHash } from '../../web/src/train-state.js';

describe('momentum URL state', () => {
  it('the defaults encode to nothing and decode from nothing', () => {
    expect(encodeMomentumState(defaultMomentumState())).toBe('');
    expect(decodeMomentumState('')).toEqual({ state: defaultMomentumState(), notice: null });
    expect(MOMENTUM_PROPERTIES.map((p) => p.key)).toEqual(['alpha', 'beta', 'lr', 'mom', 'x0', 'steps']);
  });

  it('round-trips a full setup, writing only what differs from the defaults', () => {
    const state = { alpha: 0.5, beta: 50, lr: 0.0321, momentum: 0.81, start: [1.25, -0.5], steps: 300 };
    const text = encodeMomentumState(state);
    expect(text).toBe('m.alpha=0.5&m.beta=50&m.lr=0.0321&m.mom=0.81&m.x0=1.25,-0.5&m.steps=300');
    expect(decodeMomentumState(text)).toEqual({ state, notice: null });
    expect(encodeMomentumState({ ...defaultMomentumState(), momentum: 0 })).toBe('m.mom=0');
  });

  it('splits the m. keys off the fragment and joins them back, beside the train fields', () => {
    const hash = '#view=momentum&f=booth&m.lr=0.2&t.epochs=5&m.mom=0.3';
    const { main, train } = splitHash(hash);
    expect(train).toBe('t.epochs=5');
    expect(splitMomentumHash(main)).toEqual({ main: 'view=momentum&f=booth', momentum: 'm.lr=0.2&m.mom=0.3' });
    expect(splitMomentumHash('#view=landscape')).toEqual({ main: 'view=landscape', momentum: '' });
    expect(decodeMomentumState('m.lr=0.2&m.mom=0.3').state).toMatchObject({ lr: 0.2, momentum: 0.3 });
    expect(joinHash(joinHash('view=momentum', 'm.lr=0.2'), '')).toBe('view=momentum&m.lr=0.2');
  });

  it.each([
    ['m.lr=abc', /not a number/],
    ['m.lr=0', /step size is out of range/],
    ['m.lr=NaN', /not a number/],
    ['m.mom=1', /momentum is out of range/],
    ['m.mom=-0.1', /momentum is out of range/],
    ['m.alpha=0', /alpha is out of range/],
    ['m.beta=1e9', /out of range/],
    ['m.alpha=5&m.beta=2', /beta must be at least alpha/],
    ['m.x0=1', /two numbers/],
    ['m.x0=3,0', /start point is out of range/],
    ['m.steps=2.5', /whole number/],
    ['m.steps=0', /steps is out of range/],
    ['m.lr=0.1&m.lr=0.2', /given twice/],
    ['m.eta=0.1', /unknown momentum setting/],
    ['m.lr', /has no value/],
    ['m.lr=<img src=x onerror=alert(1)>', /characters a setup never has/],
    [`m.lr=${'1'.repeat(500)}`, /too long/],
  ])('%s -> the defaults and a notice', (text, why) => {
    const { state, notice } = decodeMomentumState(text);
    expect(state).toEqual(defaultMomentumState());
    expect(notice).toMatch(/momentum settings could not be used/);
    expect(notice).toMatch(why);
    expect(notice).not.toMatch(/<|onerror/);
  });
});
