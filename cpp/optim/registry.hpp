// The one table of optimizers. Each entry gives the name, the update rule in the lecture's
// notation, how its options map to PyTorch's, the option specs (defaults, ranges, symbols) and
// the recipe that composes it from transforms. Bindings, validation, defaults and the page's
// controls all read this table; adding an optimizer adds an entry here.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/params.hpp"
#include "core/spec.hpp"
#include "optim/optimizer.hpp"
#include "optim/transform.hpp"

namespace descent {

struct OptimizerInfo {
  std::string type;
  std::string label;
  std::string family;   // "pytorch": equals a torch.optim class; "lecture": the slides' own form
  std::string formula;  // LaTeX, the lecture's notation
  std::string torch;    // how the options map to PyTorch's arguments
  std::string notes;    // where the slides differ, parametrisations, caveats
  bool needs_hessian = false;
  Index max_dimension = 0;  // 0: no limit; otherwise the largest d its d x d state allows
  std::vector<ParamSpec> options;  // every entry also takes 'schedule'
  // Cross-option checks the ranges cannot express (e.g. Nesterov needs momentum); may be null.
  void (*check)(const Params& params, const std::string& context) = nullptr;
  Chain (*recipe)(const Params& params) = nullptr;
};

// The largest d for optimizers that keep a d x d matrix (newton, adagradFull): 2000^2 doubles
// is 32 MB, and an O(d^3) factorisation per step stays under a second in WebAssembly.
constexpr Index kMaxMatrixDimension = 2000;

const std::vector<OptimizerInfo>& optimizer_registry();
const OptimizerInfo& find_optimizer(const std::string& type);

// Validates {type: 'adam', lr: 0.01, ...} against the registry and builds the optimizer.
std::unique_ptr<Optimizer> make_optimizer(const Spec& spec);

}  // namespace descent
