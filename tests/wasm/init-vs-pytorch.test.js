// Initialisation scales against torch.nn.init: calculate_gain and the std / bound that
// xavier_* and kaiming_* use (captured from torch itself, tests/fixtures/{gains,init}.json).
import { describe, expect, it } from 'vitest';
import { loadDescent, readFixture } from './load-module.js';

describe('initialisation equals torch.nn.init', async () => {
  const d = await loadDescent();

  for (const c of readFixture('gains.json').cases) {
    it(`calculate_gain('${c.nonlinearity}', ${c.param})`, () => {
      expect(d.calculateGain(c.nonlinearity, c.param ?? undefined)).toBeCloseTo(c.gain, 14);
      if (c.nonlinearity === 'leaky_relu')
        expect(d.calculateGain('leakyRelu', c.param ?? undefined)).toBeCloseTo(c.gain, 14);
    });
  }

  for (const c of readFixture('init.json').cases) {
    it(JSON.stringify(c.spec), () => {
      const scale = d.initScale(c.spec);
      if (c.std !== undefined) {
        expect(scale.distribution).toBe('normal');
        expect(Math.abs(scale.std - c.std)).toBeLessThan(1e-15 * c.std);
      } else {
        expect(scale.distribution).toBe('uniform');
        expect(Math.abs(scale.bound - c.bound)).toBeLessThan(1e-15 * c.bound);
      }
    });
  }

  it('refuses what torch refuses', () => {
    expect(() => d.calculateGain('elu')).toThrow(/unsupported nonlinearity 'elu'/);
    expect(() => d.calculateGain(3)).toThrow(/nonlinearity must be a string/);
    expect(() => d.initScale({ type: 'xavierNormal', fanIn: 0, fanOut: 3 })).toThrow(/'fanIn' must be >= 1, got 0/);
  });
});
