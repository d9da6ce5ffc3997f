// The custom elements' pure parts (web/src/elements/): the `hide` attribute, the `state` attribute
// (decoded by the page's validated decoders, against the real registries), the embed snippets, and
// the CSS scoping of the elements' build (vite.elements.config.js).
import { beforeAll, describe, expect, it } from 'vitest';
import createDescent from '../../build/wasm/descent.mjs';
import { defaultState } from '../../web/src/state.js';
import { defaultTrainState } from '../../web/src/train-state.js';
import {
  decodeLandscapeAttribute, decodeTrainAttribute, landscapeAttribute, landscapeStateText, trainAttribute, trainStateText,
} from '../../web/src/elements/attributes.js';
import { GROUPS, LANDSCAPE_GROUPS, TRAIN_GROUPS, formatHide, hideCss, hideNotice, parseHide } from '../../web/src/elements/hide.js';
import { elementSnippet, escapeAttribute, iframeSnippet, scriptUrl } from '../../web/src/elements/snippets.js';
import { scopeCss } from '../../vite.elements.config.js';

let registry;
let trainRegistry;
beforeAll(async () => {
  const d = await createDescent();
  registry = { optimizers: d.listOptimizers(), objectives: d.listObjectives() };
  trainRegistry = { datasets: d.listDatasets(), optimizers: d.listOptimizers() };
});

describe('hide attribute', () => {
  it('keeps known groups in the table order, lower-cased, without repeats', () => {
    expect(parseHide('optimizers, objective', 'landscape')).toEqual({ groups: ['objective', 'optimizers'], unknown: 0 });
    expect(parseHide(' Objective ,objective,,  steps', 'landscape')).toEqual({ groups: ['objective', 'steps'], unknown: 0 });
    expect(parseHide('data network', 'train')).toEqual({ groups: ['data', 'network'], unknown: 0 });
    expect(parseHide('', 'landscape')).toEqual({ groups: [], unknown: 0 });
    expect(parseHide(null, 'train')).toEqual({ groups: [], unknown: 0 });
  });

  it('counts unknown names (and never echoes them) and knows each view\'s groups', () => {
    expect(parseHide('objective,<img>,data', 'landscape')).toEqual({ groups: ['objective'], unknown: 2 });
    const notice = hideNotice(2, 'landscape');
    expect(notice).toContain('2 names');
    expect(notice).toContain(LANDSCAPE_GROUPS.map((g) => g.name).join(', '));
    expect(hideNotice(0, 'landscape')).toBeNull();
    expect(hideNotice(1, 'train')).toMatch(/^One name .* is not a control group/);
    expect(() => parseHide('x', 'rules')).toThrow();
  });

  it('adds `controls` when every part of the controls column is hidden', () => {
    expect(parseHide('objective,start,optimizers', 'landscape').groups).toContain('controls');
    expect(parseHide('data,network,training', 'train').groups).toEqual(['data', 'network', 'training', 'controls']);
    expect(parseHide('data,network', 'train').groups).not.toContain('controls');
  });

  it('formats a list back as the attribute, and makes one CSS rule per group and element', () => {
    expect(formatHide(['optimizers', 'objective', 'bogus'], 'landscape')).toBe('objective,optimizers');
    expect(formatHide([], 'train')).toBe('');
    const css = hideCss();
    for (const [view, table] of Object.entries(GROUPS)) {
      for (const { name } of table) expect(css).toContain(`descent-${view}[data-hide~="${name}"] [data-group="${name}"] { display: none !important; }`);
    }
    expect(TRAIN_GROUPS.map((g) => g.name)).toEqual(['data', 'network', 'training', 'controls', 'optimizers', 'speed', 'maps', 'predictions', 'tuning', 'export']);
  });
});

