// crmath::cos is correctly rounded: reference values from mpmath at 300 bits, including
// arguments where glibc's cos (what torch's schedulers use on Linux) is 1 ulp off.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <utility>
#include <vector>

#include "util/correctly_rounded_cos.hpp"
#include "util/double_bits.hpp"

using namespace optlab;

TEST_CASE("CorrectlyRoundedCos_MatchesMpmath", "[schedules][cos]") {
  const std::vector<std::pair<double, double>> table = {
      {3.7860219158646227, -0.7994427634035012},       // glibc: -0.7994427634035011
      {1.5707963267948968, -1.6081226496766366e-16},   // glibc: -1.6081226496766364e-16
      {8.002169966690982, -0.14764656400248025},       // glibc: -0.14764656400248027
      {8.022281240416794, -0.16750622330473655},       // glibc: -0.16750622330473652
      {0.0, 1.0},
      {1e-08, 1.0},
      {3.141592653589793, -1.0},
      {1.5707963267948966, 6.123233995736766e-17},
      {100.5, 0.9995206253283515},
      {-2.5, -0.8011436155469337},
      {0.7853981633974483, 0.7071067811865476},
      {31415.926, 0.9999998564067062},
      {1000000.3, 0.998343640792922},
  };
  for (const auto& [x, expected] : table) {
    INFO("cos(" << x << ")");
    CHECK(sameBits(crmath::cos(x), expected));
  }
  CHECK(std::isnan(crmath::cos(std::nan(""))));
  CHECK(std::isnan(crmath::cos(INFINITY)));
}

TEST_CASE("CorrectlyRoundedCos_IsWithinOneUlpOfTheLibrary", "[schedules][cos]") {
  // Any libm cos is faithful (< 1 ulp); a correctly rounded one is never further away.
  for (long T = 1; T <= 300; ++T) {
    for (long e = 0; e <= 2 * T; ++e) {
      const double x = std::numbers::pi * static_cast<double>(e) / static_cast<double>(T);
      const double a = crmath::cos(x), b = std::cos(x);
      REQUIRE((a == b || std::nextafter(a, b) == b));
    }
  }
}
