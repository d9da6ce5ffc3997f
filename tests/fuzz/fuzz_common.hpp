// What every fuzz target shares: how an entry point's outcome is judged, and the harness's caps on
// sizes so that one input cannot run for long.
//
// An entry point may succeed, or reject its input with descent::InvalidArgument carrying a
// non-empty message. Anything else is a finding and aborts (libFuzzer then saves the input):
// another exception type, an empty message, and of course whatever the sanitizers report.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <initializer_list>
#include <string>
#include <string_view>
#include <typeinfo>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/spec.hpp"
#include "json_spec.hpp"

namespace descent::fuzz {

[[noreturn]] inline void finding(const std::string& what, const std::string& detail) {
  std::fprintf(stderr, "\n==FINDING== %s: %s\n", what.c_str(), detail.c_str());
  std::fflush(stderr);
  std::abort();
}

// Runs `f`; true when it returned, false when it rejected its input properly.
template <typename F>
bool accepted(const char* what, F&& f) {
  try {
    f();
    return true;
  } catch (const InvalidArgument& e) {
    if (std::string_view(e.what()).empty()) finding(what, "an InvalidArgument with an empty message");
    return false;
  } catch (const std::exception& e) {
    finding(what, std::string("an exception that is not InvalidArgument: ") + typeid(e).name() + ": " + e.what());
  } catch (...) {
    finding(what, "an exception of a non-standard type");
  }
}

inline void require(bool ok, const char* what, const std::string& detail) {
  if (!ok) finding(what, detail);
}

// A JSON input, or false when the text is not JSON (not an input: libFuzzer moves on).
inline bool read_json(const uint8_t* data, size_t size, Spec& out) {
  try {
    out = parse_json_spec(std::string_view(reinterpret_cast<const char*>(data), size));
    return true;
  } catch (const JsonError&) {
    return false;
  }
}

// One cap of the harness: a number under `key` (anywhere in the spec, or any item of an array
// under it) that the product would accept (<= product_max) but that would make the input slow is
// lowered to `cap`. Values above product_max are left alone, so the product's own limit check is
// still what rejects them.
struct Cap {
  const char* key;
  double cap;
  double product_max;
};

inline Spec clamp_number(const Spec& value, const Cap& cap) {
  if (value.kind() == Spec::Kind::Number && value.as_number() > cap.cap && value.as_number() <= cap.product_max)
    return Spec::number(cap.cap);
  return value;
}

inline Spec capped(const Spec& spec, std::initializer_list<Cap> caps) {
  if (spec.is_array()) {
    std::vector<Spec> items;
    for (const auto& item : spec.items()) items.push_back(capped(item, caps));
    return Spec::array(std::move(items));
  }
  if (!spec.is_object()) return spec;
  Spec out = Spec::object();
  for (const auto& [key, value] : spec.fields()) {
    Spec v = capped(value, caps);
    for (const Cap& cap : caps) {
      if (key != cap.key) continue;
      if (v.is_array()) {
        std::vector<Spec> items;
        for (const auto& item : v.items()) items.push_back(clamp_number(item, cap));
        v = Spec::array(std::move(items));
      } else {
        v = clamp_number(v, cap);
      }
    }
    out.set(key, std::move(v));
  }
  return out;
}

// A field of the input object, or undefined.
inline Spec field(const Spec& spec, const char* key) {
  const Spec* f = spec.find(key);
  return f ? *f : Spec();
}

inline bool all_finite(const std::vector<double>& values) {
  for (double v : values)
    if (!std::isfinite(v)) return false;
  return true;
}

}  // namespace descent::fuzz
