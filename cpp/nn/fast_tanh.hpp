// tanh over an array, four floats at a time. For float, Eigen evaluates tanh with a rational
// approximation (generic_fast_tanh_float, accurate to a couple of ulps); natively it runs on SSE
// packets, but in WASM Eigen has no packets and runs it one value at a time. fast_tanh.cpp has
// the same formula, the same constants and the same operation order (no FMA) on core/simd.hpp's
// registers, so it gives Eigen's bits in both builds. Doubles use std::tanh, as Eigen does.
#pragma once

#include "core/types.hpp"

namespace descent {

void tanh_in_place(double* values, Index n);
void tanh_in_place(float* values, Index n);

}  // namespace descent
