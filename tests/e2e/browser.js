// Shared by the browser tests: serve dist/ with Vite's preview server on a free local port (or not,
// for dist/descent.html from file://), launch Debian's Chromium through playwright-core, block and
// record anything that is not local.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const dist = join(repoRoot, 'dist');
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const screenshotDir = join(repoRoot, 'test-output/e2e');

export function isLocal(url) {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    const { hostname } = new URL(url);
    return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
  } catch {
    return false;
  }
}

/**
 * Starts the preview server and Chromium. Returns { baseUrl, context, external, requests, close() };
 * every request is recorded in `requests`, and non-local ones are aborted and recorded in `external`.
 */
export async function launch({ viewport = { width: 1200, height: 900 } } = {}) {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/index.html is missing: run `npm run build` first');
  const server = await preview({
    configFile: join(repoRoot, 'vite.config.js'),
    logLevel: 'silent',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  let browser;
  try {
    browser = await launchChromium({ viewport });
  } catch (error) {
    await server.close();
    throw error;
  }
  const { port } = server.httpServer.address();
  return {
    ...browser,
    baseUrl: `http://127.0.0.1:${port}/`,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Chromium alone, no server (for file:// pages). Returns { context, external, requests, close() }
 * with every request recorded, and those that `allow` refuses (default: non-local ones) aborted
 * and recorded in `external`, as in launch().
 */
export async function launchChromium({ viewport = { width: 1200, height: 900 }, allow = isLocal } = {}) {
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: run build-scripts/setup.sh (apt chromium)`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'descent-chromium-'));
  let context;
  try {
    // playwright-core refuses --user-data-dir in args: a persistent context on a fresh temp dir is
    // the same thing.
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport,
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  const external = [];
  const requests = [];
  // Block (and record) anything not allowed, from the page and its worker alike.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (allow(url)) return route.continue();
    external.push(url);
    return route.abort();
  });
  context.on('request', (request) => requests.push(request.url()));
  return {
    context,
    external,
    requests,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Waits for the page to be ready (or to show its error) and returns the error text, '' if none. */
export async function waitReady(page) {
  await page.waitForSelector('body[data-ready="true"], #error:not([hidden])', { timeout: 30000 });
  if (await page.locator('#error').isHidden()) return '';
  return (await page.locator('#error').textContent()) ?? 'error';
}

export function screenshotPath(name) {
  mkdirSync(screenshotDir, { recursive: true });
  return join(screenshotDir, name);
}

/**
 * Stops a playing Train view (any locator holding one). A busy page may report its epochs late,
 * so by now the run may have played to its end and its button read "Train more": stopped either way.
 * A DOM click: under load the busy button may not settle in time for Playwright's actionability checks.
 */
export async function stopPlaying(view) {
  const button = view.locator('.train-toolbar button.primary');
  await button.evaluate((b) => { if (b.textContent === 'Pause') b.click(); });
  await view.locator('.train-toolbar button.primary[aria-pressed="false"]').waitFor({ timeout: 15000 });
}
