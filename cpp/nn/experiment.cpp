#include "nn/experiment.hpp"

#include <cmath>
#include <string>

#include "core/error.hpp"
#include "core/params.hpp"
#include "core/random.hpp"
#include "nn/dataset.hpp"
#include "nn/init.hpp"
#include "nn/mlp.hpp"
#include "nn/network_spec.hpp"
#include "nn/reduce.hpp"
#include "optim/registry.hpp"

namespace descent {

class ExperimentCore {
 public:
  virtual ~ExperimentCore() = default;
  virtual RunProgress run(long long steps, long long epochs) = 0;
  virtual RunProgress progress() const = 0;
  virtual std::size_t optimizer_count() const = 0;
  virtual const History& history(std::size_t i) const = 0;
  virtual std::vector<float> predict_grid(std::size_t i, const Grid& grid) = 0;
  virtual Vec weights(std::size_t i) const = 0;
  virtual std::vector<StateEntry> optimizer_state(std::size_t i) const = 0;
  virtual Eigen::MatrixXf predictions(std::size_t i, bool test) = 0;
  virtual const Dataset& dataset() const = 0;
  virtual Experiment::LayerStats layer_stats(std::size_t i) = 0;
  virtual Experiment::LayerHistograms layer_histograms(std::size_t i, int bins) = 0;
  virtual Index parameter_count() const = 0;
  virtual long long steps_per_epoch() const = 0;
  virtual Index input_dimension() const = 0;
  virtual Index outputs() const = 0;
  virtual bool classification() const = 0;
};

namespace {

constexpr const char* kContext = "createExperiment";
// A batch loss this many times the starting loss (plus one) has exploded: a cross-entropy of
// 1000 nats means confidently wrong logits, far past any recoverable training spike.
constexpr double kDivergenceFactor = 1e3;
constexpr std::size_t kMaxOptimizers = 12;
constexpr int kMaxHistogramBins = 200;

// This file is compiled for speed (the training loop); the functions that run once per call from
// the page (set-up, predictions, statistics) are marked [[gnu::cold]], which makes GCC and Clang
// compile them for size. (Not the decision grids: six of them must fit in one frame.)

const std::vector<ParamSpec>& experiment_params() {
  static const std::vector<ParamSpec> table = {
      param::object("dataset").required().help("the data set, e.g. {type: 'spiral', n: 300}"),
      param::object("network").required().help("hidden layers, activation, init and loss"),
      param::integer("batchSize", 32).at_least(1).help("examples per step; the training set size gives full-batch GD"),
      param::integer("seed", 1).at_least(0).at_most(9007199254740991.0).help("one seed for data, weights and batches"),
      param::choice("precision", "float32", {"float32", "float64"}).help("arithmetic of the network"),
      param::number("l2", 0).at_least(0).help(
          "coupled L2: adds (l2/2)|W|^2 over the weights to the training loss (the test loss stays the data loss)"),
      param::boolean("recordLayerStats", false).help("record per-layer activation statistics every epoch"),
      param::integer("evaluateEvery", 1).at_least(1).at_most(1000000).help(
          "evaluate the whole training and test sets (the epoch points of the history) every this many epochs"),
      param::boolean("fullGradNorm", false).help(
          "record the norm of the whole training set's gradient at every epoch point (one backward pass over the "
          "training set per epoch); full-batch runs always have it, it is their step's gradient"),
  };
  return table;
}

struct TrainerOptions {
  std::uint64_t seed;
  Index batch_size;
  double l2;
  bool record_layer_stats;
  long long evaluate_every;  // epochs
  bool full_grad_norm;
};

template <typename S>
class Trainer final : public ExperimentCore {
  using MatrixS = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>;

