#include "custom_landscape.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "expression.hpp"
#include "landscapes/basic_landscape.hpp"
#include "util/format_number.hpp"

namespace optlab {
namespace {

class CustomLandscape final : public BasicLandscape {
 public:
  CustomLandscape(expr::Expression e, const Domain& d, Point start)
      : BasicLandscape(kCustomLandscapeId, "Custom: " + e.source(), e.source(), d, start), e_(std::move(e)) {
    findMinima();
  }

  double value(double x, double y) const override { return e_.value(x, y); }
  Point gradient(double x, double y) const override {
    const expr::Jet1 j = e_.jet1(x, y);
    return {j.dx, j.dy};
  }
  Hessian2 hessian(double x, double y) const override {
    const expr::Jet2 j = e_.jet2(x, y);
    return {j.dxx, j.dxy, j.dyy};
  }
  double valueAndGradient(double x, double y, Point& g) const override {
    const expr::Jet1 j = e_.jet1(x, y);
    g = {j.dx, j.dy};
    return j.v;
  }

  const expr::Expression& expression() const { return e_; }

 private:
  void findMinima() {
    const int n = kCustomMinimaGrid;
    const Domain d = domain_;
    std::vector<double> f(static_cast<std::size_t>(n * n));
    auto at = [&](int i, int j) -> double& { return f[static_cast<std::size_t>(j * n + i)]; };
    auto px = [&](int i) { return d.xmin + (d.xmax - d.xmin) * i / (n - 1); };
    auto py = [&](int j) { return d.ymin + (d.ymax - d.ymin) * j / (n - 1); };
    for (int j = 0; j < n; ++j)
      for (int i = 0; i < n; ++i) at(i, j) = value(px(i), py(j));

    const double size = std::max(d.xmax - d.xmin, d.ymax - d.ymin);
    std::vector<Minimum> found;
    for (int j = 1; j < n - 1; ++j) {
      for (int i = 1; i < n - 1; ++i) {
        const double v = at(i, j);
        if (!std::isfinite(v)) continue;
        bool lowest = true;
        for (int dj = -1; dj <= 1 && lowest; ++dj)
          for (int di = -1; di <= 1; ++di)
            if ((di != 0 || dj != 0) && !(v < at(i + di, j + dj))) { lowest = false; break; }
        if (!lowest) continue;
        const Point p = newtonRefine(*this, {px(i), py(j)});
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
        if (p.x < d.xmin || p.x > d.xmax || p.y < d.ymin || p.y > d.ymax) continue;
        const expr::Jet2 h = e_.jet2(p.x, p.y);
        const double scale = 1 + std::fabs(h.v);
        if (!std::isfinite(h.v) || h.v > v) continue;
        if (!(std::hypot(h.dx, h.dy) < 1e-8 * scale)) continue;
        const double tr = h.dxx + h.dyy, det = h.dxx * h.dyy - h.dxy * h.dxy;
        const double disc = std::sqrt(std::max(0.0, 0.25 * tr * tr - det));
        if (!(0.5 * tr - disc >= -1e-9 * scale)) continue;
        bool dup = false;
        for (const Minimum& m : found)
          if (std::hypot(m.at.x - p.x, m.at.y - p.y) <= 1e-6 * size) dup = true;
        if (!dup) found.push_back(Minimum{p, h.v, false});
      }
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const Minimum& a, const Minimum& b) { return a.value < b.value; });
    if (found.size() > static_cast<std::size_t>(kMaxCustomMinima)) found.resize(kMaxCustomMinima);
    minima_ = std::move(found);
    markGlobalMinima();
  }

  expr::Expression e_;
};

}  // namespace

std::unique_ptr<Landscape> makeCustomLandscape(const std::string& expression, std::optional<Domain> domain,
                                               std::optional<Point> start) {
  const Domain d = domain.value_or(kCustomDefaultDomain);
  if (!std::isfinite(d.xmin) || !std::isfinite(d.xmax) || !std::isfinite(d.ymin) || !std::isfinite(d.ymax) ||
      !(d.xmin < d.xmax) || !(d.ymin < d.ymax))
    throw std::invalid_argument("Invalid domain: [" + formatNumber(d.xmin) + ", " + formatNumber(d.xmax) + "] x [" + formatNumber(d.ymin) +
                                ", " + formatNumber(d.ymax) + "] (need finite bounds with xmin < xmax and ymin < ymax)");
  expr::Expression e = expr::Expression::parse(expression);
  const Point s = start.value_or(Point{d.xmin + 0.25 * (d.xmax - d.xmin), d.ymin + 0.75 * (d.ymax - d.ymin)});
  if (!std::isfinite(s.x) || !std::isfinite(s.y))
    throw std::invalid_argument("Invalid start point: (" + formatNumber(s.x) + ", " + formatNumber(s.y) + ") is not finite");
  return std::make_unique<CustomLandscape>(std::move(e), d, s);
}

const LandscapeInfo& customLandscapeInfo() {
  static const LandscapeInfo info{kCustomLandscapeId, "Your own function", "f(x, y)",
                                  "Type a formula in x and y: the core differentiates it exactly.", {}};
  return info;
}

std::string customExpression(const Landscape& f) {
  if (const auto* c = dynamic_cast<const CustomLandscape*>(&f)) return c->expression().source();
  return "";
}

}  // namespace optlab
