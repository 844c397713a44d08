// The saddle f(x, y) = x^2 - y^2: unbounded below, no minimum at all. The
// origin is a stationary point with Hessian eigenvalues 2 and -2.
//
// Loss and gradient follow torch autograd's order bit for bit (§3):
//   f = x*x - y*y;  gx = 2*x;  gy = -(2*y).
#include <memory>

#include "basic_landscape.hpp"
#include "builtin.hpp"

namespace optlab {
namespace {

class Saddle final : public BasicLandscape {
 public:
  explicit Saddle(const LandscapeParams& p)
      : BasicLandscape("saddle", "Saddle", "x^2 - y^2", {-2, 2, -2, 2}, {-1, 0.001}, p) {}

  double value(double x, double y) const override { return x * x - y * y; }
  Point gradient(double x, double y) const override { return {2 * x, -(2 * y)}; }
  Hessian2 hessian(double, double) const override { return {2, 0, -2}; }
};

}  // namespace

LandscapeEntry saddleEntry() {
  return {{"saddle", "Saddle", "x^2 - y^2",
           "A saddle point: plain gradient descent started near the ridge lingers there before escaping.",
           {}},
          [](const LandscapeParams& p) { return std::make_unique<Saddle>(p); }};
}

}  // namespace optlab
