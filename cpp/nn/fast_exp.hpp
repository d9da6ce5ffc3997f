// exp over an array, four floats at a time: Eigen 3.4's pexp_float (Cephes' polynomial after a
// range reduction by ln 2, accurate to about an ulp) on core/simd.hpp's registers, with the same
// constants and operation order (no FMA). Natively Eigen runs this on SSE packets, but in WASM it
// has no packets and calls the C library's expf one value at a time; and the two C libraries
// round differently. This gives Eigen's packet bits in both builds, the last few values included
// (they go through a padded register, not through expf). Doubles use Eigen's exp.
#pragma once

#include "core/types.hpp"

namespace descent {

void exp_in_place(double* values, Index n);
void exp_in_place(float* values, Index n);

}  // namespace descent
