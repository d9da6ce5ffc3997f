#include "nn/fast_tanh.hpp"

#include <Eigen/Core>

#include "core/simd.hpp"

namespace descent {
namespace {

// Eigen's generic_fast_tanh_float: the clamp, the threshold below which tanh(x) = x is closer,
// then the numerator's and denominator's coefficients. Not const on purpose: constant vectors
// are rematerialised inside the loop in WebAssembly (V8 builds each from immediates, four
// instructions, every iteration); loaded from memory they are read once into registers.
float kTanh[] = {7.90531110763549805f,   0.0004f,
                 4.89352455891786e-03f,  6.37261928875436e-04f, 1.48572235717979e-05f, 5.12229709037114e-08f,
                 -8.60467152213735e-11f, 2.00018790482477e-13f, -2.76076847742355e-16f,
                 4.89352518554385e-03f,  2.26843463243900e-03f, 1.18534705686654e-04f, 1.19825839466702e-06f};

}  // namespace

void tanh_in_place(double* values, Index n) {
  Eigen::Map<Eigen::ArrayXd> v(values, n);
  v = v.tanh();
}

void tanh_in_place(float* values, Index n) {
  using V = simd::Vec<float>;
  using simd::splat;
  // Past +-c the approximation is exactly +-1; below `tiny` in magnitude tanh(x) = x is closer.
  const V clamp = splat(kTanh[0]), tiny = splat(kTanh[1]);
  const V a1 = splat(kTanh[2]), a3 = splat(kTanh[3]), a5 = splat(kTanh[4]), a7 = splat(kTanh[5]),
          a9 = splat(kTanh[6]), a11 = splat(kTanh[7]), a13 = splat(kTanh[8]);
  const V b0 = splat(kTanh[9]), b2 = splat(kTanh[10]), b4 = splat(kTanh[11]), b6 = splat(kTanh[12]);
  auto tanh4 = [&](V in) {
    const V x = simd::max_of(simd::min_of(in, clamp), -clamp);  // min(in, c), then max(., -c), as Eigen orders them
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
    return simd::abs(in) < tiny ? x : p / q;
  };
  Index i = 0;
  // Two registers at a time: each is a chain of a dozen dependent operations, and two chains
  // side by side keep the multipliers busy where the compiler (or V8) does not interleave them.
  for (; i + 8 <= n; i += 8) {
    const V lo = tanh4(simd::load(values + i)), hi = tanh4(simd::load(values + i + 4));
    simd::store(values + i, lo);
    simd::store(values + i + 4, hi);
  }
  for (; i + 4 <= n; i += 4) simd::store(values + i, tanh4(simd::load(values + i)));
  for (; i < n; ++i) values[i] = Eigen::numext::tanh(values[i]);
}

}  // namespace descent