 public:
  [[gnu::cold]] Trainer(Dataset data, NetworkSpec net, const TrainerOptions& options,
                        std::vector<std::unique_ptr<Optimizer>> optimizers)
      : data_(std::move(data)),
        net_(std::move(net)),
        mlp_(net_),
        optimizers_(std::move(optimizers)),
        batch_rng_(Rng(options.seed).fork(streams::kBatches)),
        batch_size_(options.batch_size),
        l2_(options.l2),
        record_layer_stats_(options.record_layer_stats),
        evaluate_every_(options.evaluate_every),
        full_grad_norm_(options.full_grad_norm) {
    const Index n_train = data_.x_train.cols();
    steps_per_epoch_ = (n_train + batch_size_ - 1) / batch_size_;
    x_train_ = data_.x_train.template cast<S>();
    x_test_ = data_.x_test.template cast<S>();
    fill_targets(train_targets_, data_.y_train, data_.t_train, 0, n_train, nullptr);
    fill_targets(test_targets_, data_.y_test, data_.t_test, 0, data_.x_test.cols(), nullptr);
    mlp_.reserve(std::max<Index>({n_train, data_.x_test.cols(), batch_size_, 1}));

    const Index d = mlp_.parameter_count();
    Vec initial(d);
    Rng init_rng = Rng(options.seed).fork(streams::kInit);
    initialize(net_, net_.init, init_rng, initial.data());
    params_.assign(optimizers_.size(), initial);
    histories_.resize(optimizers_.size());
    if (full_batch()) {
      evaluated_loss_.assign(optimizers_.size(), 0.0);
      evaluated_grad_.assign(optimizers_.size(), Vec(d));
      evaluated_at_.assign(optimizers_.size(), -1);
    }
    params_s_.resize(d);
    grad_s_.resize(d);
    grad_.resize(d);
    x_batch_.resize(x_train_.rows(), batch_size_);
    for (const LayerShape& layer : layer_shapes(net_))  // L2 applies to the weights, not the biases
      weight_blocks_.emplace_back(layer.weight_offset, layer.outputs * layer.inputs);
    order_.resize(static_cast<std::size_t>(n_train));
    for (Index i = 0; i < n_train; ++i) order_[static_cast<std::size_t>(i)] = i;
    for (std::size_t i = 0; i < optimizers_.size(); ++i) {
      evaluate(i);
      initial_loss_.push_back(histories_[i].train_loss.front());
    }
  }

  RunProgress run(long long steps, long long epochs) override {
    const long long target = epochs > 0 ? (epochs_done() + epochs) * steps_per_epoch_ : step_ + steps;
    while (step_ < target && any_running()) step_once();
    return progress();
  }

  RunProgress progress() const override {
    RunProgress p;
    p.steps = step_;
    p.epochs = epochs_done();
    for (std::size_t i = 0; i < optimizers_.size(); ++i) {
      p.optimizer_steps.push_back(optimizers_[i]->steps_taken());
      p.diverged.push_back(histories_[i].diverged);
    }
    return p;
  }

  std::size_t optimizer_count() const override { return optimizers_.size(); }
  const History& history(std::size_t i) const override { return histories_.at(i); }
  Vec weights(std::size_t i) const override { return params_.at(i); }
  std::vector<StateEntry> optimizer_state(std::size_t i) const override { return optimizers_.at(i)->state(); }
  const Dataset& dataset() const override { return data_; }

  [[gnu::cold]] Eigen::MatrixXf predictions(std::size_t i, bool test) override {
    load_params(params_.at(i));
    const MatrixS& x = test ? x_test_ : x_train_;
    if (x.cols() == 0) return Eigen::MatrixXf(mlp_.outputs(), 0);
    mlp_.predict(params_s_.data(), x, predictions_);
    return predictions_.template cast<float>();
  }
  Index parameter_count() const override { return mlp_.parameter_count(); }
  long long steps_per_epoch() const override { return steps_per_epoch_; }
  Index input_dimension() const override { return data_.features; }
  Index outputs() const override { return mlp_.outputs(); }
  bool classification() const override { return data_.task == Task::Classification; }

  std::vector<float> predict_grid(std::size_t i, const Grid& grid) override {
    if (data_.features != 2)
      fail("predictGrid: the data set has " + std::to_string(data_.features) + " features; a grid needs 2");
    const Index r = grid.resolution;
    const Index total = r * r;
    load_params(params_.at(i));
    // A workspace of its own, kept between calls (the page asks a few times a second). The grid
    // is evaluated in tiles of points so that every layer's activations stay in cache (a whole
    // 100 x 100 grid's hidden layers would be megabytes).
    if (!grid_net_) grid_net_ = std::make_unique<Mlp<S>>(net_);
    grid_points_.resize(2, std::min<Index>(kGridTile, total));
    const Index outputs = mlp_.outputs();
    std::vector<float> values(static_cast<std::size_t>(outputs * total));
    for (Index start = 0; start < total; start += kGridTile) {
      const Index count = std::min<Index>(kGridTile, total - start);
      for (Index p = 0; p < count; ++p) {
        const Index j = (start + p) / r, k = (start + p) % r;
        grid_points_(0, p) = static_cast<S>(grid.x_min + (grid.x_max - grid.x_min) * k / (r - 1));
        grid_points_(1, p) = static_cast<S>(grid.y_min + (grid.y_max - grid.y_min) * j / (r - 1));
      }
      grid_net_->predict(params_s_.data(), grid_points_.leftCols(count), grid_out_);
      // Column p of the outputs is point p's values: the matrix's memory is the order wanted.
      float* out = values.data() + outputs * start;
      for (Index q = 0; q < grid_out_.size(); ++q) out[q] = static_cast<float>(grid_out_.data()[q]);
    }
    return values;
  }

