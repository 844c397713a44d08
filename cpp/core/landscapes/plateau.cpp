// A plateau with a hole: f(x, y) = 1 - exp(-(x^2 + y^2) / w^2).
// Away from the hole the surface is flat to many digits and the gradient
// vanishes exponentially (|grad f| = 2 r/w^2 exp(-r^2/w^2), about 2e-4 at the
// suggested start): plain SGD is "stuck", while Adam-like methods, which
// normalise the step, walk off the plateau. One minimum, global, at (0, 0),
// value 0, Hessian (2/w^2) I.
#include <cmath>
#include <memory>

#include "basic_landscape.hpp"
#include "builtin.hpp"

namespace optlab {
namespace {

class Plateau final : public BasicLandscape {
 public:
  explicit Plateau(const LandscapeParams& p)
      : BasicLandscape("plateau", "Plateau", "1 - e^{-(x^2 + y^2)/w^2}", {-4, 4, -4, 4}, {-2.5, 2}, p),
        w2_(p.at("width") * p.at("width")) {
    minima_.push_back(Minimum{{0, 0}, 0.0, true});
  }

  double value(double x, double y) const override { return 1 - std::exp(-(x * x + y * y) / w2_); }
  Point gradient(double x, double y) const override {
    const double k = 2 * std::exp(-(x * x + y * y) / w2_) / w2_;
    return {k * x, k * y};
  }
  Hessian2 hessian(double x, double y) const override {
    const double k = 2 * std::exp(-(x * x + y * y) / w2_) / w2_;
    const double c = 2 / w2_;
    return {k * (1 - c * x * x), -k * c * x * y, k * (1 - c * y * y)};
  }

 private:
  double w2_;
};

}  // namespace

LandscapeEntry plateauEntry() {
  return {{"plateau", "Plateau", "1 - e^{-(x^2 + y^2)/w^2}",
           "A flat plain where the gradient all but vanishes: SGD gets stuck, adaptive methods do not.",
           {{"width", "hole width w", 1, 0.25, 4, false, "Radius of the hole; the plain starts at about 3w."}}},
          [](const LandscapeParams& p) { return std::make_unique<Plateau>(p); }};
}

}  // namespace optlab
