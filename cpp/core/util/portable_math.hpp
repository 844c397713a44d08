// Elementary functions built only from +, -, *, / and exact scaling (std::ldexp,
// std::frexp), so their results are the same bits natively and in WebAssembly.
//
// glibc and Emscripten's musl implement exp/log/sin/cos/tanh with different
// algorithms, and C++ does not require them to agree in the last bit. The
// network lab (network/) trains for thousands of steps and pins golden digests
// of its curves in both builds, so it uses these instead. They are accurate to
// a few ulps (not correctly rounded), which is ample for teaching-size networks.
// Build flags keep -ffp-contract=off, so no FMA changes the rounding.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>

namespace optlab::pmath {

inline constexpr double kLn2Hi = 6.93147180369123816490e-01;  // ln 2, top 32 bits (exact k * kLn2Hi)
inline constexpr double kLn2Lo = 1.90821492927058770002e-10;  // ln 2 - kLn2Hi
inline constexpr double kInvLn2 = 1.44269504088896338700e+00;
inline constexpr double kPi = 3.14159265358979311600e+00;

// Nearest integer (ties away from zero) of a moderate |x| < 2^31, as a double.
inline double roundHalfAway(double x) {
  return x >= 0 ? static_cast<double>(static_cast<long long>(x + 0.5))
                : -static_cast<double>(static_cast<long long>(-x + 0.5));
}

// x * 2^k, exact: a multiplication by a power of two built from its bits when
// 2^k is a normal double (fast), std::ldexp otherwise (same result, exact).
inline double scale2(double x, int k) {
  if (k < -1022 || k > 1023) return std::ldexp(x, k);
  const std::uint64_t bits = static_cast<std::uint64_t>(k + 1023) << 52;
  double p = 0;
  std::memcpy(&p, &bits, sizeof p);
  return x * p;
}

// Reduces x = k ln2 + r with |r| <= ~ln2/2; returns r, sets k.
inline double reduceLn2(double x, int& k) {
  const double kd = roundHalfAway(x * kInvLn2);
  k = static_cast<int>(kd);
  return (x - kd * kLn2Hi) - kd * kLn2Lo;
}

// expm1 on |r| <= 0.35: Taylor series to r^14 (truncation < 1e-17 relative), Horner form.
inline double expm1Reduced(double r) {
  double p = 1.0 / 87178291200.0;  // 1/14!
  p = p * r + 1.0 / 6227020800.0;
  p = p * r + 1.0 / 479001600.0;
  p = p * r + 1.0 / 39916800.0;
  p = p * r + 1.0 / 3628800.0;
  p = p * r + 1.0 / 362880.0;
  p = p * r + 1.0 / 40320.0;
  p = p * r + 1.0 / 5040.0;
  p = p * r + 1.0 / 720.0;
  p = p * r + 1.0 / 120.0;
  p = p * r + 1.0 / 24.0;
  p = p * r + 1.0 / 6.0;
  p = p * r + 0.5;
  return r + (r * r) * p;
}

inline double exp(double x) {
  if (x != x) return x;
  if (x > 709.7) return std::numeric_limits<double>::infinity();
  if (x < -745.2) return 0.0;
  int k = 0;
  const double r = reduceLn2(x, k);
  return scale2(1.0 + expm1Reduced(r), k);
}

inline double expm1(double x) {
  if (x != x) return x;
  if (x > 709.7) return std::numeric_limits<double>::infinity();
  if (x < -40) return -1.0;
  int k = 0;
  const double r = reduceLn2(x, k);
  const double p = expm1Reduced(r);
  if (k == 0) return p;
  return scale2(p, k) + (scale2(1.0, k) - 1.0);
}

inline double tanh(double x) {
  if (x != x) return x;
  const double a = x < 0 ? -x : x;
  double t;
  if (a > 20) {
    t = 1.0;
  } else {
    const double e = expm1(2 * a);  // tanh a = (e^{2a} - 1) / (e^{2a} + 1)
    t = e / (e + 2.0);
  }
  return x < 0 ? -t : t;
}

// Natural log: x = m 2^e with m in [sqrt(1/2), sqrt(2)), log m = 2 atanh(s), s = (m-1)/(m+1).
inline double log(double x) {
  if (x != x || x < 0) return std::numeric_limits<double>::quiet_NaN();
  if (x == 0) return -std::numeric_limits<double>::infinity();
  if (x == std::numeric_limits<double>::infinity()) return x;
  int e = 0;
  double m = std::frexp(x, &e);  // m in [0.5, 1)
  if (m < 0.70710678118654752440) {
    m *= 2;
    e -= 1;
  }
  const double f = m - 1.0;
  const double s = f / (2.0 + f);
  const double s2 = s * s;
  // atanh(s)/s - 1 = s2/3 + s2^2/5 + ...; |s| <= 0.1716, s2 <= 0.0295: 11 terms.
  double p = 1.0 / 23.0;
  p = p * s2 + 1.0 / 21.0;
  p = p * s2 + 1.0 / 19.0;
  p = p * s2 + 1.0 / 17.0;
  p = p * s2 + 1.0 / 15.0;
  p = p * s2 + 1.0 / 13.0;
  p = p * s2 + 1.0 / 11.0;
  p = p * s2 + 1.0 / 9.0;
  p = p * s2 + 1.0 / 7.0;
  p = p * s2 + 1.0 / 5.0;
  p = p * s2 + 1.0 / 3.0;
  const double logm = 2.0 * s + 2.0 * s * (s2 * p);
  const double ed = static_cast<double>(e);
  return (ed * kLn2Hi + logm) + ed * kLn2Lo;
}

// log(1 + x) for x >= 0 (used by the softplus in logistic losses).
inline double log1p(double x) {
  if (x < 1e-4 && x > -1e-4) return x * (1.0 - x * (0.5 - x * (1.0 / 3.0 - x * 0.25)));
  return log(1.0 + x);
}

namespace detail {
// c[0] x^(N-1) + ... + c[N-1], by Horner's rule: the same operations in the same order
// as writing the chain out, so the same bits everywhere.
template <std::size_t N>
inline double horner(double x, const double (&c)[N]) {
  double p = c[0];
  for (std::size_t i = 1; i < N; ++i) p = p * x + c[i];
  return p;
}
// sin and cos on |r| <= pi/4 + a little: Taylor series to r^17 / r^18.
inline double sinReduced(double r) {
  const double r2 = r * r;
  constexpr double kSin[] = {-1.0 / 355687428096000.0, 1.0 / 1307674368000.0, -1.0 / 6227020800.0,  // -1/17!, ...
                             1.0 / 39916800.0,         -1.0 / 362880.0,       1.0 / 5040.0,
                             -1.0 / 120.0,             1.0 / 6.0};
  return r - r * (r2 * horner(r2, kSin));
}
inline double cosReduced(double r) {
  const double r2 = r * r;
  constexpr double kCos[] = {1.0 / 6402373705728000.0, -1.0 / 20922789888000.0, 1.0 / 87178291200.0,  // 1/18!, ...
                             -1.0 / 479001600.0,       1.0 / 3628800.0,         -1.0 / 40320.0,
                             1.0 / 720.0,              -1.0 / 24.0,             0.5};
  return 1.0 - r2 * horner(r2, kCos);
}
// x = q pi/2 + r with a three-part pi/2 (fine for |x| < 1e5, all the datasets need).
inline double reduceHalfPi(double x, int& q) {
  constexpr double kPio2_1 = 1.57079632673412561417e+00;
  constexpr double kPio2_2 = 6.07710050650619224932e-11;
  constexpr double kPio2_3 = 2.02226624879595063154e-21;
  constexpr double kTwoOverPi = 6.36619772367581382433e-01;
  const double qd = roundHalfAway(x * kTwoOverPi);
  q = static_cast<int>(static_cast<long long>(qd) & 3);
  return ((x - qd * kPio2_1) - qd * kPio2_2) - qd * kPio2_3;
}
}  // namespace detail

inline double sin(double x) {
  int q = 0;
  const double r = detail::reduceHalfPi(x, q);
  switch (q) {
    case 0: return detail::sinReduced(r);
    case 1: return detail::cosReduced(r);
    case 2: return -detail::sinReduced(r);
    default: return -detail::cosReduced(r);
  }
}

inline double cos(double x) {
  int q = 0;
  const double r = detail::reduceHalfPi(x, q);
  switch (q) {
    case 0: return detail::cosReduced(r);
    case 1: return -detail::sinReduced(r);
    case 2: return -detail::cosReduced(r);
    default: return detail::sinReduced(r);
  }
}

}  // namespace optlab::pmath
