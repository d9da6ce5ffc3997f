#include "optim/optimizer.hpp"

#include "core/error.hpp"
#include "optim/registry.hpp"

namespace descent {

Optimizer::Optimizer(const OptimizerInfo& info, Params params, Chain chain, Schedule schedule)
    : info_(info),
      params_(std::move(params)),
      chain_(std::move(chain)),
      schedule_(std::move(schedule)),
      base_lr_(params_.number("lr")) {}

void Optimizer::step(Vec& params, const Vec& grad, const Mat* hessian) {
  // Made only for a message: a string per step would be an allocation per step.
  const auto context = [&] { return "optimizer '" + info_.type + "'"; };
  if (grad.size() != params.size())
    fail(context() + ": grads has length " + std::to_string(grad.size()) + " but params has length " +
         std::to_string(params.size()));
  if (params.size() == 0) fail(context() + ": params is empty");
  if (dim_ < 0) {
    check_dimension(params.size());
    dim_ = params.size();
    update_.resize(dim_);
    for (auto& transform : chain_) transform->init(dim_);
  } else if (params.size() != dim_) {
    fail(context() + ": params has length " + std::to_string(params.size()) + " but this optimizer was stepped with " +
         std::to_string(dim_) + " parameters; call reset() to start over with another size");
  }
  StepContext ctx;
  ctx.t = t_ + 1;
  ctx.lr_multiplier = schedule_(base_lr_, t_) / base_lr_;
  ctx.hessian = hessian;
  update_ = grad;
  try {
    for (auto& transform : chain_) transform->update(update_, params, ctx);
  } catch (...) {
    if (t_ == 0) dim_ = -1;  // a refused first step fixes nothing
    throw;
  }
  params += update_;
  ++t_;
}

void Optimizer::check_dimension(Index d) const {
  if (info_.max_dimension > 0 && d > info_.max_dimension)
    fail("optimizer '" + info_.type + "' keeps a d x d matrix and is limited to d <= " +
         std::to_string(info_.max_dimension) + " parameters; this problem has d = " + std::to_string(d));
}

void Optimizer::reset() {
  t_ = 0;
  dim_ = -1;
}

double Optimizer::current_lr() const { return schedule_(base_lr_, t_); }

std::vector<StateEntry> Optimizer::state() const {
  std::vector<StateEntry> entries;
  if (dim_ < 0) return entries;
  for (const auto& transform : chain_) transform->append_state(entries);
  return entries;
}

}  // namespace descent
