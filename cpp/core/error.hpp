// The one error type of the library. Every message names what is wrong and what is allowed, so
// that it can be shown to a student as it is; the bindings turn it into a JavaScript Error.
#pragma once

#include <stdexcept>
#include <string>

namespace descent {

class InvalidArgument : public std::invalid_argument {
 public:
  explicit InvalidArgument(const std::string& message) : std::invalid_argument(message) {}
};

[[noreturn]] inline void fail(const std::string& message) { throw InvalidArgument(message); }

// A number as a message shows it: short, exact for integers, and "NaN"/"Infinity" as JS spells them.
std::string format_number(double value);

// "a, b and c" for lists of allowed names.
std::string join_names(const std::initializer_list<std::string>& names);
template <typename Range>
std::string join_names(const Range& names) {
  std::string out;
  std::size_t i = 0, n = std::size(names);
  for (const auto& name : names) {
    if (i > 0) out += (i + 1 == n) ? " or " : ", ";
    out += "'" + std::string(name) + "'";
    ++i;
  }
  return out;
}

}  // namespace descent