  [[gnu::cold]] Experiment::LayerStats layer_stats(std::size_t i) override {
    load_params(params_.at(i));
    mlp_.loss_and_gradient(params_s_.data(), x_train_, train_targets_, grad_s_.data());
    Experiment::LayerStats stats;
    for (const auto& layer : mlp_.layer_stats()) {
      stats.mean.push_back(layer.mean);
      stats.std.push_back(layer.std);
      stats.grad_norm.push_back(layer.grad_norm);
    }
    return stats;
  }

  [[gnu::cold]] Experiment::LayerHistograms layer_histograms(std::size_t i, int bins) override {
    load_params(params_.at(i));
    mlp_.loss_and_gradient(params_s_.data(), x_train_, train_targets_, grad_s_.data());
    std::vector<std::vector<double>> activations, gradients;
    for (std::size_t l = 0; l < mlp_.layers().size(); ++l) {
      const auto a = mlp_.last_activations(l);
      activations.emplace_back(a.data(), a.data() + a.size());  // leftCols of a column-major matrix: contiguous
      const LayerShape& s = mlp_.layers()[l];
      const S* g = grad_s_.data() + s.weight_offset;
      gradients.emplace_back(g, g + s.inputs * s.outputs);
    }
    Experiment::LayerHistograms out;
    out.activation_range = shared_range(activations);
    out.gradient_range = shared_range(gradients);
    for (const auto& a : activations) out.activations.push_back(histogram(a, out.activation_range, bins));
    for (const auto& g : gradients) out.gradients.push_back(histogram(g, out.gradient_range, bins));
    return out;
  }

 private:
  long long epochs_done() const { return step_ / steps_per_epoch_; }

  bool any_running() const {
    for (const auto& h : histories_)
      if (!h.diverged) return true;
    return false;
  }

  // Fills `t` with the targets of examples order[begin .. begin + count) (or begin .. when order
  // is null). Resizing to the size it has allocates nothing.
  void fill_targets(Targets<S>& t, const Eigen::VectorXi& labels, const Mat& values, Index begin, Index count,
                    const std::vector<Index>* order) const {
    auto source = [&](Index k) { return order ? (*order)[static_cast<std::size_t>(begin + k)] : begin + k; };
    if (data_.task == Task::Classification) {
      t.labels.resize(count);
      for (Index k = 0; k < count; ++k) t.labels[k] = labels[source(k)];
    } else {
      t.values.resize(values.rows(), count);
      for (Index k = 0; k < count; ++k) t.values.col(k) = values.col(source(k)).template cast<S>();
    }
  }

  void load_params(const Vec& params) {
    for (Index k = 0; k < params.size(); ++k) params_s_[static_cast<std::size_t>(k)] = static_cast<S>(params[k]);
  }

  // Loss (data + coupled L2) and its gradient, in float64, at `params` on the batch.
  double loss_and_gradient(const Vec& params, const Eigen::Ref<const MatrixS>& x, const Targets<S>& y) {
    load_params(params);
    double loss = static_cast<double>(mlp_.loss_and_gradient(params_s_.data(), x, y, grad_s_.data()));
    for (Index k = 0; k < grad_.size(); ++k) grad_[k] = static_cast<double>(grad_s_[static_cast<std::size_t>(k)]);
    if (l2_ > 0)
      for (const auto& [offset, size] : weight_blocks_) grad_.segment(offset, size) += l2_ * params.segment(offset, size);
    return loss + l2_term(params);
  }

  // The same loss without the gradient: a forward pass only.
  double loss(const Vec& params, const Eigen::Ref<const MatrixS>& x, const Targets<S>& y) {
    load_params(params);
    return static_cast<double>(mlp_.loss(params_s_.data(), x, y)) + l2_term(params);
  }

