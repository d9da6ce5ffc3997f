// Decimal text to and from double, without the C library's printf and strtod: in WebAssembly
// those bring 22 KB of code, since musl computes them in 128-bit long double, emulated in
// software. Both functions here are exact (a small big-integer type settles the hard cases), so
// they give what glibc's printf("%.*g") and strtod give, bit for bit and character for character;
// tests/cpp/decimal_test.cpp checks them against the C library natively, on many values.
#pragma once

#include <string>
#include <string_view>

namespace descent {

// printf("%.<precision>g", value): `precision` significant digits (1 to 17), rounded half to
// even from the exact binary value, trailing zeros dropped; "inf", "-inf", "nan" like printf.
std::string format_general(double value, int precision);

// The double nearest to a decimal number (ties to even), as strtod gives it: `text` is
// [+-] (digits [. digits] | . digits) [(e|E) [+-] digits], which the caller has checked. Out of
// range it is +-infinity or +-0, as strtod's.
double parse_decimal(std::string_view text);

}  // namespace descent
