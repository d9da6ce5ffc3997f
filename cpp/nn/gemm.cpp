#include "nn/gemm.hpp"

#include <algorithm>

#include "core/simd.hpp"

namespace descent {
namespace {

using simd::load;
using simd::splat;
using simd::store;

template <typename S>
inline S sum_lanes(const simd::Vec<S>& v) {
  S sum = v[0];
  for (int l = 1; l < simd::kLanes<S>; ++l) sum += v[l];
  return sum;
}

// ---- A column-major: vectorised along the rows of C -----------------------------------------

// A block of RV registers' worth of rows by NC columns of C, accumulated over all k in registers.
template <typename S, int RV, int NC>
inline void block(Index k, const S* a, Index lda, const S* b, Index b_rs, Index b_cs, S* c, Index ldc) {
  using V = simd::Vec<S>;
  constexpr int L = simd::kLanes<S>;
  V acc[NC][RV];
  for (int j = 0; j < NC; ++j)
    for (int r = 0; r < RV; ++r) acc[j][r] = load(c + j * ldc + r * L);
  for (Index p = 0; p < k; ++p) {
    V column[RV];
    for (int r = 0; r < RV; ++r) column[r] = load(a + p * lda + r * L);
    const S* row = b + p * b_rs;
    for (int j = 0; j < NC; ++j) {
      const V bj = splat(row[j * b_cs]);
      for (int r = 0; r < RV; ++r) acc[j][r] += column[r] * bj;
    }
  }
  for (int j = 0; j < NC; ++j)
    for (int r = 0; r < RV; ++r) store(c + j * ldc + r * L, acc[j][r]);
}

// All columns of C for RV registers' worth of rows starting at a and c.
template <typename S, int RV>
inline void rows(Index n, Index k, const S* a, Index lda, const S* b, Index b_rs, Index b_cs, S* c, Index ldc) {
  constexpr int NC = 4;
  Index j = 0;
  for (; j + NC <= n; j += NC) block<S, RV, NC>(k, a, lda, b + j * b_cs, b_rs, b_cs, c + j * ldc, ldc);
  for (; j < n; ++j) block<S, RV, 1>(k, a, lda, b + j * b_cs, b_rs, b_cs, c + j * ldc, ldc);
}

// One row of C (fewer rows than a register left over) when B's rows are contiguous: vectorised
// along the columns, NV registers at a time.
template <typename S, int NV>
inline void row_block(Index k, const S* a, Index lda, const S* b, Index b_rs, S* c, Index ldc) {
  using V = simd::Vec<S>;
  constexpr int L = simd::kLanes<S>;
  V acc[NV];
  for (int v = 0; v < NV; ++v) {
    S lanes[L];  // the row's elements are ldc apart: gathered, then one register
    for (int l = 0; l < L; ++l) lanes[l] = c[(v * L + l) * ldc];
    acc[v] = load(lanes);
  }
  for (Index p = 0; p < k; ++p) {
    const V ap = splat(a[p * lda]);
    for (int v = 0; v < NV; ++v) acc[v] += ap * load(b + p * b_rs + v * L);
  }
  for (int v = 0; v < NV; ++v)
    for (int l = 0; l < L; ++l) c[(v * L + l) * ldc] = acc[v][l];
}

template <typename S>
void leftover_row(Index n, Index k, const S* a, Index lda, const S* b, Index b_rs, Index b_cs, S* c, Index ldc) {
  constexpr int L = simd::kLanes<S>;
  Index j = 0;
  if (b_cs == 1) {
    for (; j + 4 * L <= n; j += 4 * L) row_block<S, 4>(k, a, lda, b + j, b_rs, c + j * ldc, ldc);
    for (; j + L <= n; j += L) row_block<S, 1>(k, a, lda, b + j, b_rs, c + j * ldc, ldc);
  }
  for (; j < n; ++j) {
    S sum = c[j * ldc];
    for (Index p = 0; p < k; ++p) sum += a[p * lda] * b[p * b_rs + j * b_cs];
    c[j * ldc] = sum;
  }
}

// ---- A row-major, B column-major: dot products along k --------------------------------------

// MR rows of C by NC columns: each element one dot product of a row of A and a column of B, both
// contiguous. Each column of B is loaded once for all MR rows (the network's last layer has only
// a few outputs, and a grid of 10,000 points makes it worth it).
template <typename S, int MR, int NC>
inline void dot_tile(Index k, const S* a, Index lda, const S* b, Index ldb, S* c, Index ldc) {
  using V = simd::Vec<S>;
  constexpr int L = simd::kLanes<S>;
  V acc[MR][NC];
  for (int r = 0; r < MR; ++r)
    for (int j = 0; j < NC; ++j) acc[r][j] = splat(S(0));
  Index p = 0;
  for (; p + L <= k; p += L) {
    V rows[MR];
    for (int r = 0; r < MR; ++r) rows[r] = load(a + r * lda + p);
    for (int j = 0; j < NC; ++j) {
      const V column = load(b + j * ldb + p);
      for (int r = 0; r < MR; ++r) acc[r][j] += rows[r] * column;
    }
  }
  for (int r = 0; r < MR; ++r)
    for (int j = 0; j < NC; ++j) {
      S sum = sum_lanes<S>(acc[r][j]);
      for (Index q = p; q < k; ++q) sum += a[r * lda + q] * b[j * ldb + q];
      c[r + j * ldc] += sum;
    }
}

template <typename S, int MR>
void dot_columns(Index n, Index k, const S* a, Index lda, const S* b, Index ldb, S* c, Index ldc) {
  Index j = 0;
  for (; j + 4 <= n; j += 4) dot_tile<S, MR, 4>(k, a, lda, b + j * ldb, ldb, c + j * ldc, ldc);
  for (; j < n; ++j) dot_tile<S, MR, 1>(k, a, lda, b + j * ldb, ldb, c + j * ldc, ldc);
}

// The m < L rows the register kernel leaves over (m is 1, 2 or 3).
template <typename S>
void dot_rows(Index m, Index n, Index k, const S* a, Index lda, const S* b, Index ldb, S* c, Index ldc) {
  Index i = 0;
  for (; i + 3 <= m; i += 3) dot_columns<S, 3>(n, k, a + i * lda, lda, b, ldb, c + i, ldc);
  for (; i + 2 <= m; i += 2) dot_columns<S, 2>(n, k, a + i * lda, lda, b, ldb, c + i, ldc);
  for (; i < m; ++i) dot_columns<S, 1>(n, k, a + i * lda, lda, b, ldb, c + i, ldc);
}

// ---- A row-major copied column-major, by register-sized square blocks -------------------------

// The L x L block of A (row-major, row stride lda) at a, transposed into out (column stride ld).
inline void transpose_block(const float* a, Index lda, float* out, Index ld) {
  using V = simd::Vec<float>;
  const V r0 = load(a), r1 = load(a + lda), r2 = load(a + 2 * lda), r3 = load(a + 3 * lda);
  const V t0 = __builtin_shufflevector(r0, r1, 0, 4, 1, 5), t1 = __builtin_shufflevector(r0, r1, 2, 6, 3, 7);
  const V t2 = __builtin_shufflevector(r2, r3, 0, 4, 1, 5), t3 = __builtin_shufflevector(r2, r3, 2, 6, 3, 7);
  store(out, __builtin_shufflevector(t0, t2, 0, 1, 4, 5));
  store(out + ld, __builtin_shufflevector(t0, t2, 2, 3, 6, 7));
  store(out + 2 * ld, __builtin_shufflevector(t1, t3, 0, 1, 4, 5));
  store(out + 3 * ld, __builtin_shufflevector(t1, t3, 2, 3, 6, 7));
}
inline void transpose_block(const double* a, Index lda, double* out, Index ld) {
  using V = simd::Vec<double>;
  const V r0 = load(a), r1 = load(a + lda);
  store(out, __builtin_shufflevector(r0, r1, 0, 2));
  store(out + ld, __builtin_shufflevector(r0, r1, 1, 3));
}

// out (column-major, rows x k, column stride rows) = the first `rows` rows of A (row-major, row
// stride lda); rows is a multiple of the register width. The forward product's copy of W: by
// blocks it costs a few percent of the product instead of a third (one scalar per element).
template <typename S>
void copy_column_major(Index rows, Index k, const S* a, Index lda, S* out) {
  constexpr int L = simd::kLanes<S>;
  Index p = 0;
  for (; p + L <= k; p += L)
    for (Index r = 0; r < rows; r += L) transpose_block(a + r * lda + p, lda, out + r + p * rows, rows);
  for (; p < k; ++p)
    for (Index r = 0; r < rows; ++r) out[r + p * rows] = a[r * lda + p];
}

}  // namespace

template <typename S>
void multiply_add(Index m, Index n, Index k, const S* a, Index lda, const S* b, Index b_row_stride,
                  Index b_col_stride, S* c, Index ldc) {
  constexpr int L = simd::kLanes<S>;
  Index i = 0;
  for (; i + 2 * L <= m; i += 2 * L) rows<S, 2>(n, k, a + i, lda, b, b_row_stride, b_col_stride, c + i, ldc);
  for (; i + L <= m; i += L) rows<S, 1>(n, k, a + i, lda, b, b_row_stride, b_col_stride, c + i, ldc);
  for (; i < m; ++i) leftover_row(n, k, a + i, lda, b, b_row_stride, b_col_stride, c + i, ldc);
}

template <typename S>
void multiply_add_row_major(Index m, Index n, Index k, const S* a, Index lda, const S* b, Index ldb, S* c,
                            Index ldc, S* scratch) {
  constexpr int L = simd::kLanes<S>;
  // Whole registers of rows: A's first rows copied column-major, then the fast kernel.
  const Index vector_rows = m - m % L;
  if (vector_rows > 0 && k > 0) {
    copy_column_major(vector_rows, k, a, lda, scratch);
    multiply_add(vector_rows, n, k, scratch, vector_rows, b, 1, ldb, c, ldc);
  }
  // The few rows left: dot products, reading A's rows and B's columns where they lie.
  if (vector_rows < m)
    dot_rows(m - vector_rows, n, k, a + vector_rows * lda, lda, b, ldb, c + vector_rows, ldc);
}

template <typename S>
void broadcast_columns(Index m, Index n, const S* v, S* c, Index ldc) {
  constexpr int L = simd::kLanes<S>;
  for (Index j = 0; j < n; ++j) {
    S* column = c + j * ldc;
    Index i = 0;
    for (; i + L <= m; i += L) store(column + i, load(v + i));
    for (; i < m; ++i) column[i] = v[i];
  }
}

#define DESCENT_INSTANTIATE(S)                                                                              \
  template void multiply_add<S>(Index, Index, Index, const S*, Index, const S*, Index, Index, S*, Index); \
  template void multiply_add_row_major<S>(Index, Index, Index, const S*, Index, const S*, Index, S*, Index, S*); \
  template void broadcast_columns<S>(Index, Index, const S*, S*, Index);
DESCENT_INSTANTIATE(float)
DESCENT_INSTANTIATE(double)
#undef DESCENT_INSTANTIATE

}  // namespace descent
