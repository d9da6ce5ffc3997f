#include "nn/network.hpp"

#include "core/error.hpp"
#include "core/params.hpp"
#include "core/random.hpp"
#include "nn/init.hpp"
#include "nn/mlp.hpp"
#include "nn/network_spec.hpp"

namespace descent {

class NetworkCore {
 public:
  virtual ~NetworkCore() = default;
  virtual const NetworkSpec& spec() const = 0;
  virtual Index parameter_count() const = 0;
  virtual double loss_and_gradient(const Vec& params, const Mat& x, const Eigen::VectorXi& labels, const Mat& targets,
                                   Vec& grad) = 0;
  virtual Mat predict(const Vec& params, const Mat& x) = 0;
};

namespace {

template <typename S>
class Core final : public NetworkCore {
 public:
  explicit Core(NetworkSpec spec) : mlp_(std::move(spec)) {}
  const NetworkSpec& spec() const override { return mlp_.spec(); }
  Index parameter_count() const override { return mlp_.parameter_count(); }

  double loss_and_gradient(const Vec& params, const Mat& x, const Eigen::VectorXi& labels, const Mat& targets,
                           Vec& grad) override {
    prepare(params, x);
    Targets<S> y;
    y.labels = labels;
    y.values = targets.template cast<S>();
    std::vector<S> g(static_cast<std::size_t>(params.size()));
    const double loss = static_cast<double>(mlp_.loss_and_gradient(params_.data(), x_, y, g.data()));
    grad = Eigen::Map<const Eigen::Matrix<S, Eigen::Dynamic, 1>>(g.data(), params.size()).template cast<double>();
    return loss;
  }

  Mat predict(const Vec& params, const Mat& x) override {
    prepare(params, x);
    MatrixOf<S> out;
    mlp_.predict(params_.data(), x_, out);
    return out.template cast<double>();
  }

 private:
  void prepare(const Vec& params, const Mat& x) {
    if (params.size() != mlp_.parameter_count())
      fail("network: params has length " + std::to_string(params.size()) + " but the network has " +
           std::to_string(mlp_.parameter_count()) + " parameters");
    if (x.rows() != mlp_.inputs())
      fail("network: each example needs " + std::to_string(mlp_.inputs()) + " features, got " +
           std::to_string(x.rows()));
    if (x.cols() == 0) fail("network: the batch is empty");
    params_.resize(static_cast<std::size_t>(params.size()));
    for (Index k = 0; k < params.size(); ++k) params_[static_cast<std::size_t>(k)] = static_cast<S>(params[k]);
    x_ = x.template cast<S>();
    if (mlp_.reserved_batch() < x.cols()) mlp_.reserve(x.cols());
  }

  Mlp<S> mlp_;
  std::vector<S> params_;
  MatrixOf<S> x_;
};

}  // namespace

Network::Network(const Spec& spec) {
  const Params p = read_params(
      spec,
      {param::integer("inputs", 2).at_least(1).at_most(100000).required().help("features per example"),
       param::integer("outputs", 2).at_least(1).at_most(100000).required()
           .help("classes (crossEntropy, binaryCrossEntropy: 2) or regression targets (mse)"),
       param::choice("precision", "float32", {"float32", "float64"}).help("arithmetic of the network")},
      "network", {"hidden", "activation", "leakySlope", "loss", "init"});
  Spec network = Spec::object();
  for (const auto& [key, value] : spec.fields())
    if (key != "inputs" && key != "outputs" && key != "precision") network.set(key, value);
  const Spec* loss = spec.find("loss");
  const bool classification = loss == nullptr || loss->kind() != Spec::Kind::String || loss->as_string() != "mse";
  NetworkSpec net = read_network_spec(network, p.integer("inputs"), p.integer("outputs"), classification);
  if (p.choice("precision") == "float32")
    core_ = std::make_unique<Core<float>>(std::move(net));
  else
    core_ = std::make_unique<Core<double>>(std::move(net));
}

Network::~Network() = default;

Index Network::parameter_count() const { return core_->parameter_count(); }
Index Network::inputs() const { return core_->spec().inputs; }
bool Network::classification() const { return is_classification(core_->spec().loss); }

double Network::loss_and_gradient(const Vec& params, const Mat& x, const Eigen::VectorXi& labels, const Mat& targets,
                                  Vec& grad) {
  return core_->loss_and_gradient(params, x, labels, targets, grad);
}

Mat Network::predict(const Vec& params, const Mat& x) { return core_->predict(params, x); }

Vec Network::initial_parameters(std::uint64_t seed) const {
  Vec params(core_->parameter_count());
  Rng rng = Rng(seed).fork(streams::kInit);
  initialize(core_->spec(), core_->spec().init, rng, params.data());
  return params;
}

}  // namespace descent