  double l2_term(const Vec& params) const {
    double term = 0;
    if (l2_ > 0)
      for (const auto& [offset, size] : weight_blocks_) term += 0.5 * l2_ * params.segment(offset, size).squaredNorm();
    return term;
  }

  // Every step sees the whole training set: it is taken in its own order (the mean loss does not
  // depend on it), so a step right after an evaluation reuses that evaluation's gradient.
  bool full_batch() const { return steps_per_epoch_ == 1; }

  void step_once() {
    if (full_batch()) {
      step_with(x_train_, train_targets_);
    } else {
      const long long in_epoch = step_ % steps_per_epoch_;
      if (in_epoch == 0) batch_rng_.shuffle(order_);
      const Index n = static_cast<Index>(order_.size());
      const Index begin = static_cast<Index>(in_epoch) * batch_size_;
      const Index count = std::min(batch_size_, n - begin);
      for (Index k = 0; k < count; ++k) x_batch_.col(k) = x_train_.col(order_[static_cast<std::size_t>(begin + k)]);
      // The last batch of an epoch may be smaller: it has its own targets, so neither reallocates.
      Targets<S>& batch_targets = count == batch_size_ ? batch_targets_ : last_batch_targets_;
      fill_targets(batch_targets, data_.y_train, data_.t_train, begin, count, &order_);
      step_with(x_batch_.leftCols(count), batch_targets);
    }
    ++step_;
    if (step_ % (steps_per_epoch_ * evaluate_every_) == 0)
      for (std::size_t i = 0; i < optimizers_.size(); ++i)
        if (!histories_[i].diverged) evaluate(i);
  }

  // The batch loss and its gradient for optimizer i (in grad_), computed or reused.
  double batch_loss_and_gradient(std::size_t i, const Eigen::Ref<const MatrixS>& x, const Targets<S>& y) {
    if (full_batch() && evaluated_at_[i] == step_) {
      grad_ = evaluated_grad_[i];
      return evaluated_loss_[i];
    }
    return loss_and_gradient(params_[i], x, y);
  }

  void step_with(const Eigen::Ref<const MatrixS>& x, const Targets<S>& batch_targets) {
    for (std::size_t i = 0; i < optimizers_.size(); ++i) {
      History& h = histories_[i];
      if (h.diverged) continue;
      Optimizer& opt = *optimizers_[i];
      const double lr = opt.current_lr();
      const double loss = batch_loss_and_gradient(i, x, batch_targets);
      // One pass: a non-finite entry (or a norm past 1e154) makes the sum of squares non-finite.
      const double grad_squares = sum_of_squares(grad_);
      if (!std::isfinite(loss) || !std::isfinite(grad_squares) || loss > kDivergenceFactor * (1 + std::abs(initial_loss_[i]))) {
        mark_diverged(i, "the loss or its gradient became non-finite or exploded");
        continue;
      }
      h.step_loss.push_back(loss);
      h.step_grad_norm.push_back(std::sqrt(grad_squares));
      h.step_lr.push_back(lr);
      if (opt.info().needs_hessian) {
        hessian(params_[i], x, batch_targets);
        loss_and_gradient(params_[i], x, batch_targets);  // the gradient again: hessian() overwrote it
      }
      try {
        opt.step(params_[i], grad_, opt.info().needs_hessian ? &hessian_ : nullptr);
      } catch (const InvalidArgument& e) {
        mark_diverged(i, e.what());
        continue;
      }
      if (!all_finite(params_[i])) mark_diverged(i, "the weights became non-finite");
    }
  }

  // Newton on a network: the Hessian of the batch loss by central differences of the gradient.
  void hessian(const Vec& params, const Eigen::Ref<const MatrixS>& x, const Targets<S>& y) {
    const Index d = params.size();
    const double h = std::is_same_v<S, float> ? 1e-2 : 1e-5;
    hessian_.resize(d, d);
    Vec probe = params;
    for (Index j = 0; j < d; ++j) {
      probe[j] = params[j] + h;
      loss_and_gradient(probe, x, y);
      hessian_.col(j) = grad_;
      probe[j] = params[j] - h;
      loss_and_gradient(probe, x, y);
      hessian_.col(j) = (hessian_.col(j) - grad_) / (2 * h);
      probe[j] = params[j];
    }
    hessian_ = (0.5 * (hessian_ + hessian_.transpose())).eval();
  }

