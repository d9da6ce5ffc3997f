// The Initialisation view's histograms: the binning, and the shared range's rule (the widest
// group's mean +- 4 std, clipped to the values), checked on hand-made values.
#include "nn/histogram.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numeric>

#include "core/error.hpp"

namespace descent {
namespace {

TEST(Histogram, CountsEachValueInItsBinAndTheRestOutside) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const Histogram h = histogram({-5, 0, 0.1, 0.49, 0.5, 0.99, 1, 7, nan, 0.75}, {0, 1}, 2);
  ASSERT_EQ(h.fractions.size(), 2u);
  EXPECT_DOUBLE_EQ(h.fractions[0], 0.3);  // 0, 0.1, 0.49
  EXPECT_DOUBLE_EQ(h.fractions[1], 0.4);  // 0.5, 0.99, 1 (hi falls in the last bin), 0.75
  EXPECT_DOUBLE_EQ(h.below, 0.1);
  EXPECT_DOUBLE_EQ(h.above, 0.1);
  EXPECT_DOUBLE_EQ(h.non_finite, 0.1);
  EXPECT_TRUE(histogram({}, {0, 1}, 3).fractions == std::vector<double>(3, 0.0));
}

TEST(Histogram, RefusesAnEmptyRangeOrNoBins) {
  EXPECT_THROW(histogram({1}, {1, 1}, 4), InvalidArgument);
  EXPECT_THROW(histogram({1}, {0, std::numeric_limits<double>::infinity()}, 4), InvalidArgument);
  EXPECT_THROW(histogram({1}, {0, 1}, 0), InvalidArgument);
}

TEST(SharedRange, IsTheWidestGroupsFourStdClippedToTheValues) {
  // Group b: mean 0, std 1 (values -1, 1); group a lies inside. Clipped to the values: [-1, 1].
  ValueRange r = shared_range({{0.1, -0.1}, {-1, 1}});
  EXPECT_DOUBLE_EQ(r.lo, -1);
  EXPECT_DOUBLE_EQ(r.hi, 1);
  // An outlier group with a small std does not set the range but stretches it no further than 4 std.
  std::vector<double> wide(100);
  for (int i = 0; i < 100; ++i) wide[i] = i % 2 ? 1 : -1;  // mean 0, std 1
  r = shared_range({wide, {100.0, 100.0}});
  EXPECT_DOUBLE_EQ(r.lo, -1);
  EXPECT_DOUBLE_EQ(r.hi, 4);  // min(100, 0 + 4 * 1)
  // One value everywhere: widened around it; nothing finite: [-1, 1].
  r = shared_range({{2, 2}});
  EXPECT_LT(r.lo, 2);
  EXPECT_GT(r.hi, 2);
  r = shared_range({{std::numeric_limits<double>::quiet_NaN()}});
  EXPECT_DOUBLE_EQ(r.lo, -1);
  EXPECT_DOUBLE_EQ(r.hi, 1);
}

}  // namespace
}  // namespace descent
