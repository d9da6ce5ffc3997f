// Text contrast of the built page (Chromium), in the light and the dark colour scheme: every
// visible piece of text in each view (after its computation has run) against the background it
// is drawn on must reach WCAG AA's 4.5:1 (3:1 for large text). Disabled controls are exempt, as in
// WCAG; text drawn on canvases (chart ticks) and KaTeX's formulas are not checked here. (The dark
// scheme's white text on its light accent, 2:1, was what this test first found.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, waitReady } from './browser.js';

/** Text below the contrast it needs, on the page as it is: [{ text, where, ratio, needs }]. */
const lowContrast = (page) => page.evaluate(() => {
  const rgba = (css) => {
    const m = /rgba?\(([^)]+)\)/.exec(css);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const luminance = ({ r, g, b }) => {
    const lin = (c) => { const s = c / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const over = (top, under) => ({ r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a), a: 1 });
  // The colour behind an element: its own and its ancestors' backgrounds, composited down to the page's.
  const backdrop = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    let colour = rgba(getComputedStyle(document.documentElement).backgroundColor) ?? { r: 255, g: 255, b: 255, a: 1 };
    if (colour.a < 1) colour = over(colour, { r: 255, g: 255, b: 255, a: 1 });
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && Number(s.opacity) > 0;
  };
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || !visible(el)) continue;
    if (el.closest('[hidden], :disabled, .katex, svg, .visually-hidden, script, style')) continue;
    const s = getComputedStyle(el);
    let fg = rgba(s.color);
    const bg = backdrop(el);
    fg = over(fg, bg);
    const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(s.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
    const needs = large ? 3 : 4.5;
    if (ratio < needs) {
      found.push({ text: node.textContent.trim().slice(0, 40), where: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`, ratio: Math.round(ratio * 100) / 100, needs });
    }
  }
  return found;
});

// Each view with what its run button shows (the weight-decay grid trains whole: about 2 s).
const until = (page, script, timeout = 60000) => page.waitForFunction(script, null, { timeout });
const VIEWS = [
  ['landscape', async (page) => {
    await page.locator('#landscape-run').click();
    await until(page, () => document.querySelector('.landscape-figure')?.dataset.k === '200');
  }],
  ['train', async (page) => {
    await page.locator('#train-view').getByRole('button', { name: 'Play' }).first().click();
    await until(page, () => Number(document.querySelector('#train-view .train-view').dataset.epoch) >= 5);
  }],
  ['momentum', async () => {}],
  ['rules', async () => {}],
  ['decay', async (page) => {
    await page.click('#decay-run');
    await until(page, () => document.querySelector('#decay-view').dataset.state === 'done', 90000);
  }],
  ['init', async (page) => {
    await page.fill('#init-epochs', '2');
    await page.click('#init-run');
    await until(page, () => document.querySelector('#init-view').dataset.state === 'done');
  }],
  ['schedules', async (page) => {
    await page.click('#sched-run');
    await until(page, () => document.querySelector('#schedules-view').dataset.state === 'done');
  }],
  ['tour', async () => {}],
];

describe.each(['light', 'dark'])('text contrast in the %s scheme', (scheme) => {
  let browser;
  let page;
  const errors = [];
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1300, height: 950 } });
    page = await browser.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(browser.baseUrl);
    expect(await waitReady(page)).toBe('');
  });
  afterAll(async () => {
    await browser?.close();
  });

  // (the skip link is in every audit: off screen until focused, it is drawn all the same)
  it.each(VIEWS)('%s: every text reaches 4.5:1 (3:1 when large)', async (view, run) => {
    await page.click(`#tab-${view}`);
    await run(page);
    expect(await lowContrast(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
