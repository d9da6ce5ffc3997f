// The unit every optimizer is built from, as in optax: a gradient transformation with explicit
// state. An optimizer is a chain of them applied to the gradient in order; the chain's output
// is added to the parameters. The sign flip (descent) happens in exactly one transform,
// ScaleByLearningRate, so every transform before it works on ascent directions.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/types.hpp"

namespace descent {

struct StepContext {
  long long t = 1;             // this step's number, counted from 1 (PyTorch's state['step'])
  double lr_multiplier = 1.0;  // the schedule's eta_t / eta for this step (1 with no schedule)
  const Mat* hessian = nullptr;  // the objective's Hessian at the parameters, for Newton
};

// One piece of an optimizer's state, named as PyTorch's state dict names it where it has one,
// with the lecture's symbol, for the page to show next to the update rule.
struct StateEntry {
  std::string name;
  std::string symbol;  // LaTeX
  Vec value;           // a vector, or one entry for a scalar
};

class Transform {
 public:
  virtual ~Transform() = default;
  // Allocates zeroed state for `dim` parameters. Called before the first step and on reset.
  virtual void init(Index dim) = 0;
  // Transforms `u` (on entry the gradient or the previous transform's output) in place.
  virtual void update(Vec& u, const Vec& params, const StepContext& ctx) = 0;
  virtual void append_state(std::vector<StateEntry>& /*out*/) const {}
};

using TransformPtr = std::unique_ptr<Transform>;
using Chain = std::vector<TransformPtr>;

template <typename... Ts>
Chain chain(Ts&&... transforms) {
  Chain c;
  (c.push_back(std::forward<Ts>(transforms)), ...);
  return c;
}

}  // namespace descent
