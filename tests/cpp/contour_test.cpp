// Grid sampling and marching-squares contours.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <iostream>
#include <numbers>
#include <vector>

#include "analysis/contours.hpp"
#include "analysis/sampling.hpp"
#include "landscapes/registry.hpp"

using namespace optlab;

namespace {

struct Poly {
  std::vector<Point> pts;
  std::uint32_t level;
};

std::vector<Poly> polylines(const ContourSet& c) {
  std::vector<Poly> out;
  for (std::size_t k = 0; k < c.polylineCount(); ++k) {
    Poly p{{}, c.lineLevel[k]};
    for (std::uint32_t i = c.offsets[k]; i < c.offsets[k + 1]; ++i) p.pts.push_back({c.points[2 * i], c.points[2 * i + 1]});
    out.push_back(p);
  }
  return out;
}

double shoelace(const std::vector<Point>& p) {
  double a = 0;
  for (std::size_t i = 0; i + 1 < p.size(); ++i) a += p[i].x * p[i + 1].y - p[i + 1].x * p[i].y;
  return 0.5 * std::fabs(a);
}

}  // namespace

TEST_CASE("Sampling_LayoutAndLinearValues", "[sampling]") {
  auto f = makeLandscape("rosenbrock");
  const Domain d{-2, 2, -1, 3};
  std::vector<double> buf(7 * 5);
  const SampleStats s = sampleGrid(*f, d, 7, 5, ValueScale::Linear, buf);
  CHECK(buf[0] == f->value(-2, -1));
  CHECK(buf[6] == f->value(2, -1));
  CHECK(buf[7 * 4] == f->value(-2, 3));
  CHECK(buf[7 * 2 + 3] == f->value(0, 1));
  CHECK(s.rawMax == f->value(-2, -1));
  CHECK(s.min == s.rawMin);
  CHECK(s.fref == 0);
}

TEST_CASE("Sampling_LogScale", "[sampling]") {
  auto f = makeLandscape("ravine", {{"kappa", 1}});
  const Domain d{-1, 1, -1, 1};
  std::vector<double> buf(21 * 21);
  const SampleStats s = sampleGrid(*f, d, 21, 21, ValueScale::Log, buf);
  CHECK(s.fref == 0);
  CHECK(s.eps == Approx(1e-6));  // range 1 (the corners: 0.5 * 2)
  CHECK(buf[10 * 21 + 10] == Approx(std::log10(s.eps)));  // the minimum is a grid node
  CHECK(buf[0] == Approx(std::log10(1.0 + 1e-6)));
  CHECK(s.max == buf[0]);
  CHECK(logScaled(1.0, s) == buf[0]);
  // A landscape without minima uses the lowest sample.
  auto saddle = makeLandscape("saddle");
  const SampleStats t = sampleGrid(*saddle, d, 21, 21, ValueScale::Log, buf);
  CHECK(t.fref == -1);
}

TEST_CASE("Sampling_LogScaleOfALinearGridEqualsTheLogSample", "[sampling]") {
  // What the page shows: contours from the linear grid, heatmap from its log scale,
  // without sampling the landscape twice.
  for (const char* id : {"rosenbrock", "goldstein_price", "saddle"}) {
    INFO(id);
    auto f = makeLandscape(id);
    const Domain d = f->domain();
    std::vector<double> linear(33 * 17), logged(33 * 17), direct(33 * 17);
    const SampleStats lin = sampleGrid(*f, d, 33, 17, ValueScale::Linear, linear);
    const SampleStats viaLinear = toLogScale(linear, lin, logged);
    const SampleStats viaSample = sampleGrid(*f, d, 33, 17, ValueScale::Log, direct);
    CHECK(logged == direct);
    CHECK(viaLinear.min == viaSample.min);
    CHECK(viaLinear.max == viaSample.max);
    CHECK(viaLinear.fref == viaSample.fref);
    CHECK(viaLinear.eps == viaSample.eps);
  }
  std::vector<double> wrongSize(3);
  CHECK_THROWS_AS(toLogScale(std::vector<double>(4), SampleStats{}, wrongSize), std::invalid_argument);
}

TEST_CASE("Sampling_InvalidGridsGetClearErrors", "[sampling][errors]") {
  auto f = makeLandscape("booth");
  std::vector<double> buf(4);
  CHECK_THROWS_WITH(sampleGrid(*f, f->domain(), 0, 0, ValueScale::Linear, std::span<double>()),
                    "Invalid grid: 0 x 0 samples has no cells (need at least 2 x 2)");
  CHECK_THROWS_WITH(sampleGrid(*f, f->domain(), 1, 4, ValueScale::Linear, buf),
                    "Invalid grid: 1 x 4 samples has no cells (need at least 2 x 2)");
  CHECK_THROWS_WITH(sampleGrid(*f, f->domain(), 3, 2, ValueScale::Linear, buf),
                    "Invalid grid buffer: size 4, expected 3 x 2");
  CHECK_THROWS_WITH(sampleGrid(*f, Domain{1, 1, 0, 1}, 2, 2, ValueScale::Linear, buf),
                    "Invalid domain: need finite xmin < xmax and ymin < ymax");
  CHECK_THROWS_WITH(contourLines(buf, 2, 1, f->domain(), std::vector<double>{1.0}),
                    "Invalid grid: 2 x 1 samples has no cells (need at least 2 x 2)");
  CHECK_THROWS_WITH(logSpacedLevels(0, 0, 1, 5), "Invalid level range: need finite 0 < lowDelta <= highDelta");
  CHECK_THROWS_WITH(logSpacedLevels(0, 1, 2, 0), "Invalid level count: 0 (must be >= 1)");
}

