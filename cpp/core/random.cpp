#include "core/random.hpp"

#include <cmath>

#include "core/error.hpp"

namespace descent {
namespace {

constexpr std::uint64_t kGolden = 0x9E3779B97F4A7C15ULL;  // splitmix64's increment, 2^64 / phi

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// The high and low 64 bits of a * b, in portable code (no __int128: MSVC lacks it).
std::uint64_t mul_high(std::uint64_t a, std::uint64_t b, std::uint64_t& low) {
  const std::uint64_t a_lo = a & 0xFFFFFFFFULL, a_hi = a >> 32, b_lo = b & 0xFFFFFFFFULL, b_hi = b >> 32;
  const std::uint64_t ll = a_lo * b_lo, lh = a_lo * b_hi, hl = a_hi * b_lo, hh = a_hi * b_hi;
  const std::uint64_t middle = (ll >> 32) + (lh & 0xFFFFFFFFULL) + (hl & 0xFFFFFFFFULL);
  low = (middle << 32) | (ll & 0xFFFFFFFFULL);
  return hh + (lh >> 32) + (hl >> 32) + (middle >> 32);
}

}  // namespace

std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

Rng::Rng(std::uint64_t seed) : seed_(seed) {
  // splitmix64 fills the state: never all zero, and nearby seeds give unrelated states.
  std::uint64_t x = seed;
  for (auto& word : s_) word = mix64(x += kGolden);
}

Rng Rng::from_state(const std::array<std::uint64_t, 4>& state) {
  if (state[0] == 0 && state[1] == 0 && state[2] == 0 && state[3] == 0)
    fail("internal: Rng::from_state needs a state that is not all zero");
  Rng rng;
  rng.s_ = state;
  rng.seed_ = mix64(state[0] ^ mix64(state[1] ^ mix64(state[2] ^ mix64(state[3]))));
  return rng;
}

std::uint64_t Rng::next() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

double Rng::uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

double Rng::uniform(double a, double b) { return a + (b - a) * uniform(); }

double Rng::normal() {
  // Marsaglia's polar method: a point uniform in the unit disc gives a normal deviate with one
  // log and one sqrt, no trigonometry. The second deviate of the pair is dropped, so the
  // generator holds no state beyond xoshiro's 256 bits.
  for (;;) {
    const double u = 2 * uniform() - 1, v = 2 * uniform() - 1;
    const double s = u * u + v * v;
    if (s < 1 && s > 0) return u * std::sqrt(-2 * portable_log(s) / s);
  }
}

std::uint64_t Rng::below(std::uint64_t n) {
  if (n == 0) fail("internal: Rng::below needs n > 0");
  // Lemire, "Fast random integer generation in an interval" (2019): the high word of next() * n,
  // rejecting the few low words that would make some results more likely than others.
  std::uint64_t low;
  std::uint64_t high = mul_high(next(), n, low);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n
    while (low < threshold) high = mul_high(next(), n, low);
  }
  return high;
}

Rng Rng::fork(std::uint64_t stream) const {
  // Two rounds of mixing so that (seed, stream) and (seed', stream') collide only by chance.
  return Rng(mix64(mix64(seed_ + kGolden) ^ mix64(stream * kGolden + 0xD1B54A32D192ED03ULL)));
}

double portable_log(double x) {
  if (!(x > 0) || !std::isfinite(x)) fail("internal: portable_log needs a finite x > 0, got " + format_number(x));
  int e;
  double m = std::frexp(x, &e);  // x = m 2^e, m in [0.5, 1): exact
  if (m < 0.70710678118654752440) {
    m *= 2;  // now m in [sqrt(1/2), sqrt(2)), exact
    --e;
  }
  // log(m) = 2 atanh(s) with s = (m - 1) / (m + 1), |s| < 0.1716: the odd series converges fast;
  // 12 terms leave a truncation error below 1e-19.
  const double s = (m - 1) / (m + 1), s2 = s * s;
  double sum = 1.0 / 25;
  for (int k = 11; k >= 0; --k) sum = 1.0 / (2 * k + 1) + s2 * sum;
  // ln 2 split in a part with trailing zero bits (exact times e) and the rest.
  constexpr double kLn2High = 6.93147180369123816490e-01, kLn2Low = 1.90821492927058770002e-10;
  const double de = static_cast<double>(e);
  return de * kLn2High + (2 * s * sum + de * kLn2Low);
}

}  // namespace descent
