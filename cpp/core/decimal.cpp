#include "core/decimal.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace descent {
namespace {

// A non-negative integer of any size: 32-bit limbs, least significant first, no zero limb on top.
class Big {
 public:
  explicit Big(std::uint64_t value = 0) {
    for (; value != 0; value >>= 32) limbs_.push_back(static_cast<std::uint32_t>(value));
  }

  bool is_zero() const { return limbs_.empty(); }
  int bits() const {
    if (limbs_.empty()) return 0;
    int top = 0;
    for (std::uint32_t l = limbs_.back(); l != 0; l >>= 1) ++top;
    return 32 * static_cast<int>(limbs_.size() - 1) + top;
  }
  bool bit(int i) const {  // bits below 0 and above the top are 0
    if (i < 0) return false;
    const std::size_t word = static_cast<std::size_t>(i) / 32;
    return word < limbs_.size() && ((limbs_[word] >> (i % 32)) & 1u) != 0;
  }

  // *this = *this * factor + addend
  void mul_add(std::uint32_t factor, std::uint32_t addend) {
    std::uint64_t carry = addend;
    for (auto& l : limbs_) {
      const std::uint64_t t = static_cast<std::uint64_t>(l) * factor + carry;
      l = static_cast<std::uint32_t>(t);
      carry = t >> 32;
    }
    if (carry != 0) limbs_.push_back(static_cast<std::uint32_t>(carry));
  }
  void mul_pow5(int n) {
    for (; n >= 13; n -= 13) mul_add(1220703125u, 0);  // 5^13, the largest power of 5 below 2^32
    std::uint32_t rest = 1;
    while (n-- > 0) rest *= 5;
    mul_add(rest, 0);
  }
  void mul_pow10(int n) {
    mul_pow5(n);
    shift_left(n);
  }
  void shift_left(int n) {
    if (limbs_.empty() || n == 0) return;
    if (const int bits = n % 32; bits != 0) {
      std::uint32_t carry = 0;
      for (auto& l : limbs_) {
        const std::uint32_t next = l >> (32 - bits);
        l = (l << bits) | carry;
        carry = next;
      }
      if (carry != 0) limbs_.push_back(carry);
    }
    limbs_.insert(limbs_.begin(), static_cast<std::size_t>(n / 32), 0u);
  }
  void shift_right_one() {
    std::uint32_t carry = 0;
    for (std::size_t i = limbs_.size(); i-- > 0;) {
      const std::uint32_t next = limbs_[i] & 1u;
      limbs_[i] = (limbs_[i] >> 1) | (carry << 31);
      carry = next;
    }
    trim();
  }
  // Divides by `divisor` in place; returns the remainder.
  std::uint32_t divide(std::uint32_t divisor) {
    std::uint64_t rest = 0;
    for (std::size_t i = limbs_.size(); i-- > 0;) {
      const std::uint64_t t = (rest << 32) | limbs_[i];
      limbs_[i] = static_cast<std::uint32_t>(t / divisor);
      rest = t % divisor;
    }
    trim();
    return static_cast<std::uint32_t>(rest);
  }
  // *this -= other, for other <= *this.
  void subtract(const Big& other) {
    std::int64_t borrow = 0;
    for (std::size_t i = 0; i < limbs_.size(); ++i) {
      std::int64_t t = static_cast<std::int64_t>(limbs_[i]) - borrow - (i < other.limbs_.size() ? other.limbs_[i] : 0);
      borrow = t < 0 ? 1 : 0;
      limbs_[i] = static_cast<std::uint32_t>(t + (borrow << 32));
    }
    trim();
  }
  friend int compare(const Big& a, const Big& b) {
    if (a.limbs_.size() != b.limbs_.size()) return a.limbs_.size() < b.limbs_.size() ? -1 : 1;
    for (std::size_t i = a.limbs_.size(); i-- > 0;)
      if (a.limbs_[i] != b.limbs_[i]) return a.limbs_[i] < b.limbs_[i] ? -1 : 1;
    return 0;
  }

