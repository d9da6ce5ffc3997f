// Internal to cpp/objectives: each family's registry entry, defined next to its objective class,
// and small builders for the option tables. registry.cpp collects the entries.
#pragma once

#include <string>
#include <utility>

#include "core/error.hpp"
#include "objectives/objective.hpp"

namespace descent {

ObjectiveInfo quadratic_info();
ObjectiveInfo rosenbrock_info();
ObjectiveInfo beale_info();
ObjectiveInfo himmelblau_info();
ObjectiveInfo booth_info();
ObjectiveInfo rastrigin_info();
ObjectiveInfo saddle_info();
ObjectiveInfo nesterov_worst_case_info();

// Largest `dim` any n-D objective accepts: the dense Hessian of a bigger one would not fit a
// browser tab, and the lecture's plots need far fewer.
constexpr double kMaxDimension = 10000;

// A Number option: finite, and `> min` (min_open) or `>= min`.
inline ParamSpec number_param(const char* name, double default_value, double min, bool min_open,
                              const char* symbol, const char* help) {
  param p = param::number(name, default_value).symbol(symbol).help(help);
  return min_open ? p.above(min) : p.at_least(min);
}

// A positive Number option, shown on a logarithmic slider.
inline ParamSpec positive_param(const char* name, double default_value, const char* symbol, const char* help) {
  return param::number(name, default_value).above(0).log_scale().symbol(symbol).help(help);
}

// The `dim` option of an n-D objective: an integer in [min, kMaxDimension].
inline ParamSpec dimension_param(double default_value, double min, const char* help) {
  return param::integer("dim", default_value).at_least(min).at_most(kMaxDimension).symbol("n").help(help);
}

// Start of every message about an objective's options, as read_params words it.
inline std::string objective_context(const std::string& type) { return "objective '" + type + "'"; }

}  // namespace descent
