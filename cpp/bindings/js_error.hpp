// How a C++ error reaches JavaScript. Every bound function runs its body through guarded():
// an exception is caught here, inside WebAssembly, so every destructor runs and nothing leaks;
// its message is parked in JavaScript with record_error(), the function returns an empty value,
// and api.post.js throws the parked message as an Error the moment the call returns. Throwing
// straight through the WebAssembly frames instead would skip their stack cleanup.
#pragma once

#include <emscripten.h>
#include <emscripten/val.h>

#include <exception>
#include <string>
#include <type_traits>

namespace descent::bindings {

void record_error(const std::string& message);

template <typename F>
auto guarded(F&& body) -> decltype(body()) {
  using Result = decltype(body());
  try {
    return body();
  } catch (const std::exception& e) {
    record_error(e.what());
  } catch (...) {
    record_error("unexpected internal error");
  }
  if constexpr (std::is_same_v<Result, emscripten::val>)
    return emscripten::val::undefined();
  else if constexpr (!std::is_void_v<Result>)
    return Result{};
}

}  // namespace descent::bindings
