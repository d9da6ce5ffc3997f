// Runs inside the module's factory (emcc --post-js). Bound C++ functions never throw into
// JavaScript: they park an error message in descentPendingError (see js_error.hpp) and return
// an empty value. Here every bound function and method is wrapped once, when the runtime is
// ready, so that a parked message becomes a thrown Error the moment the call returns.
var descentPendingError = null;

// The wrapper carries the JavaScript name: Embind's own functions are anonymous when built without
// eval (-sDYNAMIC_EXECUTION=0), and the name shows in stack traces and the console.
function descentGuard(fn, name) {
  var guardedFn = function () {
    descentPendingError = null;
    var result = fn.apply(this, arguments);
    if (descentPendingError !== null) {
      var message = descentPendingError;
      descentPendingError = null;
      throw new Error(message);
    }
    return result;
  };
  Object.defineProperty(guardedFn, 'name', { value: name });
  return guardedFn;
}

// Embind checks argument counts; these methods take optional trailing arguments.
var descentOptionalArity = { step: 3, scheduleLrs: 3, calculateGain: 2, minimize: 3, integrateFlow: 2, predictions: 2, history: 1, layerHistograms: 2 };

function descentFillArguments(name, fn) {
  var arity = descentOptionalArity[name];
  if (arity === undefined) return fn;
  return function () {
    var args = Array.prototype.slice.call(arguments, 0, arity);
    while (args.length < arity) args.push(undefined);
    return fn.apply(this, args);
  };
}

var descentEmbindInternals = ['constructor', 'clone', 'delete', 'isAliasOf', 'isDeleted', 'deleteLater'];

function descentInstallApi(module) {
  Object.keys(module).forEach(function (name) {
    var value = module[name];
    if (typeof value !== 'function' || typeof value.argCount !== 'number') return;
    module[name] = descentGuard(descentFillArguments(name, value), name);
    module[name].argCount = value.argCount;  // keeps Embind's mark: tests find bound functions by it
  });
  ['Optimizer', 'Objective', 'Experiment', 'Network'].forEach(function (className) {
    var proto = module[className] && module[className].prototype;
    if (!proto) return;
    Object.defineProperty(module[className], 'name', { value: className });
    Object.getOwnPropertyNames(proto).forEach(function (name) {
      if (descentEmbindInternals.indexOf(name) >= 0 || typeof proto[name] !== 'function') return;
      proto[name] = descentGuard(descentFillArguments(name, proto[name]), name);
    });
  });
  return module;
}

// Data sets whose data travels beside the module, not in it (listDatasets() marks them
// needsLoading): loadDataset imports the companion, inflates it like the module's WebAssembly
// (wasm.pre.js) and hands the bytes to provideDataset, which checks them. Emscripten's minifier
// cannot print a dynamic import(), so build-scripts/pack-wasm.mjs writes `import(` in place of
// `descentImportCompanion(` after the link; the literal path lets bundlers find the file.
var descentCompanions = {
  digits: function () { return descentImportCompanion('./descent-digits.mjs'); },
};

function descentImportCompanion() {
  throw new Error('this descent.mjs was not finished by build-scripts/pack-wasm.mjs');
}

function descentInstallLoadDataset(module) {
  var loading = {};
  module['loadDataset'] = function loadDataset(type) {
    return Promise.resolve().then(function () {
      var all = module['listDatasets']();
      var info = all.filter(function (d) { return d.type === type; })[0];
      if (!info) {
        var names = all.map(function (d) { return "'" + d.type + "'"; });
        var named = typeof type === 'string' ? "'" + type + "'" : String(type);
        throw new Error('loadDataset: unknown data set ' + named + '; allowed: ' +
                        names.slice(0, -1).join(', ') + ' or ' + names[names.length - 1]);
      }
      if (!info.needsLoading) return undefined;
      var message = function (error) { return error && error.message || String(error); };
      loading[type] = loading[type] || descentCompanions[type]()
        .then(function (companion) { return descentGunzip(descentDecodeBase64(companion['default'])); }, function (error) {
          throw new Error('could not import descent-' + type + '.mjs, which belongs beside descent.mjs: ' + message(error));
        })
        .then(function (bytes) { module['provideDataset'](type, new Uint8Array(bytes)); })
        .then(null, function (error) {
          delete loading[type];  // a later call tries again
          throw new Error("loadDataset('" + type + "'): " + message(error));
        });
      return loading[type];
    });
  };
  return module;
}

Module['ready'] = Module['ready'].then(descentInstallApi).then(descentInstallLoadDataset);
