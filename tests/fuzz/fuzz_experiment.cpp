// Fuzz target: the network lab's entry points, one JSON object naming any of them:
//   {"dataset": {...}, "experiment": {...}, "run": {...}, "network": {...}, "initScale": {...},
//    "gain": ["leaky_relu", 0.2]}
// dataset -> make_dataset; experiment -> Experiment (data set, network, init, optimizers), then
// run(run options) and every read-out the page asks for (history, weights, state, predictions,
// layer statistics, the decision grid on 2-D data); network -> Network, its initial parameters, a
// loss and gradient on a small batch and predictions; initScale -> init_scale; gain ->
// calculate_gain. The harness lowers sizes the product would accept (examples, widths, steps,
// epochs) to small ones, so that an input runs in milliseconds (see fuzz_common.hpp, Cap).
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "fuzz_common.hpp"
#include "nn/dataset.hpp"
#include "nn/experiment.hpp"
#include "nn/init_scale.hpp"
#include "nn/network.hpp"
#include "nn/network_spec.hpp"

using namespace descent;
using descent::fuzz::accepted;
using descent::fuzz::field;
using descent::fuzz::require;

namespace {

void exercise_experiment(const Spec& spec, const Spec& run) {
  std::unique_ptr<Experiment> e;
  if (!accepted("Experiment", [&] { e = std::make_unique<Experiment>(spec); })) return;
  require(e->optimizer_count() >= 1, "Experiment", "no optimizers");
  Spec options = run.is_undefined() ? Spec::object({{"steps", Spec::number(5)}}) : run;
  options = fuzz::capped(options, {{"steps", 20, 1e7}, {"epochs", 1, 1e4}});
  RunProgress progress;
  if (accepted("Experiment::run", [&] { progress = e->run(options); }))
    require(progress.optimizer_steps.size() == e->optimizer_count(), "Experiment::run", "progress size");
  for (std::size_t i = 0; i < e->optimizer_count(); ++i) {
    accepted("Experiment read-outs", [&] {
      const History& h = e->history(i);
      require(!h.diverged || !h.reason.empty(), "history", "diverged without a reason");
      require(e->weights(i).size() == e->parameter_count(), "weights", "size");
      (void)e->optimizer_state(i);
      (void)e->predictions(i, false);
      (void)e->predictions(i, true);
      (void)e->layer_stats(i);
      const Experiment::LayerHistograms hist = e->layer_histograms(i, 8);
      for (const Histogram& layer : hist.activations) {
        double total = layer.below + layer.above + layer.non_finite;
        for (double f : layer.fractions) total += f;
        require(std::abs(total - 1) < 1e-9, "layer_histograms", "fractions do not sum to 1");
      }
      if (e->input_dimension() == 2) {
        const auto grid = e->predict_grid(i, Grid{-2.5, 2.5, -2.5, 2.5, 8});
        require(grid.size() == std::size_t(64 * e->outputs()), "predict_grid", "size");
      }
    });
  }
}

void exercise_network(const Spec& spec) {
  std::unique_ptr<Network> net;
  if (!accepted("Network", [&] { net = std::make_unique<Network>(spec); })) return;
  const Spec* outputs_field = spec.find("outputs");
  const Index outputs = static_cast<Index>(outputs_field->as_number());
  const Index batch = 5;
  Vec params;
  if (!accepted("Network::initial_parameters", [&] { params = net->initial_parameters(3); })) return;
  require(params.size() == net->parameter_count(), "initial_parameters", "size");
  Mat x = Mat::Constant(net->inputs(), batch, 0.5);
  for (Index j = 0; j < batch; ++j) x(0, j) = double(j) - 2;
  Eigen::VectorXi labels(batch);
  for (Index j = 0; j < batch; ++j) labels[j] = int(j % 2);
  Mat targets = Mat::Constant(net->classification() ? 0 : outputs, net->classification() ? 0 : batch, 0.25);
  Vec grad(params.size());
  accepted("Network::loss_and_gradient", [&] {
    const double loss = net->loss_and_gradient(params, x, labels, targets, grad);
    require(!std::isnan(loss) || !params.allFinite(), "loss_and_gradient", "NaN loss at finite parameters");
  });
  accepted("Network::predict", [&] { (void)net->predict(params, x); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Spec input;
  if (!fuzz::read_json(data, size, input)) return 0;
  input = fuzz::capped(input, {{"n", 120, 1e5},
                               {"hidden", 8, double(kMaxWidth)},
                               {"inputs", 16, 1e5},
                               {"outputs", 16, 1e5}});

  const Spec dataset = field(input, "dataset");
  if (!dataset.is_undefined()) {
    Dataset d;
    if (accepted("make_dataset", [&] { d = make_dataset(dataset, 11); })) {
      require(d.x_train.cols() >= 1 && d.x_train.rows() == d.features, "make_dataset", "shape");
      require(d.x_train.allFinite() && d.x_test.allFinite(), "make_dataset", "non-finite features");
    }
  }
  const Spec experiment = field(input, "experiment");
  if (!experiment.is_undefined()) exercise_experiment(experiment, field(input, "run"));
  const Spec network = field(input, "network");
  if (!network.is_undefined()) exercise_network(network);
  const Spec scale = field(input, "initScale");
  if (!scale.is_undefined()) accepted("init_scale", [&] { (void)init_scale(scale); });
  const Spec gain = field(input, "gain");
  if (gain.is_array() && !gain.items().empty() && gain.items()[0].kind() == Spec::Kind::String) {
    std::optional<double> param;
    if (gain.items().size() > 1 && gain.items()[1].kind() == Spec::Kind::Number) param = gain.items()[1].as_number();
    accepted("calculate_gain", [&] { (void)calculate_gain(gain.items()[0].as_string(), param); });
  }
  return 0;
}
