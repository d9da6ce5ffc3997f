// Packs the WebAssembly inside a -sSINGLE_FILE module (run by CMake after the link):
//   node build-scripts/pack-wasm.mjs build/wasm/descent.mjs
// The link embeds the .wasm as a base64 data: URI, which compresses poorly (base64 hides the byte
// patterns from gzip). This moves the same bytes, gzip-compressed and then base64-encoded, into
// descentPackedWasm (cpp/bindings/wasm.pre.js), which inflates them when the module starts, and
// empties the data: URI. The bytes that run are the linker's, unchanged. It also writes the dynamic
// import() of the companion modules (api.post.js's descentImportCompanion('./descent-digits.mjs')),
// which Emscripten's minifier cannot print.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync, constants } from 'node:zlib';

const file = process.argv[2];
if (!file) {
  console.error('usage: node build-scripts/pack-wasm.mjs <module.mjs>');
  process.exit(2);
}
const fail = (message) => {
  console.error(`pack-wasm: ${file}: ${message}`);
  process.exit(1);
};

const text = readFileSync(file, 'utf8');
const uri = /data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/g;
const uris = [...text.matchAll(uri)];
const marker = /(['"])@DESCENT_PACKED_WASM@\1/g;
const markers = [...text.matchAll(marker)];
if (uris.length !== 1) fail(`expected one embedded WebAssembly data: URI, found ${uris.length} (built with -sSINGLE_FILE?)`);
if (markers.length !== 1) fail(`expected one '@DESCENT_PACKED_WASM@' marker, found ${markers.length} (--pre-js wasm.pre.js?)`);
const companion = /descentImportCompanion\((['"])(\.\/[\w.-]+\.mjs)\1\)/g;
if (![...text.matchAll(companion)].length) fail("no descentImportCompanion('./<file>.mjs') call (--post-js api.post.js?)");

const wasm = Buffer.from(uris[0][1], 'base64');
if (wasm.readUInt32BE(0) !== 0x0061736d) fail('the data: URI does not hold WebAssembly');
const packed = gzipSync(wasm, { level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
if (!gunzipSync(packed).equals(wasm)) fail('gzip round trip differs');

const out = text
  .replace(uri, () => 'data:application/octet-stream;base64,')
  .replace(marker, () => `"${packed.toString('base64')}"`)
  .replace(companion, (_call, _quote, path) => `import("${path}")`);
writeFileSync(`${file}.tmp`, out);
renameSync(`${file}.tmp`, file);
console.log(`pack-wasm: ${file}: wasm ${wasm.length} bytes, packed ${packed.length} bytes; module ${text.length} -> ${out.length} bytes`);
