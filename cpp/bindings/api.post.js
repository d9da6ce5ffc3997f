// Runs inside the module's factory (emcc --post-js). Bound C++ functions never throw into
// JavaScript: they park an error message in descentPendingError (see js_error.hpp) and return
// an empty value. Here every bound function and method is wrapped once, when the runtime is
// ready, so that a parked message becomes a thrown Error the moment the call returns.
var descentPendingError = null;

function descentGuard(fn) {
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
  Object.defineProperty(guardedFn, 'name', { value: fn.name });
  return guardedFn;
}

// Embind checks argument counts; these methods take optional trailing arguments.
var descentOptionalArity = { step: 3, scheduleLrs: 3, calculateGain: 2, minimize: 3, integrateFlow: 2, predictions: 2, history: 1 };

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
    module[name] = descentGuard(descentFillArguments(name, value));
    module[name].argCount = value.argCount;  // keeps Embind's mark: tests find bound functions by it
  });
  ['Optimizer', 'Objective', 'Experiment', 'Network'].forEach(function (className) {
    var proto = module[className] && module[className].prototype;
    if (!proto) return;
    Object.getOwnPropertyNames(proto).forEach(function (name) {
      if (descentEmbindInternals.indexOf(name) >= 0 || typeof proto[name] !== 'function') return;
      proto[name] = descentGuard(descentFillArguments(name, proto[name]));
    });
  });
  return module;
}

Module['ready'] = Module['ready'].then(descentInstallApi);
