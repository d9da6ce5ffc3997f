// 16-byte SIMD registers from one source: GCC/Clang vector extensions compile to SSE2 natively
// and to WebAssembly SIMD128 with -msimd128 (Eigen 3.4 has no WASM kernels, so the hot loops
// that matter use these directly). Arithmetic on them is plain IEEE, lane by lane.
#pragma once

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
template <typename S>
inline Vec<S> splat(S x) {
  return Vec<S>{} + x;
}

}  // namespace descent::simd
