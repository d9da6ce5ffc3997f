// Declarative option tables. Each registry (optimizers, schedules, objectives) describes its
// options once as ParamSpecs: the default, the allowed range, the lecture's symbol and the
// PyTorch argument. read_params() validates a Spec against a table, and the same table is
// what listOptimizers() hands to the page to build its controls.
#pragma once

#include <array>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "core/spec.hpp"

namespace descent {

enum class ParamKind {
  Number,   // a finite double within [min, max]
  Integer,  // a whole number within [min, max]
  Boolean,
  Pair,     // two numbers, each within [min, max] (Adam's betas)
  Numbers,  // an array of finite numbers (x0, eigenvalues)
  Choice,   // one of `choices`
  Object,   // a nested spec read by someone else (a schedule); checked only to be an object
};

const char* param_kind_name(ParamKind kind);

struct ParamSpec {
  std::string name;
  ParamKind kind = ParamKind::Number;
  double number = 0;                    // default for Number and Integer
  bool flag = false;                    // default for Boolean
  std::array<double, 2> pair{0, 0};     // default for Pair
  std::string choice;                   // default for Choice
  std::vector<std::string> choices;     // allowed values for Choice
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool min_open = false;                // true: value must be > min, not >= min
  bool max_open = false;
  bool log_scale = false;               // a slider for it should be logarithmic
  bool required = false;                // no default: the caller must give it
  bool optional = false;                // no default, may be left out (has() tells)
  std::string symbol;                   // the lecture's symbol, as LaTeX
  std::string torch;                    // PyTorch's argument name, empty when PyTorch has none
  std::string help;                     // one line for a tooltip
};

// Fluent construction of ParamSpecs, so a registry entry reads as a table:
//   param::number("lr", 1e-3).above(0).log_scale().symbol("\\eta").torch("lr").help("step size")
// The steps are out of line and take C strings: the registries make hundreds of them, and each is
// then a call, where a std::string argument would be built, moved and destroyed at every site.
class param {
 public:
  static param number(const char* name, double default_value);
  static param integer(const char* name, double default_value);
  static param boolean(const char* name, bool default_value);
  static param pair(const char* name, double first, double second);
  static param numbers(const char* name);
  static param choice(const char* name, const char* default_value, std::vector<std::string> choices);
  static param object(const char* name);

  param& above(double bound);
  param& at_least(double bound);
  param& below(double bound);
  param& at_most(double bound);
  param& log_scale();
  param& required();
  param& optional();
  param& symbol(const char* latex);
  param& torch(const char* name);
  param& help(const char* text);
  operator ParamSpec() const& { return spec_; }        // NOLINT: implicit by design, for tables
  operator ParamSpec() && { return std::move(spec_); }  // NOLINT

 private:
  param(const char* name, ParamKind kind);
  ParamSpec spec_;
};

// The range a ParamSpec allows, as a message shows it: "> 0", "in [0, 1)", ">= 1".
std::string describe_range(const ParamSpec& spec);

class Params {
 public:
  double number(const std::string& name) const;
  long long integer(const std::string& name) const;
  bool flag(const std::string& name) const;
  std::array<double, 2> pair(const std::string& name) const;
  const std::vector<double>& numbers(const std::string& name) const;
  const std::string& choice(const std::string& name) const;
  const Spec& object(const std::string& name) const;
  // Whether the caller gave this option (as opposed to its default applying).
  bool given(const std::string& name) const { return given_.count(name) > 0; }
  bool has(const std::string& name) const;

  // Used by read_params and by tests that build parameters by hand.
  void set_number(const std::string& name, double value) { numbers_[name] = value; }
  void set_flag(const std::string& name, bool value) { flags_[name] = value; }
  void set_pair(const std::string& name, std::array<double, 2> value) { pairs_[name] = value; }
  void set_numbers(const std::string& name, std::vector<double> value) { arrays_[name] = std::move(value); }
  void set_choice(const std::string& name, std::string value) { choices_[name] = std::move(value); }
  void set_object(const std::string& name, Spec value) { objects_[name] = std::move(value); }
  void mark_given(const std::string& name) { given_[name] = true; }

 private:
  std::map<std::string, double> numbers_;
  std::map<std::string, bool> flags_;
  std::map<std::string, std::array<double, 2>> pairs_;
  std::map<std::string, std::vector<double>> arrays_;
  std::map<std::string, std::string> choices_;
  std::map<std::string, Spec> objects_;
  std::map<std::string, bool> given_;
};

// Reads `spec` (an object) against `table`. `context` starts every message ("optimizer 'adam'").
// Keys in `ignored` (such as "type") are skipped; any other key not in the table is an error.
Params read_params(const Spec& spec, const std::vector<ParamSpec>& table, const std::string& context,
                   const std::vector<std::string>& ignored = {"type"});

// The "type" field of a spec that must be an object with a string type among `allowed`.
std::string read_type(const Spec& spec, const std::string& what, const std::vector<std::string>& allowed);

// Checks a spec is an object; `what` names it in the message ("createOptimizer's argument").
void require_object(const Spec& spec, const std::string& what);

}  // namespace descent
