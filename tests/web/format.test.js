import { describe, expect, it } from 'vitest';
import { formatInterval, formatNumber, formatRange, formatValue } from '../../web/src/views/format.js';
import { renderMath } from '../../web/src/views/math.js';

describe('formatting of option values', () => {
  it('writes numbers as a reader would', () => {
    expect(formatNumber(0.001)).toBe('0.001');
    expect(formatNumber(1e-8)).toBe('1e-8');
    expect(formatNumber(0.9)).toBe('0.9');
    expect(formatNumber(100000)).toBe('1e5');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(0)).toBe('0');
  });

  it('formats defaults of every kind', () => {
    expect(formatValue([0.9, 0.999])).toBe('(0.9, 0.999)');
    expect(formatValue(false)).toBe('false');
    expect(formatValue('cosine')).toBe('cosine');
    expect(formatValue(undefined)).toBe('—');
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
  });

  it('formats intervals with open and missing bounds', () => {
    expect(formatInterval({ min: 0, max: Infinity, minOpen: true })).toBe('(0, ∞)');
    expect(formatInterval({ min: 0, max: 1, maxOpen: true })).toBe('[0, 1)');
    expect(formatInterval({ min: 0, max: 1 })).toBe('[0, 1]');
    expect(formatInterval({})).toBe('(−∞, ∞)');
    expect(formatInterval({ min: null, max: 5 })).toBe('(−∞, 5]');
  });

  it('formats ranges by kind', () => {
    expect(formatRange({ kind: 'number', min: 0, max: Infinity, minOpen: true, logScale: true })).toBe('(0, ∞), log scale');
    expect(formatRange({ kind: 'integer', min: 1, max: 100 })).toBe('integer in [1, 100]');
    expect(formatRange({ kind: 'pair', min: 0, max: 1, maxOpen: true })).toBe('each in [0, 1)');
    expect(formatRange({ kind: 'boolean' })).toBe('true or false');
    expect(formatRange({ kind: 'choice', choices: ['a', 'b'] })).toBe('one of a, b');
    expect(formatRange({ kind: 'object' })).toBe('—');
  });

  it('typesets LaTeX (including aligned blocks) without throwing on errors', () => {
    expect(renderMath(String.raw`\begin{aligned} a &= b \\ c &= d \end{aligned}`, { displayMode: true })).toContain('katex-display');
    expect(renderMath(String.raw`\notacommand{x}`)).toContain('katex');
  });
});
