// Every built-in landscape written as a user expression gives the same values,
// gradients and Hessians as the built-in (to rounding), and the custom
// landscape's minima search finds the built-in's minima.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "expression/custom_landscape.hpp"
#include "expression/expression.hpp"
#include "landscapes/registry.hpp"

using namespace optlab;

namespace {

// Each built-in at its default parameters, as a teacher would type it.
const std::map<std::string, std::string>& builtinExpressions() {
  static const std::map<std::string, std::string> m = {
      {"rosenbrock", "(1 - x)^2 + 100*(y - x^2)^2"},
      {"ravine", "0.5*(x^2 + 50*y^2)"},
      {"beale", "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2"},
      {"himmelblau", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2"},
      {"saddle", "x^2 - y^2"},
      {"monkey_saddle", "x^3 - 3*x*y^2"},
      {"rastrigin", "20 + (x^2 - 10*cos(2*pi*x)) + (y^2 - 10*cos(2*pi*y))"},
      {"ackley", "-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + 20 + e"},
      {"six_hump_camel", "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2"},
      {"booth", "(x + 2*y - 7)^2 + (2*x + y - 5)^2"},
      {"goldstein_price",
       "(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))"
       "*(30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))"},
      {"plateau", "1 - exp(-(x^2 + y^2)/1^2)"},
      {"sparse_feature", "0.5*(x - 1)^2 + 0.5*(y - 1)^2"},  // the true gradient; the mask is the landscape's own
  };
  return m;
}

bool near(double a, double b, double scale) { return std::fabs(a - b) <= 1e-10 * (1 + scale); }

}  // namespace

TEST_CASE("Expression_EveryBuiltinAsExpression", "[expression][custom]") {
  const auto& exprs = builtinExpressions();
  REQUIRE(exprs.size() == landscapeInfos().size());
  for (const LandscapeInfo& info : landscapeInfos()) {
    INFO(info.id);
    REQUIRE(exprs.count(info.id) == 1);
    const auto builtin = makeLandscape(info.id);
    const auto custom = makeCustomLandscape(exprs.at(info.id), builtin->domain(), builtin->suggestedStart());
    CHECK(custom->id() == "custom");
    CHECK(customExpression(*custom) == exprs.at(info.id));
    const Domain d = builtin->domain();
    std::uint64_t s = 7;
    for (int k = 0; k < 200; ++k) {
      s = s * 6364136223846793005ULL + 1442695040888963407ULL;
      const double x = d.xmin + (d.xmax - d.xmin) * static_cast<double>(s >> 11) * 0x1.0p-53;
      s = s * 6364136223846793005ULL + 1442695040888963407ULL;
      const double y = d.ymin + (d.ymax - d.ymin) * static_cast<double>(s >> 11) * 0x1.0p-53;
      INFO("at (" << x << ", " << y << ")");
      const double fb = builtin->value(x, y), fc = custom->value(x, y);
      const Point gb = builtin->gradient(x, y), gc = custom->gradient(x, y);
      const Hessian2 hb = builtin->hessian(x, y), hc = custom->hessian(x, y);
      Point g2;
      const double f2 = custom->valueAndGradient(x, y, g2);
      const double gs = std::fabs(fb) + std::fabs(gb.x) + std::fabs(gb.y);
      const double hs = gs + std::fabs(hb.xx) + std::fabs(hb.xy) + std::fabs(hb.yy);
      REQUIRE(near(fc, fb, std::fabs(fb)));
      REQUIRE(near(gc.x, gb.x, gs));
      REQUIRE(near(gc.y, gb.y, gs));
      REQUIRE(near(hc.xx, hb.xx, hs));
      REQUIRE(near(hc.xy, hb.xy, hs));
      REQUIRE(near(hc.yy, hb.yy, hs));
      REQUIRE(f2 == fc);
      REQUIRE(g2.x == gc.x);
      REQUIRE(g2.y == gc.y);
    }
  }
}

TEST_CASE("CustomLandscape_MinimaSearch", "[expression][custom]") {
  // Himmelblau: all four minima, all global, each within 1e-8 of the built-in's.
  const auto hb = makeLandscape("himmelblau");
  const auto hc = makeCustomLandscape(builtinExpressions().at("himmelblau"), hb->domain());
  REQUIRE(hc->minima().size() == 4);
  for (const Minimum& m : hb->minima()) {
    bool found = false;
    for (const Minimum& c : hc->minima())
      if (std::hypot(c.at.x - m.at.x, c.at.y - m.at.y) < 1e-8 && c.global) found = true;
    CHECK(found);
  }
  // Rosenbrock: the one minimum (1, 1).
  const auto rc = makeCustomLandscape(builtinExpressions().at("rosenbrock"), Domain{-2, 2, -1, 3});
  REQUIRE(rc->minima().size() == 1);
  CHECK(rc->minima()[0].at.x == Approx(1).epsilon(1e-10));
  CHECK(rc->minima()[0].at.y == Approx(1).epsilon(1e-10));
  // Six-hump camel: two global and four local minima in [-3, 3] x [-2, 2].
  const auto cc = makeCustomLandscape(builtinExpressions().at("six_hump_camel"), Domain{-3, 3, -2, 2});
  const auto cb = makeLandscape("six_hump_camel");
  REQUIRE(cc->minima().size() == cb->minima().size());
  int globals = 0;
  for (const Minimum& c : cc->minima()) globals += c.global ? 1 : 0;
  CHECK(globals == 2);
  // A saddle and a plane have none; a flat-bottomed x^4 + y^4 still has its point.
  CHECK(makeCustomLandscape("x^2 - y^2")->minima().empty());
  CHECK(makeCustomLandscape("x + y")->minima().empty());
  REQUIRE(makeCustomLandscape("(x - 0.1)^4 + (y + 0.2)^4")->minima().size() == 1);
  // Default domain and start.
  const auto d = makeCustomLandscape("x^2 + y^2");
  CHECK(d->domain().xmin == -3);
  CHECK(d->domain().ymax == 3);
  CHECK(d->suggestedStart().x == -1.5);
  CHECK(d->suggestedStart().y == 1.5);
  CHECK(d->minima().size() == 1);
}

TEST_CASE("Landscape_CustomCatalogEntryMatchesWhatItBuilds", "[landscape][custom]") {
  const LandscapeInfo& info = customLandscapeInfo();
  CHECK(info.id == kCustomLandscapeId);
  CHECK(info.params.empty());
  for (const LandscapeInfo& builtin : landscapeInfos()) CHECK(builtin.id != info.id);
  auto f = makeCustomLandscape(kCustomDefaultExpression);
  CHECK(f->id() == info.id);
  CHECK(f->domain().xmin == kCustomDefaultDomain.xmin);
  CHECK(f->domain().ymax == kCustomDefaultDomain.ymax);
}
