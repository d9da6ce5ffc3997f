// The built page (dist/, made by `npm run build` / `npm test`) in Debian's Chromium: it must list
// the optimizers from the WebAssembly module, typeset with KaTeX, and fetch nothing from outside.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const dist = join(repoRoot, 'dist');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const screenshot = join(repoRoot, 'test-output/e2e/optimizers.png');

function isLocal(url) {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    const { hostname } = new URL(url);
    return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
  } catch {
    return false;
  }
}

describe('the page', () => {
  let server;
  let context;
  let userDataDir;
  let baseUrl;
  const requests = [];
  const external = [];
  const pageErrors = [];

  beforeAll(async () => {
    if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/index.html is missing: run `npm run build` first');
    if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: run build-scripts/setup.sh (apt chromium)`);
    server = await preview({
      configFile: join(repoRoot, 'vite.config.js'),
      logLevel: 'silent',
      preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    });
    const { port } = server.httpServer.address();
    baseUrl = `http://127.0.0.1:${port}/`;
    userDataDir = mkdtempSync(join(tmpdir(), 'descent-chromium-'));
    // playwright-core refuses --user-data-dir in args: a persistent context on a fresh temp dir
    // is the same thing.
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1200, height: 900 },
    });
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('lists the optimizers with typeset formulas, and talks only to localhost', async () => {
    // Block (and record) anything that is not local, from the page and its worker alike.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      external.push(url);
      return route.abort();
    });
    context.on('request', (request) => requests.push(request.url()));
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(baseUrl);
    await page.waitForSelector('body[data-ready="true"], #error:not([hidden])', { timeout: 30000 });
    const errorText = await page.locator('#error').textContent();
    expect(await page.locator('#error').isHidden(), `page error: ${errorText}`).toBe(true);

    const types = await page.locator('article.optimizer').evaluateAll((els) => els.map((el) => el.dataset.type));
    expect(types).toEqual(expect.arrayContaining(['sgd', 'adam', 'adamw']));
    expect(await page.locator('article.optimizer .formula .katex').count()).toBeGreaterThanOrEqual(types.length);
    expect(await page.locator('article[data-type="adam"] table.options tbody tr').count()).toBeGreaterThan(0);

    mkdirSync(join(repoRoot, 'test-output/e2e'), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });
    await page.close();

    expect(external).toEqual([]);
    expect(requests.filter((url) => !isLocal(url))).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });
});
