// The one range of every seed a caller gives the core (noise, dataset, weights, batches):
// a whole number from 0 to 2^53 - 1, every integer a JavaScript number holds exactly, so a
// seed in a link or a JS call always means the same generator.
#pragma once

#include <cstdint>
#include <string>

namespace optlab {

inline constexpr double kMaxSeed = 9007199254740991.0;  // 2^53 - 1

// Throws std::invalid_argument("Invalid noise seed: must be a whole number from 0 to 2^53-1")
// (with `what` in place of "noise seed") for NaN, a fraction, a negative or a too large value.
std::uint64_t seedFromNumber(double seed, const std::string& what);

}  // namespace optlab