describe('state attribute', () => {
  it('takes the landscape half of a page fragment', () => {
    expect(landscapeStateText('f=booth')).toBe('f=booth');
    expect(landscapeStateText('#view=train&f=booth&t.epochs=5')).toBe('view=train&f=booth');
    const { state, notice } = decodeLandscapeAttribute('f=booth&opt=gd(lr:0.05);adam(lr:0.1)', registry);
    expect(notice).toBeNull();
    expect(state.objective).toEqual({ type: 'booth', options: {} });
    expect(state.optimizers).toEqual([{ type: 'gd', options: { lr: 0.05 } }, { type: 'adam', options: { lr: 0.1 } }]);
    expect(state.view).toBe('landscape');
    expect(decodeLandscapeAttribute('', registry)).toEqual({ state: defaultState(), notice: null });
  });

  it('falls back to the defaults with a notice on bad or hostile input, without echoing it', () => {
    for (const bad of ['f=<script>alert(1)</script>', 'f=nosuch', 'opt=adam(lr:NaN)', 'evil=1', 'steps=1e9', '%E0%A4%A']) {
      const { state, notice } = decodeLandscapeAttribute(bad, registry);
      expect(state).toEqual(defaultState());
      expect(notice).toMatch(/^The state attribute's settings could not be used \(.+\), so the defaults are shown instead\.$/);
      expect(notice).not.toMatch(/script|nosuch|NaN|evil/);
    }
  });

  it('takes the training fields with or without the t. prefix', () => {
    expect(trainStateText('t.data=circles&t.epochs=5')).toBe('t.data=circles&t.epochs=5');
    expect(trainStateText('view=train&f=booth&t.epochs=5')).toBe('t.epochs=5');
    expect(trainStateText('data=circles&epochs=5')).toBe('t.data=circles&t.epochs=5');
    expect(trainStateText('#view=train&data=circles')).toBe('t.data=circles');
    expect(trainStateText('')).toBe('');
    const { state, notice } = decodeTrainAttribute('data=circles&epochs=5', trainRegistry);
    expect(notice).toBeNull();
    expect(state.dataset.type).toBe('circles');
    expect(state.epochs).toBe('5');
    const bad = decodeTrainAttribute('t.data=<img src=x onerror=alert(1)>', trainRegistry);
    expect(bad.state).toEqual(defaultTrainState());
    expect(bad.notice).toMatch(/^The state attribute's training settings could not be used/);
    expect(bad.notice).not.toContain('onerror');
  });

  it('round-trips: the attribute of a state decodes to that state', () => {
    const { state } = decodeLandscapeAttribute('f=booth&x0=1,2&steps=50&opt=adam(lr:0.2)', registry);
    const text = landscapeAttribute(state, registry);
    expect(text).toBe('f=booth&x0=1,2&steps=50&opt=adam(lr:0.2)');
    expect(decodeLandscapeAttribute(text, registry).state).toEqual(state);
    expect(trainAttribute(defaultTrainState(), trainRegistry)).toBe('');
    const train = decodeTrainAttribute('t.data=circles&t.epochs=5', trainRegistry).state;
    expect(decodeTrainAttribute(trainAttribute(train, trainRegistry), trainRegistry).state).toEqual(train);
  });
});

describe('embed snippets', () => {
  it('escapes attribute values', () => {
    expect(escapeAttribute('a&b"<c>')).toBe('a&amp;b&quot;&lt;c&gt;');
  });

  it('finds the script beside the page', () => {
    expect(scriptUrl('https://example.org/lab/index.html#f=booth')).toBe('https://example.org/lab/descent-elements.js');
    expect(scriptUrl('https://example.org/lab/?x=1#f=booth')).toBe('https://example.org/lab/descent-elements.js');
    expect(scriptUrl('file:///home/me/descent.html#view=train')).toBe('file:///home/me/descent-elements.js');
  });

  it('builds the element snippet: one script tag and the element, state and hide when set', () => {
    expect(elementSnippet({ view: 'landscape', state: 'f=booth&opt=gd(lr:0.05)', hide: 'objective,optimizers', src: 'https://x.org/descent-elements.js' }))
      .toBe('<script src="https://x.org/descent-elements.js"></script>\n'
        + '<descent-landscape state="f=booth&amp;opt=gd(lr:0.05)" hide="objective,optimizers"></descent-landscape>');
    expect(elementSnippet({ view: 'train', src: 'descent-elements.js' }))
      .toBe('<script src="descent-elements.js"></script>\n<descent-train></descent-train>');
    expect(() => elementSnippet({ view: 'rules', src: 'x' })).toThrow();
  });

  it('builds the iframe snippet for a URL with its hash', () => {
    expect(iframeSnippet({ url: 'https://x.org/lab/#view=train&t.epochs=5' }))
      .toBe('<iframe src="https://x.org/lab/#view=train&amp;t.epochs=5" title="Descent: optimizers for training neural networks" '
        + 'width="100%" height="900" style="border: 0" loading="lazy"></iframe>');
  });
});

describe('the elements\' CSS scoping', () => {
  it('turns :root into the elements, drops body rules, prefixes the rest (media queries too)', () => {
    const out = scopeCss(':root { --fg: #000; }\n* { box-sizing: border-box; }\nbody { margin: 0; }\n.a, .b > p { color: red; }\n'
      + '@media (max-width: 10px) { .a { color: blue; } :root { --fg: #fff; } }\n@keyframes spin { from { opacity: 0; } to { opacity: 1; } }', ['x-a', 'x-b']);
    expect(out).toContain('x-a, x-b { --fg: #000; }');
    expect(out).not.toMatch(/body|:root/);
    expect(out).toContain(':is(x-a, x-b) *');
    expect(out).toMatch(/:is\(x-a, x-b\) \.a,\s*:is\(x-a, x-b\) \.b > p/);
    expect(out).toMatch(/@media \(max-width: 10px\) \{ :is\(x-a, x-b\) \.a/);
    expect(out).toContain('from { opacity: 0; }');
  });
});
