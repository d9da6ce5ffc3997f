// tanh over an array, four floats at a time. For float, Eigen evaluates tanh with a rational
// approximation (generic_fast_tanh_float, accurate to a couple of ulps); natively it runs on SSE
// packets, but in WASM Eigen has no packets and runs it one value at a time. This is the same
// formula, the same constants and the same operation order (no FMA), on nn/simd.hpp's registers,
// so it gives Eigen's bits in both builds. Doubles use std::tanh, as Eigen does.
#pragma once

#include <Eigen/Core>

#include "core/types.hpp"
#include "nn/simd.hpp"

namespace descent {

inline void tanh_in_place(double* values, Index n) {
  Eigen::Map<Eigen::ArrayXd> v(values, n);
  v = v.tanh();
}

inline void tanh_in_place(float* values, Index n) {
  using V = simd::Vec<float>;
  using simd::splat;
  // Past +-c the approximation is exactly +-1; below 0.0004 in magnitude tanh(x) = x is closer.
  const V clamp = splat(7.90531110763549805f), tiny = splat(0.0004f);
  const V a1 = splat(4.89352455891786e-03f), a3 = splat(6.37261928875436e-04f), a5 = splat(1.48572235717979e-05f),
          a7 = splat(5.12229709037114e-08f), a9 = splat(-8.60467152213735e-11f),
          a11 = splat(2.00018790482477e-13f), a13 = splat(-2.76076847742355e-16f);
  const V b0 = splat(4.89352518554385e-03f), b2 = splat(2.26843463243900e-03f), b4 = splat(1.18534705686654e-04f),
          b6 = splat(1.19825839466702e-06f);
  Index i = 0;
  for (; i + 4 <= n; i += 4) {
    const V in = simd::load(values + i);
    V x = clamp < in ? clamp : in;  // min(in, c), then max(., -c), as Eigen orders them
    x = x < -clamp ? -clamp : x;
    const V magnitude = in < 0 ? -in : in;
    const V x2 = x * x;
    V p = x2 * a13 + a11;
    p = x2 * p + a9;
    p = x2 * p + a7;
    p = x2 * p + a5;
    p = x2 * p + a3;
    p = x2 * p + a1;
    p = x * p;
    V q = x2 * b6 + b4;
    q = x2 * q + b2;
    q = x2 * q + b0;
    simd::store(values + i, magnitude < tiny ? x : p / q);
  }
  for (; i < n; ++i) values[i] = Eigen::numext::tanh(values[i]);
}

}  // namespace descent
