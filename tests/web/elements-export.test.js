// Export formats of the landscape race (web/src/export/race.js): CSV and JSON, one row / entry per
// optimizer and step with x, f(x), f − f*, |grad| and the learning rate of the step.
import { describe, expect, it } from 'vitest';
import { parseCsvLine } from '../../web/src/export/csv.js';
import { RACE_COLUMNS, RACE_CSV_HEADER, RACE_JSON_FORMAT, raceColumns, raceToCsv, raceToJson } from '../../web/src/export/race.js';

const result = (over = {}) => ({
  steps: 2,
  xs: Float64Array.from([1, 2, 0.5, 1, 0.25, 0.5]),
  values: Float64Array.from([5, 1.25, 0.3125]),
  gradNorms: Float64Array.from([4, 2, 1]),
  lrs: Float64Array.from([0.1, 0.05]),
  converged: false,
  diverged: false,
  divergedAt: 0,
  reason: '',
  ...over,
});
const runs = () => [
  { label: 'Gradient descent, η = 0.1', type: 'gd', options: { lr: 0.1 }, result: result() },
  { label: 'Adam, η = 0.1', type: 'adam', options: { lr: 0.1 }, result: result({ steps: 1, diverged: true, divergedAt: 1, reason: 'f is not finite', values: Float64Array.from([5, Infinity]) }) },
];

describe('race columns', () => {
  it('holds steps + 1 rows; lr is the rate of the step that led to x_t', () => {
    const cols = raceColumns(result(), 0.25);
    expect(Object.keys(cols)).toEqual(RACE_COLUMNS);
    expect(cols.step).toEqual([0, 1, 2]);
    expect(cols.x1).toEqual([1, 0.5, 0.25]);
    expect(cols.x2).toEqual([2, 1, 0.5]);
    expect(cols.gap).toEqual([4.75, 1, 0.0625]);
    expect(cols.lr).toEqual([undefined, 0.1, 0.05]);
  });
});

describe('race CSV', () => {
  it('has the documented header and one row per optimizer and step, CRLF line ends', () => {
    expect(RACE_CSV_HEADER).toEqual(['optimizer', 'step', 'x1', 'x2', 'f', 'gap', 'gradNorm', 'lr']);
    const csv = raceToCsv(runs(), { fStar: 0.25 });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(RACE_CSV_HEADER.join(','));
    expect(lines).toHaveLength(1 + 3 + 2 + 1);
    expect(lines.at(-1)).toBe('');
    expect(lines[1]).toBe('"Gradient descent, η = 0.1",0,1,2,5,4.75,4,');
    expect(lines[3]).toBe('"Gradient descent, η = 0.1",2,0.25,0.5,0.3125,0.0625,1,0.05');
    expect(parseCsvLine(lines[5])).toEqual(['Adam, η = 0.1', '1', '0.5', '1', '', '', '2', '0.1']);
  });

  it('makes repeated labels unique and guards formula-like labels', () => {
    const same = [runs()[0], runs()[0], { ...runs()[0], label: '=cmd()' }];
    const names = raceToCsv(same).split('\r\n').slice(1, -1).map((l) => parseCsvLine(l)[0]);
    expect([...new Set(names)]).toEqual(['Gradient descent, η = 0.1', 'Gradient descent, η = 0.1 (2)', "'=cmd()"]);
  });
});

describe('race JSON', () => {
  it('has the setup and one array per column per optimizer; non-finite values are null', () => {
    const doc = raceToJson(runs(), { objective: { type: 'booth', label: 'Booth' }, start: [1, 2], steps: 2, fStar: 0.25, fStarKnown: true, exportedAt: 'now' });
    expect(doc.format).toBe(RACE_JSON_FORMAT);
    expect(doc.version).toBe(1);
    expect(doc.objective).toEqual({ type: 'booth', label: 'Booth' });
    expect(doc.start).toEqual([1, 2]);
    expect(doc.fStar).toBe(0.25);
    expect(doc.optimizers).toHaveLength(2);
    const [gd, adam] = doc.optimizers;
    expect(gd).toMatchObject({ index: 0, type: 'gd', options: { lr: 0.1 }, steps: 2, diverged: false, divergedAt: null });
    expect(gd.lr).toEqual([null, 0.1, 0.05]);
    expect(gd.gap).toEqual([4.75, 1, 0.0625]);
    expect(adam).toMatchObject({ diverged: true, divergedAt: 1, reason: 'f is not finite' });
    expect(adam.f).toEqual([5, null]);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
