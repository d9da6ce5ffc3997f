// The TF.js 4.22 contenders (backend 'wasm' or 'cpu'), with the training loop written the way a
// TF.js user writes it: tf.variable weights, tf.train.adam, optimizer.minimize over a tf.tidy'd
// forward pass (matMul + add + tanh/relu, core ops: tf.layers is not part of tfjs-core) and
// tf.losses.softmaxCrossEntropy on one-hot labels, with a seeded reshuffle every epoch.
// The data and the initial weights come from the Descent module (experiment.data() and
// weights(0) of the same spec), so every contender starts from the same point.
// Run as a child process (see serve.mjs); startTfjs(backend) spawns it.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchModule, isMain, TFJS_GRADIENTS } from '../paths.mjs';
import { ChildContender } from './child.mjs';

export function startTfjs(backend) {
  return new ChildContender(`tfjs-${backend}`, process.execPath, [fileURLToPath(import.meta.url), backend]);
}

// mulberry32: a small seeded generator for the epoch shuffles (Descent uses its own; the loss
// check allows for the different batch orders).
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function loadTfjs(backend) {
  const fs = (await import('node:fs')).default;
  const tf = await import('@tensorflow/tfjs-core');
  await import(TFJS_GRADIENTS); // import '@tensorflow/tfjs-core/dist/register_all_gradients', bundled (tfjs-build.mjs)
  await import('@tensorflow/tfjs-backend-cpu');
  const wasmFiles = [];
  if (backend === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const { createRequire } = await import('node:module');
    const path = await import('node:path');
    // In Node the backend's Emscripten glue reads the .wasm with fs from a plain directory path:
    // node_modules/@tensorflow/tfjs-backend-wasm/dist/, nothing is fetched.
    const dist = path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm')) + path.sep;
    wasm.setWasmPaths(dist);
    // Record which of the three binaries it reads (plain, SIMD, threaded SIMD).
    for (const name of ['readFileSync', 'readFile']) {
      const original = fs[name];
      fs[name] = function (file, ...rest) {
        if (String(file).endsWith('.wasm')) wasmFiles.push(path.basename(String(file)));
        return original.call(this, file, ...rest);
      };
    }
  }
  if (!(await tf.setBackend(backend))) throw new Error(`tf.setBackend('${backend}') failed`);
  await tf.ready();
  return {
    tf,
    about: {
      backend: tf.getBackend(),
      version: tf.version_core,
      wasmBinary: wasmFiles.join(',') || null,
      simd: backend === 'wasm' ? await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT') : null,
      threads: backend === 'wasm' ? await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT') : null,
    },
  };
}

if (isMain(import.meta.url)) {
  const backend = process.argv[2];
  const { serve } = await import('./serve.mjs');
  const { tf, about } = await loadTfjs(backend);
  const { default: createDescent } = await import(pathToFileURL(benchModule()).href);
  const d = await createDescent();
  await d.loadDataset?.('digits'); // travels beside the module (an older build has it inside)
  let run = null;

  // Descent's flat layout: W_l (out x in, row-major), b_l, ... TF.js users keep W as (in x out)
  // for matMul(x, W) on row-per-example batches, so W is transposed on the way in and out.
  function setup(spec) {
    if (run) {
      tf.dispose([run.x, run.y, ...run.vars]);
      run.optimizer.dispose();
    }
    const e = d.createExperiment(spec);
    const data = e.data();
    const w0 = e.weights(0);
    const stepsPerEpoch = e.info().stepsPerEpoch;
    e.delete();
    const n = data.yTrain.length;
    const sizes = [data.features, ...spec.network.hidden, data.outputs];
    const act = spec.network.activation === 'relu' ? tf.relu : tf.tanh;
    const vars = [];
    let at = 0;
    for (let l = 0; l + 1 < sizes.length; l++) {
      const [inputs, outputs] = [sizes[l], sizes[l + 1]];
      const W = tf.tidy(() => tf.transpose(tf.tensor2d(Float32Array.from(w0.subarray(at, at + outputs * inputs)), [outputs, inputs])));
      at += outputs * inputs;
      const b = tf.tensor1d(Float32Array.from(w0.subarray(at, at + outputs)));
      vars.push(tf.variable(W, true, `W${l}`), tf.variable(b, true, `b${l}`));
      tf.dispose([W, b]);
      at += outputs;
    }
    if (at !== w0.length) throw new Error(`layout mismatch: ${at} != ${w0.length}`);
    const x = tf.tensor2d(Float32Array.from(data.xTrain), [n, data.features]);
    const y = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(Int32Array.from(data.yTrain), 'int32'), data.outputs), 'float32'));
    const optimizer = tf.train.adam(spec.optimizers[0].lr, 0.9, 0.999, 1e-8); // PyTorch's betas and eps
    const forward = (xb) => {
      let h = xb;
      for (let l = 0; l < vars.length; l += 2) {
        h = tf.add(tf.matMul(h, vars[l]), vars[l + 1]);
        if (l + 2 < vars.length) h = act(h);
      }
      return h;
    };
    const order = Int32Array.from({ length: n }, (_, i) => i);
    run = { x, y, vars, optimizer, forward, order, n, batch: spec.batchSize, next: n, random: rng(spec.seed), stepsPerEpoch };
    return { parameters: w0.length, stepsPerEpoch };
  }

  function nextBatch() {
    const r = run;
    if (r.next >= r.n) { // a new epoch: Fisher-Yates reshuffle
      for (let i = r.n - 1; i > 0; i--) {
        const j = Math.floor(r.random() * (i + 1));
        [r.order[i], r.order[j]] = [r.order[j], r.order[i]];
      }
      r.next = 0;
    }
    const idx = r.order.subarray(r.next, Math.min(r.n, r.next + r.batch)); // the last batch may be short
    r.next += r.batch;
    return idx;
  }

  function step(returnCost) {
    const idx = nextBatch();
    return tf.tidy(() => run.optimizer.minimize(() => {
      const i = tf.tensor1d(idx, 'int32');
      const logits = run.forward(tf.gather(run.x, i));
      return tf.losses.softmaxCrossEntropy(tf.gather(run.y, i), logits);
    }, returnCost, run.vars));
  }

  await serve({
    setup,
    run(steps) {
      const t0 = performance.now();
      for (let k = 1; k < steps; k++) step(false);
      const cost = step(true); // read the loss once per call: keeps the backend honest (synchronous work)
      const loss = cost.dataSync()[0];
      const seconds = (performance.now() - t0) / 1000;
      cost.dispose();
      return { steps, seconds, loss, diverged: !Number.isFinite(loss) };
    },
    weights() {
      const out = [];
      for (let l = 0; l < run.vars.length; l += 2) {
        const W = tf.transpose(run.vars[l]);
        out.push(...W.dataSync(), ...run.vars[l + 1].dataSync());
        W.dispose();
      }
      return out;
    },
    info: () => ({ ...about, tensors: tf.memory().numTensors }),
  });
}
