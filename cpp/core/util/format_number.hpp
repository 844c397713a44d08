// Numbers in the core's error and status messages: %g with six significant
// digits by default ("0.001", "1e+06"), short enough for one line of UI text.
// snprintf rather than std::ostringstream: iostreams would add ~100 KB of libc++
// to the WebAssembly module for this one use.
#pragma once

#include <cstdio>
#include <string>

namespace optlab {

inline std::string formatNumber(double v, int significantDigits = 6) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*g", significantDigits, v);
  return buffer;
}

}  // namespace optlab
