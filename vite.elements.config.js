// The custom elements' build: dist/descent-elements.js, ONE classic script with no imports that a
// course page loads with a single <script src> tag (web/src/elements.js defines <descent-landscape>
// and <descent-train>). Like the single-file build (vite.single.config.js), everything is inside:
// - the worker: 'descent-worker' as a Vite `?worker&inline` import, bundled as an IIFE and started
//   from a blob: URL as a classic worker (so it also starts on a file:// page), the WebAssembly
//   module (with its embedded .wasm) inside it;
// - the styles: KaTeX's (woff2 fonts as data: URLs), uPlot's, and the page's own (styles.css,
//   train.css) with every selector scoped to the two elements (scopeCss below: `:root` becomes
//   the elements, `body` rules are dropped, the rest is prefixed), so they never restyle the host
//   page; the CSS is injected as one <style> when the script runs (injectCss below).
// Run after the normal build (build-scripts/build.sh): it adds dist/descent-elements.js only.
import { resolve } from 'node:path';
import postcss from 'postcss';
import { defineConfig, mergeConfig } from 'vite';
import { createConfig } from './vite.config.js';
import { katexWoff2Only } from './vite.single.config.js';

const repoRoot = import.meta.dirname;
export const HOSTS = ['descent-landscape', 'descent-train', 'descent-momentum', 'descent-tour', 'descent-decay', 'descent-schedules', 'descent-init'];
const SCOPED = [/[\\/]web[\\/]src[\\/]styles\.css$/, /[\\/]web[\\/]src[\\/]views[\\/](?:train[\\/]train|tour[\\/]tour|decay[\\/]decay|schedules[\\/]schedules|init[\\/]init)\.css$/];

/**
 * The page's CSS scoped to the elements: `:root` rules apply to the elements themselves, `html` and
 * `body` rules are dropped, every other selector is prefixed with `:is(descent-landscape,
 * descent-train) ` (one more type selector's worth of specificity for all, so their order holds).
 */
export function scopeCss(css, hosts = HOSTS) {
  const prefix = `:is(${hosts.join(', ')})`;
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    if (rule.parent?.type === 'atrule' && /keyframes$/i.test(rule.parent.name)) return;
    const selectors = rule.selectors.flatMap((raw) => {
      const sel = raw.trim();
      if (/^(html|body)\b/i.test(sel)) return [];
      if (sel === ':root') return hosts;
      if (sel.startsWith(':root')) return [`${prefix}${sel.slice(':root'.length)}`];
      return [`${prefix} ${sel}`];
    });
    if (selectors.length) rule.selectors = selectors;
    else rule.remove();
  });
  return root.toString();
}

function scopePageCss() {
  return {
    name: 'descent:scope-page-css',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0];
      if (!SCOPED.some((re) => re.test(file))) return null;
      return { code: scopeCss(code), map: null };
    },
  };
}

/** Moves the emitted stylesheet(s) into the script: one <style> appended to <head> when it runs. */
function injectCss({ fileName = 'descent-elements.js' } = {}) {
  return {
    name: 'descent:inject-css',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const script = bundle[fileName];
      if (!script || script.type !== 'chunk') this.error(`inject-css: ${fileName} is missing from the bundle`);
      const css = [];
      for (const [name, item] of Object.entries(bundle)) {
        if (name.endsWith('.css') && item.type === 'asset') {
          css.push(String(item.source));
          delete bundle[name];
        }
      }
      const left = Object.keys(bundle).filter((name) => name !== fileName);
      if (left.length) this.error(`inject-css: not inlined: ${left.join(', ')}`);
      const text = JSON.stringify(css.join('\n'));
      script.code = `(function(){if(document.getElementById("descent-elements-style"))return;var s=document.createElement("style");`
        + `s.id="descent-elements-style";s.textContent=${text};(document.head||document.documentElement).appendChild(s);})();\n${script.code}`;
    },
  };
}

export default defineConfig(mergeConfig(createConfig({ inlineWorker: true }), {
  plugins: [katexWoff2Only(), scopePageCss(), injectCss()],
  worker: { format: 'iife' }, // a classic worker from a blob: URL (see vite.single.config.js)
  build: {
    emptyOutDir: false, // dist/ holds the normal build; this adds dist/descent-elements.js
    assetsInlineLimit: () => true,
    cssCodeSplit: false,
    modulePreload: false,
    reportCompressedSize: false,
    copyPublicDir: false,
    lib: {
      entry: resolve(repoRoot, 'web/src/elements.js'),
      formats: ['iife'],
      name: 'DescentElements',
      fileName: () => 'descent-elements.js',
      cssFileName: 'descent-elements',
    },
    rolldownOptions: { output: { codeSplitting: false } },
  },
}));
