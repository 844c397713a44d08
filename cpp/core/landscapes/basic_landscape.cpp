#include "basic_landscape.hpp"

#include <algorithm>
#include <cmath>

namespace optlab {

Point newtonRefine(const Landscape& f, Point p, int maxIter) {
  for (int i = 0; i < maxIter; ++i) {
    const Point g = f.gradient(p.x, p.y);
    const Hessian2 h = f.hessian(p.x, p.y);
    const double det = h.xx * h.yy - h.xy * h.xy;
    if (det == 0 || !std::isfinite(det)) break;
    const double dx = (h.yy * g.x - h.xy * g.y) / det;
    const double dy = (h.xx * g.y - h.xy * g.x) / det;
    p.x -= dx;
    p.y -= dy;
    const double scale = std::max({1.0, std::fabs(p.x), std::fabs(p.y)});
    if (std::fabs(dx) + std::fabs(dy) <= 1e-15 * scale) break;
  }
  return p;
}

void BasicLandscape::addMinimum(Point guess, bool global) {
  const Point p = newtonRefine(*this, guess);
  minima_.push_back(Minimum{p, value(p.x, p.y), global});
}

void BasicLandscape::markGlobalMinima(double tol) {
  if (minima_.empty()) return;
  double lo = minima_.front().value;
  for (const Minimum& m : minima_) lo = std::min(lo, m.value);
  for (Minimum& m : minima_) m.global = m.value <= lo + tol * std::max(1.0, std::fabs(lo));
}

}  // namespace optlab
