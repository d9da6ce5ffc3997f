// Learning-rate schedules: plain functions of the epoch (the lecture's SetScheduleMultiplier),
// not objects that mutate an optimizer as torch.optim.lr_scheduler does. The values equal
// PyTorch's StepLR, ExponentialLR, CosineAnnealingLR, CosineAnnealingWarmRestarts, LinearLR and
// SequentialLR(LinearLR warm-up, then another) at every epoch.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/params.hpp"
#include "core/spec.hpp"

namespace descent {

// lr(base, epoch): the learning rate at `epoch` (0, 1, ...) for an initial rate `base`.
using Schedule = std::function<double(double base, long long epoch)>;

struct ScheduleInfo {
  std::string type;
  std::string label;
  std::string formula;  // LaTeX, eta_t in terms of eta and t
  std::string torch;    // the PyTorch scheduler it equals
  std::vector<ParamSpec> params;
  Schedule (*make)(const Params& params);
};

const std::vector<ScheduleInfo>& schedule_registry();

// Builds a schedule from {type: 'cosine', tMax: 50, ...}; an undefined spec means constant.
Schedule make_schedule(const Spec& spec);

// The learning rates at epochs 0 .. epochs-1.
std::vector<double> schedule_lrs(const Spec& spec, double base_lr, long long epochs);

}  // namespace descent
