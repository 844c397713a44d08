// Table-driven tests of every registered landscape: analytic derivatives
// against finite differences, every reported minimum, completeness of the
// minima (multi-start Newton finds no unreported minimum), the registry, and
// the bit-exact torch operation order of UPDATE_RULES.md §3.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/curvature.hpp"
#include "landscapes/basic_landscape.hpp"
#include "landscapes/registry.hpp"
#include "util/double_bits.hpp"
#include "util/double_bits.hpp"

using namespace optlab;

namespace {

// Deterministic points inside the domain (and a little beyond it).
std::vector<Point> samplePoints(const Domain& d, int n, std::uint64_t seed) {
  std::vector<Point> out;
  std::uint64_t s = seed;
  for (int i = 0; i < n; ++i) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    const double u = static_cast<double>(s >> 11) * 0x1.0p-53;
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    const double v = static_cast<double>(s >> 11) * 0x1.0p-53;
    out.push_back({d.xmin + (d.xmax - d.xmin) * (1.1 * u - 0.05), d.ymin + (d.ymax - d.ymin) * (1.1 * v - 0.05)});
  }
  return out;
}

bool skipPoint(const std::string& id, Point p) {
  // Ackley's cone is not differentiable at the origin.
  return id == "ackley" && std::hypot(p.x, p.y) < 1e-2;
}

std::vector<std::string> allIds() {
  std::vector<std::string> ids;
  for (const LandscapeInfo& info : landscapeInfos()) ids.push_back(info.id);
  return ids;
}

// Every landscape with its defaults, plus non-default parameter values.
struct Case {
  std::string id;
  LandscapeParams params;
};

std::vector<Case> allCases() {
  std::vector<Case> cases;
  for (const std::string& id : allIds()) cases.push_back({id, {}});
  cases.push_back({"rosenbrock", {{"a", 1.7}, {"b", 10}}});
  cases.push_back({"ravine", {{"kappa", 1000}, {"angle", 37}}});
  cases.push_back({"ravine", {{"kappa", 1}, {"angle", -90}}});
  cases.push_back({"rastrigin", {{"A", 2}}});
  cases.push_back({"rastrigin", {{"A", 0.3}}});
  cases.push_back({"plateau", {{"width", 0.5}}});
  cases.push_back({"sparse_feature", {{"density", 0.5}, {"seed", 9}}});
  return cases;
}


}  // namespace

TEST_CASE("Landscapes_RegistryListsAllThirteen", "[landscape][registry]") {
  const std::vector<std::string> want = {"rosenbrock", "ravine",    "beale",          "himmelblau", "saddle",
                                         "monkey_saddle", "rastrigin", "ackley",   "six_hump_camel",
                                         "booth",      "goldstein_price", "plateau", "sparse_feature"};
  CHECK(allIds() == want);
  for (const std::string& id : want) {
    auto f = makeLandscape(id);
    CHECK(f->id() == id);
    CHECK(!f->displayName().empty());
    CHECK(!f->latex().empty());
    const Domain d = f->domain();
    CHECK(d.xmin < d.xmax);
    CHECK(d.ymin < d.ymax);
    const Point s = f->suggestedStart();
    CHECK(s.x >= d.xmin);
    CHECK(s.x <= d.xmax);
    CHECK(s.y >= d.ymin);
    CHECK(s.y <= d.ymax);
    for (const LandscapeParamSpec& p : landscapeInfo(id).params) {
      CHECK(f->parameters().at(p.name) == p.defaultValue);
      CHECK(p.min <= p.defaultValue);
      CHECK(p.defaultValue <= p.max);
    }
  }
}

TEST_CASE("Landscapes_GradientMatchesFiniteDifferences", "[landscape][gradient]") {
  const Case tc = GENERATE(from_range(allCases()));
  const std::string& id = tc.id;
  auto f = makeLandscape(id, tc.params);
  for (const Point p : samplePoints(f->domain(), 200, 7)) {
    if (skipPoint(id, p)) continue;
    const double h = 1e-6 * std::max(1.0, std::max(std::fabs(p.x), std::fabs(p.y)));
    const Point g = f->gradient(p.x, p.y);
    const double fdx = (f->value(p.x + h, p.y) - f->value(p.x - h, p.y)) / (2 * h);
    const double fdy = (f->value(p.x, p.y + h) - f->value(p.x, p.y - h)) / (2 * h);
    const double noise = 1e-15 * std::fabs(f->value(p.x, p.y)) / h;
    INFO(id << " at (" << p.x << ", " << p.y << ")");
    CHECK(std::fabs(g.x - fdx) <= 1e-6 * std::max(1.0, std::fabs(g.x)) + 10 * noise);
    CHECK(std::fabs(g.y - fdy) <= 1e-6 * std::max(1.0, std::fabs(g.y)) + 10 * noise);
  }
}

