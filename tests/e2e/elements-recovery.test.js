// The custom elements when their shared module dies, on a bare course page from disk: an abort
// inside the WebAssembly (the worker's own abortForTesting request, sent from inside the worker as
// the host page has no handle on it) kills the module mid-session. The next request finds it dead;
// every element says so, mounts its view again on a new worker with the setup it had at that
// moment (changes made after the page loaded included) and works again; the dead worker is ended.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dist, launchChromium } from './browser.js';

const script = join(dist, 'descent-elements.js');

describe('the custom elements after their module dies', () => {
  let browser;
  let dir;
  beforeAll(async () => {
    if (!existsSync(script)) throw new Error('dist/descent-elements.js is missing: run `npm run build` first');
    dir = mkdtempSync(join(tmpdir(), 'descent-host-'));
    browser = await launchChromium({ viewport: { width: 1400, height: 1000 }, allow: (url) => /^(file|data|blob):/.test(url) || url === 'about:blank' });
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('mount again on a new worker with their current setup', async () => {
    const file = join(dir, 'lesson.html');
    writeFileSync(file, `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>A course page</title></head><body>
<script src="${pathToFileURL(script).href}"></script>
<descent-landscape id="a" state="f=booth&amp;opt=gd(lr:0.05);adam(lr:0.5)"></descent-landscape>
<descent-train id="t" state="t.data=circles&amp;t.epochs=5"></descent-train>
</body></html>\n`);
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const allReady = () => page.waitForFunction(() => [...document.querySelectorAll('descent-landscape, descent-train')].every((e) => e.dataset.ready === 'true'), null, { timeout: 30000 });
    await page.goto(pathToFileURL(file).href);
    await allReady();
    expect(page.workers()).toHaveLength(1);
    const deadWorker = page.workers()[0];
    const closed = new Promise((resolve) => deadWorker.once('close', resolve));

    // Settings changed after the page loaded, in both elements.
    const a = page.locator('#a');
    const t = page.locator('#t');
    await a.locator('select[id$="objective-type"]').selectOption('himmelblau');
    await t.getByLabel('Epochs', { exact: true }).fill('25');
    await t.getByLabel('Epochs', { exact: true }).press('Tab');

    // The abort, from inside the worker: the module is dead from here on.
    await deadWorker.evaluate(() => self.dispatchEvent(new MessageEvent('message', { data: { id: 'abort', type: 'abortForTesting' } })));
    await t.getByRole('button', { name: 'Play' }).click(); // finds it dead
    for (const element of [a, t]) {
      await element.locator('.descent-notice').filter({ hasText: 'restarted with this setup' }).waitFor({ timeout: 30000 });
      expect(await element.locator('.descent-notice').textContent()).toMatch(/^The computation engine stopped earlier \(.*abort.*\) and can answer nothing more; restarted with this setup\./i);
    }
    await allReady();
    await closed; // the dead worker was ended, and a new one serves both elements
    expect(page.workers()).toHaveLength(1);
    expect(page.workers()[0]).not.toBe(deadWorker);

    expect(await a.locator('select[id$="objective-type"]').inputValue()).toBe('himmelblau');
    expect(await a.locator('.race-legend li').evaluateAll((els) => els.map((li) => li.dataset.type))).toEqual(['gd', 'adam']);
    expect(await t.locator('select[id$="-dataset"]').inputValue()).toBe('circles');
    expect(await t.getByLabel('Epochs', { exact: true }).inputValue()).toBe('25');
    // Both work on the new worker.
    await a.getByRole('button', { name: 'Run' }).click();
    await page.waitForSelector('#a .landscape-figure[data-k="200"]', { timeout: 15000 });
    await t.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => Number(document.querySelector('#t .train-view').dataset.epoch) >= 2, null, { timeout: 30000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
