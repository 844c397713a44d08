// Basins of attraction (analysis/basins.*): Himmelblau's four basins under plain
// gradient descent, equality with the race started at a cell's centre, momentum
// changing the basins, custom landscapes, and invalid input.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>

#include "analysis/basins.hpp"
#include "expression/custom_landscape.hpp"
#include "landscapes/registry.hpp"
#include "race/race.hpp"

using namespace optlab;

TEST_CASE("Basins_HimmelblauFourBasinsWithGD", "[basins]") {
  const auto f = makeLandscape("himmelblau");
  const BasinsResult r = computeBasins(*f, "sgd", {{"lr", {0.01}}});
  REQUIRE(r.nx == 64);
  REQUIRE(r.ny == 64);
  REQUIRE(r.minimum.size() == 64u * 64u);
  REQUIRE(r.counts.size() == 4);
  INFO("64 x 64 Himmelblau basins (sgd lr=0.01): " << r.milliseconds << " ms");
  // Each minimum's own neighbourhood (cells within 1 of it) maps to it, and every basin is large.
  const auto minima = f->minima();
  for (std::size_t m = 0; m < minima.size(); ++m) {
    int near = 0;
    for (int j = 0; j < r.ny; ++j) {
      for (int i = 0; i < r.nx; ++i) {
        const Point c = basinCellCentre(r, i, j);
        if (std::hypot(c.x - minima[m].at.x, c.y - minima[m].at.y) > 1) continue;
        ++near;
        INFO("minimum " << m << ", cell (" << c.x << ", " << c.y << ")");
        REQUIRE(r.minimum[static_cast<std::size_t>(j * r.nx + i)] == static_cast<std::int32_t>(m));
      }
    }
    CHECK(near >= 100);
    CHECK(r.counts[m] >= 300);
  }
  CHECK(r.diverged == 0);
  // The counts add up.
  CHECK(r.counts[0] + r.counts[1] + r.counts[2] + r.counts[3] + r.diverged + r.none == 64 * 64);
}

TEST_CASE("Basins_CellIsTheRaceFromItsCentre", "[basins]") {
  const auto f = makeLandscape("himmelblau");
  BasinsOptions o;
  o.nx = 9;
  o.ny = 7;
  o.maxSteps = 300;
  o.noise.sigma = 0.5;
  o.noise.seed = 3;
  const Settings s = {{"lr", {0.02}}, {"momentum", {0.9}}};
  const BasinsResult r = computeBasins(*f, "sgd", s, o);
  for (int j = 0; j < o.ny; ++j) {
    for (int i = 0; i < o.nx; ++i) {
      RaceOptions ro;
      ro.noise = o.noise;
      Race race(makeLandscape("himmelblau"), basinCellCentre(r, i, j), ro);
      race.addRunner("sgd", s);
      race.advance(o.maxSteps);
      const RunnerInfo info = race.runnerInfo(0);
      const std::size_t c = static_cast<std::size_t>(j * o.nx + i);
      INFO("cell " << i << ", " << j);
      if (info.status == RunStatus::Diverged) {
        CHECK(r.minimum[c] == kBasinDiverged);
        CHECK(r.steps[c] == info.statusStep);
      } else if (info.status == RunStatus::Converged && info.reason == StopReason::NearMinimum) {
        CHECK(r.minimum[c] == info.minimumIndex);
        CHECK(r.steps[c] == info.statusStep);
      } else {
        CHECK(r.minimum[c] == kBasinNone);
      }
    }
  }
}

TEST_CASE("Basins_UnderARaceUseItsNoiseAndStopRules", "[basins][race]") {
  // The page's basins tool: a race's landscape, criteria and noise give the same cells as
  // the options spelled out, and the result names its step budget.
  RaceOptions ro;
  ro.noise.sigma = 0.5;
  ro.noise.seed = 3;
  ro.criteria.minimumTolerance = 0.05;
  const Race race(makeLandscape("himmelblau"), {0, 0}, ro);
  BasinsOptions o;
  o.nx = 9;
  o.ny = 7;
  o.maxSteps = 300;
  o.noise = ro.noise;
  o.criteria = ro.criteria;
  const Settings s = {{"lr", {0.02}}, {"momentum", {0.9}}};
  const BasinsResult spelled = computeBasins(race.landscape(), "sgd", s, o);
  const BasinsResult fromRace = computeBasins(race, "sgd", s, 9, 7, 300);
  CHECK(fromRace.minimum == spelled.minimum);
  CHECK(fromRace.steps == spelled.steps);
  CHECK(fromRace.maxSteps == 300);
  CHECK_THROWS_WITH(computeBasins(race, "sgd", {{"lr", {-1}}}, 9, 7, 300), "Invalid learning rate: -1.0");
}

