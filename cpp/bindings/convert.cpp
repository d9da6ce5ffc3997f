#include "bindings/convert.hpp"

#include <emscripten/bind.h>

#include <cmath>

#include "core/error.hpp"

namespace descent::bindings {
namespace {

constexpr int kMaxDepth = 32;

Spec to_spec_at(const val& value, const std::string& what, int depth) {
  if (depth > kMaxDepth) fail(what + " is nested more than 32 levels deep (does it contain itself?)");
  const std::string type = value.typeOf().as<std::string>();
  if (type == "undefined") return Spec();
  if (type == "boolean") return Spec::boolean(value.as<bool>());
  if (type == "number") return Spec::number(value.as<double>());
  if (type == "string") return Spec::string(value.as<std::string>());
  if (type != "object") fail(what + " contains a " + type + ", which is not an option value");
  if (value.isNull()) return Spec::null();
  if (val::global("ArrayBuffer").call<bool>("isView", value)) {
    if (value.instanceof(val::global("DataView"))) fail(what + " contains a DataView, which is not an option value");
    return Spec::numbers(emscripten::convertJSArrayToNumberVector<double>(value));
  }
  if (val::global("Array").call<bool>("isArray", value)) {
    const unsigned length = value["length"].as<unsigned>();
    std::vector<Spec> items;
    items.reserve(length);
    for (unsigned i = 0; i < length; ++i)
      items.push_back(to_spec_at(value[i], what + "[" + std::to_string(i) + "]", depth + 1));
    return Spec::array(std::move(items));
  }
  const val keys = val::global("Object").call<val>("keys", value);
  const unsigned count = keys["length"].as<unsigned>();
  std::vector<Spec::Field> fields;
  fields.reserve(count);
  for (unsigned i = 0; i < count; ++i) {
    const std::string key = keys[i].as<std::string>();
    fields.emplace_back(key, to_spec_at(value[key], what + "." + key, depth + 1));
  }
  return Spec::object(std::move(fields));
}

}  // namespace

Spec to_spec(const val& value, const std::string& what) { return to_spec_at(value, what, 0); }

Vec to_vec(const val& value, const std::string& what) {
  const bool typed = val::global("ArrayBuffer").call<bool>("isView", value) &&
                     !value.instanceof(val::global("DataView"));
  if (!typed && !val::global("Array").call<bool>("isArray", value))
    fail(what + " must be a Float64Array or an array of numbers, got " + value.typeOf().as<std::string>());
  if (!typed) {
    const unsigned length = value["length"].as<unsigned>();
    for (unsigned i = 0; i < length; ++i)
      if (value[i].typeOf().as<std::string>() != "number")
        fail(what + "[" + std::to_string(i) + "] must be a number, got " + value[i].typeOf().as<std::string>());
  }
  const std::vector<double> numbers = emscripten::convertJSArrayToNumberVector<double>(value);
  for (std::size_t i = 0; i < numbers.size(); ++i)
    if (!std::isfinite(numbers[i]))
      fail(what + "[" + std::to_string(i) + "] must be a finite number, got " + format_number(numbers[i]));
  return Eigen::Map<const Vec>(numbers.data(), static_cast<Index>(numbers.size()));
}

val to_float64_array(const double* data, std::size_t size) {
  // Constructing from a view of the heap copies it.
  return val::global("Float64Array").new_(emscripten::typed_memory_view(size, data));
}

val strings_to_js(const std::vector<std::string>& strings) {
  return array_of(strings, [](const std::string& s) { return val(s); });
}

val registry_entry(const std::string& type, const std::string& label, const std::vector<ParamSpec>& options) {
  val o = val::object();
  o.set("type", type);
  o.set("label", label);
  o.set("options", describe_params(options));
  return o;
}

val describe_params(const std::vector<ParamSpec>& table) {
  val out = val::array();
  for (const auto& p : table) {
    val o = val::object();
    o.set("name", p.name);
    o.set("kind", std::string(param_kind_name(p.kind)));
    switch (p.kind) {
      case ParamKind::Number:
      case ParamKind::Integer: o.set("default", p.required ? val::null() : val(p.number)); break;
      case ParamKind::Boolean: o.set("default", p.flag); break;
      case ParamKind::Pair: {
        val pair = val::array();
        pair.call<void>("push", p.pair[0]);
        pair.call<void>("push", p.pair[1]);
        o.set("default", pair);
        break;
      }
      case ParamKind::Choice: o.set("default", p.choice); break;
      case ParamKind::Numbers:
      case ParamKind::Object: o.set("default", val::null()); break;
    }
    if (p.kind == ParamKind::Choice) o.set("choices", strings_to_js(p.choices));
    o.set("min", std::isfinite(p.min) ? val(p.min) : val::null());
    o.set("max", std::isfinite(p.max) ? val(p.max) : val::null());
    o.set("minOpen", p.min_open);
    o.set("maxOpen", p.max_open);
    o.set("logScale", p.log_scale);
    o.set("required", p.required);
    o.set("symbol", p.symbol);
    o.set("torch", p.torch);
    o.set("help", p.help);
    out.call<void>("push", o);
  }
  return out;
}

}  // namespace descent::bindings
