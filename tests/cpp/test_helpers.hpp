// Small helpers shared by the native optimizer tests: Spec builders that read like the
// JavaScript objects they stand for, and a check that a call throws a message containing a text.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/spec.hpp"
#include "core/types.hpp"

namespace descent {
namespace test {

inline Spec num(double value) { return Spec::number(value); }
inline Spec str(const std::string& value) { return Spec::string(value); }
inline Spec boolean(bool value) { return Spec::boolean(value); }
inline Spec nums(const std::vector<double>& values) { return Spec::numbers(values); }
inline Spec arr(std::vector<Spec> items) { return Spec::array(std::move(items)); }
// obj({{"type", str("adam")}, {"lr", num(0.01)}})
inline Spec obj(std::vector<Spec::Field> fields) { return Spec::object(std::move(fields)); }

inline Vec vec(std::initializer_list<double> values) {
  Vec v(static_cast<Index>(values.size()));
  Index i = 0;
  for (double x : values) v[i++] = x;
  return v;
}

// The message of the InvalidArgument `call` throws; fails the test (and returns "") when it
// throws nothing or something else.
template <typename F>
std::string error_of(F&& call) {
  try {
    call();
  } catch (const InvalidArgument& e) {
    return e.what();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "threw a non-InvalidArgument exception: " << e.what();
    return "";
  }
  ADD_FAILURE() << "expected an InvalidArgument, nothing was thrown";
  return "";
}

}  // namespace test
}  // namespace descent

// EXPECT that `statement` throws InvalidArgument whose message contains `text`.
#define EXPECT_THROW_WITH(statement, text)                                                    \
  do {                                                                                        \
    const std::string descent_message_ = ::descent::test::error_of([&] { statement; });      \
    EXPECT_NE(descent_message_.find(text), std::string::npos)                                 \
        << "message: \"" << descent_message_ << "\"\nexpected to contain: \"" << (text) << "\""; \
  } while (0)