 private:
  void trim() {
    while (!limbs_.empty() && limbs_.back() == 0) limbs_.pop_back();
  }
  std::vector<std::uint32_t> limbs_;
};

// The decimal digits of n, most significant first ("" for 0).
std::string decimal_digits(Big n) {
  std::vector<std::uint32_t> chunks;  // of 9 digits, least significant first
  while (!n.is_zero()) chunks.push_back(n.divide(1000000000u));
  std::string out;
  for (std::size_t i = chunks.size(); i-- > 0;) {
    std::string chunk = std::to_string(chunks[i]);
    if (i + 1 < chunks.size()) chunk.insert(0, 9 - chunk.size(), '0');
    out += chunk;
  }
  return out;
}

// (q + a fraction, nonzero when `sticky`) * 2^exp2, with 2^59 <= q < 2^60, rounded to the nearest
// double, ties to even; subnormals keep fewer bits.
double round_to_double(std::uint64_t q, int exp2, bool sticky) {
  const int top = 59 + exp2;  // the exponent of q's leading bit
  if (top > 1023) return HUGE_VAL;
  const int keep = top >= -1022 ? 53 : 53 - (-1022 - top);
  if (keep < 0) return 0.0;  // below half the smallest subnormal
  const int drop = 60 - keep;
  const std::uint64_t rest = q & ((std::uint64_t{1} << drop) - 1), half = std::uint64_t{1} << (drop - 1);
  std::uint64_t kept = q >> drop;
  if (rest > half || (rest == half && (sticky || (kept & 1u) != 0))) ++kept;
  return std::ldexp(static_cast<double>(kept), exp2 + drop);  // exact: kept has at most 53 bits
}

// floor(a * 2^k / b) < 2^60, by binary long division; `sticky` tells a nonzero remainder.
std::uint64_t quotient(Big a, Big b, int k, bool& sticky) {
  if (k >= 0) a.shift_left(k);
  else b.shift_left(-k);
  b.shift_left(59);
  std::uint64_t q = 0;
  for (int i = 59; i >= 0; --i, b.shift_right_one()) {
    if (compare(a, b) < 0) continue;
    a.subtract(b);
    q |= std::uint64_t{1} << i;
  }
  sticky = !a.is_zero();
  return q;
}

constexpr double kExactPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

}  // namespace

