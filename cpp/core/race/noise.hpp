// Gaussian gradient noise for stochastic-gradient races.
//
// The noise is counter-based: the pair of standard normals added at step k
// (0-based) is a pure function of (seed, k), drawn by Marsaglia's polar method
// from a xoshiro256** stream seeded with hash64(seed, k). Consequences:
//  * every runner of a race sees the same noise at the same step (common
//    random numbers: the comparison is fair),
//  * restarting one runner, or the whole race, replays exactly the same noise,
//  * the bits are the same natively and in WebAssembly (see random/rng.hpp).
#pragma once

#include <cstdint>

#include "landscapes/landscape.hpp"
#include "random/rng.hpp"

namespace optlab {

inline Point gradientNoise(std::uint64_t seed, std::uint64_t step) {
  Xoshiro256ss rng(hash64(seed, step));
  Point z;
  rng.normalPair(z.x, z.y);
  return z;
}

}  // namespace optlab
