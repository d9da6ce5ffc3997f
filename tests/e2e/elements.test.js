// The custom elements (dist/descent-elements.js, made by `npm run build`) on bare host pages written
// to a temp dir at test time and opened from file:// (no server): an element renders from ONE
// script tag, races, hides what `hide` names, shows a notice for bad attributes, trains; nothing
// is loaded but the page, the script, data: and blob: URLs. Then, on the served page: the "Copy
// embed code" dialog and the landscape's exports. Saves test-output/e2e/elements.png and
// embed-dialog.png.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dist, isLocal, launch, launchChromium, screenshotPath } from './browser.js';

const script = join(dist, 'descent-elements.js');
const scriptUrl = pathToFileURL(script).href;
const inline = (url) => /^(data|blob):/.test(url) || url === 'about:blank';

function hostPage(dir, name, body) {
  const file = join(dir, name);
  writeFileSync(file, `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>A course page</title></head><body>\n${body}\n</body></html>\n`);
  return pathToFileURL(file).href;
}

describe('the custom elements on a bare page from disk', () => {
  let browser;
  let dir;
  const pageErrors = [];
  const consoleErrors = [];

  beforeAll(async () => {
    if (!existsSync(script)) throw new Error('dist/descent-elements.js is missing: run `npm run build` first');
    dir = mkdtempSync(join(tmpdir(), 'descent-host-'));
    browser = await launchChromium({ viewport: { width: 1400, height: 1000 }, allow: (url) => url.startsWith('file:') || inline(url) });
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const watch = (page) => {
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  };

  it('is one classic script with no imports', () => {
    const code = readFileSync(script, 'utf8');
    expect(code.length).toBeGreaterThan(1_000_000);
    expect(code.length).toBeLessThan(3_500_000);
    expect(code).not.toMatch(/\bimport\s*[({"'`]/);
    expect(code).not.toMatch(/^\s*export\s/m);
    expect(code).not.toContain('import.meta');
  });

  it('renders <descent-landscape state="f=booth"> from one script tag and races', async () => {
    const url = hostPage(dir, 'bare.html', `<script src="${scriptUrl}"></script><descent-landscape state="f=booth"></descent-landscape>`);
    const page = await browser.context.newPage();
    watch(page);
    await page.goto(url);
    await page.waitForSelector('descent-landscape[data-ready]', { timeout: 30000 });
    expect(await page.locator('descent-landscape').getAttribute('data-ready')).toBe('true');
    const el = page.locator('descent-landscape');
    expect(await el.locator('select[id$="objective-type"]').inputValue()).toBe('booth');
    expect(await el.locator('.descent-notice').isHidden()).toBe(true);
    const figure = el.locator('.landscape-figure');
    expect(Number(await figure.getAttribute('data-paths'))).toBe(4);
    expect(await el.locator('.formula .katex').count()).toBeGreaterThan(0);

    await el.getByRole('button', { name: 'Run' }).click();
    await page.waitForSelector('descent-landscape .landscape-figure[data-k="200"]', { timeout: 15000 });
    const runs = await el.locator('.race-legend li').evaluateAll((els) => els.map((li) => ({ steps: Number(li.dataset.steps), first: Number(li.dataset.firstGap), last: Number(li.dataset.finalGap) })));
    expect(runs).toHaveLength(4);
    for (const r of runs) expect(r.last).toBeLessThan(r.first);
    expect(await el.locator('.convergence').getAttribute('data-series')).not.toBe('0');

    // The host page keeps its own styles (the element's CSS is scoped to it).
    const host = await page.evaluate(() => ({ margin: getComputedStyle(document.body).margin, font: getComputedStyle(document.body).fontFamily }));
    expect(host.margin).toBe('8px');
    expect(host.font).not.toMatch(/system-ui/);
    await page.screenshot({ path: screenshotPath('elements.png'), fullPage: true });
    await page.close();

    const files = [...new Set(browser.requests.filter((r) => r.startsWith('file:')))];
    expect(files.sort()).toEqual([url, scriptUrl].sort());
    expect(browser.requests.filter((r) => !r.startsWith('file:') && !inline(r))).toEqual([]);
    expect(browser.external).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('hides what `hide` names, shows a notice for bad attributes, and trains in <descent-train>', async () => {
    const url = hostPage(dir, 'lesson.html', [
      `<script src="${scriptUrl}"></script>`,
      '<descent-landscape id="a" state="f=booth&amp;opt=gd(lr:0.05);adam(lr:0.5)" hide="objective, optimizers"></descent-landscape>',
      '<descent-landscape id="b" state="f=&lt;img src=x onerror=alert(1)&gt;" hide="steps,nonsense"></descent-landscape>',
      '<descent-train id="t" state="t.data=circles&amp;t.epochs=5" hide="data,network"></descent-train>',
    ].join('\n'));
    const page = await browser.context.newPage();
    watch(page);
    await page.goto(url);
    await page.waitForFunction(() => [...document.querySelectorAll('descent-landscape, descent-train')].every((e) => e.dataset.ready === 'true'), null, { timeout: 30000 });

    const a = page.locator('#a');
    expect(await a.getAttribute('data-hide')).toBe('objective optimizers');
    expect(await a.locator('[data-group="objective"]').isHidden()).toBe(true);
    expect(await a.locator('[data-group="optimizers"]').isHidden()).toBe(true);
    expect(await a.locator('[data-group="start"]').isVisible()).toBe(true);
    expect(await a.locator('.race-legend li').evaluateAll((els) => els.map((li) => li.dataset.type))).toEqual(['gd', 'adam']);
    // Hidden controls keep their values: the race uses the optimizers from the attribute.
    await a.getByRole('button', { name: 'Run' }).click();
    await page.waitForSelector('#a .landscape-figure[data-k="200"]', { timeout: 15000 });

    const b = page.locator('#b');
    const notice = b.locator('.descent-notice');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toMatch(/defaults are shown/);
    expect(await notice.textContent()).toMatch(/not a control group/);
    expect(await notice.textContent()).not.toContain('onerror');
    expect(await page.locator('img').count()).toBe(0);
    expect(await b.locator('select[id$="objective-type"]').inputValue()).toBe('rosenbrock');
    expect(await b.locator('[data-group="steps"]').isHidden()).toBe(true);
    expect(await b.locator('[data-group="objective"]').isVisible()).toBe(true);
    // Element ids do not collide between instances.
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);

    const t = page.locator('#t');
    expect(await t.locator('fieldset[data-group="data"]').isHidden()).toBe(true);
    expect(await t.locator('fieldset[data-group="network"]').isHidden()).toBe(true);
    expect(await t.locator('fieldset[data-group="training"]').isVisible()).toBe(true);
    expect(await t.locator('select[id$="-dataset"]').inputValue()).toBe('circles');
    await t.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => Number(document.querySelector('#t .train-view').dataset.epoch) >= 2, null, { timeout: 30000 });

    // Changing `hide` at run time shows the controls again.
    await page.evaluate(() => document.getElementById('a').setAttribute('hide', ''));
    expect(await a.locator('[data-group="objective"]').isVisible()).toBe(true);
    await page.close();

    expect(browser.external).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('runs <descent-tour state="tour=momentum"> with its keys inside the element and presenter mode on the element', async () => {
    const url = hostPage(dir, 'tour.html', `<script src="${scriptUrl}"></script><p id="host">A course page.</p>`
      + '<descent-tour id="tour" state="tour=momentum" hide="list"></descent-tour>');
    const page = await browser.context.newPage();
    watch(page);
    await page.goto(url);
    await page.waitForSelector('descent-tour[data-ready]', { timeout: 30000 });
    const tour = page.locator('#tour');
    expect(await tour.locator('.tour-title').textContent()).toBe('Momentum');
    expect(await tour.locator('.tour-nav').isHidden()).toBe(true); // hide="list"
    await page.waitForFunction(() => document.querySelector('#tour .landscape-figure')?.dataset.k === '60', null, { timeout: 20000 });
    expect(await tour.locator('.race-legend li').count()).toBe(2);

    // Arrow keys pressed on the host page are the host's; inside the element they move the tour.
    await page.locator('body').press('ArrowRight');
    expect(await tour.locator('.tour-title').textContent()).toBe('Momentum');
    await tour.locator('.tour-title').focus();
    await page.keyboard.press('ArrowRight');
    expect(await tour.locator('.tour-title').textContent()).toBe('Nesterov\'s acceleration and its ODE');
    const changes = await page.evaluate(() => new Promise((resolve) => {
      document.getElementById('tour').addEventListener('descent-change', (e) => resolve(e.detail.state), { once: true });
      document.querySelector('#tour [id$="tour-presenter"]').click();
    }));
    expect(changes).toBe('tour=nesterov&present=1');
    // Presenter mode enlarges the element, not the course page around it.
    expect(await tour.getAttribute('data-presenter')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.dataset.presenter ?? null)).toBeNull();
    const size = (sel) => page.evaluate((s) => parseFloat(getComputedStyle(document.querySelector(s)).fontSize), sel);
    expect(await size('#tour')).toBeGreaterThan(1.2 * await size('#host'));
    await page.close();
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('runs <descent-decay state="pair=sgd" hide="intro"> and trains a small grid', async () => {
    const url = hostPage(dir, 'decay.html', `<script src="${scriptUrl}"></script><descent-decay id="wd" state="pair=sgd" hide="intro"></descent-decay>`);
    const page = await browser.context.newPage();
    watch(page);
    await page.goto(url);
    await page.waitForSelector('descent-decay[data-ready]', { timeout: 30000 });
    const wd = page.locator('#wd');
    expect(await wd.locator('[data-group="intro"]').isHidden()).toBe(true);
    expect(await wd.locator('select[id$="decay-pair"]').inputValue()).toBe('sgd');
    await wd.locator('input[id$="decay-lrs"]').fill('0.01, 0.1');
    await wd.locator('input[id$="decay-lrs"]').press('Tab');
    await wd.locator('input[id$="decay-wds"]').fill('0, 0.01');
    await wd.locator('input[id$="decay-wds"]').press('Tab');
    await wd.locator('input[id$="decay-epochs"]').fill('5');
    await wd.locator('input[id$="decay-epochs"]').press('Tab');
    await wd.getByRole('button', { name: 'Train the grid' }).click();
    await page.waitForFunction(() => document.querySelector('#wd .decay').parentElement.dataset.state === 'done', null, { timeout: 30000 });
    expect(await wd.locator('.decay-map').count()).toBe(2);
    expect(await wd.locator('.decay-map[data-kind="decoupled"] td').count()).toBe(4);
    await page.close();
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('runs <descent-schedules state="sched=constant,cosineWarmRestarts&schedEpochs=40" hide="intro,rules"> and trains', async () => {
    const url = hostPage(dir, 'schedules.html', `<script src="${scriptUrl}"></script>`
      + '<descent-schedules id="lr" state="sched=constant,cosineWarmRestarts&amp;schedEpochs=40" hide="intro,rules"></descent-schedules>');
    const page = await browser.context.newPage();
    watch(page);
    await page.goto(url);
    await page.waitForSelector('descent-schedules[data-ready]', { timeout: 30000 });
    const lr = page.locator('#lr');
    expect(await lr.locator('[data-group="intro"]').isHidden()).toBe(true);
    expect(await lr.locator('[data-group="rules"]').isHidden()).toBe(true);
    expect(await lr.locator('input[id$="sched-epochs"]').inputValue()).toBe('40');
    // T_0 scales with the run: round(40 / 7) = 6, then 12 more epochs.
    expect(await lr.locator('.sched-summary li[data-schedule="cosineWarmRestarts"]').getAttribute('data-restarts')).toBe('6,18');
    await lr.getByRole('button', { name: 'Train under each' }).click();
    await page.waitForFunction(() => document.querySelector('#lr .sched').parentElement.dataset.state === 'done', null, { timeout: 30000 });
    expect(await lr.locator('.sched-results li').count()).toBe(2);
    await page.close();
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('runs <descent-init state="initDepth=6&initWidth=32&initEpochs=2&initSchemes=xavier,he" hide="intro">', async () => {
    const url = hostPage(dir, 'init.html', `<script src="${scriptUrl}"></script>`
      + '<descent-init id="ini" state="initDepth=6&amp;initWidth=32&amp;initEpochs=2&amp;initSchemes=xavier,he" hide="intro"></descent-init>');
    const page = await browser.context.newPage();
    watch(page);
    await page.goto(url);
    await page.waitForSelector('descent-init[data-ready]', { timeout: 30000 });
    const ini = page.locator('#ini');
    expect(await ini.locator('[data-group="intro"]').isHidden()).toBe(true);
    expect(await ini.locator('input[id$="init-depth"]').inputValue()).toBe('6');
    expect(await ini.locator('input[id$="init-scheme-small"]').isChecked()).toBe(false);
    await ini.getByRole('button', { name: 'Build and train' }).click();
    await page.waitForFunction(() => document.querySelector('#ini .init').parentElement.dataset.state === 'done', null, { timeout: 30000 });
    expect(await ini.locator('.init-summary li').evaluateAll((els) => els.map((el) => el.dataset.scheme))).toEqual(['xavier', 'he']);
    expect(await ini.locator('.init-histograms figure').count()).toBe(4);
    // A change tells the host page the new setup.
    await page.evaluate(() => document.getElementById('ini').addEventListener('descent-change', (e) => { window.initChange = e.detail.state; }));
    await ini.locator('select[id$="init-activation"]').selectOption('tanh');
    expect(await page.evaluate(() => window.initChange)).toBe('initDepth=6&initWidth=32&initEpochs=2&initAct=tanh&initSchemes=xavier,he');
    await page.close();
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

describe('the page: embed dialog and landscape exports', () => {
  let browser;
  const pageErrors = [];

  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1400, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('offers the element and iframe snippets for the current setup, and closes on Escape', async () => {
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${browser.baseUrl}#f=booth&opt=gd(lr:0.05);adam(lr:0.1)`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });

    const open = page.getByRole('button', { name: 'Copy embed code' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'Embed this setup' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const element = dialog.locator('textarea').first();
    const code = await element.inputValue();
    expect(code).toContain(`<script src="${browser.baseUrl}descent-elements.js"></script>`);
    expect(code).toContain('<descent-landscape state="f=booth&amp;steps=200&amp;opt=gd(lr:0.05);adam(lr:0.1)"></descent-landscape>');
    const iframe = await dialog.locator('textarea').nth(1).inputValue();
    expect(iframe).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/#view=landscape&amp;f=booth/);

    await dialog.getByRole('checkbox', { name: /^objective/ }).check();
    await dialog.getByRole('checkbox', { name: /^optimizers/ }).check();
    expect(await element.inputValue()).toContain('hide="objective,optimizers"');
    await dialog.getByRole('radio', { name: 'Train' }).check();
    expect(await element.inputValue()).toContain('<descent-train></descent-train>');
    await dialog.getByRole('button', { name: 'Copy element code' }).click();
    await expect.poll(() => dialog.getAttribute('data-copied')).toMatch(/element|selected/);
    await page.screenshot({ path: screenshotPath('embed-dialog.png') });

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('embed-open');
    await page.close();
  });

  it('exports the race as CSV and JSON and the figures as PNG', async () => {
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${browser.baseUrl}#f=booth&steps=50&opt=gd(lr:0.05);adam(lr:0.1)`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    await page.waitForSelector('.landscape-figure[data-paths="2"]');

    const download = async (name) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      return { name: file.suggestedFilename(), data: readFileSync(await file.path()) };
    };
    const csv = await download('Download the race as CSV');
    expect(csv.name).toBe('descent-booth-race.csv');
    const lines = csv.data.toString('utf8').split('\r\n');
    expect(lines[0]).toBe('optimizer,step,x1,x2,f,gap,gradNorm,lr');
    expect(lines).toHaveLength(1 + 2 * 51 + 1);
    expect(lines[1]).toMatch(/^"Gradient descent, η = 0\.05",0,-3,0,/);

    const json = JSON.parse((await download('Download the race as JSON')).data.toString('utf8'));
    expect(json.format).toBe('descent-landscape-race');
    expect(json.optimizers.map((o) => o.type)).toEqual(['gd', 'adam']);
    expect(json.optimizers[1].gap).toHaveLength(51);

    for (const name of ['Download the contour plot with the paths as PNG', 'Download the convergence chart as PNG']) {
      const png = await download(name);
      expect(png.name).toMatch(/\.png$/);
      expect(png.data.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.data.length).toBeGreaterThan(5000);
    }
    await page.close();
    expect(browser.requests.filter((url) => !isLocal(url))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
