// Rastrigin's function: f(x, y) = 2A + (x^2 - A cos 2 pi x) + (y^2 - A cos 2 pi y).
// A separable egg-crate: with A = 10 it has 121 local minima in the plotting
// domain [-5.12, 5.12]^2, near the integer points; the global one is (0, 0)
// with value 0. The minima are computed at construction for the actual A:
// the 1-D minima of x^2 - A cos 2 pi x (sign changes of its derivative,
// bisected to full precision), then every pair of them.
#include <cmath>
#include <memory>
#include <numbers>

#include "basic_landscape.hpp"
#include "builtin.hpp"

namespace optlab {
namespace {

constexpr double kTwoPi = 2 * std::numbers::pi;

class Rastrigin final : public BasicLandscape {
 public:
  explicit Rastrigin(const LandscapeParams& p)
      : BasicLandscape("rastrigin", "Rastrigin",
                       "2A + \\sum_{i\\in\\{x,y\\}} \\left(x_i^2 - A\\cos 2\\pi x_i\\right)",
                       {-5.12, 5.12, -5.12, 5.12}, {-4.2, 3.6}, p),
        A_(p.at("A")) {
    std::vector<double> m1;
    const int n = 20480;
    const double lo = domain_.xmin, hi = domain_.xmax;
    for (int i = 0; i < n; ++i) {
      double a = lo + (hi - lo) * i / n, b = lo + (hi - lo) * (i + 1) / n;
      if (!(d1(a) < 0 && d1(b) >= 0)) continue;
      for (int k = 0; k < 200 && a < b; ++k) {
        const double mid = 0.5 * (a + b);
        if (mid <= a || mid >= b) break;
        (d1(mid) < 0 ? a : b) = mid;
      }
      m1.push_back(d1(b) == 0 ? b : (std::fabs(d1(a)) < std::fabs(d1(b)) ? a : b));
    }
    for (double x : m1)
      for (double y : m1) minima_.push_back(Minimum{{x, y}, value(x, y), false});
    markGlobalMinima();
  }

  double value(double x, double y) const override {
    return 2 * A_ + (x * x - A_ * std::cos(kTwoPi * x)) + (y * y - A_ * std::cos(kTwoPi * y));
  }
  Point gradient(double x, double y) const override { return {d1(x), d1(y)}; }
  Hessian2 hessian(double x, double y) const override { return {d2(x), 0, d2(y)}; }
  double valueAndGradient(double x, double y, Point& g) const override {
    const double sx = std::sin(kTwoPi * x), cx = std::cos(kTwoPi * x);
    const double sy = std::sin(kTwoPi * y), cy = std::cos(kTwoPi * y);
    g = {2 * x + kTwoPi * A_ * sx, 2 * y + kTwoPi * A_ * sy};
    return 2 * A_ + (x * x - A_ * cx) + (y * y - A_ * cy);
  }

 private:
  double d1(double t) const { return 2 * t + kTwoPi * A_ * std::sin(kTwoPi * t); }
  double d2(double t) const { return 2 + kTwoPi * kTwoPi * A_ * std::cos(kTwoPi * t); }
  double A_;
};

}  // namespace

LandscapeEntry rastriginEntry() {
  return {{"rastrigin", "Rastrigin", "2A + \\sum_{i} \\left(x_i^2 - A\\cos 2\\pi x_i\\right)",
           "An egg-crate of local minima around one global minimum: momentum can roll over the bumps.",
           {{"A", "amplitude A", 10, 0, 20, false, "Height of the bumps; 0 leaves a plain bowl."}}},
          [](const LandscapeParams& p) { return std::make_unique<Rastrigin>(p); }};
}

}  // namespace optlab
