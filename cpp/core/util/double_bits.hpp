// The bit pattern of a double, for bit-exact comparisons and digests.
// (memcpy rather than std::bit_cast: Emscripten 3.1.6's libc++ has no std::bit_cast.)
#pragma once

#include <cstdint>
#include <cstring>

namespace optlab {

inline std::uint64_t doubleBits(double v) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &v, sizeof v);
  return bits;
}

inline bool sameBits(double a, double b) { return doubleBits(a) == doubleBits(b); }

}  // namespace optlab