TEST_CASE("Landscapes_HessianMatchesFiniteDifferences", "[landscape][hessian]") {
  const Case tc = GENERATE(from_range(allCases()));
  const std::string& id = tc.id;
  auto f = makeLandscape(id, tc.params);
  for (const Point p : samplePoints(f->domain(), 200, 11)) {
    if (skipPoint(id, p)) continue;
    const double h = 1e-6 * std::max(1.0, std::max(std::fabs(p.x), std::fabs(p.y)));
    const Hessian2 H = f->hessian(p.x, p.y);
    const Point gxp = f->gradient(p.x + h, p.y), gxm = f->gradient(p.x - h, p.y);
    const Point gyp = f->gradient(p.x, p.y + h), gym = f->gradient(p.x, p.y - h);
    const Point g = f->gradient(p.x, p.y);
    const double noise = 1e-15 * (std::fabs(g.x) + std::fabs(g.y)) / h;
    const double fxx = (gxp.x - gxm.x) / (2 * h), fyy = (gyp.y - gym.y) / (2 * h);
    const double fxy = (gyp.x - gym.x) / (2 * h), fyx = (gxp.y - gxm.y) / (2 * h);
    INFO(id << " at (" << p.x << ", " << p.y << ")");
    CHECK(std::fabs(H.xx - fxx) <= 1e-5 * std::max(1.0, std::fabs(H.xx)) + 10 * noise);
    CHECK(std::fabs(H.yy - fyy) <= 1e-5 * std::max(1.0, std::fabs(H.yy)) + 10 * noise);
    CHECK(std::fabs(H.xy - fxy) <= 1e-5 * std::max(1.0, std::fabs(H.xy)) + 10 * noise);
    CHECK(std::fabs(H.xy - fyx) <= 1e-5 * std::max(1.0, std::fabs(H.xy)) + 10 * noise);
  }
}

TEST_CASE("Landscapes_EveryMinimumIsAStrictMinimum", "[landscape][minima]") {
  const Case tc = GENERATE(from_range(allCases()));
  const std::string& id = tc.id;
  auto f = makeLandscape(id, tc.params);
  const auto minima = f->minima();
  INFO(id);
  double lowest = INFINITY;
  for (const Minimum& m : minima) lowest = std::min(lowest, m.value);
  int globals = 0;
  for (const Minimum& m : minima) {
    INFO("minimum at (" << m.at.x << ", " << m.at.y << ") value " << m.value);
    const Point g = f->gradient(m.at.x, m.at.y);
    const Hessian2 H = f->hessian(m.at.x, m.at.y);
    const double scale = std::max({1.0, std::fabs(H.xx), std::fabs(H.yy)});
    CHECK(std::hypot(g.x, g.y) <= 1e-10 * scale);
    CHECK(std::fabs(f->value(m.at.x, m.at.y) - m.value) <= 1e-12 * std::max(1.0, std::fabs(m.value)));
    CHECK(analyzeHessian(H).kind == CurvatureKind::PositiveDefinite);
    const Domain d = f->domain();
    CHECK((m.at.x >= d.xmin && m.at.x <= d.xmax && m.at.y >= d.ymin && m.at.y <= d.ymax));
    CHECK(m.global == (m.value <= lowest + 1e-9 * std::max(1.0, std::fabs(lowest))));
    globals += m.global ? 1 : 0;
    // A strict local minimum: every nearby point is higher.
    for (int k = 0; k < 8; ++k) {
      const double a = k * 0.7853981633974483, r = 1e-4;
      CHECK(f->value(m.at.x + r * std::cos(a), m.at.y + r * std::sin(a)) > m.value);
    }
  }
  if (!minima.empty()) CHECK(globals >= 1);
}

TEST_CASE("Landscapes_MinimaAreComplete", "[landscape][minima]") {
  // Newton from a 41x41 grid of starts: every positive-definite stationary point
  // it finds inside the domain must be a reported minimum.
  const Case tc = GENERATE(from_range(allCases()));
  const std::string& id = tc.id;
  auto f = makeLandscape(id, tc.params);
  const auto minima = f->minima();
  const Domain d = f->domain();
  INFO(id);
  int found = 0;
  for (int i = 0; i <= 40; ++i)
    for (int j = 0; j <= 40; ++j) {
      const Point s{d.xmin + (d.xmax - d.xmin) * i / 40, d.ymin + (d.ymax - d.ymin) * j / 40};
      const Point q = newtonRefine(*f, s, 200);
      if (!(q.x > d.xmin && q.x < d.xmax && q.y > d.ymin && q.y < d.ymax)) continue;
      if (skipPoint(id, q)) continue;
      const Point g = f->gradient(q.x, q.y);
      const Hessian2 H = f->hessian(q.x, q.y);
      if (std::hypot(g.x, g.y) > 1e-9 * std::max({1.0, std::fabs(H.xx), std::fabs(H.yy)})) continue;
      if (analyzeHessian(H).kind != CurvatureKind::PositiveDefinite) continue;
      ++found;
      bool reported = false;
      for (const Minimum& m : minima) reported = reported || std::hypot(m.at.x - q.x, m.at.y - q.y) < 1e-6;
      INFO("unreported minimum at (" << q.x << ", " << q.y << ") value " << f->value(q.x, q.y));
      CHECK(reported);
    }
  if (!minima.empty()) CHECK(found > 0);
}

