#include "core/error.hpp"

#include <cmath>
#include <vector>

#include "core/decimal.hpp"

namespace descent {

std::string format_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  return format_general(value, 10);  // printf's %.10g
}

std::string join_names(const std::initializer_list<std::string>& names) {
  return join_names(std::vector<std::string>(names));
}

}  // namespace descent
