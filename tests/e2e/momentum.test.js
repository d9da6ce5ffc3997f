// The Momentum view in the built page (Chromium): open it from a link, drive the momentum slider
// and check the rate shown against the closed form for that (eta, mu), click the rate map near
// Polyak's optimum and check the sliders moved there. Nothing may leave localhost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshotPath, waitReady } from './browser.js';

// The heavy ball's rate on eigenvalues {alpha, beta}: the larger root modulus of
// z^2 - (1 + mu - eta*lambda) z + mu, computed here independently of the page.
function rate(alpha, beta, eta, mu) {
  const radius = (lambda) => {
    const b = 1 + mu - eta * lambda;
    const disc = b * b - 4 * mu;
    return disc < 0 ? Math.sqrt(mu) : Math.max(Math.abs(b + Math.sqrt(disc)), Math.abs(b - Math.sqrt(disc))) / 2;
  };
  return Math.max(radius(alpha), radius(beta));
}

const shown = (page, id) => page.locator(`#${id}`).evaluate((el) => ({ text: el.textContent, ...el.dataset }));

describe('the momentum view', () => {
  let browser;

  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1400, height: 1100 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the closed forms, follows the momentum slider, and a click on the map moves the sliders there', async () => {
    const page = await browser.context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${browser.baseUrl}#view=momentum&m.alpha=1&m.beta=10&m.lr=0.1&m.mom=0.5`);
    expect(await waitReady(page)).toBe('');
    expect(await page.getByRole('tab', { name: 'Momentum' }).getAttribute('aria-selected')).toBe('true');
    await page.waitForFunction(() => document.querySelector('#momentum-rate')?.dataset.rate !== undefined);

    // The closed forms beside the map.
    const q = (Math.sqrt(10) - 1) / (Math.sqrt(10) + 1);
    const optimum = await shown(page, 'momentum-optimum');
    expect(Number(optimum.lr)).toBeCloseTo(4 / (1 + Math.sqrt(10)) ** 2, 12);
    expect(Number(optimum.momentum)).toBeCloseTo(q * q, 12);
    expect(Number(optimum.rate)).toBeCloseTo(q, 12);
    expect(Number((await shown(page, 'momentum-gd')).rate)).toBeCloseTo(9 / 11, 12);
    expect(Number((await shown(page, 'momentum-lecture')).rate)).toBeCloseTo(0.9, 12);
    expect((await shown(page, 'momentum-lecture')).text).toBe('0.9000');
    const start = await shown(page, 'momentum-rate');
    expect(Number(start.rate)).toBeCloseTo(rate(1, 10, 0.1, 0.5), 12);
    expect(start.text).toBe(rate(1, 10, 0.1, 0.5).toFixed(4));

    // Drive the momentum slider: the rate shown is the closed form's for (0.1, 0.3), the URL follows.
    await page.locator('#momentum-mu-slider').fill('0.3');
    await page.waitForFunction(() => document.querySelector('#momentum-rate').dataset.momentum === '0.3');
    const moved = await shown(page, 'momentum-rate');
    expect(Number(moved.lr)).toBe(0.1);
    expect(Number(moved.rate)).toBeCloseTo(rate(1, 10, 0.1, 0.3), 12);
    expect(moved.text).toBe(rate(1, 10, 0.1, 0.3).toFixed(4));
    expect(await page.inputValue('#momentum-mu')).toBe('0.3');
    expect(page.url()).toContain('m.mom=0.3');

    // A step too long diverges, and says so.
    await page.fill('#momentum-lr', '0.35');
    await page.locator('#momentum-lr').dispatchEvent('change');
    await page.waitForFunction(() => document.querySelector('#momentum-rate').dataset.lr === '0.35');
    expect((await shown(page, 'momentum-rate')).text).toMatch(/diverges/);

    // Click the map at Polyak's optimum: the sliders move to the grid cell there.
    const canvas = page.locator('#momentum-map');
    const box = await canvas.boundingBox();
    const grid = await canvas.evaluate((el) => ({ box: el.dataset.box.split(',').map(Number), lrs: el.dataset.lrs.split(',').map(Number), momenta: el.dataset.momenta.split(',').map(Number) }));
    expect(grid.lrs).toEqual([0, 0.4]);
    expect(grid.momenta).toEqual([0, 0.99]);
    const [left, top, width, height] = grid.box;
    const [etaStar, muStar] = [Number(optimum.lr), Number(optimum.momentum)];
    const x = left + (etaStar / 0.4) * width;
    const y = top + (1 - muStar / 0.99) * height;
    await page.mouse.click(box.x + x, box.y + y);
    await page.waitForFunction(() => document.querySelector('#momentum-rate').dataset.lr !== '0.35');
    const picked = await shown(page, 'momentum-rate');
    const cellLr = 0.4 / 159; // the page's map has 160 cells a side
    const cellMu = 0.99 / 159;
    expect(Math.abs(Number(picked.lr) - etaStar)).toBeLessThanOrEqual(cellLr);
    expect(Math.abs(Number(picked.momentum) - muStar)).toBeLessThanOrEqual(cellMu);
    expect(Number(await page.inputValue('#momentum-lr'))).toBe(Number(picked.lr));
    expect(Number(await page.inputValue('#momentum-mu'))).toBe(Number(picked.momentum));
    expect(Number(await page.inputValue('#momentum-mu-slider'))).toBeCloseTo(Number(picked.momentum), 12);
    expect(Number(picked.rate)).toBeCloseTo(rate(1, 10, Number(picked.lr), Number(picked.momentum)), 12);
    expect(Number(picked.rate)).toBeLessThan(q + 0.02);

    // The iterates are drawn and the eigen-components chart has its four series.
    expect(await page.locator('.momentum-components canvas').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('momentum.png'), fullPage: true });

    // The embed dialog offers this setup as <descent-momentum>.
    await page.getByRole('button', { name: 'Copy embed code' }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this setup' });
    expect(await dialog.getByRole('radio', { name: 'Momentum' }).isChecked()).toBe(true);
    await dialog.getByRole('checkbox', { name: /^rule/ }).check();
    const snippet = await dialog.locator('textarea').first().inputValue();
    const url = (x) => String(Number(Number(x).toPrecision(10))); // links keep 10 significant digits
    expect(snippet).toContain(`<descent-momentum state="m.lr=${url(picked.lr)}&amp;m.mom=${url(picked.momentum)}" hide="rule"></descent-momentum>`);
    await page.keyboard.press('Escape');
    expect(pageErrors).toEqual([]);
    expect(browser.external).toEqual([]);
    await page.close();
  });

  it('a malformed momentum link shows the defaults and a notice', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${browser.baseUrl}#view=momentum&m.mom=1.5&m.lr=<b>x</b>`);
    expect(await waitReady(page)).toBe('');
    await page.waitForFunction(() => document.querySelector('#momentum-rate')?.dataset.rate !== undefined);
    expect(await page.locator('#notice').textContent()).toMatch(/momentum settings could not be used/);
    expect(await page.locator('#notice b').count()).toBe(0);
    expect(await page.inputValue('#momentum-mu')).toBe('0.5');
    await page.close();
  });
});
