#include "bindings/experiment_handle.hpp"

#include <algorithm>
#include <cmath>

#include "bindings/convert.hpp"
#include "bindings/js_error.hpp"
#include "core/error.hpp"
#include "core/params.hpp"
#include "nn/dataset.hpp"

namespace descent::bindings {
namespace {

// A series with no finite value at all (accuracy of a regression, test loss with no test set,
// epoch gradient norms not asked for) is null; otherwise the numbers as they are.
// values[from ..] as a Float64Array (empty when from is past the end).
val tail(const std::vector<double>& values, std::size_t from) {
  const std::size_t start = std::min(from, values.size());
  return to_float64_array(values.data() + start, values.size() - start);
}

// Judged on the whole series, so that a slice (history({from})) is null exactly when the whole is.
val series(const std::vector<double>& values, std::size_t from) {
  bool any_finite = values.empty();
  for (double v : values) any_finite = any_finite || std::isfinite(v);
  return any_finite ? tail(values, from) : val::null();
}

// history()'s `from` / `stepsFrom`: one whole number >= 0 for every optimizer, or an array of one
// per optimizer; 0 when left out.
std::vector<std::size_t> read_starts(const val& options, const char* name, std::size_t optimizers) {
  std::vector<std::size_t> starts(optimizers, 0);
  if (options.isUndefined() || options.isNull()) return starts;
  if (options.typeOf().as<std::string>() != "object" || val::global("Array").call<bool>("isArray", options))
    fail("history: the options must be an object like {from, stepsFrom}");
  const val keys = val::global("Object").call<val>("keys", options);
  for (std::size_t i = 0; i < keys["length"].as<std::size_t>(); ++i) {
    const std::string key = keys[i].as<std::string>();
    if (key != "from" && key != "stepsFrom" && !options[key].isUndefined())
      fail("history: unknown option '" + key + "'; allowed: 'from' or 'stepsFrom'");
  }
  const val value = options[name];
  if (value.isUndefined()) return starts;
  auto whole = [&](const val& v, std::size_t i) {
    const bool ok = v.typeOf().as<std::string>() == "number" && v.as<double>() >= 0 &&
                    std::floor(v.as<double>()) == v.as<double>() && v.as<double>() <= 9e15;
    if (!ok) fail(std::string("history: '") + name + "' must be a whole number >= 0 or an array of " +
                  std::to_string(optimizers) + " of them (one per optimizer)");
    starts[i] = static_cast<std::size_t>(v.as<double>());
  };
  if (val::global("Array").call<bool>("isArray", value)) {
    if (value["length"].as<std::size_t>() != optimizers)
      fail(std::string("history: '") + name + "' has " + std::to_string(value["length"].as<std::size_t>()) +
           " entries; give one per optimizer (" + std::to_string(optimizers) + ")");
    for (std::size_t i = 0; i < optimizers; ++i) whole(value[i], i);
  } else {
    whole(value, 0);
    std::fill(starts.begin(), starts.end(), starts[0]);
  }
  return starts;
}

val progress_to_js(const RunProgress& p) {
  val out = val::object();
  out.set("steps", static_cast<double>(p.steps));
  out.set("epochs", static_cast<double>(p.epochs));
  val optimizers = val::array();
  for (std::size_t i = 0; i < p.optimizer_steps.size(); ++i) {
    val o = val::object();
    o.set("steps", static_cast<double>(p.optimizer_steps[i]));
    o.set("diverged", static_cast<bool>(p.diverged[i]));
    optimizers.call<void>("push", o);
  }
  out.set("optimizers", optimizers);
  return out;
}

}  // namespace

std::size_t ExperimentHandle::index(const val& i, const std::string& what) const {
  const std::size_t n = experiment_->optimizer_count();
  if (i.typeOf().as<std::string>() != "number" || !std::isfinite(i.as<double>()) || i.as<double>() < 0 ||
      std::floor(i.as<double>()) != i.as<double>() || i.as<double>() >= static_cast<double>(n))
    fail(what + ": the optimizer index must be a whole number from 0 to " + std::to_string(n - 1));
  return static_cast<std::size_t>(i.as<double>());
}

val ExperimentHandle::run(val options) {
  return guarded([&] { return progress_to_js(experiment_->run(to_spec(options, "run options"))); });
}

val ExperimentHandle::history(val options) const {
  return guarded([&]() -> val {
    const std::size_t n = experiment_->optimizer_count();
    const std::vector<std::size_t> from = read_starts(options, "from", n);
    const std::vector<std::size_t> steps_from = read_starts(options, "stepsFrom", n);
    val out = val::array();
    for (std::size_t i = 0; i < n; ++i) {
      const History& h = experiment_->history(i);
      const std::size_t f = std::min(from[i], h.epoch.size());
      const std::size_t sf = std::min(steps_from[i], h.step_loss.size());
      val o = val::object();
      o.set("from", static_cast<double>(f));
      o.set("stepsFrom", static_cast<double>(sf));
      o.set("epoch", tail(h.epoch, f));
      o.set("trainLoss", tail(h.train_loss, f));
      o.set("testLoss", series(h.test_loss, f));
      o.set("trainAccuracy", series(h.train_accuracy, f));
      o.set("testAccuracy", series(h.test_accuracy, f));
      o.set("gradNorm", series(h.grad_norm, f));
      o.set("weightNorm", tail(h.weight_norm, f));
      o.set("lr", tail(h.lr, f));
      val steps = val::object();
      steps.set("loss", tail(h.step_loss, sf));
      steps.set("gradNorm", tail(h.step_grad_norm, sf));
      steps.set("lr", tail(h.step_lr, sf));
      o.set("steps", steps);
      if (!h.layer_mean.empty()) {
        const std::size_t count = h.layer_mean.size() / h.epoch.size();
        val layers = val::object();
        layers.set("mean", tail(h.layer_mean, f * count));
        layers.set("std", tail(h.layer_std, f * count));
        layers.set("gradNorm", tail(h.layer_grad_norm, f * count));
        layers.set("count", static_cast<double>(count));
        o.set("layers", layers);
      } else {
        o.set("layers", val::null());
      }
      o.set("diverged", h.diverged);
      o.set("divergedAt", static_cast<double>(h.diverged_at));
      o.set("reason", h.reason);
      out.call<void>("push", o);
    }
    return out;
  });
}

val ExperimentHandle::predictGrid(val i, val grid) const {
  return guarded([&]() -> val {
    const std::size_t k = index(i, "predictGrid");
    const Params p = read_params(
        to_spec(grid, "grid"),
        {param::number("xMin", 0).required(), param::number("xMax", 1).required(), param::number("yMin", 0).required(),
         param::number("yMax", 1).required(), param::integer("resolution", 50).at_least(2).at_most(400)},
        "predictGrid", {});
    const Grid g{p.number("xMin"), p.number("xMax"), p.number("yMin"), p.number("yMax"),
                 static_cast<int>(p.integer("resolution"))};
    if (!(g.x_max > g.x_min) || !(g.y_max > g.y_min)) fail("predictGrid: needs xMax > xMin and yMax > yMin");
    const std::vector<float> values = experiment_->predict_grid(k, g);
    return val::global("Float32Array").new_(emscripten::typed_memory_view(values.size(), values.data()));
  });
}

val ExperimentHandle::layerStats(val i) const {
  return guarded([&]() -> val {
    const Experiment::LayerStats s = experiment_->layer_stats(index(i, "layerStats"));
    val out = val::object();
    out.set("mean", to_float64_array(s.mean));
    out.set("std", to_float64_array(s.std));
    out.set("gradNorm", to_float64_array(s.grad_norm));
    return out;
  });
}

namespace {
// One quantity's histograms: its shared range and, flattened (layers x bins, row-major), the fractions.
val histograms_to_js(const ValueRange& range, const std::vector<Histogram>& layers) {
  std::vector<double> fractions, below, above, non_finite;
  for (const Histogram& h : layers) {
    fractions.insert(fractions.end(), h.fractions.begin(), h.fractions.end());
    below.push_back(h.below);
    above.push_back(h.above);
    non_finite.push_back(h.non_finite);
  }
  val out = val::object();
  out.set("lo", range.lo);
  out.set("hi", range.hi);
  out.set("fractions", to_float64_array(fractions));
  out.set("below", to_float64_array(below));
  out.set("above", to_float64_array(above));
  out.set("nonFinite", to_float64_array(non_finite));
  return out;
}
}  // namespace

val ExperimentHandle::layerHistograms(val i, val bins) const {
  return guarded([&]() -> val {
    const std::size_t k = index(i, "layerHistograms");
    // Anything but a whole number becomes 0, which the library refuses with the allowed range.
    double b = 30;
    if (!bins.isUndefined()) {
      const bool whole = bins.typeOf().as<std::string>() == "number" && std::isfinite(bins.as<double>()) &&
                         bins.as<double>() == std::floor(bins.as<double>());
      b = whole ? std::clamp(bins.as<double>(), 0.0, 1e6) : 0.0;
    }
    const Experiment::LayerHistograms h = experiment_->layer_histograms(k, static_cast<int>(b));
    val out = val::object();
    out.set("bins", static_cast<int>(b));
    out.set("layers", static_cast<int>(h.activations.size()));
    out.set("activations", histograms_to_js(h.activation_range, h.activations));
    out.set("gradients", histograms_to_js(h.gradient_range, h.gradients));
    return out;
  });
}

val ExperimentHandle::optimizerState(val i) const {
  return guarded([&]() -> val {
    val out = val::object();
    for (const auto& entry : experiment_->optimizer_state(index(i, "optimizerState")))
      out.set(entry.name, to_float64_array(entry.value));
    return out;
  });
}

val ExperimentHandle::weights(val i) const {
  return guarded([&] { return to_float64_array(experiment_->weights(index(i, "weights"))); });
}

// Rows of examples: a column-major (features x n) matrix is a row-major (n x features) array.
val ExperimentHandle::predictions(val i, val split) const {
  return guarded([&]() -> val {
    const std::size_t k = index(i, "predictions");
    const std::string which = split.isUndefined() ? "test" : (split.typeOf().as<std::string>() == "string" ? split.as<std::string>() : "");
    if (which != "train" && which != "test") fail("predictions: the split must be 'train' or 'test'");
    const Eigen::MatrixXf out = experiment_->predictions(k, which == "test");
    return val::global("Float32Array").new_(emscripten::typed_memory_view(static_cast<std::size_t>(out.size()), out.data()));
  });
}

val ExperimentHandle::data() const {
  return guarded([&]() -> val {
    const Dataset& d = experiment_->dataset();
    const bool classification = d.task == Task::Classification;
    auto labels = [](const Eigen::VectorXi& y) {
      return val::global("Int32Array").new_(emscripten::typed_memory_view(static_cast<std::size_t>(y.size()), y.data()));
    };
    val out = val::object();
    out.set("type", d.type);
    out.set("description", d.description);
    out.set("classification", classification);
    out.set("features", static_cast<double>(d.features));
    out.set("outputs", static_cast<double>(d.outputs));
    out.set("classNames", strings_to_js(d.class_names));
    out.set("xTrain", to_float64_array(d.x_train.data(), static_cast<std::size_t>(d.x_train.size())));
    out.set("xTest", to_float64_array(d.x_test.data(), static_cast<std::size_t>(d.x_test.size())));
    out.set("yTrain", classification ? labels(d.y_train) : to_float64_array(d.t_train.data(), static_cast<std::size_t>(d.t_train.size())));
    out.set("yTest", classification ? labels(d.y_test) : to_float64_array(d.t_test.data(), static_cast<std::size_t>(d.t_test.size())));
    return out;
  });
}

val ExperimentHandle::info() const {
  return guarded([&]() -> val {
    val out = val::object();
    out.set("parameterCount", static_cast<double>(experiment_->parameter_count()));
    out.set("stepsPerEpoch", static_cast<double>(experiment_->steps_per_epoch()));
    out.set("inputs", static_cast<double>(experiment_->input_dimension()));
    out.set("outputs", static_cast<double>(experiment_->outputs()));
    out.set("classification", experiment_->classification());
    out.set("precision", experiment_->precision());
    out.set("optimizers", static_cast<double>(experiment_->optimizer_count()));
    out.set("progress", progress_to_js(experiment_->progress()));
    return out;
  });
}

std::unique_ptr<ExperimentHandle> create_experiment(val spec) {
  return guarded([&] {
    return std::make_unique<ExperimentHandle>(std::make_unique<Experiment>(to_spec(spec, "experiment")));
  });
}

val list_datasets() {
  return guarded([] {
    return array_of(dataset_registry(), [](const DatasetInfo& info) {
      val o = registry_entry(info.type, info.label, info.params);
      o.set("task", std::string(task_name(info.task)));
      o.set("notes", info.notes);
      o.set("needsLoading", !dataset_loaded(info));
      return o;
    });
  });
}

void provide_dataset_bytes(val type, val bytes) {
  guarded([&] {
    const std::string kind = type.typeOf().as<std::string>();
    if (kind != "string") fail("provideDataset: the data set must be a string such as 'digits', got " + kind);
    if (!bytes.instanceof(val::global("Uint8Array"))) {
      // "[object Array]" -> "Array": what it is, for any value (even one without a constructor)
      const std::string tag = val::global("Object")["prototype"]["toString"].call<std::string>("call", bytes);
      fail("provideDataset: the data must be a Uint8Array, got " + tag.substr(8, tag.size() - 9));
    }
    std::string data(bytes["length"].as<std::size_t>(), '\0');
    // One copy straight into the heap: a view of `data`, filled by Uint8Array.set.
    val(emscripten::typed_memory_view(data.size(), reinterpret_cast<unsigned char*>(data.data())))
        .call<void>("set", bytes);
    provide_dataset(type.as<std::string>(), std::move(data));
  });
}

}  // namespace descent::bindings
