// The list of objectives the page offers, and the one entry point that validates a spec
// ({type: 'rosenbrock', b: 50}) and builds the objective.
#include "objectives/families.hpp"

namespace descent {

const std::vector<ObjectiveInfo>& objective_registry() {
  static const std::vector<ObjectiveInfo> registry = [] {
    std::vector<ObjectiveInfo> list;
    list.push_back(quadratic_info());
    list.push_back(rosenbrock_info());
    list.push_back(beale_info());
    list.push_back(himmelblau_info());
    list.push_back(booth_info());
    list.push_back(rastrigin_info());
    list.push_back(saddle_info());
    list.push_back(nesterov_worst_case_info());
    return list;
  }();
  return registry;
}

std::unique_ptr<Objective> make_objective(const Spec& spec) {
  const auto& registry = objective_registry();
  std::vector<std::string> names;
  for (const auto& info : registry) names.push_back(info.type);
  const std::string type = read_type(spec, "objective", names);
  for (const auto& info : registry)
    if (info.type == type) return info.make(read_params(spec, info.params, objective_context(type)));
  fail("internal: objective '" + type + "' is registered without a factory");
}

}  // namespace descent
