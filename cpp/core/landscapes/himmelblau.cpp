// Himmelblau's function: f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2.
// Four global minima, all with value 0: (3, 2) exactly and three irrational
// ones refined by Newton's method at construction.
//
// Loss and gradient follow torch autograd's order bit for bit (§3):
//   a = (x*x + y) - 11;  b = (x + y*y) - 7;  f = a*a + b*b;
//   gx = (2*a)*(2*x) + 2*b;  gy = 2*a + (2*b)*(2*y).
#include <memory>

#include "basic_landscape.hpp"
#include "builtin.hpp"

namespace optlab {
namespace {

class Himmelblau final : public BasicLandscape {
 public:
  explicit Himmelblau(const LandscapeParams& p)
      : BasicLandscape("himmelblau", "Himmelblau", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
                       {-5, 5, -5, 5}, {-0.5, -0.5}, p) {
    minima_.push_back(Minimum{{3, 2}, 0.0, true});
    addMinimum({-2.805118, 3.131312}, true);
    addMinimum({-3.779310, -3.283186}, true);
    addMinimum({3.584428, -1.848126}, true);
    for (Minimum& m : minima_) m.value = 0.0;  // exact value; the refined points give ~1e-30
  }

  double value(double x, double y) const override {
    const double a = (x * x + y) - 11, b = (x + y * y) - 7;
    return a * a + b * b;
  }
  Point gradient(double x, double y) const override {
    const double a = (x * x + y) - 11, b = (x + y * y) - 7;
    return {(2 * a) * (2 * x) + 2 * b, 2 * a + (2 * b) * (2 * y)};
  }
  Hessian2 hessian(double x, double y) const override {
    const double a = x * x + y - 11, b = x + y * y - 7;
    return {2 * (4 * x * x + 2 * a + 1), 4 * (x + y), 2 * (1 + 4 * y * y + 2 * b)};
  }
};

}  // namespace

LandscapeEntry himmelblauEntry() {
  return {{"himmelblau", "Himmelblau", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
           "Four equally good minima: where you start decides where you end.", {}},
          [](const LandscapeParams& p) { return std::make_unique<Himmelblau>(p); }};
}

}  // namespace optlab
