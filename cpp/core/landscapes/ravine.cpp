// A quadratic ravine with condition number kappa, optionally rotated:
//   f(x, y) = 0.5 (u^2 + kappa v^2),  u = cos(t) x + sin(t) y,  v = -sin(t) x + cos(t) y.
// The Hessian R^T diag(1, kappa) R has eigenvalues 1 and kappa everywhere, so
// its condition number is kappa. One minimum, global, at the origin.
//
// Unrotated (angle 0) it follows torch autograd's order bit for bit (§3):
//   f = 0.5*(x*x + kappa*(y*y));  gx = x;  gy = (0.5*kappa)*(2*y)
// (for kappa = 50 that is the spec's `25*(2*y)`; 0.5*kappa is exact).
#include <cmath>
#include <memory>
#include <numbers>
#include <stdexcept>

#include "basic_landscape.hpp"
#include "builtin.hpp"

namespace optlab {
namespace {

class Ravine final : public BasicLandscape {
 public:
  explicit Ravine(const LandscapeParams& p)
      : BasicLandscape("ravine", "Ravine", "\\tfrac12\\left(u^2 + \\kappa\\, v^2\\right),\\ "
                       "\\binom{u}{v} = R_{\\theta}\\binom{x}{y}",
                       {-5, 5, -3, 3}, {-4, 1}, p),
        kappa_(p.at("kappa")),
        angle_(p.at("angle")) {
    if (!(kappa_ > 0)) throw std::invalid_argument("Ravine: kappa must be > 0");
    const double t = angle_ * std::numbers::pi / 180.0;
    c_ = std::cos(t);
    s_ = std::sin(t);
    rotated_ = angle_ != 0;
    minima_.push_back(Minimum{{0, 0}, 0.0, true});
  }

  double value(double x, double y) const override {
    if (!rotated_) return 0.5 * (x * x + kappa_ * (y * y));
    const double u = c_ * x + s_ * y, v = -s_ * x + c_ * y;
    return 0.5 * (u * u + kappa_ * (v * v));
  }
  Point gradient(double x, double y) const override {
    if (!rotated_) return {x, (0.5 * kappa_) * (2 * y)};
    const double u = c_ * x + s_ * y, v = -s_ * x + c_ * y;
    const double gu = u, gv = kappa_ * v;
    return {c_ * gu - s_ * gv, s_ * gu + c_ * gv};
  }
  Hessian2 hessian(double, double) const override {
    // R^T diag(1, k) R with R = [[c, s], [-s, c]].
    return {c_ * c_ + kappa_ * s_ * s_, c_ * s_ - kappa_ * s_ * c_, s_ * s_ + kappa_ * c_ * c_};
  }

 private:
  double kappa_, angle_, c_ = 1, s_ = 0;
  bool rotated_ = false;
};

}  // namespace

LandscapeEntry ravineEntry() {
  return {{"ravine", "Ravine", "\\tfrac12\\left(u^2 + \\kappa\\, v^2\\right)",
           "A long narrow valley: the Hessian's condition number kappa sets how badly SGD zig-zags.",
           {{"kappa", "condition number \\kappa", 50, 1, 1000, false,
             "Ratio of the steepest to the flattest curvature."},
            {"angle", "rotation \\theta (degrees)", 0, -180, 180, false,
             "Rotates the valley away from the coordinate axes."}}},
          [](const LandscapeParams& p) { return std::make_unique<Ravine>(p); }};
}

}  // namespace optlab
