#include "bindings/network_handle.hpp"

#include <cmath>

#include "bindings/convert.hpp"
#include "bindings/js_error.hpp"
#include "core/error.hpp"

namespace descent::bindings {
namespace {

// Rows of `columns` numbers (an array of arrays, or a flat row-major array) as a matrix with
// one column per row: a row-major n x c block is exactly a column-major c x n matrix.
Mat rows_as_columns(const val& value, Index columns, const std::string& what) {
  const bool nested = val::global("Array").call<bool>("isArray", value) && value["length"].as<unsigned>() > 0 &&
                      val::global("Array").call<bool>("isArray", value[0]);
  std::vector<double> flat;
  if (nested) {
    const unsigned n = value["length"].as<unsigned>();
    for (unsigned i = 0; i < n; ++i) {
      const Vec row = to_vec(value[i], what + "[" + std::to_string(i) + "]");
      if (row.size() != columns)
        fail(what + "[" + std::to_string(i) + "] has " + std::to_string(row.size()) + " numbers, expected " +
             std::to_string(columns));
      flat.insert(flat.end(), row.data(), row.data() + row.size());
    }
  } else {
    const Vec all = to_vec(value, what);
    if (columns == 0 || all.size() % columns != 0)
      fail(what + " has " + std::to_string(all.size()) + " numbers, not a multiple of " + std::to_string(columns));
    flat.assign(all.data(), all.data() + all.size());
  }
  return Eigen::Map<const Mat>(flat.data(), columns, static_cast<Index>(flat.size()) / columns);
}

}  // namespace

val NetworkHandle::lossAndGradient(val params, val x, val y) {
  return guarded([&]() -> val {
    const Vec p = to_vec(params, "params");
    const Mat batch = rows_as_columns(x, network_->inputs(), "x");
    Eigen::VectorXi labels;
    Mat targets;
    if (network_->classification()) {
      const Vec l = to_vec(y, "labels");
      if (l.size() != batch.cols())
        fail("labels has " + std::to_string(l.size()) + " entries for a batch of " + std::to_string(batch.cols()));
      labels.resize(l.size());
      for (Index k = 0; k < l.size(); ++k) {
        if (std::floor(l[k]) != l[k] || l[k] < 0)
          fail("labels[" + std::to_string(k) + "] must be a whole number >= 0, got " + format_number(l[k]));
        labels[k] = static_cast<int>(l[k]);
      }
    } else {
      const Vec t = to_vec(y, "targets");  // flat: rows of outputs
      if (batch.cols() == 0 || t.size() % batch.cols() != 0)
        fail("targets has " + std::to_string(t.size()) + " numbers for a batch of " + std::to_string(batch.cols()));
      targets = Eigen::Map<const Mat>(t.data(), t.size() / batch.cols(), batch.cols());
    }
    Vec grad;
    const double loss = network_->loss_and_gradient(p, batch, labels, targets, grad);
    val out = val::object();
    out.set("loss", loss);
    out.set("gradient", to_float64_array(grad));
    return out;
  });
}

val NetworkHandle::predict(val params, val x) {
  return guarded([&]() -> val {
    const Mat out = network_->predict(to_vec(params, "params"), rows_as_columns(x, network_->inputs(), "x"));
    return to_float64_array(out.data(), static_cast<std::size_t>(out.size()));  // rows of outputs per example
  });
}

val NetworkHandle::initialParameters(val seed) const {
  return guarded([&]() -> val {
    if (seed.typeOf().as<std::string>() != "number" || seed.as<double>() < 0 ||
        std::floor(seed.as<double>()) != seed.as<double>() || seed.as<double>() > 9007199254740991.0)
      fail("initialParameters: seed must be a whole number >= 0");
    return to_float64_array(network_->initial_parameters(static_cast<std::uint64_t>(seed.as<double>())));
  });
}

std::unique_ptr<NetworkHandle> create_network(val spec) {
  return guarded([&] { return std::make_unique<NetworkHandle>(std::make_unique<Network>(to_spec(spec, "network"))); });
}

}  // namespace descent::bindings
