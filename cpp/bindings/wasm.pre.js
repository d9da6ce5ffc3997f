// Runs at the start of the module's factory (emcc --pre-js). -sSINGLE_FILE embeds the WebAssembly
// as base64 text, which gzip (the web server's, or anyone's) squeezes poorly: base64 hides the
// byte patterns. So build-scripts/pack-wasm.mjs, run after the link, moves the bytes here
// gzip-compressed (then base64): the file is about a third smaller gzipped. They are inflated with
// DecompressionStream (browsers, workers) or Node's zlib and instantiated.
// Unpacked (the marker below still in place), the module loads its embedded copy as usual.
var descentPackedWasm = '@DESCENT_PACKED_WASM@';

function descentDecodeBase64(text) {
  if (typeof Buffer === 'function') return new Uint8Array(Buffer.from(text, 'base64'));
  var binary = atob(text);
  var bytes = new Uint8Array(binary.length);
  for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// Node has zlib at hand (and its DecompressionStream is slow to start); elsewhere the platform's.
function descentGunzip(bytes) {
  var zlib = typeof process === 'object' && typeof process.getBuiltinModule === 'function' &&
      process.getBuiltinModule('zlib');
  if (zlib) return Promise.resolve(zlib.gunzipSync(bytes));
  var stream = new DecompressionStream('gzip');
  var writer = stream.writable.getWriter();
  writer.write(bytes);
  writer.close();
  return new Response(stream.readable).arrayBuffer();
}

if (descentPackedWasm.charAt(0) !== '@' && !Module['instantiateWasm']) {
  Module['instantiateWasm'] = function (imports, receiveInstance) {
    var packed = descentDecodeBase64(descentPackedWasm);
    descentPackedWasm = null;
    descentGunzip(packed)
      .then(function (binary) { return WebAssembly.instantiate(binary, imports); })
      .then(function (output) { receiveInstance(output.instance, output.module); },
            function (reason) { readyPromiseReject(reason); });
    return {};  // the exports arrive later, through receiveInstance
  };
}
