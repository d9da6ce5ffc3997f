#include "nn/fast_exp.hpp"

#include <Eigen/Core>
#include <cstring>

#include "core/simd.hpp"

namespace descent {
namespace {

using V = simd::Vec<float>;
typedef int Bits __attribute__((vector_size(16)));

// Not const on purpose (see fast_tanh.cpp): loaded once per call instead of rebuilt from
// immediates in every iteration of the WebAssembly loop.
float kExp[] = {88.723f,          -88.723f,        1.44269504088896341f, 0.5f,           1.0f,
                -0.693359375f,    2.12194440e-4f,  1.9875691500E-4f,      1.3981999507E-3f, 8.3334519073E-3f,
                4.1665795894E-2f, 1.6666665459E-1f, 5.0000001201E-1f};

struct Constants {
  V hi = simd::splat(kExp[0]), lo = simd::splat(kExp[1]), log2e = simd::splat(kExp[2]), half = simd::splat(kExp[3]),
    one = simd::splat(kExp[4]), c1 = simd::splat(kExp[5]), c2 = simd::splat(kExp[6]), p0 = simd::splat(kExp[7]),
    p1 = simd::splat(kExp[8]), p2 = simd::splat(kExp[9]), p3 = simd::splat(kExp[10]), p4 = simd::splat(kExp[11]),
    p5 = simd::splat(kExp[12]);
};

// floor(a) for |a| < 2^31 (the clamped argument is within +-128): truncate, then one less where
// that rounded up. Exact, so it equals Eigen's pfloor whichever way that is computed.
inline V floor_of(V a, const Constants& k) {
  const V t = __builtin_convertvector(__builtin_convertvector(a, Bits), V);
  return t > a ? t - k.one : t;
}

// 2^e as a float whose exponent field is e + 127 (e an integral float within [-126, 127]).
inline V power_of_two(Bits e) { return reinterpret_cast<V>((e + 127) << 23); }

// Eigen's pldexp_generic: y * 2^m in four factors, so no intermediate over- or underflows.
inline V ldexp_of(V y, V m) {
  const V limit = simd::splat(278.0f);
  const Bits e = __builtin_convertvector(simd::min_of(simd::max_of(m, -limit), limit), Bits);
  const Bits b = e >> 2;  // floor(e / 4)
  const V c = power_of_two(b);
  return y * c * c * c * power_of_two(e - b - b - b);
}

inline V exp4(V in, const Constants& k) {
  const V x = simd::max_of(simd::min_of(in, k.hi), k.lo);
  const V m = floor_of(x * k.log2e + k.half, k);
  V r = m * k.c1 + x;
  r = m * k.c2 + r;
  const V r2 = r * r, r3 = r2 * r;
  V y = k.p0 * r + k.p1;
  V y1 = k.p3 * r + k.p4;
  const V y2 = r + k.one;
  y = y * r + k.p2;
  y1 = y1 * r + k.p5;
  y = y * r3 + y1;
  y = y * r2 + y2;
  return simd::max_of(ldexp_of(y, m), in);
}

}  // namespace

void exp_in_place(double* values, Index n) {
  Eigen::Map<Eigen::ArrayXd> v(values, n);
  v = v.exp();
}

void exp_in_place(float* values, Index n) {
  const Constants k;
  Index i = 0;
  for (; i + 4 <= n; i += 4) simd::store(values + i, exp4(simd::load(values + i), k));
  if (i < n) {  // the last one to three values, in a register padded with zeros
    float lanes[4] = {0, 0, 0, 0};
    std::memcpy(lanes, values + i, sizeof(float) * static_cast<std::size_t>(n - i));
    simd::store(lanes, exp4(simd::load(lanes), k));
    std::memcpy(values + i, lanes, sizeof(float) * static_cast<std::size_t>(n - i));
  }
}

}  // namespace descent