TEST_CASE("Basins_MomentumChangesTheBasins", "[basins]") {
  const auto f = makeLandscape("himmelblau");
  BasinsOptions o;
  o.nx = o.ny = 32;
  const BasinsResult plain = computeBasins(*f, "sgd", {{"lr", {0.01}}}, o);
  const BasinsResult heavy = computeBasins(*f, "sgd", {{"lr", {0.01}}, {"momentum", {0.9}}}, o);
  int differ = 0;
  for (std::size_t c = 0; c < plain.minimum.size(); ++c) differ += plain.minimum[c] != heavy.minimum[c] ? 1 : 0;
  CHECK(differ > 10);
  // A large learning rate diverges from most starts.
  const BasinsResult wild = computeBasins(*f, "sgd", {{"lr", {0.2}}}, o);
  CHECK(wild.diverged > 512);
}

TEST_CASE("Basins_CustomLandscapeAndRegion", "[basins][custom]") {
  // Two wells at x = -1 and x = 1: the y axis splits the basins.
  const auto f = makeCustomLandscape("(x^2 - 1)^2 + y^2", Domain{-2, 2, -1, 1});
  REQUIRE(f->minima().size() == 2);
  BasinsOptions o;
  o.nx = 16;
  o.ny = 4;
  const BasinsResult r = computeBasins(*f, "sgd", {{"lr", {0.05}}}, o);
  const int left = f->minima()[0].at.x < 0 ? 0 : 1;
  for (int j = 0; j < r.ny; ++j)
    for (int i = 0; i < r.nx; ++i)
      CHECK(r.minimum[static_cast<std::size_t>(j * r.nx + i)] == (i < r.nx / 2 ? left : 1 - left));
  // An explicit region; a one-cell grid is its centre.
  o.nx = o.ny = 1;
  o.region = Domain{0.5, 1.5, -0.5, 0.5};
  const BasinsResult one = computeBasins(*f, "sgd", {{"lr", {0.05}}}, o);
  CHECK(basinCellCentre(one, 0, 0).x == 1);
  CHECK(one.minimum[0] == 1 - left);
  CHECK(one.steps[0] == 0);  // the centre is the minimum: converged at step 0
}

TEST_CASE("Basins_InvalidInput", "[basins]") {
  const auto f = makeLandscape("himmelblau");
  BasinsOptions o;
  REQUIRE_THROWS_WITH(computeBasins(*f, "sgd", {{"lr", {-0.1}}}, o), "Invalid learning rate: -0.1");
  REQUIRE_THROWS_WITH(computeBasins(*f, "nope", {}, o), Catch::Contains("nope"));
  o.nx = 0;
  REQUIRE_THROWS_WITH(computeBasins(*f, "sgd", {{"lr", {0.1}}}, o),
                      "Invalid basin grid: 0 x 64 (each side must be from 1 to 512)");
  o.nx = 64;
  o.maxSteps = -1;
  REQUIRE_THROWS_WITH(computeBasins(*f, "sgd", {{"lr", {0.1}}}, o),
                      "Invalid step count: -1 (must be from 0 to 1000000)");
  o.maxSteps = 10;
  o.region = Domain{1, 1, 0, 1};
  REQUIRE_THROWS_WITH(computeBasins(*f, "sgd", {{"lr", {0.1}}}, o), "Invalid basin region: [1, 1] x [0, 1]");
  o.region.reset();
  o.noise.sigma = -1;
  REQUIRE_THROWS_WITH(computeBasins(*f, "sgd", {{"lr", {0.1}}}, o), "Invalid noise sigma: -1 (must be >= 0)");
}
