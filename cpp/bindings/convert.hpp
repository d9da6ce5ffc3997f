// Conversions between JavaScript values and the library's types. Arrays leave WebAssembly as
// copies (new Float64Array), never as views of its memory, which growth would invalidate.
#pragma once

#include <emscripten/val.h>

#include <string>
#include <vector>

#include "core/params.hpp"
#include "core/spec.hpp"
#include "core/types.hpp"

namespace descent::bindings {

using emscripten::val;

// Any plain JS value (objects, arrays, typed arrays, numbers, strings, booleans, null,
// undefined) as a Spec; functions, symbols, bigints and cycles are refused with `what` named.
Spec to_spec(const val& value, const std::string& what);

// A Float64Array or array of numbers as a vector; `what` names it in errors ("params").
Vec to_vec(const val& value, const std::string& what);

val to_float64_array(const double* data, std::size_t size);
inline val to_float64_array(const std::vector<double>& v) { return to_float64_array(v.data(), v.size()); }
inline val to_float64_array(const Vec& v) { return to_float64_array(v.data(), static_cast<std::size_t>(v.size())); }

// An option table for the page's controls: name, kind, default, range, symbol, torch, help.
val describe_params(const std::vector<ParamSpec>& table);

val strings_to_js(const std::vector<std::string>& strings);

// A JS array with to_js(item) for each item.
template <typename Range, typename F>
val array_of(const Range& items, F&& to_js) {
  val out = val::array();
  for (const auto& item : items) out.call<void>("push", to_js(item));
  return out;
}

// What every registry entry shows the page: {type, label, options}; callers add their own fields.
val registry_entry(const std::string& type, const std::string& label, const std::vector<ParamSpec>& options);

}  // namespace descent::bindings
