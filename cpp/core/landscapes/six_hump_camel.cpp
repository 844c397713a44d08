// The six-hump camel: f(x, y) = (4 - 2.1x^2 + x^4/3) x^2 + xy + (-4 + 4y^2) y^2.
// Two global minima (+-0.0898, -+0.7126), value -1.0316, and four local ones:
// (-+1.7036, +-0.7961), value -0.2155, and (+-1.6071, +-0.5687), value 2.1043.
// All six are refined by Newton's method at construction.
#include <memory>

#include "basic_landscape.hpp"
#include "builtin.hpp"

namespace optlab {
namespace {

class SixHumpCamel final : public BasicLandscape {
 public:
  explicit SixHumpCamel(const LandscapeParams& p)
      : BasicLandscape("six_hump_camel", "Six-hump camel",
                       "\\left(4 - 2.1x^2 + \\tfrac{x^4}{3}\\right)x^2 + xy + \\left(-4 + 4y^2\\right)y^2",
                       {-2.5, 2.5, -1.5, 1.5}, {-1.9, 1.2}, p) {
    addMinimum({0.0898, -0.7126}, true);
    addMinimum({-0.0898, 0.7126}, true);
    addMinimum({-1.7036, 0.7961}, false);
    addMinimum({1.7036, -0.7961}, false);
    addMinimum({1.6071, 0.5687}, false);
    addMinimum({-1.6071, -0.5687}, false);
    markGlobalMinima();
  }

  double value(double x, double y) const override {
    const double x2 = x * x, y2 = y * y;
    return (4 - 2.1 * x2 + x2 * x2 / 3) * x2 + x * y + (-4 + 4 * y2) * y2;
  }
  Point gradient(double x, double y) const override {
    const double x2 = x * x;
    return {8 * x - 8.4 * x2 * x + 2 * x2 * x2 * x + y, x - 8 * y + 16 * y * y * y};
  }
  Hessian2 hessian(double x, double y) const override {
    const double x2 = x * x;
    return {8 - 25.2 * x2 + 10 * x2 * x2, 1, -8 + 48 * y * y};
  }
};

}  // namespace

LandscapeEntry sixHumpCamelEntry() {
  return {{"six_hump_camel", "Six-hump camel",
           "\\left(4 - 2.1x^2 + \\tfrac{x^4}{3}\\right)x^2 + xy + \\left(-4 + 4y^2\\right)y^2",
           "Two global and four local minima: which basin wins depends on the path.", {}},
          [](const LandscapeParams& p) { return std::make_unique<SixHumpCamel>(p); }};
}

}  // namespace optlab
