// The Goldstein-Price function f = A(x, y) B(x, y) with
//   A = 1 + (x + y + 1)^2 (19 - 14x + 3x^2 - 14y + 6xy + 3y^2),
//   B = 30 + (2x - 3y)^2 (18 - 32x + 12x^2 + 48y - 36xy + 27y^2).
// Values span five orders of magnitude in [-2, 2]^2 (use the log colour scale).
// Global minimum (0, -1), value 3; local minima near (-0.6, -0.4) = 30,
// (1.8, 0.2) = 84 and (1.2, 0.8) = 840, refined by Newton's method. The tests
// search the domain by multi-start Newton and find no other minimum.
#include <memory>

#include "basic_landscape.hpp"
#include "builtin.hpp"

namespace optlab {
namespace {

struct Parts {
  double A, Ax, Ay, Axx, Axy, Ayy, B, Bx, By, Bxx, Bxy, Byy;
};

Parts parts(double x, double y) {
  Parts r{};
  const double u = x + y + 1;
  const double P = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y;
  const double Px = -14 + 6 * x + 6 * y, Py = -14 + 6 * x + 6 * y;  // P_xx = P_xy = P_yy = 6
  r.A = 1 + u * u * P;
  r.Ax = 2 * u * P + u * u * Px;
  r.Ay = 2 * u * P + u * u * Py;
  r.Axx = 2 * P + 4 * u * Px + 6 * u * u;
  r.Axy = 2 * P + 2 * u * (Px + Py) + 6 * u * u;
  r.Ayy = 2 * P + 4 * u * Py + 6 * u * u;
  const double v = 2 * x - 3 * y;
  const double Q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y;
  const double Qx = -32 + 24 * x - 36 * y, Qy = 48 - 36 * x + 54 * y;  // 24, -36, 54
  r.B = 30 + v * v * Q;
  r.Bx = 4 * v * Q + v * v * Qx;
  r.By = -6 * v * Q + v * v * Qy;
  r.Bxx = 8 * Q + 8 * v * Qx + 24 * v * v;
  r.Bxy = -12 * Q + 4 * v * Qy - 6 * v * Qx - 36 * v * v;
  r.Byy = 18 * Q - 12 * v * Qy + 54 * v * v;
  return r;
}

class GoldsteinPrice final : public BasicLandscape {
 public:
  explicit GoldsteinPrice(const LandscapeParams& p)
      : BasicLandscape("goldstein_price", "Goldstein-Price",
                       "\\left[1 + (x+y+1)^2(19 - 14x + 3x^2 - 14y + 6xy + 3y^2)\\right]"
                       "\\left[30 + (2x-3y)^2(18 - 32x + 12x^2 + 48y - 36xy + 27y^2)\\right]",
                       {-2, 2, -2, 2}, {-1.5, 1.6}, p) {
    addMinimum({0, -1}, true);
    addMinimum({-0.6, -0.4}, false);
    addMinimum({1.8, 0.2}, false);
    addMinimum({1.2, 0.8}, false);
    minima_[0].at = {0, -1};
    minima_[0].value = 3;
    markGlobalMinima();
  }

  double value(double x, double y) const override {
    const Parts q = parts(x, y);
    return q.A * q.B;
  }
  Point gradient(double x, double y) const override {
    const Parts q = parts(x, y);
    return {q.Ax * q.B + q.A * q.Bx, q.Ay * q.B + q.A * q.By};
  }
  Hessian2 hessian(double x, double y) const override {
    const Parts q = parts(x, y);
    return {q.Axx * q.B + 2 * q.Ax * q.Bx + q.A * q.Bxx,
            q.Axy * q.B + q.Ax * q.By + q.Ay * q.Bx + q.A * q.Bxy,
            q.Ayy * q.B + 2 * q.Ay * q.By + q.A * q.Byy};
  }
};

}  // namespace

LandscapeEntry goldsteinPriceEntry() {
  return {{"goldstein_price", "Goldstein-Price",
           "\\left[1 + (x+y+1)^2(19 - 14x + 3x^2 - 14y + 6xy + 3y^2)\\right]"
           "\\left[30 + (2x-3y)^2(18 - 32x + 12x^2 + 48y - 36xy + 27y^2)\\right]",
           "Values spanning orders of magnitude: a learning rate that suits one region explodes in another.",
           {}},
          [](const LandscapeParams& p) { return std::make_unique<GoldsteinPrice>(p); }};
}

}  // namespace optlab
