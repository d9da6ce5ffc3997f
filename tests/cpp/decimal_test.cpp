// format_general and parse_decimal (core/decimal.hpp) against the C library they replace in the
// WebAssembly build: printf's "%.*g" and strtod, here glibc's, on special values, ties, the ends
// of the range, subnormals and a few hundred thousand random values.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "core/decimal.hpp"

namespace descent {
namespace {

std::string printf_g(double value, int precision) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
  return buffer;
}

std::uint64_t bits_of(double value) {
  std::uint64_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

double from_bits(std::uint64_t bits) {
  double value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

// parse_decimal must give strtod's double, bit for bit (the sign of zero included).
void expect_parses_like_strtod(const std::string& text) {
  const double want = std::strtod(text.c_str(), nullptr);
  const double got = parse_decimal(text);
  EXPECT_EQ(bits_of(got), bits_of(want)) << text << ": got " << printf_g(got, 17) << ", strtod " << printf_g(want, 17);
}

TEST(Decimal, FormatsLikePrintf) {
  EXPECT_EQ(format_general(0.95, 10), "0.95");
  EXPECT_EQ(format_general(1e-3, 10), "0.001");
  EXPECT_EQ(format_general(1e-5, 10), "1e-05");
  EXPECT_EQ(format_general(9007199254740991.0, 10), "9.007199255e+15");
  EXPECT_EQ(format_general(0.1 + 0.2, 10), "0.3");
  EXPECT_EQ(format_general(-2.5, 10), "-2.5");
  EXPECT_EQ(format_general(1234567890.0, 10), "1234567890");
  EXPECT_EQ(format_general(12345678905.0, 10), "1.23456789e+10");  // a tie: to the even digit
  EXPECT_EQ(format_general(12345678915.0, 10), "1.234567892e+10");
  EXPECT_EQ(format_general(9999999999.5, 10), "1e+10");             // rounding carries into a new digit
  EXPECT_EQ(format_general(-0.0, 10), "-0");
  EXPECT_EQ(format_general(std::numeric_limits<double>::infinity(), 10), "inf");
  EXPECT_EQ(format_general(-std::numeric_limits<double>::infinity(), 10), "-inf");
  EXPECT_EQ(format_general(std::nan(""), 10), "nan");
  const double specials[] = {5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308,
                             0.5, 1.5, 2.5, 0.125, 1e22, 1e23, 123456.5, 0.0001, 0.00001, 1e16, 4.35, 0.3};
  for (double v : specials)
    for (int p = 1; p <= 17; ++p) EXPECT_EQ(format_general(v, p), printf_g(v, p)) << v << " %." << p << "g";
}

TEST(Decimal, FormatsRandomDoublesLikePrintf) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 100000; ++i) {
    double v = from_bits(rng());
    if (!std::isfinite(v)) continue;
    if (i % 3 == 1) v = static_cast<double>(static_cast<std::int64_t>(rng() % 2000001) - 1000000) / 1000;  // k/1000
    if (i % 3 == 2) v = static_cast<double>(rng() % 100000000000ULL) * 10 + 5;                          // ties
    const int p = i % 4 == 0 ? 10 : 1 + static_cast<int>(rng() % 17);
    ASSERT_EQ(format_general(v, p), printf_g(v, p)) << printf_g(v, 17) << " %." << p << "g";
  }
}

TEST(Decimal, ParsesLikeStrtod) {
  for (const char* text : {"0", "-0", "+0.000", "1", "-1", "0.95", ".5", "5.", "1e-3", "1E3", "-2.5e+2", "00012.3400",
                           "0.1", "0.3", "123456789012345678901234567890", "9007199254740993", "1e22", "1e23",
                           "1.7976931348623157e308", "1.7976931348623158e308", "1.797693134862315808e308", "1e309",
                           "2.2250738585072011e-308", "2.2250738585072012e-308", "4.9406564584124654e-324",
                           "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400", "-1e-400", "1e-99999999999",
                           "1e99999999999", "0e99999", "123.456e-2"})
    expect_parses_like_strtod(text);
  EXPECT_EQ(parse_decimal("1e309"), std::numeric_limits<double>::infinity());
  EXPECT_TRUE(std::signbit(parse_decimal("-0")));
}

TEST(Decimal, ParsesRandomDecimalsLikeStrtod) {
  std::mt19937_64 rng(11);
  for (int i = 0; i < 100000; ++i) {
    std::string text;
    if (i % 2 == 0) {  // a double written with a random number of digits
      double v = from_bits(rng());
      if (!std::isfinite(v)) continue;
      text = printf_g(v, 1 + static_cast<int>(rng() % 20));
    } else {           // random digits, a random point and exponent
      const int digits = 1 + static_cast<int>(rng() % (i % 97 == 1 ? 1200 : 30));
      for (int k = 0; k < digits; ++k) text += static_cast<char>('0' + rng() % 10);
      if (rng() % 2) text.insert(rng() % text.size(), ".");
      if (rng() % 2) text += "e" + std::to_string(static_cast<int>(rng() % 700) - 350);
    }
    expect_parses_like_strtod(text);
    if (HasFailure()) return;
  }
}

// The hardest inputs: exactly halfway between two doubles (ties go to the even one), and a hair
// either side. The midpoint has 54 bits, which x86's 80-bit long double holds exactly.
TEST(Decimal, ParsesHalfwayPointsLikeStrtod) {
  if (std::numeric_limits<long double>::digits < 64) GTEST_SKIP() << "needs a long double with 64-bit mantissa";
  std::mt19937_64 rng(5);
  for (int i = 0; i < 3000; ++i) {
    const double a = from_bits(rng() & 0x7fefffffffffffffULL);  // finite, positive
    const double b = std::nextafter(a, std::numeric_limits<double>::infinity());
    const long double mid = static_cast<long double>(a) + (static_cast<long double>(b) - a) / 2;
    char buffer[1200];
    std::snprintf(buffer, sizeof buffer, "%.800Le", mid);
    std::string exact = buffer;  // every digit of the midpoint, then zeros
    expect_parses_like_strtod(exact);
    std::string above = exact;
    above.insert(above.find('e'), "1");
    expect_parses_like_strtod(above);
    std::snprintf(buffer, sizeof buffer, "%.40Le", mid);  // cut short: just below or above
    expect_parses_like_strtod(buffer);
    if (HasFailure()) return;
  }
}

}  // namespace
}  // namespace descent
