// 16-byte SIMD registers from one source: GCC/Clang vector extensions compile to SSE2 natively
// and to WebAssembly SIMD128 with -msimd128 (Eigen 3.4 has no WASM kernels, so the hot loops
// that matter use these directly). Arithmetic on them is plain IEEE, lane by lane.
#pragma once

#include <cmath>
#include <cstring>

namespace descent::simd {

template <typename S>
struct Register;
template <>
struct Register<float> {
  typedef float type __attribute__((vector_size(16)));
};
template <>
struct Register<double> {
  typedef double type __attribute__((vector_size(16)));
};
// Four floats or two doubles.
template <typename S>
using Vec = typename Register<S>::type;
template <typename S>
constexpr int kLanes = 16 / sizeof(S);

// Unaligned load and store (memcpy compiles to one movups / v128.load).
template <typename S>
inline Vec<S> load(const S* p) {
  Vec<S> v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
template <typename S>
inline void store(S* p, const Vec<S>& v) {
  std::memcpy(p, &v, sizeof v);
}
// Every lane x. (Not `Vec<S>{} + x`: without fast-math that is a real addition of +0.0 per call.)
inline Vec<float> splat(float x) { return Vec<float>{x, x, x, x}; }
inline Vec<double> splat(double x) { return Vec<double>{x, x}; }

// min_of(a, b) = b < a ? b : a and max_of(a, b) = a < b ? b : a, lane by lane (a NaN in `a`
// passes through). In WebAssembly LLVM turns these ternaries into f32x4.min / max, whose NaN
// rules V8 expands to several instructions each; the pseudo-min/max instructions are the
// ternaries themselves and compile to one minps / maxps.
inline Vec<float> min_of(Vec<float> a, Vec<float> b) {
#ifdef __wasm_simd128__
  return __builtin_wasm_pmin_f32x4(a, b);
#else
  return b < a ? b : a;
#endif
}
inline Vec<float> max_of(Vec<float> a, Vec<float> b) {
#ifdef __wasm_simd128__
  return __builtin_wasm_pmax_f32x4(a, b);
#else
  return a < b ? b : a;
#endif
}

// |a|, lane by lane: the sign bits cleared (one andps / v128.and).
inline Vec<float> abs(Vec<float> a) {
  typedef int Bits __attribute__((vector_size(16)));
  return reinterpret_cast<Vec<float>>(reinterpret_cast<Bits>(a) & Bits{0x7fffffff, 0x7fffffff, 0x7fffffff, 0x7fffffff});
}

// Square roots, lane by lane, correctly rounded as std::sqrt is (sqrtpd / f64x2.sqrt).
inline Vec<double> sqrt(Vec<double> a) {
#if defined(__wasm_simd128__)
  return __builtin_wasm_sqrt_f64x2(a);
#elif defined(__SSE2__)
  return __builtin_ia32_sqrtpd(a);
#else
  return Vec<double>{std::sqrt(a[0]), std::sqrt(a[1])};
#endif
}

}  // namespace descent::simd