  void mark_diverged(std::size_t i, const std::string& why) {
    History& h = histories_[i];
    h.diverged = true;
    h.diverged_at = optimizers_[i]->steps_taken() + 1;
    h.reason = "diverged at step " + std::to_string(h.diverged_at) + ": " + why;
  }

  // The share of examples the last forward pass (on x, with targets y) classified right.
  double accuracy_of_last_pass(const MatrixS& x, const Targets<S>& y) {
    if (data_.task != Task::Classification || x.cols() == 0) return NAN;
    return static_cast<double>(mlp_.count_correct_in_last_pass(y.labels)) / static_cast<double>(x.cols());
  }

  // The epoch's point: losses and accuracies on the whole training and test sets. A forward pass,
  // unless the gradient is wanted too: full batch (the next step reuses it), fullGradNorm, or the
  // layer statistics' gradient norms.
  void evaluate(std::size_t i) {
    History& h = histories_[i];
    const Vec& params = params_[i];
    const bool with_gradient = full_batch() || full_grad_norm_ || record_layer_stats_;
    const double train_loss =
        with_gradient ? loss_and_gradient(params, x_train_, train_targets_) : loss(params, x_train_, train_targets_);
    if (full_batch()) {
      evaluated_loss_[i] = train_loss;
      evaluated_grad_[i] = grad_;
      evaluated_at_[i] = step_;
    }
    h.epoch.push_back(static_cast<double>(epochs_done()));
    h.train_loss.push_back(train_loss);
    h.grad_norm.push_back(with_gradient ? std::sqrt(sum_of_squares(grad_)) : NAN);
    if (record_layer_stats_)
      for (const auto& layer : mlp_.layer_stats()) {
        h.layer_mean.push_back(layer.mean);
        h.layer_std.push_back(layer.std);
        h.layer_grad_norm.push_back(layer.grad_norm);
      }
    h.train_accuracy.push_back(accuracy_of_last_pass(x_train_, train_targets_));
    if (x_test_.cols() > 0) {
      h.test_loss.push_back(static_cast<double>(mlp_.loss(params_s_.data(), x_test_, test_targets_)));
      h.test_accuracy.push_back(accuracy_of_last_pass(x_test_, test_targets_));
    } else {
      h.test_loss.push_back(NAN);
      h.test_accuracy.push_back(NAN);
    }
    h.weight_norm.push_back(params.norm());
    h.lr.push_back(optimizers_[i]->current_lr());
  }

