// Minifies the finished module (run by CMake after pack-wasm.mjs):
//   node build-scripts/minify-module.mjs build/wasm/descent.mjs
// Emscripten only strips the whitespace of its JavaScript glue: renaming needs Closure Compiler,
// and Debian's (2013) cannot read the glue. Vite's minifier (oxc, through `vite`, which npm ci
// installs for the page) renames and compresses it: about 27 KB less raw, 4.5 KB less gzipped.
// The module's own code makes no code at run time (no eval), so renaming is safe; the test suites
// run against the minified file. Without node_modules the module is left as it is, with a notice.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node build-scripts/minify-module.mjs <module.mjs>');
  process.exit(2);
}
let minifySync;
try {
  ({ minifySync } = await import('vite'));
} catch {
  console.log(`minify-module: ${file}: left unminified (no vite in node_modules: run npm ci for the smaller module)`);
  process.exit(0);
}
const text = readFileSync(file, 'utf8');
const { code, errors } = minifySync('descent.mjs', text, { module: true, compress: true, mangle: true });
if (errors?.length) {
  console.error(`minify-module: ${file}: ${errors.map((e) => e.message).join('; ')}`);
  process.exit(1);
}
writeFileSync(`${file}.tmp`, code);
renameSync(`${file}.tmp`, file);
console.log(`minify-module: ${file}: ${text.length} -> ${code.length} bytes`);
