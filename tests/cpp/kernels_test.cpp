// The hand-written kernels of the network's hot loop (nn/gemm.hpp, nn/fast_tanh.hpp) against
// references: the product against a long-double triple loop over every shape class the kernel
// splits into (full register blocks, one-register rows, scalar rows, column remainders) and both
// layouts of B; the vectorised float tanh against Eigen's own tanh, bit for bit.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "core/random.hpp"
#include "nn/fast_exp.hpp"
#include "nn/fast_tanh.hpp"
#include "nn/gemm.hpp"

namespace descent {
namespace {

template <typename S>
void check_product(Index m, Index n, Index k, bool b_transposed) {
  Rng rng(static_cast<std::uint64_t>(1000 * m + 10 * n + k));
  const Index lda = m + 3, ldc = m + 1;  // strides larger than the rows: the kernel must honour them
  std::vector<S> a(static_cast<std::size_t>(lda * k + 1)), b(static_cast<std::size_t>(k * n + 1)),
      c(static_cast<std::size_t>(ldc * n + 1));
  for (auto& v : a) v = static_cast<S>(rng.normal());
  for (auto& v : b) v = static_cast<S>(rng.normal());
  for (auto& v : c) v = static_cast<S>(rng.normal());
  // B stored column-major (k x n) or as the transpose of a column-major n x k matrix.
  const Index b_rs = b_transposed ? n : 1, b_cs = b_transposed ? 1 : k;
  std::vector<S> expected = c;
  for (Index i = 0; i < m; ++i)
    for (Index j = 0; j < n; ++j) {
      long double sum = c[i + j * ldc];
      for (Index p = 0; p < k; ++p) sum += (long double)a[i + p * lda] * b[p * b_rs + j * b_cs];
      expected[i + j * ldc] = static_cast<S>(sum);
    }
  multiply_add<S>(m, n, k, a.data(), lda, b.data(), b_rs, b_cs, c.data(), ldc);
  const double tolerance = (std::is_same_v<S, float> ? 1e-5 : 1e-13) * (k + 1);
  for (Index j = 0; j < n; ++j)
    for (Index i = 0; i < ldc; ++i) {
      const auto at = static_cast<std::size_t>(i + j * ldc);
      if (i >= m) {
        ASSERT_EQ(c[at], expected[at]) << "wrote outside the result at row " << i;  // padding untouched
        continue;
      }
      ASSERT_NEAR(c[at], expected[at], tolerance * (1 + std::abs(double(expected[at]))))
          << "m=" << m << " n=" << n << " k=" << k << " at (" << i << ", " << j << ")";
    }
}

TEST(Kernels, ProductMatchesATripleLoopForEveryShapeClassAndLayout) {
  for (Index m : {1, 2, 3, 4, 5, 7, 8, 9, 12, 16, 17, 33})
    for (Index n : {1, 3, 4, 5, 9, 17, 21})
      for (Index k : {0, 1, 2, 7, 32})
        for (bool transposed : {false, true}) {
          check_product<float>(m, n, k, transposed);
          check_product<double>(m, n, k, transposed);
        }
}

template <typename S>
void check_row_major_product(Index m, Index n, Index k) {
  Rng rng(static_cast<std::uint64_t>(7 + 1000 * m + 10 * n + k));
  const Index lda = k + 2, ldb = k + 1, ldc = m + 1;
  std::vector<S> a(static_cast<std::size_t>(lda * m + 1)), b(static_cast<std::size_t>(ldb * n + 1)),
      c(static_cast<std::size_t>(ldc * n + 1)), scratch(static_cast<std::size_t>(m * k + 1));
  for (auto& v : a) v = static_cast<S>(rng.normal());
  for (auto& v : b) v = static_cast<S>(rng.normal());
  for (auto& v : c) v = static_cast<S>(rng.normal());
  std::vector<S> expected = c;
  for (Index i = 0; i < m; ++i)
    for (Index j = 0; j < n; ++j) {
      long double sum = c[i + j * ldc];
      for (Index p = 0; p < k; ++p) sum += (long double)a[i * lda + p] * b[p + j * ldb];
      expected[i + j * ldc] = static_cast<S>(sum);
    }
  multiply_add_row_major<S>(m, n, k, a.data(), lda, b.data(), ldb, c.data(), ldc, scratch.data());
  const double tolerance = (std::is_same_v<S, float> ? 1e-5 : 1e-13) * (k + 1);
  for (Index j = 0; j < n; ++j)
    for (Index i = 0; i < ldc; ++i) {
      const auto at = static_cast<std::size_t>(i + j * ldc);
      if (i >= m) {
        ASSERT_EQ(c[at], expected[at]) << "wrote outside the result at row " << i;
        continue;
      }
      ASSERT_NEAR(c[at], expected[at], tolerance * (1 + std::abs(double(expected[at]))))
          << "m=" << m << " n=" << n << " k=" << k << " at (" << i << ", " << j << ")";
    }
}

TEST(Kernels, RowMajorProductMatchesATripleLoop) {
  for (Index m : {1, 2, 3, 4, 5, 8, 10, 17})
    for (Index n : {1, 3, 4, 5, 9})
      for (Index k : {0, 1, 2, 3, 4, 5, 9, 32}) {
        check_row_major_product<float>(m, n, k);
        check_row_major_product<double>(m, n, k);
      }
}

TEST(Kernels, FloatTanhIsEigensTanhBitForBit) {
  std::vector<float> values = {0.0f, -0.0f, 1e-6f, -1e-6f, 0.0003999f, 0.0004f, -0.0004001f, 0.5f, -0.5f, 1.0f,
                               3.0f, -3.0f, 7.9f, 7.90531110763549805f, 7.95f, -8.0f, 20.0f, -1e30f,
                               std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity()};
  Rng rng(3);
  for (int i = 0; i < 4001; ++i) values.push_back(static_cast<float>(4 * rng.normal()));  // odd count: a scalar tail
  std::vector<float> ours = values;
  tanh_in_place(ours.data(), static_cast<Index>(ours.size()));
  for (std::size_t i = 0; i < values.size(); ++i) {
    const float eigen = Eigen::numext::tanh(values[i]);
    ASSERT_EQ(ours[i], eigen) << "tanh(" << values[i] << ")";
    ASSERT_NEAR(ours[i], std::tanh(double(values[i])), 3e-7) << "tanh(" << values[i] << ")";
  }
  std::vector<float> nan(5, std::numeric_limits<float>::quiet_NaN());
  tanh_in_place(nan.data(), 5);
  for (float v : nan) EXPECT_TRUE(std::isnan(v));
}

TEST(Kernels, FloatExpIsEigensPacketExpBitForBit) {
  std::vector<float> values = {0.0f, -0.0f, 1e-8f, -1e-8f, 0.5f, -0.5f, 1.0f, -1.0f, 10.0f, -10.0f, 87.0f, 88.7f,
                               88.723f, 89.0f, 200.0f, -87.0f, -88.7f, -88.723f, -89.0f, -200.0f, -1e30f, 1e30f,
                               std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity()};
  Rng rng(5);
  for (int i = 0; i < 4003; ++i) values.push_back(static_cast<float>(20 * rng.normal()));  // a tail of 3
  std::vector<float> ours = values;
  exp_in_place(ours.data(), static_cast<Index>(ours.size()));
  using Eigen::internal::Packet4f;
  for (std::size_t i = 0; i < values.size(); ++i) {
    // Eigen's own packet exp on a register holding this value (what Eigen computes natively).
    const Packet4f in = Eigen::internal::pset1<Packet4f>(values[i]);
    const float eigen = Eigen::internal::pfirst(Eigen::internal::pexp(in));
    ASSERT_EQ(ours[i], eigen) << "exp(" << values[i] << ")";
    const double exact = std::exp(double(values[i]));
    if (exact > 1e-37 && exact < 3e38) {
      ASSERT_NEAR(ours[i], exact, 3e-7 * exact) << "exp(" << values[i] << ")";
    }
  }
  std::vector<float> nan(3, std::numeric_limits<float>::quiet_NaN());
  exp_in_place(nan.data(), 3);
  for (float v : nan) EXPECT_TRUE(std::isnan(v));
}

}  // namespace
}  // namespace descent
