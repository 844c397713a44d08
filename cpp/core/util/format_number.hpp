// Numbers in the core's error and status messages: the stream's default six
// significant digits ("0.001", "1e+06"), short enough for one line of UI text.
#pragma once

#include <sstream>
#include <string>

namespace optlab {

inline std::string formatNumber(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

}  // namespace optlab