TEST_CASE("Contours_OfACircleAreCircles", "[contours]") {
  auto f = makeLandscape("ravine", {{"kappa", 1}});  // 0.5 (x^2 + y^2)
  const Domain d{-2, 2, -2, 2};
  const int n = 201;
  std::vector<double> buf(n * n);
  sampleGrid(*f, d, n, n, ValueScale::Linear, buf);
  const std::vector<double> radii = {0.5, 1.0, 1.5};
  std::vector<double> levels;
  for (double r : radii) levels.push_back(0.5 * r * r);
  const ContourSet c = contourLines(buf, n, n, d, levels);
  CHECK(c.offsets.size() == c.polylineCount() + 1);
  CHECK(c.offsets.back() * 2 == c.points.size());
  const auto lines = polylines(c);
  REQUIRE(lines.size() == 3);
  for (std::size_t k = 0; k < 3; ++k) {
    const Poly& p = lines[k];
    const double r = radii[p.level];
    INFO("radius " << r);
    CHECK(p.pts.size() > 50);
    CHECK(p.pts.front().x == p.pts.back().x);  // closed
    CHECK(p.pts.front().y == p.pts.back().y);
    for (const Point& q : p.pts) CHECK(std::hypot(q.x, q.y) == Approx(r).margin(2e-4));
    CHECK(shoelace(p.pts) == Approx(std::numbers::pi * r * r).epsilon(1e-3));
  }
}

TEST_CASE("Contours_OpenLinesEndOnTheBoundary", "[contours]") {
  auto f = makeLandscape("ravine", {{"kappa", 1}});
  const Domain d{-2, 2, -2, 2};
  const int n = 101;
  std::vector<double> buf(n * n);
  sampleGrid(*f, d, n, n, ValueScale::Linear, buf);
  const ContourSet c = contourLines(buf, n, n, d, std::vector<double>{0.5 * 2.5 * 2.5});  // r = 2.5: four arcs
  const auto lines = polylines(c);
  REQUIRE(lines.size() == 4);
  auto onBoundary = [](Point q) {
    return std::fabs(std::fabs(q.x) - 2) < 1e-12 || std::fabs(std::fabs(q.y) - 2) < 1e-12;
  };
  for (const Poly& p : lines) {
    CHECK(onBoundary(p.pts.front()));
    CHECK(onBoundary(p.pts.back()));
    for (const Point& q : p.pts) CHECK(std::hypot(q.x, q.y) == Approx(2.5).margin(1e-3));
  }
}

TEST_CASE("Contours_SaddleCellsAndLogLevels", "[contours]") {
  // Himmelblau on a coarse grid: every polyline is continuous (consecutive points
  // at most one cell diagonal apart), whatever the saddle cells.
  auto f = makeLandscape("himmelblau");
  const Domain d = f->domain();
  const int n = 64;
  std::vector<double> buf(n * n);
  sampleGrid(*f, d, n, n, ValueScale::Linear, buf);
  const auto levels = autoLogLevels(buf, 0, 20);
  REQUIRE(levels.size() == 20);
  for (std::size_t k = 1; k < levels.size(); ++k) CHECK(levels[k] > levels[k - 1]);
  CHECK(std::log10(levels[2] - 0) - std::log10(levels[1]) == Approx(std::log10(levels[1]) - std::log10(levels[0])));
  const ContourSet c = contourLines(buf, n, n, d, levels);
  CHECK(c.polylineCount() >= 20);
  const double cell = std::hypot((d.xmax - d.xmin) / (n - 1), (d.ymax - d.ymin) / (n - 1));
  for (const Poly& p : polylines(c)) {
    CHECK(p.pts.size() >= 2);
    for (std::size_t i = 0; i + 1 < p.pts.size(); ++i)
      CHECK(std::hypot(p.pts[i + 1].x - p.pts[i].x, p.pts[i + 1].y - p.pts[i].y) <= cell * 1.0000001);
  }
}

TEST_CASE("Contours_Benchmark512", "[.][bench]") {
  for (const char* id : {"rosenbrock", "goldstein_price", "ackley"}) {
    auto f = makeLandscape(id);
    const int n = 512;
    std::vector<double> buf(n * n);
    const auto t0 = std::chrono::steady_clock::now();
    const SampleStats s = sampleGrid(*f, f->domain(), n, n, ValueScale::Linear, buf);
    const auto t1 = std::chrono::steady_clock::now();
    const auto levels = autoLogLevels(buf, s.fref, 20);
    const ContourSet c = contourLines(buf, n, n, f->domain(), levels);
    const auto t2 = std::chrono::steady_clock::now();
    std::cout << id << ": sample 512x512 " << std::chrono::duration<double, std::milli>(t1 - t0).count()
              << " ms, 20 log levels + contours " << std::chrono::duration<double, std::milli>(t2 - t1).count()
              << " ms (" << c.polylineCount() << " polylines, " << c.points.size() / 2 << " points)\n";
  }
}
