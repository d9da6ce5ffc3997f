// A whole optimization run in C++, one call from JavaScript: the trajectory, values, gradients
// and (on request) the optimizer's state at every step. A run that diverges stops and says so,
// at the step where it happened; no NaN or infinity is ever returned.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/spec.hpp"
#include "core/types.hpp"
#include "objectives/objective.hpp"
#include "optim/optimizer.hpp"

namespace descent {

struct RunResult {
  Index dimension = 0;
  long long steps = 0;              // steps completed; the arrays hold steps + 1 points
  std::vector<double> xs;           // (steps + 1) x dimension, row-major (empty if not recorded)
  std::vector<double> grads;        // the gradient at each point, same layout
  std::vector<double> values;       // f(x_t)
  std::vector<double> grad_norms;   // |grad f(x_t)|
  std::vector<double> lrs;          // the learning rate each step used (steps entries)
  Vec x;                            // the last point
  std::optional<double> f_star;     // the objective's minimum value where known
  bool converged = false;           // the gradient norm fell below gradTol
  bool diverged = false;
  long long diverged_at = -1;       // the step whose result was non-finite or exploded
  std::string reason;               // why the run stopped early, in words; empty otherwise
  // state name -> steps x size values, after each step (recordState: true)
  std::vector<std::string> state_names;
  std::map<std::string, std::vector<double>> states;
};

// options: {x0?, steps = 100, gradTol = 0, divergenceFactor = 1e8, recordTrajectory = true,
//           recordState = false}. x0 defaults to the objective's suggested start.
RunResult minimize(const Objective& objective, Optimizer& optimizer, const Spec& options);
RunResult minimize(const Spec& objective, const Spec& optimizer, const Spec& options);

}  // namespace descent
