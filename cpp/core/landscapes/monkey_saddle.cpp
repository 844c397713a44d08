// The monkey saddle f(x, y) = x^3 - 3 x y^2: three valleys, unbounded below,
// no minimum. The origin is a degenerate stationary point (zero Hessian).
#include <memory>

#include "basic_landscape.hpp"
#include "builtin.hpp"

namespace optlab {
namespace {

class MonkeySaddle final : public BasicLandscape {
 public:
  explicit MonkeySaddle(const LandscapeParams& p)
      : BasicLandscape("monkey_saddle", "Monkey saddle", "x^3 - 3xy^2", {-2, 2, -2, 2}, {1.5, 0.1},
                       p) {}

  double value(double x, double y) const override { return x * x * x - 3 * x * y * y; }
  Point gradient(double x, double y) const override { return {3 * x * x - 3 * y * y, -6 * x * y}; }
  Hessian2 hessian(double x, double y) const override { return {6 * x, -6 * y, -6 * x}; }
};

}  // namespace

LandscapeEntry monkeySaddleEntry() {
  return {{"monkey_saddle", "Monkey saddle", "x^3 - 3xy^2",
           "A degenerate saddle: the Hessian vanishes at the origin, so curvature tells you nothing there.",
           {}},
          [](const LandscapeParams& p) { return std::make_unique<MonkeySaddle>(p); }};
}

}  // namespace optlab
