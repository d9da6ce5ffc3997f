#include "core/error.hpp"

#include <cmath>
#include <cstdio>
#include <vector>

namespace descent {

std::string format_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

std::string join_names(const std::initializer_list<std::string>& names) {
  return join_names(std::vector<std::string>(names));
}

}  // namespace descent
