// Portable, seeded random numbers: the same bits natively and in WebAssembly.
//
// std::normal_distribution (and the other <random> distributions) are not
// specified bit for bit and differ between libstdc++, libc++ and MSVC, so the
// core never uses them. Here:
//  * splitmix64 (Steele, Lea, Flood 2014) seeds and hashes,
//  * xoshiro256** 1.0 (Blackman & Vigna 2018) is the stream generator,
//  * uniform doubles take the top 53 bits: (u >> 11) * 2^-53, exact in [0, 1),
//  * normals use Marsaglia's polar method, which needs only +, -, *, /, one
//    std::log and one std::sqrt per pair. sqrt is correctly rounded by IEEE 754
//    everywhere. log is not required to be; glibc (>= 2.28) and the musl used by
//    Emscripten both implement it with the same ARM optimized-routines
//    algorithm, so they agree bit for bit in practice. noise_test.cpp pins a
//    golden digest of the first normals, and the same test runs in the wasm
//    build, so any disagreement shows up there.
#pragma once

#include <cmath>
#include <cstdint>

namespace optlab {

inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// A stateless hash of (seed, index): the splitmix64 output for a state derived
// from both. Used for per-step decisions (the sparse gradient mask).
inline std::uint64_t hash64(std::uint64_t seed, std::uint64_t index) {
  std::uint64_t s = seed ^ (index * 0xD1B54A32D192ED03ULL);
  return splitmix64(s);
}

// Top 53 bits as a double in [0, 1).
inline double toUnit(std::uint64_t u) { return static_cast<double>(u >> 11) * 0x1.0p-53; }

class Xoshiro256ss {
 public:
  explicit Xoshiro256ss(std::uint64_t seed) {
    std::uint64_t sm = seed;
    for (std::uint64_t& w : s_) w = splitmix64(sm);
  }

  std::uint64_t next() {
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

  double uniform() { return toUnit(next()); }

  // Two independent standard normals (Marsaglia polar method).
  void normalPair(double& z0, double& z1) {
    double u, v, s;
    do {
      u = 2.0 * uniform() - 1.0;
      v = 2.0 * uniform() - 1.0;
      s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double f = std::sqrt(-2.0 * std::log(s) / s);
    z0 = u * f;
    z1 = v * f;
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

}  // namespace optlab
