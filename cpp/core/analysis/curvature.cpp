#include "curvature.hpp"
#include "util/format_number.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace optlab {
namespace {

Point unit(double x, double y) {
  const double n = std::hypot(x, y);
  return n > 0 ? Point{x / n, y / n} : Point{1, 0};
}

// Eigenvector of [[a, b], [b, c]] for eigenvalue l: the better conditioned of
// the two rows of (H - l I), rotated by 90 degrees.
Point eigenvector(double a, double b, double c, double l) {
  const double r1x = a - l, r1y = b;  // row 1
  const double r2x = b, r2y = c - l;  // row 2
  if (std::hypot(r1x, r1y) >= std::hypot(r2x, r2y)) return unit(-r1y, r1x);
  return unit(-r2y, r2x);
}

std::string fmt(double v) { return formatNumber(v, 4); }

}  // namespace

Curvature analyzeHessian(const Hessian2& h, double relTol, double absTol) {
  Curvature out;
  const double mean = 0.5 * (h.xx + h.yy);
  const double rad = std::hypot(0.5 * (h.xx - h.yy), h.xy);
  out.lambdaMax = mean + rad;
  out.lambdaMin = mean - rad;
  // Recompute the smaller-magnitude eigenvalue from the determinant to avoid cancellation.
  const double det = h.xx * h.yy - h.xy * h.xy;
  if (std::fabs(out.lambdaMax) >= std::fabs(out.lambdaMin)) {
    if (out.lambdaMax != 0) out.lambdaMin = det / out.lambdaMax;
  } else if (out.lambdaMin != 0) {
    out.lambdaMax = det / out.lambdaMin;
  }
  if (out.lambdaMin > out.lambdaMax) std::swap(out.lambdaMin, out.lambdaMax);

  if (h.xy == 0) {
    const bool xIsMax = h.xx >= h.yy;
    out.vMax = xIsMax ? Point{1, 0} : Point{0, 1};
    out.vMin = xIsMax ? Point{0, 1} : Point{1, 0};
  } else {
    out.vMax = eigenvector(h.xx, h.xy, h.yy, out.lambdaMax);
    out.vMin = Point{-out.vMax.y, out.vMax.x};
  }

  const double scale = std::max(std::fabs(out.lambdaMin), std::fabs(out.lambdaMax));
  const double zero = std::max(absTol, relTol * scale);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  out.conditionNumber = nan;
  if (!std::isfinite(scale)) {
    out.kind = CurvatureKind::Degenerate;
    out.kindName = "degenerate";
    out.description = "curvature not finite";
  } else if (std::fabs(out.lambdaMin) <= zero || std::fabs(out.lambdaMax) <= zero) {
    out.kind = CurvatureKind::Degenerate;
    out.kindName = "degenerate";
    out.description = "degenerate: zero eigenvalue (flat direction), eigenvalues " + fmt(out.lambdaMin) +
                      " and " + fmt(out.lambdaMax);
  } else if (out.lambdaMin > 0) {
    out.kind = CurvatureKind::PositiveDefinite;
    out.kindName = "positive definite";
    out.conditionNumber = out.lambdaMax / out.lambdaMin;
    out.description = "positive definite: kappa = " + fmt(out.conditionNumber);
  } else if (out.lambdaMax < 0) {
    out.kind = CurvatureKind::NegativeDefinite;
    out.kindName = "negative definite";
    out.description = "negative definite (a maximum): eigenvalues " + fmt(out.lambdaMin) + " and " +
                      fmt(out.lambdaMax);
  } else {
    out.kind = CurvatureKind::Indefinite;
    out.kindName = "saddle (indefinite)";
    out.description = "saddle: negative eigenvalue " + fmt(out.lambdaMin);
  }
  return out;
}

}  // namespace optlab