  Dataset data_;
  NetworkSpec net_;
  Mlp<S> mlp_;
  std::vector<std::unique_ptr<Optimizer>> optimizers_;
  std::vector<Vec> params_;
  std::vector<History> histories_;
  std::vector<double> initial_loss_;
  Rng batch_rng_;
  Index batch_size_;
  double l2_;
  bool record_layer_stats_;
  long long evaluate_every_;
  bool full_grad_norm_;
  static constexpr Index kGridTile = 256;  // points per tile in predict_grid
  std::unique_ptr<Mlp<S>> grid_net_;      // predict_grid's workspace
  MatrixS grid_points_, grid_out_;
  long long steps_per_epoch_ = 1;
  long long step_ = 0;
  MatrixS x_train_, x_test_, x_batch_, predictions_;
  Targets<S> train_targets_, test_targets_, batch_targets_, last_batch_targets_;
  std::vector<S> params_s_, grad_s_;
  Vec grad_;
  Mat hessian_;
  std::vector<Index> order_;
  std::vector<std::pair<Index, Index>> weight_blocks_;
  // Full batch only: each optimizer's last evaluation (loss, gradient, and the step it was at).
  std::vector<double> evaluated_loss_;
  std::vector<Vec> evaluated_grad_;
  std::vector<long long> evaluated_at_;
};

}  // namespace

[[gnu::cold]] Experiment::Experiment(const Spec& spec) {
  const Params p = read_params(spec, experiment_params(), kContext, {"optimizers"});
  const std::uint64_t seed = static_cast<std::uint64_t>(p.integer("seed"));
  Dataset data = make_dataset(p.object("dataset"), seed);
  const bool classification = data.task == Task::Classification;
  const Spec& network = p.object("network");
  NetworkSpec net = read_network_spec(network, data.features, data.outputs, classification);

  const Index n_train = data.x_train.cols();
  const Index batch_size = p.integer("batchSize");
  if (batch_size > n_train)
    fail(std::string(kContext) + ": option 'batchSize' is " + std::to_string(batch_size) +
         ", larger than the training set (" + std::to_string(n_train) + " examples)");

  const Spec* list = spec.find("optimizers");
  if (list == nullptr || !list->is_array() || list->items().empty())
    fail(std::string(kContext) + ": 'optimizers' must be a non-empty array of optimizer specs, e.g. [{type: 'adam'}]");
  if (list->items().size() > kMaxOptimizers)
    fail(std::string(kContext) + ": at most " + std::to_string(kMaxOptimizers) + " optimizers, got " +
         std::to_string(list->items().size()));
  std::vector<std::unique_ptr<Optimizer>> optimizers;
  const Index d = descent::parameter_count(net);
  for (std::size_t i = 0; i < list->items().size(); ++i) {
    try {
      optimizers.push_back(make_optimizer(list->items()[i]));
    } catch (const InvalidArgument& e) {
      fail(std::string(kContext) + ": optimizers[" + std::to_string(i) + "]: " + e.what());
    }
    const OptimizerInfo& info = optimizers.back()->info();
    if (info.max_dimension > 0 && d > kMaxMatrixOptimizerParameters)
      fail(std::string(kContext) + ": optimizers[" + std::to_string(i) + "]: '" + info.type + "' keeps a d x d matrix "
           "and is limited to networks of at most " + std::to_string(kMaxMatrixOptimizerParameters) +
           " parameters; this network has " + std::to_string(d));
  }

  const TrainerOptions options{seed, batch_size, p.number("l2"), p.flag("recordLayerStats"),
                               p.integer("evaluateEvery"), p.flag("fullGradNorm")};
  precision_ = p.choice("precision");
  if (precision_ == "float32")
    core_ = std::make_unique<Trainer<float>>(std::move(data), std::move(net), options, std::move(optimizers));
  else
    core_ = std::make_unique<Trainer<double>>(std::move(data), std::move(net), options, std::move(optimizers));
}

Experiment::~Experiment() = default;

RunProgress Experiment::run(const Spec& options) {
  const Params p = read_params(options, {param::integer("epochs", 0).at_least(1).at_most(10000).optional(),
                                         param::integer("steps", 0).at_least(1).at_most(10000000).optional()},
                               "run", {});
  if (p.has("epochs") == p.has("steps")) fail("run: give exactly one of 'epochs' or 'steps', e.g. {epochs: 10}");
  return core_->run(p.has("steps") ? p.integer("steps") : 0, p.has("epochs") ? p.integer("epochs") : 0);
}

RunProgress Experiment::progress() const { return core_->progress(); }
std::size_t Experiment::optimizer_count() const { return core_->optimizer_count(); }

const History& Experiment::history(std::size_t i) const {
  if (i >= core_->optimizer_count())
    fail("history: optimizer index " + std::to_string(i) + " is out of range (0 to " +
         std::to_string(core_->optimizer_count() - 1) + ")");
  return core_->history(i);
}

std::vector<float> Experiment::predict_grid(std::size_t i, const Grid& grid) const {
  history(i);  // range check
  return core_->predict_grid(i, grid);
}

std::vector<StateEntry> Experiment::optimizer_state(std::size_t i) const {
  history(i);
  return core_->optimizer_state(i);
}

Vec Experiment::weights(std::size_t i) const {
  history(i);
  return core_->weights(i);
}

Eigen::MatrixXf Experiment::predictions(std::size_t i, bool test) const {
  history(i);
  return core_->predictions(i, test);
}

const Dataset& Experiment::dataset() const { return core_->dataset(); }

Experiment::LayerStats Experiment::layer_stats(std::size_t i) const {
  history(i);
  return core_->layer_stats(i);
}

Experiment::LayerHistograms Experiment::layer_histograms(std::size_t i, int bins) const {
  history(i);
  if (bins < 2 || bins > kMaxHistogramBins)
    fail("layerHistograms: bins must be a whole number in 2 to " + std::to_string(kMaxHistogramBins));
  return core_->layer_histograms(i, bins);
}

Index Experiment::parameter_count() const { return core_->parameter_count(); }
long long Experiment::steps_per_epoch() const { return core_->steps_per_epoch(); }
Index Experiment::input_dimension() const { return core_->input_dimension(); }
Index Experiment::outputs() const { return core_->outputs(); }
bool Experiment::classification() const { return core_->classification(); }

}  // namespace descent
