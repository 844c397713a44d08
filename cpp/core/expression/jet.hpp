// Forward-mode automatic differentiation in two variables (x, y).
//
//   Jet1: value and gradient            (v, dx, dy)
//   Jet2: value, gradient and Hessian   (v, dx, dy, dxx, dxy, dyy)   (a "hyper-dual" number)
//
// Each operation propagates the exact derivatives of its result by the chain
// rule, so the derivatives of a whole expression are exact up to floating-point
// rounding (no finite differences). A unary function f applied to a jet a needs
// f(a.v), f'(a.v) and f''(a.v):
//   d(f(a))     = f' da
//   d2(f(a))_ij = f' d2a_ij + f'' da_i da_j
// Products and quotients use Leibniz' rule; for q = a / b,
//   dq_i = (da_i - q db_i) / b,   d2q_ij = (d2a_ij - dq_i db_j - dq_j db_i - q d2b_ij) / b.
// The value part of every jet is computed with the same operations as plain
// double arithmetic, so value() and the jets' v agree bit for bit.
#pragma once

namespace optlab::expr {

struct Jet1 {
  double v, dx, dy;  // no initializers: the evaluation stack is not zeroed per call

  static Jet1 constant(double c) { return {c, 0, 0}; }
  static Jet1 varX(double x) { return {x, 1, 0}; }
  static Jet1 varY(double y) { return {y, 0, 1}; }
  // f(a) from f(a.v), f'(a.v), f''(a.v) (f'' unused at first order).
  Jet1 chain(double f0, double f1, double /*f2*/) const { return {f0, f1 * dx, f1 * dy}; }
};

inline Jet1 operator+(const Jet1& a, const Jet1& b) { return {a.v + b.v, a.dx + b.dx, a.dy + b.dy}; }
inline Jet1 operator-(const Jet1& a, const Jet1& b) { return {a.v - b.v, a.dx - b.dx, a.dy - b.dy}; }
inline Jet1 operator-(const Jet1& a) { return {-a.v, -a.dx, -a.dy}; }
inline Jet1 operator*(const Jet1& a, const Jet1& b) {
  return {a.v * b.v, a.dx * b.v + a.v * b.dx, a.dy * b.v + a.v * b.dy};
}
inline Jet1 operator/(const Jet1& a, const Jet1& b) {
  const double q = a.v / b.v;
  return {q, (a.dx - q * b.dx) / b.v, (a.dy - q * b.dy) / b.v};
}

struct Jet2 {
  double v, dx, dy, dxx, dxy, dyy;

  static Jet2 constant(double c) { return {c, 0, 0, 0, 0, 0}; }
  static Jet2 varX(double x) { return {x, 1, 0, 0, 0, 0}; }
  static Jet2 varY(double y) { return {y, 0, 1, 0, 0, 0}; }
  Jet2 chain(double f0, double f1, double f2) const {
    return {f0,
            f1 * dx,
            f1 * dy,
            f1 * dxx + f2 * (dx * dx),
            f1 * dxy + f2 * (dx * dy),
            f1 * dyy + f2 * (dy * dy)};
  }
};

inline Jet2 operator+(const Jet2& a, const Jet2& b) {
  return {a.v + b.v, a.dx + b.dx, a.dy + b.dy, a.dxx + b.dxx, a.dxy + b.dxy, a.dyy + b.dyy};
}
inline Jet2 operator-(const Jet2& a, const Jet2& b) {
  return {a.v - b.v, a.dx - b.dx, a.dy - b.dy, a.dxx - b.dxx, a.dxy - b.dxy, a.dyy - b.dyy};
}
inline Jet2 operator-(const Jet2& a) { return {-a.v, -a.dx, -a.dy, -a.dxx, -a.dxy, -a.dyy}; }
inline Jet2 operator*(const Jet2& a, const Jet2& b) {
  return {a.v * b.v,
          a.dx * b.v + a.v * b.dx,
          a.dy * b.v + a.v * b.dy,
          a.dxx * b.v + 2 * (a.dx * b.dx) + a.v * b.dxx,
          a.dxy * b.v + a.dx * b.dy + a.dy * b.dx + a.v * b.dxy,
          a.dyy * b.v + 2 * (a.dy * b.dy) + a.v * b.dyy};
}
inline Jet2 operator/(const Jet2& a, const Jet2& b) {
  const double q = a.v / b.v;
  const double qx = (a.dx - q * b.dx) / b.v, qy = (a.dy - q * b.dy) / b.v;
  return {q,
          qx,
          qy,
          (a.dxx - 2 * (qx * b.dx) - q * b.dxx) / b.v,
          (a.dxy - qx * b.dy - qy * b.dx - q * b.dxy) / b.v,
          (a.dyy - 2 * (qy * b.dy) - q * b.dyy) / b.v};
}

}  // namespace optlab::expr
