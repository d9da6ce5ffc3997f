// Histograms of a network's values (a layer's activations, its weight gradients) for the
// Initialisation view: every layer of one quantity shares one range, so that a layer whose values
// shrink shows as a spike in the middle and one whose values grow spills past the edges, as in
// Glorot and Bengio's figures of activations per layer.
#pragma once

#include <vector>

namespace descent {

struct ValueRange {
  double lo = 0;
  double hi = 0;
};

struct Histogram {
  std::vector<double> fractions;  // per bin, of all the values (finite or not)
  double below = 0;               // fraction of the values under the range's lo
  double above = 0;               // over its hi
  double non_finite = 0;          // NaN or infinite
};

// `bins` equal bins over [range.lo, range.hi]; a value equal to hi falls in the last bin.
Histogram histogram(const std::vector<double>& values, ValueRange range, int bins);

// One range for several groups of values: mean +- 4 std of the group with the largest std (so no
// group spills far past it), clipped to the smallest and largest finite value of all the groups.
// Never empty: a range of one value is widened around it.
ValueRange shared_range(const std::vector<std::vector<double>>& groups);

}  // namespace descent
