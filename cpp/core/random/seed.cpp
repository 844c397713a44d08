// Seed range check. See seed.hpp.
#include "seed.hpp"

#include <cmath>
#include <stdexcept>

namespace optlab {

std::uint64_t seedFromNumber(double seed, const std::string& what) {
  if (!(seed >= 0) || seed != std::floor(seed) || seed > kMaxSeed) {
    throw std::invalid_argument("Invalid " + what + ": must be a whole number from 0 to 2^53-1");
  }
  return static_cast<std::uint64_t>(seed);
}

}  // namespace optlab
