// The surface under the race: sampling, contours and the log scale in one call.
#include <catch2/catch.hpp>

#include <vector>

#include "analysis/surface.hpp"
#include "landscapes/registry.hpp"

using namespace optlab;

TEST_CASE("Surface_IsTheSamplesAndContoursOfTheLinearGrid", "[surface]") {
  auto f = makeLandscape("rosenbrock");
  const Domain d = f->domain();
  std::vector<double> linear(33 * 17);
  const SampleStats lin = sampleGrid(*f, d, 33, 17, ValueScale::Linear, linear);
  const ContourSet contours = contourLines(linear, 33, 17, d, autoLogLevels(linear, lin.fref, 12));

  const Surface s = sampleSurface(*f, 33, 17, false, 12);
  CHECK(s.nx == 33);
  CHECK(s.ny == 17);
  CHECK_FALSE(s.logScale);
  CHECK(s.values == linear);
  CHECK(s.stats.min == lin.min);
  CHECK(s.stats.max == lin.max);
  CHECK(s.contours.levels == contours.levels);
  CHECK(s.contours.points == contours.points);
  CHECK(s.contours.offsets == contours.offsets);
  CHECK(s.contours.lineLevel == contours.lineLevel);
}

TEST_CASE("Surface_LogScaleChangesTheValuesNotTheContours", "[surface]") {
  auto f = makeLandscape("himmelblau");
  const Surface lin = sampleSurface(*f, 40, 40, false, 10);
  const Surface log = sampleSurface(*f, 40, 40, true, 10);
  std::vector<double> expected(lin.values.size());
  const SampleStats stats = toLogScale(lin.values, lin.stats, expected);
  CHECK(log.logScale);
  CHECK(log.values == expected);
  CHECK(log.stats.max == stats.max);
  CHECK(log.stats.fref == lin.stats.fref);
  CHECK(log.contours.points == lin.contours.points);
}

TEST_CASE("Surface_RejectsATooSmallGrid", "[surface]") {
  auto f = makeLandscape("saddle");
  CHECK_THROWS_AS(sampleSurface(*f, 1, 40, true, 10), std::invalid_argument);
  CHECK_THROWS_AS(sampleSurface(*f, -3, 40, true, 10), std::invalid_argument);
}
