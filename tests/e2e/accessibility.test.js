// Accessibility of the built page (Chromium) at a phone's width (390x844), for the Landscape and
// Train tabs: no horizontal page scroll (screenshots test-output/e2e/phone-*.png), every visible
// control has an accessible name, and the page works by keyboard alone: tabs by the arrow keys,
// the landscape race started with Enter on Run, training started with Space on Play, with a
// visible focus ring (:focus-visible outline).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshotPath, waitReady } from './browser.js';

const PHONE = { width: 390, height: 844 };

/** The page's horizontal overflow: how far the document scrolls sideways, and what sticks out. */
const overflow = (page) => page.evaluate(() => {
  const width = window.innerWidth;
  const scrollWidth = document.scrollingElement.scrollWidth;
  const wide = [];
  if (scrollWidth > width + 1) {
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1) wide.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} right=${Math.round(r.right)}`);
    }
  }
  return { width, scrollWidth, wide: wide.slice(0, 15) };
});

/** Visible controls in `root` (a selector) without an accessible name. */
const unnamed = (page, root) => page.evaluate((sel) => {
  const text = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const name = (el) => {
    const ids = el.getAttribute('aria-labelledby');
    if (ids) {
      const t = ids.split(/\s+/).map((i) => text(document.getElementById(i))).join(' ').trim();
      if (t) return t;
    }
    if (el.getAttribute('aria-label')?.trim()) return el.getAttribute('aria-label').trim();
    const labels = [...(el.labels ?? [])].map(text).join(' ').trim();
    if (labels) return labels;
    if (el.tagName === 'BUTTON' && text(el)) return text(el);
    if (el.getAttribute('title')?.trim()) return el.getAttribute('title').trim();
    return '';
  };
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
  };
  const controls = [...document.querySelector(sel).querySelectorAll('input, select, textarea, button')]
    .filter((el) => el.type !== 'hidden' && visible(el));
  return {
    count: controls.length,
    missing: controls.filter((el) => !name(el)).map((el) => el.outerHTML.slice(0, 160)),
  };
}, root);

/** Presses `key` until the focused element matches `selector` (at most `limit` times). */
async function pressUntil(page, key, selector, limit = 120) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
    await page.keyboard.press(key);
  }
  return page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
}

/** Whether the focused element matches :focus-visible and draws an outline. */
const focusRing = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const s = getComputedStyle(el);
  return { focusVisible: el.matches(':focus-visible'), outline: s.outlineStyle, width: parseFloat(s.outlineWidth) };
});

describe('accessibility at a phone width, by keyboard', () => {
  let browser;
  let page;
  const pageErrors = [];

  beforeAll(async () => {
    browser = await launch({ viewport: PHONE });
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(browser.baseUrl);
    expect(await waitReady(page)).toBe('');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the CSS draws an outline on :focus-visible', async () => {
    const rules = await page.evaluate(() => {
      const found = [];
      for (const sheet of document.styleSheets) {
        let list;
        try { list = sheet.cssRules; } catch { continue; }
        for (const rule of list) {
          // (a shorthand with var() leaves the longhands empty until computed: read the text)
          const outline = rule.style?.getPropertyValue('outline') || rule.style?.getPropertyValue('outline-style') || '';
          if (rule.selectorText?.includes(':focus-visible') && outline && !/\bnone\b/.test(outline)) found.push(rule.selectorText);
        }
      }
      return found;
    });
    expect(rules.length).toBeGreaterThan(0);
  });

  it('Landscape: fits the phone width and every control is labelled', async () => {
    expect(await page.locator('#panel-landscape').isVisible()).toBe(true);
    await page.waitForSelector('#landscape-run');
    const o = await overflow(page);
    expect(o.scrollWidth, `overflowing: ${o.wide.join(', ')}`).toBeLessThanOrEqual(o.width + 1);
    await page.screenshot({ path: screenshotPath('phone-landscape.png'), fullPage: true });
    const { count, missing } = await unnamed(page, '#panel-landscape');
    expect(count).toBeGreaterThan(10);
    expect(missing).toEqual([]);
    // The check itself catches an unlabelled control.
    await page.evaluate(() => document.querySelector('#landscape-view').append(Object.assign(document.createElement('input'), { id: 'a11y-probe' })));
    expect((await unnamed(page, '#panel-landscape')).missing).toHaveLength(1);
    await page.evaluate(() => document.getElementById('a11y-probe').remove());
  });

  it('the tabs are one row that scrolls sideways, the selected tab in view with room for its focus ring', async () => {
    const row = () => page.evaluate(() => {
      const list = document.querySelector('[role="tablist"]');
      const box = list.getBoundingClientRect();
      const tops = [...list.querySelectorAll('[role="tab"]')].map((t) => Math.round(t.getBoundingClientRect().top));
      const tab = list.querySelector('[aria-selected="true"]').getBoundingClientRect();
      const ring = 5; // :focus-visible's 3px outline at a 2px offset
      return { tops: new Set(tops).size, scrolls: list.scrollWidth > list.clientWidth, more: list.dataset.more ?? '',
        inView: tab.left >= box.left - 0.5 && tab.right <= box.right + 0.5,
        ringFits: tab.top - ring >= box.top - 0.5 && tab.left - ring >= box.left - 0.5 };
    });
    expect(await row()).toEqual({ tops: 1, scrolls: true, more: 'right', inView: true, ringFits: true });
    // (not the Tour tab: its demos would add legends that the race below counts)
    await page.evaluate(() => document.getElementById('tab-schedules').focus({ preventScroll: true }));
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement.id)).toBe('tab-init');
    expect(await row()).toMatchObject({ tops: 1, more: 'both', inView: true, ringFits: true });
    expect(await page.evaluate(() => window.scrollX)).toBe(0);
    await page.keyboard.press('Home');
    expect(await row()).toMatchObject({ more: 'right', inView: true, ringFits: true });
  });

  it('the tabs stay one row at laptop and projector widths too', async () => {
    const wide = await browser.context.newPage();
    for (const width of [820, 900, 1024, 1060, 1280]) {
      await wide.setViewportSize({ width, height: 768 });
      if (width === 820) {
        await wide.goto(browser.baseUrl);
        expect(await waitReady(wide)).toBe('');
      }
      const rows = await wide.evaluate(() => new Set([...document.querySelectorAll('[role="tab"]')]
        .map((t) => Math.round(t.getBoundingClientRect().top))).size);
      expect(rows, `tab rows at ${width} px`).toBe(1);
    }
    await wide.close();
  });

  it('Landscape by keyboard: arrow keys move between tabs, Enter on Run races', async () => {
    await page.locator('#tab-landscape').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement.id)).toBe('tab-train');
    expect(await page.locator('#tab-train').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#panel-train').isVisible()).toBe(true);
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement.id)).toBe('tab-landscape');
    expect(await page.locator('#tab-landscape').getAttribute('aria-selected')).toBe('true');
    const ring = await focusRing(page);
    expect(ring.focusVisible).toBe(true);
    expect(ring.outline).not.toBe('none');
    expect(ring.width).toBeGreaterThan(0);

    expect(await pressUntil(page, 'Tab', '#landscape-run')).toBe(true);
    expect((await focusRing(page)).outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.landscape-figure')?.dataset.k === '200', null, { timeout: 10000 });
    expect(await page.locator('.race-legend li').count()).toBe(4);
    const o = await overflow(page);
    expect(o.scrollWidth, `overflowing after the race: ${o.wide.join(', ')}`).toBeLessThanOrEqual(o.width + 1);
  });

  it('Train: fits the phone width, every control is labelled, Space on Play trains', async () => {
    await page.locator('#tab-landscape').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#tab-train').getAttribute('aria-selected')).toBe('true');
    await page.waitForSelector('#train-view .train-view[data-ready="true"]', { timeout: 30000 });
    const o = await overflow(page);
    expect(o.scrollWidth, `overflowing: ${o.wide.join(', ')}`).toBeLessThanOrEqual(o.width + 1);
    await page.screenshot({ path: screenshotPath('phone-train.png'), fullPage: true });
    const { count, missing } = await unnamed(page, '#panel-train');
    expect(count).toBeGreaterThan(10);
    expect(missing).toEqual([]);

    // From the tab, Tab forward to Play (Shift+Tab back if we ran past it).
    const play = '#train-view .train-toolbar button.primary';
    await page.locator('#tab-train').focus();
    const reached = await pressUntil(page, 'Tab', play, 80) || await pressUntil(page, 'Shift+Tab', play, 160);
    expect(reached).toBe(true);
    expect(await page.evaluate(() => document.activeElement.textContent.trim())).toBe('Play');
    const ring = await focusRing(page);
    expect(ring.focusVisible).toBe(true);
    expect(ring.outline).not.toBe('none');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => Number(document.querySelector('#train-view .train-view').dataset.epoch) >= 3, null, { timeout: 20000 });
    expect(await page.evaluate(() => document.activeElement.textContent.trim())).toBe('Pause');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.activeElement.textContent.trim() !== 'Pause', null, { timeout: 5000 });
    const after = await overflow(page);
    expect(after.scrollWidth, `overflowing after training: ${after.wide.join(', ')}`).toBeLessThanOrEqual(after.width + 1);
    await page.screenshot({ path: screenshotPath('phone-train-trained.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
    expect(browser.external).toEqual([]);
  });
});
