// Reductions of the training loop (gradient and weight norms, finiteness checks), in float64.
// Without fast-math a compiler may not reorder a sum, so a plain loop (or Eigen's, in WASM,
// where it has no SIMD packets) is one chain of dependent additions: about 4 cycles an element.
// These keep four independent partial sums in two SIMD registers and add them at the end in a
// fixed order, so the native and WASM builds still give the same bits.
#pragma once

#include "core/simd.hpp"
#include "core/types.hpp"

namespace descent {

namespace detail {
inline simd::Vec<double> squares(simd::Vec<double> v) { return v * v; }
// x - x is 0 for a finite x and NaN for an infinite or NaN one.
inline simd::Vec<double> zero_if_finite(simd::Vec<double> v) { return v - v; }

// Four values from x as two registers of doubles.
inline void load4(const double* x, simd::Vec<double>& lo, simd::Vec<double>& hi) {
  lo = simd::load(x);
  hi = simd::load(x + 2);
}
inline void load4(const float* x, simd::Vec<double>& lo, simd::Vec<double>& hi) {
  const simd::Vec<float> v = simd::load(x);
  lo = __builtin_convertvector(__builtin_shufflevector(v, v, 0, 1), simd::Vec<double>);
  hi = __builtin_convertvector(__builtin_shufflevector(v, v, 2, 3), simd::Vec<double>);
}

// The sum over x[0 .. n) of f(x as doubles), four partial sums at a time.
template <typename S, typename F>
double sum_of(const S* x, Index n, F f) {
  using V = simd::Vec<double>;
  V a = simd::splat(0.0), b = simd::splat(0.0);
  Index i = 0;
  for (; i + 4 <= n; i += 4) {
    V lo, hi;
    load4(x + i, lo, hi);
    a += f(lo);
    b += f(hi);
  }
  a += b;
  double sum = a[0] + a[1];
  for (; i < n; ++i) sum += f(V{double(x[i]), 0.0})[0];
  return sum;
}
}  // namespace detail

// The sum of squares (in float64) of n values.
template <typename S>
double sum_of_squares(const S* x, Index n) {
  return detail::sum_of(x, n, detail::squares);
}
inline double sum_of_squares(const Vec& x) { return sum_of_squares(x.data(), x.size()); }

// Whether every value is finite (no infinity, no NaN).
inline bool all_finite(const Vec& x) { return detail::sum_of(x.data(), x.size(), detail::zero_if_finite) == 0; }

}  // namespace descent
