// Beale's function:
//   f(x, y) = (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2.
// One minimum, global, at (3, 0.5) with value 0; in the plotting domain every
// other stationary point is a saddle (checked by multi-start Newton in the tests).
//
// Loss and gradient follow torch autograd's order bit for bit (§3): the
// gradient sums each variable's contributions in reverse creation order.
#include <memory>

#include "basic_landscape.hpp"
#include "builtin.hpp"

namespace optlab {
namespace {

class Beale final : public BasicLandscape {
 public:
  explicit Beale(const LandscapeParams& p)
      : BasicLandscape("beale", "Beale",
                       "(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2",
                       {-4.5, 4.5, -4.5, 4.5}, {1, 1.5}, p) {
    minima_.push_back(Minimum{{3, 0.5}, 0.0, true});
  }

  double value(double x, double y) const override {
    const double y2 = y * y, y3 = y2 * y;
    const double t1 = (1.5 - x) + x * y, t2 = (2.25 - x) + x * y2, t3 = (2.625 - x) + x * y3;
    return (t1 * t1 + t2 * t2) + t3 * t3;
  }
  Point gradient(double x, double y) const override {
    const double y2 = y * y, y3 = y2 * y;
    const double t1 = (1.5 - x) + x * y, t2 = (2.25 - x) + x * y2, t3 = (2.625 - x) + x * y3;
    const double d1 = 2 * t1, d2 = 2 * t2, d3 = 2 * t3;
    const double gx = ((((d3 * y3 - d3) + d2 * y2) - d2) + d1 * y) - d1;
    const double gy = ((d3 * x) * (3 * y2) + (d2 * x) * (2 * y)) + d1 * x;
    return {gx, gy};
  }
  Hessian2 hessian(double x, double y) const override {
    // H = 2 sum_i (grad t_i grad t_i^T + t_i hess t_i).
    const double y2 = y * y, y3 = y2 * y;
    const double t1 = 1.5 - x + x * y, t2 = 2.25 - x + x * y2, t3 = 2.625 - x + x * y3;
    const double a1 = y - 1, b1 = x, a2 = y2 - 1, b2 = 2 * x * y, a3 = y3 - 1, b3 = 3 * x * y2;
    const double xx = 2 * (a1 * a1 + a2 * a2 + a3 * a3);
    const double xy = 2 * (a1 * b1 + a2 * b2 + a3 * b3 + t1 * 1 + t2 * (2 * y) + t3 * (3 * y2));
    const double yy = 2 * (b1 * b1 + b2 * b2 + b3 * b3 + t2 * (2 * x) + t3 * (6 * x * y));
    return {xx, xy, yy};
  }
};

}  // namespace

LandscapeEntry bealeEntry() {
  return {{"beale", "Beale", "(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2",
           "Sharp ridges and a flat basin: steps that are right in one place are far too big in another.",
           {}},
          [](const LandscapeParams& p) { return std::make_unique<Beale>(p); }};
}

}  // namespace optlab
