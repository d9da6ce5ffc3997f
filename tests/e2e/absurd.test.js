// Absurd requests in Chromium: a million epochs and a network past the size limit in a link, and a
// 100 MB CSV file chosen in the Train view (a paste past 20 MB is refused before it reaches the
// worker: tests/web/train-spec.test.js). Each is refused with a message naming what is wrong and
// what is allowed, and the page keeps answering clicks.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, waitReady } from './browser.js';

describe('absurd requests', () => {
  let browser;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1300, height: 950 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['a million epochs', 't.epochs=1000000', 'epochs must lie in 1 to 100000'],
    ['layers past the width limit', 't.hidden=5000', 'layer widths must lie in 1 to 1024'],
    ['too many layers', `t.hidden=${new Array(20).fill(64).join(',')}`, 'at most 8 hidden layers'],
  ])('refuses %s in a link, by name', async (_, keys, message) => {
    const page = await browser.context.newPage();
    await page.goto(`${browser.baseUrl}#view=train&${keys}`);
    expect(await waitReady(page)).toBe('');
    expect(await page.locator('#notice').textContent()).toContain(message);
    await page.close();
  });

  it('refuses a 100 MB CSV file unread, and stays responsive', async () => {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${browser.baseUrl}#view=train`);
    expect(await waitReady(page)).toBe('');
    const view = page.locator('#train-view');
    await view.getByLabel('Data set').selectOption('csv');
    // A 100 MB file: refused from its size, before it is read.
    const dir = mkdtempSync(join(tmpdir(), 'descent-absurd-'));
    const big = join(dir, 'huge.csv');
    writeFileSync(big, 'x1,x2,label\n' + '0.5,1.25,1\n'.repeat(Math.ceil(100e6 / 11)));
    const t0 = Date.now();
    await view.locator('input[type="file"]').setInputFiles(big);
    rmSync(dir, { recursive: true, force: true });
    const error = view.locator('.csv-error');
    await error.waitFor({ state: 'visible', timeout: 20000 });
    expect(await error.textContent()).toMatch(/^csv: the file is larger than 20 MB \(100000\d{3} bytes\); use a smaller table$/);
    expect(Date.now() - t0).toBeLessThan(15000);
    // Still answering: the tabs switch at once.
    const t = Date.now();
    await page.getByRole('tab', { name: 'Landscape' }).click();
    expect(await page.getByRole('tab', { name: 'Landscape' }).getAttribute('aria-selected')).toBe('true');
    expect(Date.now() - t).toBeLessThan(5000);
    expect(errors).toEqual([]);
    await page.close();
  });
});
