#include "optim/recipes.hpp"

#include "optim/transforms/add_l2_gradient.hpp"
#include "optim/transforms/decay_weights.hpp"
#include "optim/transforms/nesterov_extrapolation.hpp"
#include "optim/transforms/precondition_by_full_rss.hpp"
#include "optim/transforms/precondition_by_hessian.hpp"
#include "optim/transforms/scale_by_adadelta.hpp"
#include "optim/transforms/scale_by_adam.hpp"
#include "optim/transforms/scale_by_adamax.hpp"
#include "optim/transforms/scale_by_inverse_time.hpp"
#include "optim/transforms/scale_by_learning_rate.hpp"
#include "optim/transforms/scale_by_nadam.hpp"
#include "optim/transforms/scale_by_radam.hpp"
#include "optim/transforms/scale_by_rms.hpp"
#include "optim/transforms/scale_by_rss.hpp"
#include "optim/transforms/trace.hpp"

namespace descent {
namespace recipes {
namespace {

template <typename T, typename... Args>
TransformPtr make(Args&&... args) {
  return std::make_unique<T>(std::forward<Args>(args)...);
}

}  // namespace

Chain gd(const Params& p) { return chain(make<ScaleByLearningRate>(p.number("lr"))); }

Chain heavy_ball(const Params& p) {
  return chain(make<ScaleByLearningRate>(p.number("lr")), make<Trace>(p.number("momentum"), 0, false, "\\mathbf{v}"));
}

Chain nesterov_accelerated(const Params& p) {
  return chain(make<ScaleByLearningRate>(p.number("lr")), make<NesterovExtrapolation>());
}

Chain newton(const Params& p) {
  return chain(make<PreconditionByHessian>(p.number("damping")), make<ScaleByLearningRate>(p.number("lr")));
}

Chain adagrad_full(const Params& p) {
  return chain(make<PreconditionByFullRss>(p.number("eps")), make<ScaleByLearningRate>(p.number("lr")));
}

Chain sgd(const Params& p) {
  return chain(make<AddL2Gradient>(p.number("weightDecay")),
               make<Trace>(p.number("momentum"), p.number("dampening"), p.flag("nesterov")),
               make<ScaleByLearningRate>(p.number("lr")));
}

Chain sgdw(const Params& p) {
  // Algorithm 1: the schedule-scaled step eta_t alpha g enters the momentum; the decay
  // eta_t lambda theta does not.
  return chain(make<ScaleByLearningRate>(p.number("lr")), make<Trace>(p.number("momentum"), 0, false, "\\mathbf{m}"),
               make<DecayWeights>(p.number("weightDecay")));
}

Chain adagrad(const Params& p) {
  return chain(make<AddL2Gradient>(p.number("weightDecay")),
               make<ScaleByRss>(p.number("initialAccumulatorValue"), p.number("eps")),
               make<ScaleByInverseTime>(p.number("lrDecay")), make<ScaleByLearningRate>(p.number("lr")));
}

Chain rmsprop(const Params& p) {
  return chain(make<AddL2Gradient>(p.number("weightDecay")),
               make<ScaleByRms>(p.number("alpha"), p.number("eps"), p.flag("centered"), p.flag("epsInsideSqrt")),
               make<Trace>(p.number("momentum")), make<ScaleByLearningRate>(p.number("lr")));
}

Chain adam(const Params& p) {
  const auto [b1, b2] = p.pair("betas");
  return chain(make<AddL2Gradient>(p.number("weightDecay")),
               make<ScaleByAdam>(b1, b2, p.number("eps"), p.flag("amsgrad")),
               make<ScaleByLearningRate>(p.number("lr")));
}

Chain adamw(const Params& p) {
  const auto [b1, b2] = p.pair("betas");
  return chain(make<ScaleByAdam>(b1, b2, p.number("eps"), p.flag("amsgrad")),
               make<ScaleByLearningRate>(p.number("lr")),
               make<DecayWeights>(p.number("lr") * p.number("weightDecay")));
}

Chain nadam(const Params& p) {
  const auto [b1, b2] = p.pair("betas");
  return chain(make<AddL2Gradient>(p.number("weightDecay")),
               make<ScaleByNadam>(b1, b2, p.number("eps"), p.number("momentumDecay")),
               make<ScaleByLearningRate>(p.number("lr")));
}

Chain radam(const Params& p) {
  const auto [b1, b2] = p.pair("betas");
  return chain(make<AddL2Gradient>(p.number("weightDecay")), make<ScaleByRadam>(b1, b2, p.number("eps")),
               make<ScaleByLearningRate>(p.number("lr")));
}

Chain adamax(const Params& p) {
  const auto [b1, b2] = p.pair("betas");
  return chain(make<AddL2Gradient>(p.number("weightDecay")), make<ScaleByAdamax>(b1, b2, p.number("eps")),
               make<ScaleByLearningRate>(p.number("lr")));
}

Chain adadelta(const Params& p) {
  return chain(make<AddL2Gradient>(p.number("weightDecay")), make<ScaleByAdadelta>(p.number("rho"), p.number("eps")),
               make<ScaleByLearningRate>(p.number("lr")));
}

}  // namespace recipes
}  // namespace descent
