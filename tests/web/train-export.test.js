// Export formats of the train view (web/src/views/train/export.js): CSV and JSON of the history.
import { describe, expect, it } from 'vitest';
import {
  CSV_HEADER, HISTORY_COLUMNS, JSON_FORMAT, csvNumber, csvText, fileStem, historyToCsv, historyToJson, parseCsvLine, uniqueLabels,
} from '../../web/src/views/train/export.js';

const point = (over = {}) => ({
  epoch: [0, 1, 2],
  trainLoss: [1.1, 0.5, 0.25],
  testLoss: [1.2, 0.6, 0.3],
  trainAccuracy: [0.3, 0.8, 0.9],
  testAccuracy: [0.25, 0.75, 0.875],
  gradNorm: [2, 1, 0.5],
  weightNorm: [3, 3.5, 4],
  lr: [0.1, 0.1, 0.05],
  diverged: false,
  divergedAt: 0,
  reason: '',
  ...over,
});

describe('history CSV', () => {
  it('has the documented header and one row per optimizer and epoch', () => {
    expect(CSV_HEADER).toEqual(['optimizer', 'epoch', 'trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy', 'gradNorm', 'weightNorm', 'lr']);
    const csv = historyToCsv([point(), point({ epoch: [0, 1], trainLoss: [2, 1] })], ['SGD · lr 0.1, momentum 0.9', 'Adam · lr 0.01']);
    const lines = csv.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines).toHaveLength(1 + 3 + 2 + 1);
    expect(lines[1]).toBe('"SGD · lr 0.1, momentum 0.9",0,1.1,1.2,0.3,0.25,2,3,0.1');
    expect(parseCsvLine(lines[3])).toEqual(['SGD · lr 0.1, momentum 0.9', '2', '0.25', '0.3', '0.9', '0.875', '0.5', '4', '0.05']);
    expect(parseCsvLine(lines[5])[0]).toBe('Adam · lr 0.01');
  });

  it('keeps full precision, and writes NaN, Infinity and absent columns (regression, no test set) as empty cells', () => {
    const h = point({ trainLoss: [0.1 + 0.2, NaN, Infinity], testLoss: null, trainAccuracy: null, testAccuracy: null });
    const rows = historyToCsv([h], ['GD']).trim().split('\r\n').slice(1).map(parseCsvLine);
    expect(rows[0]).toEqual(['GD', '0', '0.30000000000000004', '', '', '', '2', '3', '0.1']);
    expect(rows[1][2]).toBe('');
    expect(rows[2][2]).toBe('');
    expect(Number(rows[0][2])).toBe(0.1 + 0.2);
  });

  it('quotes, doubles quotes and defuses spreadsheet formulas in text cells', () => {
    expect(csvText('plain')).toBe('plain');
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText('line\nbreak')).toBe('"line\nbreak"');
    expect(csvText('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvText('+1')).toBe("'+1");
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvNumber(-0.5)).toBe('-0.5');
    expect(csvNumber(null)).toBe('');
    expect(parseCsvLine(csvText('say "hi", ok'))).toEqual(['say "hi", ok']);
  });

  it('makes repeated labels unique so rows can be grouped', () => {
    expect(uniqueLabels(['Adam', 'SGD', 'Adam', 'Adam'])).toEqual(['Adam', 'SGD', 'Adam (2)', 'Adam (3)']);
    const csv = historyToCsv([point(), point()], ['Adam', 'Adam']);
    expect(csv).toContain('\r\nAdam (2),0,');
  });

  it('an empty history is just the header', () => {
    expect(historyToCsv([], [])).toBe(`${CSV_HEADER.join(',')}\r\n`);
  });
});

describe('history JSON', () => {
  it('holds the setup and one object of columns per optimizer; non-finite values become null', () => {
    const spec = { dataset: { type: 'spiral' }, network: { hidden: [8] }, optimizers: [{ type: 'sgd', lr: 0.1 }, { type: 'adam', lr: 0.01 }] };
    const doc = historyToJson([point({ trainLoss: [1, NaN, 0.5] }), point({ diverged: true, divergedAt: 17, reason: 'loss is not finite', testLoss: null })],
      ['SGD', 'Adam'], { spec, stepsPerEpoch: 8, exportedAt: '2024-01-01T00:00:00.000Z' });
    expect(doc).toMatchObject({ format: JSON_FORMAT, version: 1, stepsPerEpoch: 8, setup: { spec } });
    expect(doc.optimizers[0]).toMatchObject({ index: 0, label: 'SGD', spec: { type: 'sgd', lr: 0.1 }, diverged: false, divergedAt: null, trainLoss: [1, null, 0.5] });
    expect(doc.optimizers[1]).toMatchObject({ index: 1, label: 'Adam', diverged: true, divergedAt: 17, reason: 'loss is not finite', testLoss: null });
    for (const c of HISTORY_COLUMNS) expect(Object.hasOwn(doc.optimizers[0], c)).toBe(true);
    // survives JSON (no NaN, no typed arrays)
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('accepts typed arrays as columns', () => {
    const doc = historyToJson([point({ epoch: new Float64Array([0, 1, 2]), lr: new Float64Array([0.1, 0.1, 0.1]) })], ['GD']);
    expect(doc.optimizers[0].epoch).toEqual([0, 1, 2]);
    expect(Array.isArray(doc.optimizers[0].lr)).toBe(true);
  });
});

describe('file names', () => {
  it('are made of letters, digits and dashes', () => {
    expect(fileStem('descent', 'spiral', 'epoch 40')).toBe('descent-spiral-epoch-40');
    expect(fileStem('../../etc/passwd', '<b>')).toBe('etc-passwd-b');
    expect(fileStem('')).toBe('descent');
  });
});