TEST_CASE("Landscapes_KnownMinima", "[landscape][minima]") {
  CHECK(makeLandscape("himmelblau")->minima().size() == 4);
  CHECK(makeLandscape("rastrigin")->minima().size() == 121);
  CHECK(makeLandscape("rastrigin", {{"A", 0}})->minima().size() == 1);
  CHECK(makeLandscape("saddle")->minima().empty());
  CHECK(makeLandscape("monkey_saddle")->minima().empty());
  const auto camel = makeLandscape("six_hump_camel")->minima();
  REQUIRE(camel.size() == 6);
  CHECK(std::count_if(camel.begin(), camel.end(), [](const Minimum& m) { return m.global; }) == 2);
  CHECK(camel[0].value == Approx(-1.0316284534898774).epsilon(1e-12));
  const auto gp = makeLandscape("goldstein_price")->minima();
  REQUIRE(gp.size() == 4);
  CHECK(gp[0].value == 3);
  CHECK(gp[0].global);
  CHECK(gp[1].value == Approx(30).epsilon(1e-10));
  CHECK(gp[2].value == Approx(84).epsilon(1e-10));
  CHECK(gp[3].value == Approx(840).epsilon(1e-10));
  const auto ack = makeLandscape("ackley")->minima();
  CHECK(ack.size() == 121);
  CHECK(std::count_if(ack.begin(), ack.end(), [](const Minimum& m) { return m.global; }) == 1);
  const auto ros = makeLandscape("rosenbrock", {{"a", 1.5}})->minima();
  REQUIRE(ros.size() == 1);
  CHECK(ros[0].at.x == 1.5);
  CHECK(ros[0].at.y == 2.25);
}

TEST_CASE("Landscapes_TorchOperationOrderIsBitExact", "[landscape][torch]") {
  // The formulas of UPDATE_RULES.md §3, written out literally.
  auto ros = makeLandscape("rosenbrock");
  auto rav = makeLandscape("ravine");
  auto bea = makeLandscape("beale");
  auto him = makeLandscape("himmelblau");
  auto sad = makeLandscape("saddle");
  for (const Point p : samplePoints({-3, 3, -3, 3}, 500, 3)) {
    const double x = p.x, y = p.y;
    {
      const double r = y - x * x, loss = (1 - x) * (1 - x) + 100 * (r * r), dr = 200 * r;
      const Point g = ros->gradient(x, y);
      CHECK(sameBits(ros->value(x, y), loss));
      CHECK(sameBits(g.x, -(2 * (1 - x)) + (-dr) * (2 * x)));
      CHECK(sameBits(g.y, dr));
    }
    {
      const Point g = rav->gradient(x, y);
      CHECK(sameBits(rav->value(x, y), 0.5 * (x * x + 50 * (y * y))));
      CHECK(sameBits(g.x, x));
      CHECK(sameBits(g.y, 25 * (2 * y)));
    }
    {
      const double y2 = y * y, y3 = y2 * y, t1 = (1.5 - x) + x * y, t2 = (2.25 - x) + x * y2,
                   t3 = (2.625 - x) + x * y3;
      const double d1 = 2 * t1, d2 = 2 * t2, d3 = 2 * t3;
      const Point g = bea->gradient(x, y);
      CHECK(sameBits(bea->value(x, y), (t1 * t1 + t2 * t2) + t3 * t3));
      CHECK(sameBits(g.x, ((((d3 * y3 - d3) + d2 * y2) - d2) + d1 * y) - d1));
      CHECK(sameBits(g.y, ((d3 * x) * (3 * y2) + (d2 * x) * (2 * y)) + d1 * x));
    }
    {
      const double a = (x * x + y) - 11, b = (x + y * y) - 7;
      const Point g = him->gradient(x, y);
      CHECK(sameBits(him->value(x, y), a * a + b * b));
      CHECK(sameBits(g.x, (2 * a) * (2 * x) + 2 * b));
      CHECK(sameBits(g.y, 2 * a + (2 * b) * (2 * y)));
    }
    {
      const Point g = sad->gradient(x, y);
      CHECK(sameBits(sad->value(x, y), x * x - y * y));
      CHECK(sameBits(g.x, 2 * x));
      CHECK(sameBits(g.y, -(2 * y)));
    }
  }
  CHECK(ros->suggestedStart().x == -1.5);
  CHECK(ros->suggestedStart().y == 2);
  CHECK(rav->suggestedStart().x == -4);
  CHECK(bea->suggestedStart().y == 1.5);
  CHECK(him->suggestedStart().x == -0.5);
  CHECK(sad->suggestedStart().y == 0.001);
}

