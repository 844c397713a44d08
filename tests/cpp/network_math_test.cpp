// The portable elementary functions (util/portable_math.hpp) against libm:
// a few ulps everywhere the network and the datasets use them.
#include <catch2/catch.hpp>

#include <cmath>

#include "util/portable_math.hpp"

using namespace optlab;

namespace {
double relErr(double a, double b) { return b == 0 ? std::fabs(a) : std::fabs(a - b) / std::fabs(b); }
}  // namespace

TEST_CASE("PortableMath_AgreesWithLibm", "[network]") {
  double worstExp = 0, worstLog = 0, worstTanh = 0, worstSin = 0, worstCos = 0, worstExpm1 = 0;
  for (int i = -4000; i <= 4000; ++i) {
    const double x = i * 0.01 + 0.00123;  // [-40, 40]
    worstExp = std::max(worstExp, relErr(pmath::exp(x), std::exp(x)));
    worstExpm1 = std::max(worstExpm1, relErr(pmath::expm1(x * 0.01), std::expm1(x * 0.01)));
    worstTanh = std::max(worstTanh, relErr(pmath::tanh(x * 0.1), std::tanh(x * 0.1)));
    worstSin = std::max(worstSin, std::fabs(pmath::sin(x) - std::sin(x)));
    worstCos = std::max(worstCos, std::fabs(pmath::cos(x) - std::cos(x)));
    const double y = std::ldexp(1.0 + (i + 4000) / 8001.0, i / 40);
    worstLog = std::max(worstLog, std::fabs(pmath::log(y) - std::log(y)) / std::max(1.0, std::fabs(std::log(y))));
  }
  CHECK(worstExp < 1e-15);
  CHECK(worstExpm1 < 1e-15);
  CHECK(worstTanh < 1e-15);
  CHECK(worstSin < 1e-15);
  CHECK(worstCos < 1e-15);
  CHECK(worstLog < 1e-15);
  CHECK(pmath::exp(0.0) == 1.0);
  CHECK(pmath::log(1.0) == 0.0);
  CHECK(pmath::tanh(0.0) == 0.0);
  CHECK(pmath::tanh(30.0) == 1.0);
  CHECK(pmath::tanh(-30.0) == -1.0);
  CHECK(pmath::exp(-800.0) == 0.0);
  CHECK(std::isinf(pmath::exp(800.0)));
  CHECK(std::isinf(pmath::log(0.0)));
  CHECK(std::isnan(pmath::log(-1.0)));
}
