// <descent-momentum> (dist/descent-elements.js) on a bare host page from file://: it renders from
// one script tag with its state attribute, hides what `hide` names, reports edits as
// descent-change, and shows a notice for a bad attribute. Saves test-output/e2e/momentum-element.png.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dist, launchChromium, screenshotPath } from './browser.js';

const script = join(dist, 'descent-elements.js');
const inline = (url) => /^(data|blob):/.test(url) || url === 'about:blank';

describe('<descent-momentum> on a bare page from disk', () => {
  let browser;
  let dir;

  beforeAll(async () => {
    if (!existsSync(script)) throw new Error('dist/descent-elements.js is missing: run `npm run build` first');
    dir = mkdtempSync(join(tmpdir(), 'descent-momentum-host-'));
    browser = await launchChromium({ viewport: { width: 1300, height: 1000 }, allow: (url) => url.startsWith('file:') || inline(url) });
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('renders its state, hides the named groups, and tells the host about edits', async () => {
    const file = join(dir, 'momentum.html');
    writeFileSync(file, `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Momentum</title></head><body>
<script src="${pathToFileURL(script).href}"></script>
<descent-momentum state="lr=0.2&amp;mom=0.3&amp;beta=20" hide="quadratic,explanation"></descent-momentum>
<descent-momentum id="bad" state="m.mom=7"></descent-momentum>
</body></html>\n`);
    const page = await browser.context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('descent-momentum:not(#bad)[data-ready="true"]', { timeout: 30000 });
    const el = page.locator('descent-momentum:not(#bad)');
    const rate = el.locator('[id$="momentum-rate"]');
    await expect.poll(() => rate.getAttribute('data-rate')).not.toBe(null);
    expect(Number(await rate.getAttribute('data-lr'))).toBe(0.2);
    expect(Number(await rate.getAttribute('data-momentum'))).toBe(0.3);
    const q = (Math.sqrt(20) - 1) / (Math.sqrt(20) + 1);
    expect(Number(await el.locator('[id$="momentum-optimum"]').getAttribute('data-rate'))).toBeCloseTo(q, 12);
    expect(await el.locator('[data-group="quadratic"]').isHidden()).toBe(true);
    expect(await el.locator('[data-group="explanation"]').isHidden()).toBe(true);
    expect(await el.locator('[data-group="sliders"]').isVisible()).toBe(true);

    const changed = page.evaluate(() => new Promise((resolve) => {
      document.querySelector('descent-momentum').addEventListener('descent-change', (e) => resolve(e.detail.state), { once: true });
    }));
    await el.locator('input[type="range"][id$="momentum-mu-slider"]').fill('0.6');
    expect(await changed).toBe('m.beta=20&m.lr=0.2&m.mom=0.6');

    const bad = page.locator('#bad');
    await page.waitForSelector('#bad[data-ready="true"]', { timeout: 30000 });
    expect(await bad.locator('.descent-notice').textContent()).toMatch(/state attribute's momentum settings could not be used/);
    await page.screenshot({ path: screenshotPath('momentum-element.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
