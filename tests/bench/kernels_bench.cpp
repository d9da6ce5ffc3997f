// The decision behind cpp/nn/gemm.cpp, measured: the three products of a layer's training step
// (forward Z += W A, weight gradient dW += D A^T, input gradient dA += W^T D) in float32, by our
// kernels and by Eigen 3.4 (the same products written as Eigen expressions into preallocated
// maps), on the layer shapes of `npm run bench`'s workloads and the page's 100 x 100 grid.
// Built twice: natively by CMake (build/native/descent_kernel_bench) and for WebAssembly by
// tests/bench/kernels.mjs (em++ -O3 -msimd128, run in Node). Prints one JSON line per shape:
//   {"shape": "128x128 b32", "flops": ..., "ours": {"forward": GFLOP/s, ...}, "eigen": {...}}
#include <Eigen/Core>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "nn/gemm.hpp"

namespace {

using descent::Index;
using Matrix = Eigen::MatrixXf;
using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// GFLOP/s of f(), which does `flops` floating-point operations: repeated for >= 0.2 s after a
// warm-up (WebAssembly is compiled in tiers: the first calls run unoptimised code).
template <typename F>
double rate(F f, double flops) {
  using Clock = std::chrono::steady_clock;
  const auto seconds = [](Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); };
  for (auto t = Clock::now(); seconds(t) < 0.1;) f();
  long reps = 0;
  const auto t0 = Clock::now();
  double elapsed = 0;
  do {
    f();
    ++reps;
    elapsed = seconds(t0);
  } while (elapsed < 0.2);
  return flops * reps / elapsed / 1e9;
}

struct Shape {
  Index out, in, batch;
  const char* where;
};

}  // namespace

int main() {
  const Shape shapes[] = {
      {32, 32, 32, "spiral 32x32, batch 32"},    {32, 32, 300, "spiral 32x32, batch 300"},
      {128, 128, 32, "spiral 128x128, batch 32"}, {128, 128, 300, "spiral 128x128, batch 300"},
      {64, 64, 64, "digits 64-64, batch 64"},     {10, 64, 64, "digits 64-10, batch 64"},
      {32, 32, 10000, "grid 100x100, 32x32"},     {3, 32, 10000, "grid 100x100, 32-3"},
  };
  for (const Shape& s : shapes) {
    RowMajor w = RowMajor::Random(s.out, s.in) * 0.1f;  // torch's layout: row-major out x in
    Matrix a = Matrix::Random(s.in, s.batch), d = Matrix::Random(s.out, s.batch);
    Matrix z(s.out, s.batch), da(s.in, s.batch);
    RowMajor dw(s.out, s.in);
    std::vector<float> scratch(static_cast<std::size_t>(s.out * s.in));
    const double flops = 2.0 * double(s.out) * double(s.in) * double(s.batch);

    const double ours_forward = rate([&] {
      descent::multiply_add_row_major<float>(s.out, s.batch, s.in, w.data(), s.in, a.data(), s.in, z.data(), s.out,
                                              scratch.data());
    }, flops);
    const double ours_dw = rate([&] {
      descent::multiply_add<float>(s.in, s.out, s.batch, a.data(), s.in, d.data(), s.out, 1, dw.data(), s.in);
    }, flops);
    const double ours_da = rate([&] {
      descent::multiply_add<float>(s.in, s.batch, s.out, w.data(), s.in, d.data(), 1, s.out, da.data(), s.in);
    }, flops);
    const double eigen_forward = rate([&] { z.noalias() += w * a; }, flops);
    const double eigen_dw = rate([&] { dw.noalias() += d * a.transpose(); }, flops);
    const double eigen_da = rate([&] { da.noalias() += w.transpose() * d; }, flops);

    std::printf(
        "{\"shape\": \"%ldx%ld b%ld\", \"where\": \"%s\", \"flops\": %.0f, "
        "\"ours\": {\"forward\": %.3f, \"weightGradient\": %.3f, \"inputGradient\": %.3f}, "
        "\"eigen\": {\"forward\": %.3f, \"weightGradient\": %.3f, \"inputGradient\": %.3f}, \"check\": %g}\n",
        static_cast<long>(s.out), static_cast<long>(s.in), static_cast<long>(s.batch), s.where, flops, ours_forward,
        ours_dw, ours_da, eigen_forward, eigen_dw, eigen_da, double(z.sum() + dw.sum() + da.sum()));
    std::fflush(stdout);
  }
}
