// The library's one random number generator: xoshiro256** (Blackman and Vigna, "Scrambled
// linear pseudorandom number generators", 2018; https://prng.di.unimi.it/xoshiro256starstar.c)
// seeded through splitmix64 (https://prng.di.unimi.it/splitmix64.c), as its authors recommend.
// Every draw, including normal(), uses only integer arithmetic and correctly rounded IEEE
// operations (+, *, /, sqrt), so a seed gives the same numbers bit for bit in the native build and
// in WebAssembly. <random>'s distributions are never used: they differ between standard libraries.
#pragma once

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace descent {

// Stream ids for Rng::fork, one per purpose, so that drawing more for one purpose (a bigger data
// set, another initialisation) never shifts the numbers another purpose sees.
namespace streams {
constexpr std::uint64_t kData = 1;     // generating a data set's examples
constexpr std::uint64_t kInit = 2;     // weight initialisation
constexpr std::uint64_t kBatches = 3;  // mini-batch order
constexpr std::uint64_t kSplit = 4;    // the train/test split
constexpr std::uint64_t kDropout = 5;  // dropout masks
}  // namespace streams

class Rng {
 public:
  explicit Rng(std::uint64_t seed);
  // A generator in a given raw state (not all zero), for the reference algorithm's test vectors.
  static Rng from_state(const std::array<std::uint64_t, 4>& state);

  std::uint64_t seed() const { return seed_; }

  std::uint64_t next();
  double uniform();                    // in [0, 1), from the top 53 bits: multiples of 2^-53
  double uniform(double a, double b);  // in [a, b) (up to rounding at b)
  double normal();                     // standard normal: Marsaglia's polar method
  double normal(double mean, double std) { return mean + std * normal(); }
  std::uint64_t below(std::uint64_t n);  // uniform in [0, n), unbiased (Lemire); n must be > 0

  // Fisher-Yates: every permutation equally likely.
  template <class T>
  void shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) {
      const auto j = static_cast<std::size_t>(below(i));
      if (j != i - 1) std::swap(items[i - 1], items[j]);
    }
  }

  // An independent generator for a named purpose (see `streams`), derived from this generator's
  // seed and `stream` only: it does not depend on, or change, how much this one has drawn.
  Rng fork(std::uint64_t stream) const;

 private:
  Rng() = default;
  std::uint64_t seed_ = 0;
  std::array<std::uint64_t, 4> s_{};
};

// splitmix64's output function: a bijective 64-bit mixer (Stafford's "Mix13" variant).
std::uint64_t mix64(std::uint64_t z);

// log(x) for finite x > 0 from +, *, / and frexp/ldexp only, so that it rounds the same on every
// platform (libm's log may differ in the last bit between glibc, musl and others). Within a few
// ulps of the exact value.
double portable_log(double x);

}  // namespace descent