std::string format_general(double value, int precision) {
  if (std::isnan(value)) return std::signbit(value) ? "-nan" : "nan";
  std::string out = std::signbit(value) ? "-" : "";
  if (std::isinf(value)) return out + "inf";
  if (value == 0) return out + "0";
  // |value| = m 2^e exactly, and so = digits 10^shift: for e < 0, m 2^e = m 5^-e 10^e.
  std::uint64_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  const int biased = static_cast<int>((bits >> 52) & 0x7ff);
  std::uint64_t m = bits & ((std::uint64_t{1} << 52) - 1);
  if (biased != 0) m |= std::uint64_t{1} << 52;
  const int e = biased == 0 ? -1074 : biased - 1075;
  Big n(m);
  if (e >= 0) n.shift_left(e);
  else n.mul_pow5(-e);
  std::string digits = decimal_digits(n);
  int exponent = static_cast<int>(digits.size()) - 1 + (e < 0 ? e : 0);  // of the leading digit

  const std::size_t p = static_cast<std::size_t>(precision);
  if (digits.size() > p) {  // round to p digits, half to even
    const bool rest = digits.find_first_not_of('0', p + 1) != std::string::npos;
    const bool up = digits[p] > '5' || (digits[p] == '5' && (rest || (digits[p - 1] - '0') % 2 == 1));
    digits.resize(p);
    std::size_t i = p;
    while (up && i > 0 && digits[i - 1] == '9') digits[--i] = '0';
    if (up && i == 0) {
      digits.insert(0, "1");  // 99.9 -> 100: one digit more in front, one less behind
      digits.pop_back();
      ++exponent;
    } else if (up) {
      ++digits[i - 1];
    }
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();

  const int count = static_cast<int>(digits.size());
  if (exponent < -4 || exponent >= precision) {  // d.ddde+XX
    out += digits[0];
    if (count > 1) out += "." + digits.substr(1);
    out += exponent < 0 ? "e-" : "e+";
    const int magnitude = std::abs(exponent);
    if (magnitude < 10) out += '0';
    return out + std::to_string(magnitude);
  }
  if (exponent < 0) return out + "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
  if (count <= exponent + 1) return out + digits + std::string(static_cast<std::size_t>(exponent + 1 - count), '0');
  return out + digits.substr(0, static_cast<std::size_t>(exponent + 1)) + "." + digits.substr(static_cast<std::size_t>(exponent + 1));
}

double parse_decimal(std::string_view text) {
  std::size_t i = 0;
  const double sign = !text.empty() && text[0] == '-' ? -1.0 : 1.0;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) ++i;
  std::string digits;      // significant digits: the value is digits * 10^exponent
  long long exponent = 0;
  bool fraction = false;
  for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
    if (text[i] == '.') {
      fraction = true;
      continue;
    }
    if (fraction) --exponent;
    if (!digits.empty() || text[i] != '0') digits += text[i];
  }
  if (i < text.size()) {  // the exponent, saturated far beyond any double's
    const bool negative = ++i < text.size() && text[i] == '-';
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    long long written = 0;
    for (; i < text.size(); ++i) written = std::min(written * 10 + (text[i] - '0'), 1000000000LL);
    exponent += negative ? -written : written;
  }
  while (!digits.empty() && digits.back() == '0') {
    digits.pop_back();
    ++exponent;
  }
  if (digits.empty()) return sign * 0.0;
  const long long n = static_cast<long long>(digits.size());
  if (n + exponent > 309) return sign * HUGE_VAL;  // >= 1e309
  if (n + exponent <= -324) return sign * 0.0;    // < 1e-324, under half the smallest subnormal
  // A double's halfway points have at most 767 significant digits: past 800, the digits only
  // tell that the value lies above the truncation, which a final 1 keeps (the last digit is not 0).
  if (n > 800) {
    exponent += n - 801;
    digits.resize(800);
    digits += '1';
  }

  // Small enough for one exact conversion and one correctly rounded product (Clinger's fast path).
  if (digits.size() <= 15 && exponent >= -22 && exponent <= 22) {
    double d = 0;
    for (char c : digits) d = d * 10 + (c - '0');
    return sign * (exponent < 0 ? d / kExactPowersOfTen[-exponent] : d * kExactPowersOfTen[exponent]);
  }

  Big d;
  for (char c : digits) d.mul_add(10, static_cast<std::uint32_t>(c - '0'));
  std::uint64_t q = 0;
  int exp2 = 0;
  bool sticky = false;
  if (exponent >= 0) {
    d.mul_pow10(static_cast<int>(exponent));
    const int b = d.bits();
    for (int k = 0; k < 60; ++k)
      if (d.bit(b - 60 + k)) q |= std::uint64_t{1} << k;
    for (int k = 0; k < b - 60 && !sticky; ++k) sticky = d.bit(k);
    exp2 = b - 60;
  } else {
    Big s(1);
    s.mul_pow10(static_cast<int>(-exponent));
    int k = 59 - (d.bits() - s.bits());  // d 2^k / s lies in (2^58, 2^60)
    q = quotient(d, s, k, sticky);
    if (q < (std::uint64_t{1} << 59)) q = quotient(d, s, ++k, sticky);
    exp2 = -k;
  }
  return sign * round_to_double(q, exp2, sticky);
}

}  // namespace descent
