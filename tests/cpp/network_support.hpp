// Helpers shared by the network tests (not a test file itself).
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "util/double_bits.hpp"

namespace optlab::test {

// 64-bit FNV-1a over the IEEE-754 bit patterns, as 16 hex digits.
class Fnv64 {
 public:
  void add(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) {
      h_ ^= (v >> (8 * i)) & 0xFF;
      h_ *= 0x100000001B3ULL;
    }
  }
  void add(double v) { add(doubleBits(v)); }
  void add(const std::vector<double>& v) {
    for (double x : v) add(x);
  }
  void add(const std::vector<int>& v) {
    for (int x : v) add(static_cast<std::uint64_t>(static_cast<std::int64_t>(x)));
  }
  std::string hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h_));
    return buf;
  }

 private:
  std::uint64_t h_ = 0xCBF29CE484222325ULL;
};

}  // namespace optlab::test
