// An optimizer: a chain of transforms plus a schedule and a step counter. It works on a flat
// float64 parameter vector, so the same object steps a 2-D landscape or a whole network.
#pragma once

#include <string>
#include <vector>

#include "core/params.hpp"
#include "optim/schedule.hpp"
#include "optim/transform.hpp"

namespace descent {

struct OptimizerInfo;

class Optimizer {
 public:
  Optimizer(const OptimizerInfo& info, Params params, Chain chain, Schedule schedule);

  // One step in place: params <- params + chain(grad). `hessian` is needed by Newton only.
  // The dimension is fixed by the first step; reset() frees it.
  void step(Vec& params, const Vec& grad, const Mat* hessian = nullptr);
  void reset();
  // Throws, naming the limit, when a d x d optimizer (Newton, full-matrix AdaGrad) cannot take d
  // parameters: step() checks it, and callers that would build a d x d Hessian check it first.
  void check_dimension(Index d) const;

  const OptimizerInfo& info() const { return info_; }
  const Params& params() const { return params_; }
  long long steps_taken() const { return t_; }
  Index dimension() const { return dim_; }
  // The learning rate the next step will use (the schedule at the current epoch).
  double current_lr() const;
  std::vector<StateEntry> state() const;

 private:
  const OptimizerInfo& info_;
  Params params_;
  Chain chain_;
  Schedule schedule_;
  double base_lr_;
  long long t_ = 0;
  Index dim_ = -1;  // -1 until the first step
  Vec update_;      // workspace: no allocation per step
};

}  // namespace descent
