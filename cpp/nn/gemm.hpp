// The dense matrix products of the networks' hot loop, written by hand.
//
// Why not Eigen: Eigen 3.4 has no WebAssembly SIMD kernels, so in the browser its products run
// scalar, and it packs both factors into scratch buffers on every call. These kernels work on the
// operands where they lie (the forward product copies part of W once per call), keep blocks of
// the result in 16-byte SIMD registers (core/simd.hpp: SSE2 natively, WASM SIMD128 in the browser,
// from one source), and vectorise along whichever dimension is contiguous, so thin layers (2
// inputs, 3 outputs) do not fall back to scalar loops. Every element is summed in a fixed order
// in the working precision (no FMA: the build has -ffp-contract=off), so the native and WASM
// builds give the same bits. None of them allocates.
#pragma once

#include "core/types.hpp"

namespace descent {

// C += A B, where C is m x n (column-major, column stride ldc), A is m x k (column-major,
// column stride lda: its columns are contiguous), and B's element (p, j) is
// b[p * b_row_stride + j * b_col_stride] (so B may be stored either way, or be a transpose).
template <typename S>
void multiply_add(Index m, Index n, Index k, const S* a, Index lda, const S* b, Index b_row_stride,
                  Index b_col_stride, S* c, Index ldc);

// C += A B with A row-major (row stride lda) and B column-major (column stride ldb): the forward
// product Z += W X of a layer. scratch holds m * k values.
template <typename S>
void multiply_add_row_major(Index m, Index n, Index k, const S* a, Index lda, const S* b, Index ldb, S* c,
                            Index ldc, S* scratch);

// Every column of C (m x n, column stride ldc) set to the vector v (m values): the bias that the
// forward product then adds to. (Eigen's column assignment is a scalar loop in WASM.)
template <typename S>
void broadcast_columns(Index m, Index n, const S* v, S* c, Index ldc);

#define DESCENT_DECLARE(S)                                                                                         \
  extern template void multiply_add<S>(Index, Index, Index, const S*, Index, const S*, Index, Index, S*, Index); \
  extern template void multiply_add_row_major<S>(Index, Index, Index, const S*, Index, const S*, Index, S*, Index, \
                                                 S*);                                                        \
  extern template void broadcast_columns<S>(Index, Index, const S*, S*, Index);
DESCENT_DECLARE(float)
DESCENT_DECLARE(double)
#undef DESCENT_DECLARE

}  // namespace descent
