// A strict host: course platforms often serve pages under a Content-Security-Policy. Here every
// response of the built page (the document, its scripts, the worker's script) carries one with
// script-src 'self' and no 'unsafe-eval' ('wasm-unsafe-eval' only lets WebAssembly compile); the
// page must start, race on the landscape and train a network in its worker with no violation. A
// control checks that the policy is really enforced (new Function throws, in the page and in the
// worker). The page's own <meta> policy is checked to be no looser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dist, isLocal, launch, waitReady } from './browser.js';

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self' 'unsafe-inline'; "
  + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

describe('the page under a strict Content-Security-Policy', () => {
  let browser;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1300, height: 950 } });
    // Registered after launch()'s blocking route, so it runs first: local responses get the header.
    await browser.context.route('**/*', async (route) => {
      if (!isLocal(route.request().url()) || route.request().url().startsWith('data:')) return route.fallback();
      const response = await route.fetch();
      return route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': POLICY } });
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('declares its own policy without unsafe-eval', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeTruthy();
    expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(meta).not.toContain("'unsafe-eval'");
    expect(meta).toContain("object-src 'none'");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline scripts
    // The single file inlines its script, and its policy names that script by hash (single-file.test.js runs it).
    const single = readFileSync(join(dist, 'descent.html'), 'utf8');
    const singlePolicy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(single)?.[1] ?? '';
    expect(singlePolicy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]{44}' 'wasm-unsafe-eval';/);
    expect(singlePolicy).not.toContain("'unsafe-eval'");
  });

  it('starts, races and trains with no violation, and the policy really is enforced', async () => {
    const page = await browser.context.newPage();
    const violations = [];
    const errors = [];
    page.on('console', (message) => { if (/Content[- ]Security[- ]Policy|unsafe-eval/i.test(message.text())) violations.push(message.text()); });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${browser.baseUrl}#f=booth&steps=50&opt=gd(lr:0.05);adam(lr:0.1)`);
    expect(await waitReady(page)).toBe('');
    // The header reached the document: an inline script is refused here...
    expect(await page.evaluate(() => new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
      setTimeout(() => resolve(window.inlineRan ? 'ran' : 'no event'), 2000);
    }))).toMatch(/^script-src/);
    violations.length = 0; // that one was ours
    await page.click('#landscape-run');
    await page.waitForFunction(() => document.querySelector('.landscape-figure')?.dataset.k === '50', null, { timeout: 20000 });

    await page.getByRole('tab', { name: 'Train' }).click();
    await page.locator('.train-view').getByRole('button', { name: 'Play' }).first().click();
    await page.waitForFunction(() => Number(document.querySelector('#train-view .train-view').dataset.epoch) >= 3, null, { timeout: 30000 });
    // ... and in the worker that holds the module, which has trained three epochs under it.
    const [worker] = page.workers();
    expect(worker).toBeTruthy();
    // (A string: vitest would rewrite an import() in a function's source.)
    expect(await worker.evaluate('import("data:text/javascript,export default 1").then(() => "ran", (e) => e.name)')).toBe('TypeError');
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
