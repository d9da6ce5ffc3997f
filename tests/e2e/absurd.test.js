// Absurd requests in Chromium: a million epochs and a network past the size limit in a link, a
// 100 MB CSV file chosen in the Train view, and a paste or a drop past 20 MB into its CSV box
// (refused before the browser inserts it: laying out that much text freezes the tab). Each is
// refused with a message naming what is wrong and what is allowed, and the page keeps answering
// clicks. (Text past 20 MB that is already in the box never reaches the worker either:
// tests/web/train-spec.test.js.)
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

  /** The Train view with the CSV data set chosen, and the page's uncaught errors. */
  async function openCsvData() {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${browser.baseUrl}#view=train`);
    expect(await waitReady(page)).toBe('');
    const view = page.locator('#train-view');
    await view.getByLabel('Data set').selectOption('csv');
    return { page, view, errors };
  }

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
    const { page, view, errors } = await openCsvData();
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

  it('refuses a paste or a dropped file past 20 MB before it enters the CSV box, and reads a dropped file', async () => {
    const { page, view, errors } = await openCsvData();
    const error = view.locator('.csv-error');
    // Synthetic events run the page's handlers as a real paste or drop would; `inserted` is
    // false when a handler refused the browser's default (inserting the text, opening the file).
    const send = (kind, what) => page.evaluate(({ kind, what }) => {
      const area = document.querySelector('#train-view textarea');
      const table = (rows) => 'x1,x2,label\n' + '0.5,1.25,1\n'.repeat(rows);
      const data = new DataTransfer();
      if (what === 'big text') data.setData('text/plain', table(2_000_000)); // 22,000,012 characters
      if (what === 'small text') data.setData('text/plain', table(3));
      if (what === 'big file') data.items.add(new File([table(2_000_000)], 'big.csv', { type: 'text/csv' }));
      if (what === 'small file') data.items.add(new File([table(40) + '-0.5,-1.25,0\n'.repeat(40)], 'small.csv', { type: 'text/csv' }));
      const event = kind === 'paste'
        ? new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
        : new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
      return { inserted: area.dispatchEvent(event), length: area.value.length };
    }, { kind, what });

    expect(await send('paste', 'big text')).toEqual({ inserted: false, length: 0 });
    expect(await error.textContent()).toBe('csv: the pasted text would make the table larger than 20 MB (22000012 characters); load a smaller table');
    expect((await send('paste', 'small text')).inserted).toBe(true); // left to the browser
    expect(await send('drop', 'big text')).toEqual({ inserted: false, length: 0 });
    expect(await error.textContent()).toMatch(/^csv: the dropped text would make the table larger than 20 MB/);
    expect(await send('drop', 'big file')).toEqual({ inserted: false, length: 0 });
    expect(await error.textContent()).toBe('csv: the file is larger than 20 MB (22000012 bytes); use a smaller table');
    // A small file dropped on the box is read into it, and trains.
    expect((await send('drop', 'small file')).inserted).toBe(false); // read by the page, not opened
    await page.waitForFunction(() => document.querySelector('#train-view textarea').value.length === 12 + 40 * 11 + 40 * 13);
    expect(await error.isHidden()).toBe(true);
    await view.getByRole('button', { name: 'Step (1 epoch)' }).click();
    await page.waitForFunction(() => document.querySelector('#train-view .train-view').dataset.epoch === '1', null, { timeout: 30000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
