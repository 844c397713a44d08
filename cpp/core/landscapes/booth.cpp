// Booth's function: f(x, y) = (x + 2y - 7)^2 + (2x + y - 5)^2, a tilted
// quadratic bowl (Hessian [[10, 8], [8, 10]], eigenvalues 18 and 2, kappa 9).
// One minimum, global, at (1, 3) with value 0.
#include <memory>

#include "basic_landscape.hpp"
#include "builtin.hpp"

namespace optlab {
namespace {

class Booth final : public BasicLandscape {
 public:
  explicit Booth(const LandscapeParams& p)
      : BasicLandscape("booth", "Booth", "(x + 2y - 7)^2 + (2x + y - 5)^2", {-10, 10, -10, 10},
                       {-8, -7}, p) {
    minima_.push_back(Minimum{{1, 3}, 0.0, true});
  }

  double value(double x, double y) const override {
    const double a = x + 2 * y - 7, b = 2 * x + y - 5;
    return a * a + b * b;
  }
  Point gradient(double x, double y) const override {
    const double a = x + 2 * y - 7, b = 2 * x + y - 5;
    return {2 * a + 4 * b, 4 * a + 2 * b};
  }
  Hessian2 hessian(double, double) const override { return {10, 8, 10}; }
};

}  // namespace

LandscapeEntry boothEntry() {
  return {{"booth", "Booth", "(x + 2y - 7)^2 + (2x + y - 5)^2",
           "A tilted quadratic bowl: the easy case, where every sensible optimizer arrives.", {}},
          [](const LandscapeParams& p) { return std::make_unique<Booth>(p); }};
}

}  // namespace optlab
