// Hostile content in every input a stranger controls: the link's fragment, a CSV pasted into the
// Train view, and a custom element's attributes. Each payload would set window.pwned or add an
// <img src="x"> if it ever reached the page as markup; neither may happen, and what the page says
// about the bad input is plain text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, waitReady } from './browser.js';

const IMG = '<img src="x" onerror="window.pwned=1">';
const SCRIPT = '<script>window.pwned=1</script>';

const injected = (page) => page.evaluate(() => ({
  pwned: window.pwned ?? null,
  images: document.querySelectorAll('img[src="x"]').length,
  scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent.includes('pwned')).length,
}));
const clean = { pwned: null, images: 0, scripts: 0 };

describe('hostile content', () => {
  let browser;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1300, height: 950 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['an objective', `#f=${encodeURIComponent(IMG)}`],
    ['a view', `#view=${encodeURIComponent(SCRIPT)}`],
    ['an optimizer option', `#opt=adam(lr:${encodeURIComponent(IMG)})`],
    ['a train optimizer', `#view=train&t.opt=${encodeURIComponent(SCRIPT)}`],
    ['a data set', `#view=train&t.data=${encodeURIComponent(IMG)}`],
    ['a momentum key', `#view=momentum&m.lr=${encodeURIComponent(IMG)}`],
    ['an init key', `#view=init&initAct=${encodeURIComponent(IMG)}`],
    ['a tour step', `#view=tour&tour=${encodeURIComponent(SCRIPT)}`],
    ['an unknown key', `#${encodeURIComponent(IMG)}=1`],
  ])('in the link (%s) is refused as text', async (_, hash) => {
    const page = await browser.context.newPage();
    await page.goto(`${browser.baseUrl}${hash}`);
    expect(await waitReady(page)).toBe('');
    const notice = await page.locator('#notice').textContent();
    expect(notice).toMatch(/defaults|could not/i);
    expect(notice).not.toMatch(/[<>]/); // never echoed
    expect(await injected(page)).toEqual(clean);
    await page.close();
  });

  it('in a pasted CSV is shown, if at all, as text', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${browser.baseUrl}#view=train`);
    expect(await waitReady(page)).toBe('');
    const view = page.locator('#train-view');
    await view.getByLabel('Data set').selectOption('csv');
    const area = view.getByLabel(/^CSV/);
    // A header of markup (a header row is any row with text) and then a cell of markup.
    await area.fill(`${IMG},${SCRIPT},label\n1,2,0\n2,1,1\n0.5,0.3,0\n1.5,2.5,1\n`);
    await area.press('Tab');
    await view.getByRole('button', { name: 'Play' }).first().click();
    await page.waitForTimeout(1500);
    expect(await injected(page)).toEqual(clean);
    await area.fill(`a,b,label\n1,2,0\n${IMG},1,1\n`);
    await area.press('Tab');
    await view.getByRole('button', { name: 'Play' }).first().click();
    const error = view.locator('.csv-error');
    await error.waitFor({ state: 'visible', timeout: 10000 });
    expect(await error.textContent()).toMatch(/line 3/);
    expect(await error.evaluate((el) => el.children.length)).toBe(0); // text only
    expect(await injected(page)).toEqual(clean);
    await page.close();
  });

  it('in a custom element\'s attributes stays text', async () => {
    const host = `${browser.baseUrl}hostile-host.html`;
    const attr = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    await browser.context.route(host, (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
        <script src="descent-elements.js"></script>
        <descent-landscape id="a" state="${attr(`f=${IMG}`)}" hide="${attr(SCRIPT)}"></descent-landscape>
        <descent-init id="b" state="${attr(`initAct=${IMG}`)}"></descent-init>
        </body></html>`,
    }));
    const page = await browser.context.newPage();
    await page.goto(host);
    await page.waitForSelector('descent-landscape[data-ready]', { timeout: 30000 });
    await page.waitForSelector('descent-init[data-ready]', { timeout: 30000 });
    for (const id of ['a', 'b']) {
      const notice = page.locator(`#${id} .descent-notice`);
      expect(await notice.isVisible()).toBe(true);
      expect(await notice.textContent()).not.toMatch(/[<>]/);
    }
    expect(await injected(page)).toEqual(clean);
    await page.close();
  });
});
