// Rosenbrock's banana valley: f(x, y) = (a - x)^2 + b (y - x^2)^2.
// One minimum, global, at (a, a^2) with value 0 (true in 2-D for every a, b > 0).
//
// Loss and gradient follow torch autograd's operation order bit for bit
// (UPDATE_RULES.md §3):  r = y - x*x;  f = (a-x)*(a-x) + b*(r*r);
//   dr = (2*b)*r;  gx = -(2*(a-x)) + (-dr)*(2*x);  gy = dr.
// With b = 100, 2*b = 200 exactly, so this is the spec's `dr = 200*r`.
#include <memory>

#include "basic_landscape.hpp"
#include "builtin.hpp"

namespace optlab {
namespace {

class Rosenbrock final : public BasicLandscape {
 public:
  explicit Rosenbrock(const LandscapeParams& p)
      : BasicLandscape("rosenbrock", "Rosenbrock", "(a-x)^2 + b\\,(y-x^2)^2", {}, {-1.5, 2}, p),
        a_(p.at("a")),
        b_(p.at("b")) {
    const double a2 = a_ * a_;
    domain_ = Domain{-2, a_ > 1.5 ? a_ + 0.5 : 2, -1, a2 > 2.5 ? a2 + 0.5 : 3};
    minima_.push_back(Minimum{{a_, a2}, 0.0, true});
  }

  double value(double x, double y) const override {
    const double r = y - x * x;
    return (a_ - x) * (a_ - x) + b_ * (r * r);
  }
  Point gradient(double x, double y) const override {
    const double r = y - x * x;
    const double dr = (2 * b_) * r;
    return {-(2 * (a_ - x)) + (-dr) * (2 * x), dr};
  }
  Hessian2 hessian(double x, double y) const override {
    return {2 - 4 * b_ * (y - x * x) + 8 * b_ * x * x, -4 * b_ * x, 2 * b_};
  }

 private:
  double a_, b_;
};

}  // namespace

LandscapeEntry rosenbrockEntry() {
  return {{"rosenbrock", "Rosenbrock", "(a-x)^2 + b\\,(y-x^2)^2",
           "A curved, flat-bottomed valley: easy to find, hard to follow to the minimum at (a, a^2).",
           {{"a", "a", 1, 0.25, 2, false, "Position of the minimum (a, a^2)."},
            {"b", "b", 100, 1, 1000, false, "Steepness of the valley walls."}}},
          [](const LandscapeParams& p) { return std::make_unique<Rosenbrock>(p); }};
}

}  // namespace optlab
