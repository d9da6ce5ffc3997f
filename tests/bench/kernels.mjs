// Our dense kernels (cpp/nn/gemm.cpp) against Eigen 3.4 on the same products, natively and in
// WebAssembly: the measurement behind writing them by hand (see kernels_bench.cpp). Builds the
// two descent_kernel_bench targets on demand (they are not part of the normal build) and runs
// them one after the other. Returns [{ shape, where, flops, native: { ours, eigen }, wasm: { ours, eigen } }].
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { table } from './report.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const env = { ...process.env, NODE_PATH: `/usr/share/nodejs${process.env.NODE_PATH ? `:${process.env.NODE_PATH}` : ''}` };
const build = (dir) => execFileSync('cmake', ['--build', `${root}build/${dir}`, '--target', 'descent_kernel_bench'], { env, stdio: 'pipe' });
const lines = (text) => text.trim().split('\n').map((line) => JSON.parse(line));

export function kernelComparison() {
  build('native');
  build('emscripten');
  const native = lines(execFileSync(`${root}build/native/descent_kernel_bench`, { encoding: 'utf8' }));
  const wasm = lines(execFileSync(process.execPath, [`${root}build/emscripten/descent_kernel_bench.cjs`], { encoding: 'utf8' }));
  return native.map((n, i) => ({ shape: n.shape, where: n.where, flops: n.flops,
    native: { ours: n.ours, eigen: n.eigen }, wasm: { ours: wasm[i].ours, eigen: wasm[i].eigen } }));
}

const PRODUCTS = [['forward', 'Z += W A'], ['weightGradient', 'dW += D A^T'], ['inputGradient', 'dA += W^T D']];

/** One row per shape and product: GFLOP/s of ours and Eigen's, in WASM and natively. */
export function formatKernels(rows) {
  const g = (x) => x.toFixed(1);
  const body = rows.flatMap((r) => PRODUCTS.map(([key, label]) => [
    `${r.where} (${r.shape})`, label, g(r.wasm.ours[key]), g(r.wasm.eigen[key]), `${(r.wasm.ours[key] / r.wasm.eigen[key]).toFixed(2)}x`,
    g(r.native.ours[key]), g(r.native.eigen[key]),
  ]));
  return `float32 products, GFLOP/s (out x in, batch):\n${table(['layer', 'product', 'wasm ours', 'wasm Eigen', 'ours/Eigen', 'native ours', 'native Eigen'], body)}`;
}