TEST_CASE("Ravine_RotationKeepsConditionNumber", "[landscape][ravine]") {
  auto f = makeLandscape("ravine", {{"kappa", 200}, {"angle", 30}});
  const Curvature c = curvatureAt(*f, {1, 2});
  CHECK(c.kind == CurvatureKind::PositiveDefinite);
  CHECK(c.conditionNumber == Approx(200).epsilon(1e-12));
  // The steep direction is the rotated y axis: (-sin 30, cos 30).
  CHECK(std::fabs(c.vMax.x * -0.5 + c.vMax.y * std::sqrt(0.75)) == Approx(1).epsilon(1e-12));
}

TEST_CASE("SparseFeature_MaskKeepsAboutDensityOfSteps", "[landscape][sparse_feature]") {
  auto f = makeLandscape("sparse_feature", {{"density", 0.1}, {"seed", 7}});
  int seen = 0;
  for (std::uint64_t k = 0; k < 20000; ++k) {
    Point g{1, 1};
    f->maskGradient(g, k);
    CHECK(g.x == 1);
    seen += g.y == 1 ? 1 : 0;
  }
  CHECK(seen > 1800);
  CHECK(seen < 2200);
  // Pure function of (seed, step): the same answer twice, a different pattern for another seed.
  auto same = makeLandscape("sparse_feature", {{"density", 0.1}, {"seed", 7}});
  auto other = makeLandscape("sparse_feature", {{"density", 0.1}, {"seed", 8}});
  int diff = 0;
  for (std::uint64_t k = 0; k < 1000; ++k) {
    Point a{1, 1}, b{1, 1}, c{1, 1};
    f->maskGradient(a, k);
    same->maskGradient(b, k);
    other->maskGradient(c, k);
    CHECK(a.y == b.y);
    diff += a.y != c.y ? 1 : 0;
  }
  CHECK(diff > 50);
}

TEST_CASE("Landscapes_InvalidParametersGetClearErrors", "[landscape][registry]") {
  REQUIRE_THROWS_WITH(makeLandscape("nope"), "Unknown landscape: nope");
  REQUIRE_THROWS_WITH(makeLandscape("ravine", {{"kappa", 0}}),
                      "Invalid parameter kappa for landscape ravine: 0 (must be in [1, 1000])");
  REQUIRE_THROWS_WITH(makeLandscape("ravine", {{"kappa", -5}}),
                      "Invalid parameter kappa for landscape ravine: -5 (must be in [1, 1000])");
  REQUIRE_THROWS_WITH(makeLandscape("ravine", {{"kappa", NAN}}),
                      "Invalid parameter kappa for landscape ravine: nan (must be finite)");
  REQUIRE_THROWS_WITH(makeLandscape("ravine", {{"kapa", 5}}),
                      "Unknown parameter kapa for landscape ravine (known: kappa, angle)");
  REQUIRE_THROWS_WITH(makeLandscape("beale", {{"a", 5}}),
                      "Unknown parameter a for landscape beale (it has no parameters)");
  REQUIRE_THROWS_WITH(makeLandscape("sparse_feature", {{"seed", 1.5}}),
                      "Invalid parameter seed for landscape sparse_feature: 1.5 (must be an integer)");
  REQUIRE_THROWS_WITH(landscapeInfo("x"), "Unknown landscape: x");
}

TEST_CASE("Landscapes_ValueAndGradientIsExactlyValueAndGradient", "[landscape]") {
  for (const std::string& id : allIds()) {
    auto f = makeLandscape(id);
    for (const Point p : samplePoints(f->domain(), 300, 5)) {
      Point g;
      const double v = f->valueAndGradient(p.x, p.y, g);
      const Point g2 = f->gradient(p.x, p.y);
      INFO(id);
      CHECK(sameBits(v, f->value(p.x, p.y)));
      CHECK(sameBits(g.x, g2.x));
      CHECK(sameBits(g.y, g2.y));
    }
    Point g;
    CHECK(sameBits(f->valueAndGradient(0, 0, g), f->value(0, 0)));
  }
}
