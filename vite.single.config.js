// The single-file build: dist/descent.html, the whole page in one file that works when opened from
// disk (file://), where the browser refuses module scripts, workers and fetch() from files. It is
// the normal config (vite.config.js) with everything inlined:
// - the worker: 'descent-worker' becomes a Vite `?worker&inline` import, so the worker's bundle (the
//   WASM module with its embedded .wasm included) is a string in the page, started from a blob:
//   URL as a classic worker (bundled as an IIFE, see `worker` below; the module's only use of
//   import.meta.url is Emscripten's _scriptDir, which it does not need with SINGLE_FILE);
// - styles, with KaTeX's fonts as data: URLs (woff2 only: every browser that runs the page reads
//   woff2, and the woff/ttf fallbacks would add about 1.2 MB as base64);
// - the page's script as an inline <script type="module"> (inline module scripts run from file://,
//   since nothing is fetched).
// Run after the normal build (build-scripts/build.sh): it adds dist/descent.html and nothing else.
import { createHash } from 'node:crypto';
import { defineConfig, mergeConfig } from 'vite';
import { createConfig } from './vite.config.js';

/** Drops the woff and ttf fallbacks from KaTeX's @font-face rules, keeping woff2. */
export function katexWoff2Only() {
  return {
    name: 'descent:katex-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]katex[\\/]dist[\\/]katex(\.min)?\.css$/.test(id.split('?')[0])) return null;
      return { code: code.replace(/,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\(["'](?:woff|truetype)["']\)/g, ''), map: null };
    },
  };
}

/** Text for an inline <script>: a `</script` or `<!--` (only ever inside strings) must not end or confuse it. */
function scriptText(code) {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '\\x3C!--');
}

/**
 * The page's Content-Security-Policy allows only its own script files; here the scripts are inline,
 * so the policy names each by its SHA-256 hash instead (still no 'unsafe-inline', no eval).
 */
function allowInlineScripts(html, context) {
  const hashes = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)]
    .map(([, code]) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`);
  const policy = /(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self')/;
  if (!policy.test(html)) context.error('single-file: index.html has no Content-Security-Policy with script-src \'self\'');
  return html.replace(policy, `$1 ${hashes.join(' ')}`);
}

/**
 * Moves the entry script and the stylesheet into index.html, writes it as descent.html, and drops
 * every other output file (they are all inlined by then; anything left over fails the build).
 */
function singleFile({ fileName = 'descent.html' } = {}) {
  return {
    name: 'descent:single-file',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const page = bundle['index.html'];
      if (!page || page.type !== 'asset') this.error('single-file: index.html is missing from the bundle');
      const inlined = new Set(['index.html']);
      const take = (ref, type) => {
        const name = ref.replace(/^\.\//, '');
        const item = bundle[name];
        if (!item) this.error(`single-file: ${name} (referenced by index.html) is not in the bundle`);
        inlined.add(name);
        return type === 'js' ? item.code : String(item.source);
      };
      let html = String(page.source)
        .replace(/<script\b[^>]*\bsrc="([^"]+\.js)"[^>]*><\/script>/g, (_tag, src) => `<script type="module">${scriptText(take(src, 'js'))}</script>`)
        .replace(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+\.css)"[^>]*>/g, (_tag, href) => {
          const css = take(href, 'css');
          if (/<\/style/i.test(css)) this.error('single-file: the stylesheet contains </style');
          return `<style>${css}</style>`;
        });
      if (/<link\b[^>]*rel="modulepreload"/.test(html)) this.error('single-file: the page still preloads a module');
      html = allowInlineScripts(html, this);
      const left = Object.keys(bundle).filter((name) => !inlined.has(name));
      if (left.length) this.error(`single-file: not inlined: ${left.join(', ')}`);
      for (const name of inlined) delete bundle[name];
      this.emitFile({ type: 'asset', fileName, source: html });
    },
  };
}

export default defineConfig(mergeConfig(createConfig({ inlineWorker: true }), {
  plugins: [katexWoff2Only(), singleFile()],
  // A classic worker: Chromium refuses a *module* worker from a blob: URL made by a file:// page
  // (its origin is opaque), while a classic one starts.
  worker: { format: 'iife' },
  build: {
    emptyOutDir: false, // dist/ holds the normal build; this adds dist/descent.html
    assetsInlineLimit: () => true, // every asset (KaTeX's fonts) as a data: URL
    cssCodeSplit: false,
    modulePreload: false,
    reportCompressedSize: false,
    rolldownOptions: { output: { codeSplitting: false } }, // one chunk (the page has no dynamic imports today)
  },
}));
