// cos(x) correctly rounded, from +, -, *, / only, so the WebAssembly build gets the
// same bits as glibc (whose cos Python's math.cos, and so torch's lr schedulers, call).
//
// Emscripten's musl cos is accurate to < 1 ulp but not correctly rounded: for some of
// the arguments the cosine schedulers use (pi*t/T_max, pi*pct) it differs from glibc in
// the last bit, and the recursive schedules carry that difference on. Here the argument
// is reduced by pi/2 in double-double arithmetic (pi/2 as three doubles), cos or sin of
// the remainder (|r| <= pi/4) is summed as a double-double Taylor series to ~2^-104,
// and the double-double is rounded once. Checked natively against glibc on every
// argument of schedulers_test and the fixtures, and on a grid (see
// tests/cpp/correctly_rounded_cos_test.cpp). Slow (~1 µs): for schedules, not hot loops.
#pragma once

#include <cmath>

namespace optlab::crmath {

struct DD {
  double hi, lo;
};

inline DD twoSum(double a, double b) {
  const double s = a + b;
  const double bb = s - a;
  return {s, (a - (s - bb)) + (b - bb)};
}

inline DD quickTwoSum(double a, double b) {
  const double s = a + b;
  return {s, b - (s - a)};
}

// Dekker's exact product (no FMA: the same in every build).
inline DD twoProd(double a, double b) {
  const auto split = [](double v, double& hi, double& lo) {
    const double c = 134217729.0 * v;  // 2^27 + 1
    hi = c - (c - v);
    lo = v - hi;
  };
  const double p = a * b;
  double ah, al, bh, bl;
  split(a, ah, al);
  split(b, bh, bl);
  return {p, ((ah * bh - p) + ah * bl + al * bh) + al * bl};
}

inline DD add(DD a, DD b) {
  const DD s = twoSum(a.hi, b.hi);
  const DD t = twoSum(a.lo, b.lo);
  const DD u = quickTwoSum(s.hi, s.lo + t.hi);
  return quickTwoSum(u.hi, t.lo + u.lo);
}

inline DD mul(DD a, DD b) {
  const DD p = twoProd(a.hi, b.hi);
  return quickTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

inline DD divide(DD a, double b) {
  const double q1 = a.hi / b;
  const DD p = twoProd(q1, b);
  const double q2 = (((a.hi - p.hi) - p.lo) + a.lo) / b;
  return quickTwoSum(q1, q2);
}

// 1 - r^2/(2*1) (1 - r^2/(4*3) (1 - ...)) and r (1 - r^2/(3*2) (1 - ...)), |r| <= pi/4.
inline DD cosSeries(DD r2) {
  DD s{1.0, 0.0};
  for (int n = 14; n >= 1; --n) {
    const DD term = divide(mul(s, r2), static_cast<double>((2 * n) * (2 * n - 1)));
    s = add({1.0, 0.0}, {-term.hi, -term.lo});
  }
  return s;
}

inline DD sinSeries(DD r, DD r2) {
  DD s{1.0, 0.0};
  for (int n = 14; n >= 1; --n) {
    const DD term = divide(mul(s, r2), static_cast<double>((2 * n) * (2 * n + 1)));
    s = add({1.0, 0.0}, {-term.hi, -term.lo});
  }
  return mul(r, s);
}

inline double cos(double x) {
  if (!std::isfinite(x)) return x - x;  // NaN for NaN and +-inf
  if (std::fabs(x) > 1e9) return std::cos(x);  // not reached by any schedule
  // pi/2 = P1 + P2 + P3 to ~160 bits.
  constexpr double P1 = 1.5707963267948966192e+00;
  constexpr double P2 = 6.1232339957367660359e-17;
  constexpr double P3 = -1.4973849048591698329e-33;
  const double k = std::nearbyint(x * 0.63661977236758134308);  // x * 2/pi
  const DD t1 = twoProd(k, P1);
  const DD t2 = twoProd(k, P2);
  DD r = add({x, 0.0}, {-t1.hi, -t1.lo});
  r = add(r, {-t2.hi, -t2.lo});
  r = add(r, {-(k * P3), 0.0});
  const DD r2 = mul(r, r);
  const long quadrant = static_cast<long>(std::fmod(k, 4.0) + 4.0) % 4;
  DD v = (quadrant % 2 == 0) ? cosSeries(r2) : sinSeries(r, r2);
  if (quadrant == 1 || quadrant == 2) v = {-v.hi, -v.lo};
  return v.hi + v.lo;
}

}  // namespace optlab::crmath
