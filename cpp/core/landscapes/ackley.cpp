// Ackley's function (a = 20, b = 0.2, c = 2 pi):
//   f(x, y) = -a exp(-b sqrt((x^2 + y^2)/2)) - exp((cos cx + cos cy)/2) + a + e.
// A nearly flat outer region full of small dimples, with a deep funnel at the
// origin (global minimum, value 0). The local minima sit close to the integer
// points; all of those inside the plotting domain [-5, 5]^2 are found at
// construction by Newton's method from each integer point.
//
// The cone term is not differentiable at the origin. There the gradient is
// taken as 0 (the minimal subgradient) and the Hessian as that of the cosine
// term only (the cone's curvature is infinite there).
#include <cmath>
#include <memory>
#include <numbers>

#include "basic_landscape.hpp"
#include "builtin.hpp"

namespace optlab {
namespace {

constexpr double kA = 20, kB = 0.2, kC = 2 * std::numbers::pi;

class Ackley final : public BasicLandscape {
 public:
  explicit Ackley(const LandscapeParams& p)
      : BasicLandscape("ackley", "Ackley",
                       "-20\\,e^{-0.2\\sqrt{(x^2+y^2)/2}} - e^{(\\cos 2\\pi x + \\cos 2\\pi y)/2} + 20 + e",
                       {-5, 5, -5, 5}, {-4.3, 3.7}, p) {
    for (int i = -5; i <= 5; ++i)
      for (int j = -5; j <= 5; ++j) {
        const Point q = newtonRefine(*this, {double(i), double(j)});
        if (q.x < domain_.xmin || q.x > domain_.xmax || q.y < domain_.ymin || q.y > domain_.ymax) continue;
        minima_.push_back(Minimum{q, value(q.x, q.y), false});
      }
    markGlobalMinima();
  }

  double value(double x, double y) const override {
    const double r = std::sqrt(0.5 * (x * x + y * y));
    return -kA * std::exp(-kB * r) - std::exp(0.5 * (std::cos(kC * x) + std::cos(kC * y))) + kA +
           std::numbers::e;
  }
  Point gradient(double x, double y) const override {
    const double r = std::sqrt(0.5 * (x * x + y * y));
    const double e2 = std::exp(0.5 * (std::cos(kC * x) + std::cos(kC * y)));
    const double k = r > 0 ? 0.5 * kA * kB * std::exp(-kB * r) / r : 0.0;
    return {k * x + 0.5 * kC * e2 * std::sin(kC * x), k * y + 0.5 * kC * e2 * std::sin(kC * y)};
  }
  double valueAndGradient(double x, double y, Point& g) const override {
    const double r = std::sqrt(0.5 * (x * x + y * y));
    const double e1 = std::exp(-kB * r);
    const double cx = std::cos(kC * x), cy = std::cos(kC * y);
    const double e2 = std::exp(0.5 * (cx + cy));
    const double k = r > 0 ? 0.5 * kA * kB * e1 / r : 0.0;
    g = {k * x + 0.5 * kC * e2 * std::sin(kC * x), k * y + 0.5 * kC * e2 * std::sin(kC * y)};
    return -kA * e1 - e2 + kA + std::numbers::e;
  }
  Hessian2 hessian(double x, double y) const override {
    const double sx = std::sin(kC * x), sy = std::sin(kC * y), cx = std::cos(kC * x), cy = std::cos(kC * y);
    const double e2 = std::exp(0.5 * (cx + cy));
    Hessian2 h{0.5 * kC * kC * e2 * (cx - 0.5 * sx * sx), -0.25 * kC * kC * e2 * sx * sy,
               0.5 * kC * kC * e2 * (cy - 0.5 * sy * sy)};
    const double r = std::sqrt(0.5 * (x * x + y * y));
    if (r > 0) {
      const double e1 = std::exp(-kB * r);
      const double k = 0.5 * kA * kB * e1 / r;
      const double q = 0.25 * kA * kB * e1 * (kB * r + 1) / (r * r * r);
      h.xx += k - q * x * x;
      h.xy += -q * x * y;
      h.yy += k - q * y * y;
    }
    return h;
  }
};

}  // namespace

LandscapeEntry ackleyEntry() {
  return {{"ackley", "Ackley",
           "-20\\,e^{-0.2\\sqrt{(x^2+y^2)/2}} - e^{(\\cos 2\\pi x + \\cos 2\\pi y)/2} + 20 + e",
           "A flat, dimpled plain around a deep funnel: local minima everywhere, one global one.", {}},
          [](const LandscapeParams& p) { return std::make_unique<Ackley>(p); }};
}

}  // namespace optlab
