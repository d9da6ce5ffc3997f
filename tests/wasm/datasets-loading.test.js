// The digits travel beside the module (build/wasm/descent-digits.mjs), not in it: loadDataset
// imports them on demand and provideDataset checks the bytes. Every test here uses a fresh
// module, since a module that has loaded them keeps them.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import createDescent from '../../build/wasm/descent.mjs';
import companion from '../../build/wasm/descent-digits.mjs';

const MODULE = new URL('../../build/wasm/descent.mjs', import.meta.url);
const COMPANION = new URL('../../build/wasm/descent-digits.mjs', import.meta.url);
const digitsBytes = () => new Uint8Array(gunzipSync(Buffer.from(companion, 'base64')));
const digitsSpec = {
  dataset: { type: 'digits', testFraction: 0.25 }, network: { hidden: [] }, batchSize: 64, seed: 2,
  optimizers: [{ type: 'adam', lr: 0.01 }],
};
const needsLoading = (d) => Object.fromEntries(d.listDatasets().map((x) => [x.type, x.needsLoading]));

describe('digits on demand', () => {
  it('are listed as needing loading, and a digits experiment says what to call', async () => {
    const d = await createDescent();
    expect(needsLoading(d)).toEqual({
      spiral: false, circles: false, xor: false, gaussians: false, moons: false, sine: false, surface: false,
      digits: true, iris: false, csv: false,
    });
    expect(() => d.createExperiment(digitsSpec)).toThrow(
      "dataset 'digits': its data is not loaded yet: call await loadDataset('digits') first (it travels beside the WebAssembly module)");
    // the module keeps working, and the other data sets need nothing
    await expect(d.loadDataset('iris')).resolves.toBeUndefined();
    const iris = d.createExperiment({ ...digitsSpec, dataset: { type: 'iris' } });
    expect(iris.info().inputs).toBe(4);
    iris.delete();
  });

  it('loadDataset(\'digits\') imports the companion once; then digits train', async () => {
    const d = await createDescent();
    const heap = d.heapBytesInUse();
    await Promise.all([d.loadDataset('digits'), d.loadDataset('digits')]);
    expect(needsLoading(d).digits).toBe(false);
    expect(d.heapBytesInUse() - heap).toBeGreaterThanOrEqual(116805);
    expect(d.heapBytesInUse() - heap).toBeLessThan(2 * 116805);
    await d.loadDataset('digits'); // loaded: nothing to do
    const exp = d.createExperiment(digitsSpec);
    const data = exp.data();
    expect(data).toMatchObject({ type: 'digits', features: 64, outputs: 10 });
    const labels = [...data.yTrain, ...data.yTest];
    expect(labels.length).toBe(1797);
    expect(labels.filter((y) => y === 0).length).toBe(178); // per label in the source
    expect(labels.reduce((a, b) => a + b, 0)).toBe(8070); // cpp/nn/data/README.md's label sum
    exp.run({ epochs: 3 });
    expect(exp.history()[0].testAccuracy.at(-1)).toBeGreaterThan(0.8);
    exp.delete();
  });

  it('loadDataset refuses an unknown data set by name', async () => {
    const d = await createDescent();
    await expect(d.loadDataset('mnist')).rejects.toThrow(
      "loadDataset: unknown data set 'mnist'; allowed: 'spiral', 'circles', 'xor', 'gaussians', 'moons', 'sine', 'surface', 'digits', 'iris' or 'csv'");
    await expect(d.loadDataset()).rejects.toThrow('loadDataset: unknown data set undefined; allowed: ');
  });

  // In a plain Node process (as a user's), with a copy of the module in a directory of its own.
  it('says where the companion belongs when it is missing, and can try again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'descent-alone-'));
    try {
      copyFileSync(MODULE, join(dir, 'descent.mjs'));
      const script = `
        import { copyFileSync } from 'node:fs';
        const { default: create } = await import(process.argv[1]);
        const d = await create();
        const digits = () => d.listDatasets().find((x) => x.type === 'digits').needsLoading;
        const out = {};
        try { await d.loadDataset('digits'); } catch (e) { out.error = e.message; }
        out.afterError = digits();
        copyFileSync(process.argv[2], new URL('descent-digits.mjs', process.argv[1]));
        await d.loadDataset('digits');
        out.afterRetry = digits();
        console.log(JSON.stringify(out));`;
      const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script,
        pathToFileURL(join(dir, 'descent.mjs')).href, fileURLToPath(COMPANION)], { encoding: 'utf8' }));
      expect(out.error).toMatch(/^loadDataset\('digits'\): could not import descent-digits\.mjs, which belongs beside descent\.mjs: .*descent-digits\.mjs/);
      expect(out).toMatchObject({ afterError: true, afterRetry: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('provideDataset checks what it is given', () => {
  const rows = [
    ['a type that is not a string', (d) => d.provideDataset(7, digitsBytes()),
      "provideDataset: the data set must be a string such as 'digits', got number"],
    ['bytes that are not a Uint8Array', (d) => d.provideDataset('digits', [1, 2, 3]), 'provideDataset: the data must be a Uint8Array, got Array'],
    ['a string', (d) => d.provideDataset('digits', 'abc'), 'provideDataset: the data must be a Uint8Array, got String'],
    ['null', (d) => d.provideDataset('digits', null), 'provideDataset: the data must be a Uint8Array, got Null'],
    ['a data set inside the module', (d) => d.provideDataset('iris', digitsBytes()),
      "provideDataset: data set 'iris' is part of the module and takes no data; data sets that take their data: 'digits'"],
    ['an unknown data set', (d) => d.provideDataset('mnist', digitsBytes()),
      "provideDataset: unknown data set 'mnist'; data sets that take their data: 'digits'"],
    ['too few bytes', (d) => d.provideDataset('digits', digitsBytes().subarray(0, 1000)),
      "dataset 'digits': the data has 1000 bytes, expected 116805 (1797 images of 64 pixels and a label)"],
    ['a byte that is no pixel', (d) => { const b = digitsBytes(); b[65 * 2 + 10] = 'h'.charCodeAt(0); d.provideDataset('digits', b); },
      "dataset 'digits': byte 140 (image 2, pixel 10) is 'h', expected a pixel '0'..'9' or 'a'..'g' (0..16)"],
    ['a label that is no digit', (d) => { const b = digitsBytes(); b[64] = 255; d.provideDataset('digits', b); },
      "dataset 'digits': byte 64 (image 0, label) is byte 0xff, expected a label '0'..'9'"],
    ['valid bytes in another order', (d) => { const b = digitsBytes(); b.copyWithin(0, 65, 130); d.provideDataset('digits', b); },
      /^dataset 'digits': the data's checksum is 0x[0-9a-f]{8}, expected 0x3b3fb563: these are not the library's digits/],
  ];

  it.each(rows)('%s', async (_name, call, message) => {
    const d = await createDescent();
    expect(() => call(d)).toThrow(message);
    expect(needsLoading(d).digits).toBe(true); // nothing half-loaded
  });

  it('takes the companion\'s bytes, which are the library\'s digits', async () => {
    const d = await createDescent();
    const bytes = digitsBytes();
    expect(bytes.length).toBe(116805);
    expect(new TextDecoder().decode(bytes.subarray(0, 65))).toBe('005d910000dfaf5003f20b8004c008800580098004b01c7002e5ac00006da0000');
    expect(d.provideDataset('digits', bytes)).toBeUndefined();
    expect(needsLoading(d).digits).toBe(false);
    expect(readFileSync(COMPANION, 'utf8')).toMatch(/^\/\/ Generated by build-scripts\/pack-digits\.mjs/);
  });
});
