#include "core/params.hpp"

#include <cmath>

#include "core/error.hpp"

namespace descent {

const char* param_kind_name(ParamKind kind) {
  switch (kind) {
    case ParamKind::Number: return "number";
    case ParamKind::Integer: return "integer";
    case ParamKind::Boolean: return "boolean";
    case ParamKind::Pair: return "pair";
    case ParamKind::Numbers: return "numbers";
    case ParamKind::Choice: return "choice";
    case ParamKind::Object: return "object";
  }
  return "?";
}

std::string describe_range(const ParamSpec& p) {
  const bool has_min = std::isfinite(p.min), has_max = std::isfinite(p.max);
  if (has_min && has_max)
    return std::string("in ") + (p.min_open ? "(" : "[") + format_number(p.min) + ", " + format_number(p.max) +
           (p.max_open ? ")" : "]");
  if (has_min) return std::string(p.min_open ? "> " : ">= ") + format_number(p.min);
  if (has_max) return std::string(p.max_open ? "< " : "<= ") + format_number(p.max);
  return "finite";
}

param::param(const char* name, ParamKind kind) {
  spec_.name = name;
  spec_.kind = kind;
}
param param::number(const char* name, double default_value) {
  param p(name, ParamKind::Number);
  p.spec_.number = default_value;
  return p;
}
param param::integer(const char* name, double default_value) {
  param p(name, ParamKind::Integer);
  p.spec_.number = default_value;
  return p;
}
param param::boolean(const char* name, bool default_value) {
  param p(name, ParamKind::Boolean);
  p.spec_.flag = default_value;
  return p;
}
param param::pair(const char* name, double first, double second) {
  param p(name, ParamKind::Pair);
  p.spec_.pair = {first, second};
  return p;
}
param param::numbers(const char* name) { return param(name, ParamKind::Numbers); }
param param::choice(const char* name, const char* default_value, std::vector<std::string> choices) {
  param p(name, ParamKind::Choice);
  p.spec_.choice = default_value;
  p.spec_.choices = std::move(choices);
  return p;
}
param param::object(const char* name) { return param(name, ParamKind::Object); }

param& param::above(double bound) {
  spec_.min = bound;
  spec_.min_open = true;
  return *this;
}
param& param::at_least(double bound) {
  spec_.min = bound;
  spec_.min_open = false;
  return *this;
}
param& param::below(double bound) {
  spec_.max = bound;
  spec_.max_open = true;
  return *this;
}
param& param::at_most(double bound) {
  spec_.max = bound;
  spec_.max_open = false;
  return *this;
}
param& param::log_scale() {
  spec_.log_scale = true;
  return *this;
}
param& param::required() {
  spec_.required = true;
  return *this;
}
param& param::optional() {
  spec_.optional = true;
  return *this;
}
param& param::symbol(const char* latex) {
  spec_.symbol = latex;
  return *this;
}
param& param::torch(const char* name) {
  spec_.torch = name;
  return *this;
}
param& param::help(const char* text) {
  spec_.help = text;
  return *this;
}

namespace {

constexpr double kMaxExactInteger = 9007199254740992.0;  // 2^53

bool in_range(const ParamSpec& p, double v) {
  if (!std::isfinite(v)) return false;
  if (p.min_open ? !(v > p.min) : !(v >= p.min)) return false;
  if (p.max_open ? !(v < p.max) : !(v <= p.max)) return false;
  return true;
}

std::string prefix(const std::string& context, const ParamSpec& p) {
  return context + ": option '" + p.name + "'";
}

double read_number(const Spec& value, const std::string& context, const ParamSpec& p, bool integer) {
  if (value.kind() != Spec::Kind::Number)
    fail(prefix(context, p) + " must be " + (integer ? "an integer" : "a number") + ", got " +
         (value.kind() == Spec::Kind::String ? value.describe() : kind_name(value.kind())));
  const double v = value.as_number();
  if (integer && std::isfinite(v) && std::floor(v) != v)
    fail(prefix(context, p) + " must be a whole number, got " + format_number(v));
  // Whole numbers beyond 2^53 are not exact in JavaScript or in a double.
  if (integer && std::isfinite(v) && std::abs(v) > kMaxExactInteger)
    fail(prefix(context, p) + " must be at most 2^53 in size, got " + format_number(v));
  if (!in_range(p, v))
    fail(prefix(context, p) + " must be " + (std::isfinite(v) ? describe_range(p) : "a finite number") + ", got " +
         format_number(v));
  return v;
}

}  // namespace

void require_object(const Spec& spec, const std::string& what) {
  if (!spec.is_object())
    fail(what + " must be an object, got " +
         (spec.kind() == Spec::Kind::Number || spec.kind() == Spec::Kind::String ? spec.describe()
                                                                                   : kind_name(spec.kind())));
}

std::string read_type(const Spec& spec, const std::string& what, const std::vector<std::string>& allowed) {
  require_object(spec, what);
  const Spec* type = spec.find("type");
  if (type == nullptr || type->is_undefined())
    fail(what + " needs a 'type'; one of " + join_names(allowed));
  if (type->kind() != Spec::Kind::String)
    fail(what + ": 'type' must be a string, one of " + join_names(allowed) + "; got " + type->describe());
  for (const auto& name : allowed)
    if (name == type->as_string()) return name;
  fail(what + ": unknown type " + type->describe() + "; allowed: " + join_names(allowed));
}

Params read_params(const Spec& spec, const std::vector<ParamSpec>& table, const std::string& context,
                   const std::vector<std::string>& ignored) {
  require_object(spec, context);
  for (const auto& [key, value] : spec.fields()) {
    if (value.is_undefined()) continue;  // {lr: undefined} means "left out", as in JavaScript
    bool known = false;
    for (const auto& name : ignored) known = known || name == key;
    for (const auto& p : table) known = known || p.name == key;
    if (!known) {
      // The ignored keys are read elsewhere (the network's 'hidden', the csv's 'text'): allowed too.
      std::vector<std::string> names;
      for (const auto& p : table) names.push_back(p.name);
      for (const auto& name : ignored)
        if (name != "type") names.push_back(name);
      fail(context + ": unknown option '" + key + "'; allowed: " +
           (names.empty() ? std::string("none") : join_names(names)));
    }
  }

  Params params;
  for (const auto& p : table) {
    const Spec* found = spec.find(p.name);
    const bool present = found != nullptr && !found->is_undefined() && found->kind() != Spec::Kind::Null;
    if (!present) {
      if (p.required) fail(context + ": option '" + p.name + "' is required" + (p.help.empty() ? "" : " (" + p.help + ")"));
      if (p.optional) continue;
      switch (p.kind) {
        case ParamKind::Number:
        case ParamKind::Integer: params.set_number(p.name, p.number); break;
        case ParamKind::Boolean: params.set_flag(p.name, p.flag); break;
        case ParamKind::Pair: params.set_pair(p.name, p.pair); break;
        case ParamKind::Numbers: params.set_numbers(p.name, {}); break;
        case ParamKind::Choice: params.set_choice(p.name, p.choice); break;
        case ParamKind::Object: break;
      }
      continue;
    }
    const Spec& value = *found;
    params.mark_given(p.name);
    switch (p.kind) {
      case ParamKind::Number:
      case ParamKind::Integer:
        params.set_number(p.name, read_number(value, context, p, p.kind == ParamKind::Integer));
        break;
      case ParamKind::Boolean:
        if (value.kind() != Spec::Kind::Boolean)
          fail(prefix(context, p) + " must be true or false, got " + value.describe());
        params.set_flag(p.name, value.as_boolean());
        break;
      case ParamKind::Pair: {
        const bool shape_ok = value.is_array() && value.items().size() == 2 &&
                              value.items()[0].kind() == Spec::Kind::Number &&
                              value.items()[1].kind() == Spec::Kind::Number;
        if (!shape_ok) fail(prefix(context, p) + " must be an array of two numbers, got " + value.describe());
        const double a = value.items()[0].as_number(), b = value.items()[1].as_number();
        if (!in_range(p, a) || !in_range(p, b))
          fail(prefix(context, p) + " must have both entries " + describe_range(p) + ", got [" + format_number(a) +
               ", " + format_number(b) + "]");
        params.set_pair(p.name, {a, b});
        break;
      }
      case ParamKind::Numbers: {
        if (!value.is_array()) fail(prefix(context, p) + " must be an array of numbers, got " + value.describe());
        std::vector<double> numbers;
        numbers.reserve(value.items().size());
        for (std::size_t i = 0; i < value.items().size(); ++i) {
          const Spec& item = value.items()[i];
          if (item.kind() != Spec::Kind::Number)
            fail(prefix(context, p) + " must hold only numbers; entry " + std::to_string(i) + " is " +
                 kind_name(item.kind()));
          if (!in_range(p, item.as_number()))
            fail(prefix(context, p) + ": entry " + std::to_string(i) + " must be " +
                 (std::isfinite(item.as_number()) ? describe_range(p) : "a finite number") + ", got " +
                 format_number(item.as_number()));
          numbers.push_back(item.as_number());
        }
        params.set_numbers(p.name, std::move(numbers));
        break;
      }
      case ParamKind::Choice: {
        if (value.kind() != Spec::Kind::String)
          fail(prefix(context, p) + " must be one of " + join_names(p.choices) + ", got " + value.describe());
        bool ok = false;
        for (const auto& c : p.choices) ok = ok || c == value.as_string();
        if (!ok) fail(prefix(context, p) + " must be one of " + join_names(p.choices) + ", got " + value.describe());
        params.set_choice(p.name, value.as_string());
        break;
      }
      case ParamKind::Object:
        require_object(value, prefix(context, p));
        params.set_object(p.name, value);
        break;
    }
  }
  return params;
}

namespace {
template <typename Map>
const typename Map::mapped_type& lookup(const Map& map, const std::string& name) {
  auto it = map.find(name);
  if (it == map.end()) fail("internal: option '" + name + "' was not declared with this kind");
  return it->second;
}
}  // namespace

double Params::number(const std::string& name) const { return lookup(numbers_, name); }
long long Params::integer(const std::string& name) const { return static_cast<long long>(lookup(numbers_, name)); }
bool Params::flag(const std::string& name) const { return lookup(flags_, name); }
std::array<double, 2> Params::pair(const std::string& name) const { return lookup(pairs_, name); }
const std::vector<double>& Params::numbers(const std::string& name) const { return lookup(arrays_, name); }
const std::string& Params::choice(const std::string& name) const { return lookup(choices_, name); }
const Spec& Params::object(const std::string& name) const { return lookup(objects_, name); }
bool Params::has(const std::string& name) const {
  return numbers_.count(name) || flags_.count(name) || pairs_.count(name) || arrays_.count(name) ||
         choices_.count(name) || objects_.count(name);
}

}  // namespace descent
