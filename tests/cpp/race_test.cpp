// The race engine: harness order (bit-identical to runTrajectory), statuses at
// the right step on constructed cases, independence of runners, restarts,
// bounded trajectories, the per-frame buffer and input validation.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "landscapes/registry.hpp"
#include "util/double_bits.hpp"
#include "optimizers/registry.hpp"
#include "race/race.hpp"
#include "race/race_host.hpp"
#include "harness/torch_harness.hpp"
#include "util/double_bits.hpp"

using namespace optlab;

namespace {

Settings lr(double v) { return Settings{{"lr", {v}}}; }

RaceOptions noStops() {
  RaceOptions o;
  o.criteria.minimumTolerance = 0;
  o.criteria.gradientTolerance = 0;
  o.trajectoryCap = 100000;
  return o;
}

}  // namespace

TEST_CASE("Race_MatchesTorchHarnessBitForBit", "[race]") {
  // Every optimizer with its defaults (SGD: lr 1e-3), on the five spec landscapes:
  // the race's trajectory is exactly runTrajectory's (UPDATE_RULES.md §1).
  const std::string landscape = GENERATE(as<std::string>{}, "rosenbrock", "ravine", "beale", "himmelblau", "saddle");
  auto f = makeLandscape(landscape);
  Race race(makeLandscape(landscape), f->suggestedStart(), noStops());
  for (const OptimizerInfo& info : optimizerInfos())
    race.addRunner(info.id, info.id == "sgd" ? lr(1e-3) : Settings{});
  race.advance(120);
  race.advance(80);
  for (std::size_t i = 0; i < race.runnerCount(); ++i) {
    const std::string id = optimizerInfos()[i].id;
    INFO(landscape << " / " << id);
    auto opt = makeOptimizer(id, id == "sgd" ? lr(1e-3) : Settings{});
    const auto want = runTrajectory(*opt, *f, f->suggestedStart(), 200);
    const auto got = race.trajectory(i);
    const RunnerInfo r = race.runnerInfo(i);
    const std::size_t n = static_cast<std::size_t>(r.steps) + 1;
    REQUIRE(got.size() == 3 * n);
    for (std::size_t k = 0; k < n; ++k) {
      CHECK(sameBits(got[3 * k], want[k].x));
      CHECK(sameBits(got[3 * k + 1], want[k].y));
      CHECK(sameBits(got[3 * k + 2], want[k].loss));
    }
    if (r.status == RunStatus::Running) CHECK(r.steps == 200);
  }
}

TEST_CASE("Race_DivergenceOutOfBoundsAtTheRightStep", "[race][divergence]") {
  // SGD lr 0.1 on the ravine (kappa 50): y <- y - 5y = -4y exactly: 1, -4, 16, -64, 256, -1024.
  // The bound is ymax + 50 * (ymax - ymin) = 3 + 300 = 303, first passed at step 5.
  Race race(makeLandscape("ravine"), {-4, 1});
  race.addRunner("sgd", lr(0.1));
  race.advance(4);
  CHECK(race.runnerInfo(0).status == RunStatus::Running);
  CHECK(race.runnerInfo(0).y == 256);
  race.advance(10);
  const RunnerInfo r = race.runnerInfo(0);
  CHECK(r.status == RunStatus::Diverged);
  CHECK(r.reason == StopReason::OutOfBounds);
  CHECK(r.statusStep == 5);
  CHECK(r.steps == 5);  // a stopped runner takes no more steps
  CHECK(r.y == -1024);
  CHECK(r.statusText == "diverged at step 5: left the bounded region");
}

TEST_CASE("Race_DivergenceNonFiniteAtTheRightStep", "[race][divergence]") {
  Race race(makeLandscape("booth"), {-8, -7});
  race.addRunner("sgd", lr(1e308));  // the first step overflows to -inf/inf
  race.advance(3);
  const RunnerInfo r = race.runnerInfo(0);
  CHECK(r.status == RunStatus::Diverged);
  CHECK(r.reason == StopReason::NonFinite);
  CHECK(r.statusStep == 1);
}

TEST_CASE("Race_ConvergenceNearMinimumAtTheRightStep", "[race][convergence]") {
  // kappa = 1: SGD lr 0.5 halves the position each step, distance sqrt(17) 2^-n.
  // It first drops to the default tolerance 1e-3 or below at n = 13
  // (sqrt(17)/2^12 = 1.007e-3, /2^13 = 5.03e-4).
  Race race(makeLandscape("ravine", {{"kappa", 1}}), {-4, 1});
  race.addRunner("sgd", lr(0.5));
  race.advance(12);
  CHECK(race.runnerInfo(0).status == RunStatus::Running);
  race.advance(100);
  const RunnerInfo r = race.runnerInfo(0);
  CHECK(r.status == RunStatus::Converged);
  CHECK(r.reason == StopReason::NearMinimum);
  CHECK(r.statusStep == 13);
  CHECK(r.steps == 13);
  CHECK(r.minimumIndex == 0);
  CHECK(r.minimumGlobal);
  CHECK(r.statusText == "converged at step 13: near global minimum 0 (0, 0), f = 0");
}

TEST_CASE("Race_ConvergenceBySmallGradientAtTheRightStep", "[race][convergence]") {
  // The saddle reports no minimum. Started on the ridge (-1, 0), SGD lr 0.25 halves x;
  // |g| = 2|x| = 2^(1-n) first drops below 1e-8 at n = 28.
  Race race(makeLandscape("saddle"), {-1, 0});
  race.addRunner("sgd", lr(0.25));
  race.advance(1000);
  const RunnerInfo r = race.runnerInfo(0);
  CHECK(r.status == RunStatus::Converged);
  CHECK(r.reason == StopReason::SmallGradient);
  CHECK(r.statusStep == 28);
  CHECK(r.minimumIndex == -1);
  CHECK(r.statusText == "converged at step 28: gradient norm below tolerance");
}

TEST_CASE("Race_StartOnAMinimumConvergesAtStepZero", "[race][convergence]") {
  Race race(makeLandscape("himmelblau"), {3, 2});
  race.addRunner("adam", {});
  CHECK(race.runnerInfo(0).status == RunStatus::Converged);
  CHECK(race.runnerInfo(0).statusStep == 0);
  CHECK(race.finished());
}

TEST_CASE("Race_ADivergedRunnerStopsAlone", "[race]") {
  Race race(makeLandscape("ravine"), {-4, 1});
  race.addRunner("sgd", lr(0.1));   // diverges at step 5
  race.addRunner("sgd", lr(0.01));  // converges slowly
  race.advance(50);
  CHECK(race.runnerInfo(0).status == RunStatus::Diverged);
  CHECK(race.runnerInfo(0).steps == 5);
  CHECK(race.runnerInfo(1).status == RunStatus::Running);
  CHECK(race.runnerInfo(1).steps == 50);
  CHECK(race.steps() == 50);
  CHECK_FALSE(race.finished());
}

TEST_CASE("Race_FrameBufferLayout", "[race]") {
  Race race(makeLandscape("ravine"), {-4, 1});
  race.addRunner("sgd", lr(0.1));
  race.addRunner("adam", lr(0.1));
  race.advance(10);
  const auto& f = race.frame();
  REQUIRE(f.size() == 2 * Race::kFrameStride);
  for (std::size_t i = 0; i < 2; ++i) {
    const RunnerInfo r = race.runnerInfo(i);
    const double* row = f.data() + i * Race::kFrameStride;
    CHECK(sameBits(row[0], r.x));
    CHECK(sameBits(row[1], r.y));
    CHECK(sameBits(row[2], r.loss));
    CHECK(row[3] == static_cast<double>(r.status));
    CHECK(row[4] == static_cast<double>(r.steps));
    CHECK(row[5] == static_cast<double>(r.statusStep));
  }
  CHECK(f[3] == 2);   // diverged
  CHECK(f[4] == 5);
  CHECK(f[5] == 5);
  CHECK(f[9] == 0);   // running
  CHECK(f[11] == -1);
}

TEST_CASE("Race_RestartsAreClean", "[race]") {
  Race race(makeLandscape("rosenbrock"), {-1.5, 2});
  race.addRunner("sgd", lr(1e-3));
  race.addRunner("adam", lr(1e-2));
  race.advance(100);
  const auto first = race.trajectory(1);

  race.reset();
  CHECK(race.steps() == 0);
  CHECK(race.trajectory(1).size() == 3);
  race.advance(100);
  CHECK(race.trajectory(1) == first);

  race.setRunnerSettings(0, lr(2e-3));
  CHECK(race.runnerInfo(0).steps == 0);
  CHECK(race.runnerInfo(1).steps == 0);
  race.advance(100);
  CHECK(race.trajectory(1) == first);  // the other runner replays exactly
  CHECK_THROWS_WITH(race.setRunnerSettings(0, lr(-1)), Catch::Contains("Invalid learning rate"));
  CHECK(race.runnerInfo(0).steps == 100);  // a rejected change leaves the race alone

  race.setStart({0, 0});
  CHECK(race.runnerInfo(0).x == 0);
  CHECK(race.runnerInfo(1).y == 0);
  CHECK(race.steps() == 0);
  CHECK_FALSE(race.buffers(1).empty());
  race.removeRunner(0);
  CHECK(race.runnerCount() == 1);
  CHECK(race.frame().size() == Race::kFrameStride);
}

TEST_CASE("Race_TrajectoryMemoryIsBounded", "[race][trajectory]") {
  RaceOptions o = noStops();
  o.trajectoryCap = 16;
  Race race(makeLandscape("rosenbrock"), {-1.5, 2}, o);
  race.addRunner("adam", lr(1e-2));
  for (int i = 0; i < 100; ++i) race.advance(10);
  const auto pts = race.trajectory(0);
  const auto steps = race.trajectorySteps(0);
  REQUIRE(steps.size() * 3 == pts.size());
  CHECK(steps.size() <= 17);
  CHECK(steps.size() >= 8);
  CHECK(steps.front() == 0);
  CHECK(pts[0] == -1.5);
  CHECK(steps.back() == 1000);
  const RunnerInfo r = race.runnerInfo(0);
  CHECK(sameBits(pts[pts.size() - 3], r.x));  // the latest point is exact
  CHECK(sameBits(pts[pts.size() - 1], r.loss));
  const double stride = steps[1] - steps[0];
  for (std::size_t i = 0; i + 1 < steps.size(); ++i) CHECK(std::fmod(steps[i], stride) == 0);

  // The kept points are points of the full run.
  Race full(makeLandscape("rosenbrock"), {-1.5, 2}, noStops());
  full.addRunner("adam", lr(1e-2));
  full.advance(1000);
  const auto all = full.trajectory(0);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const auto k = static_cast<std::size_t>(steps[i]);
    CHECK(sameBits(pts[3 * i], all[3 * k]));
    CHECK(sameBits(pts[3 * i + 1], all[3 * k + 1]));
  }
}

TEST_CASE("Race_SameSeedSameNoisyRace", "[race][noise]") {
  RaceOptions o;
  o.noise.sigma = 0.5;
  o.noise.seed = 1234;
  auto run = [](const RaceOptions& opts) {
    Race race(makeLandscape("rosenbrock"), {-1.5, 2}, opts);
    race.addRunner("sgd", lr(1e-3));
    race.addRunner("adam", lr(1e-2));
    race.advance(300);
    return race.trajectory(0);
  };
  const auto a = run(o), b = run(o);
  CHECK(a == b);
  RaceOptions other = o;
  other.noise.seed = 1235;
  CHECK(run(other) != a);
  RaceOptions clean = o;
  clean.noise.sigma = 0;
  CHECK(run(clean) != a);
}

TEST_CASE("Race_SetNoiseKeepsTheOtherOptions", "[race][noise]") {
  // setNoise() is setOptions() with only the noise changed: same run as the full options.
  RaceOptions o = noStops();
  o.noise.sigma = 0.5;
  o.noise.seed = 77;
  Race viaOptions(makeLandscape("rosenbrock"), {-1.5, 2}, o);
  Race viaNoise(makeLandscape("rosenbrock"), {-1.5, 2}, noStops());
  for (Race* race : {&viaOptions, &viaNoise}) race->addRunner("adam", lr(1e-2));
  viaNoise.setNoise({0.5, 77});
  CHECK(viaNoise.options().criteria.stopOnConvergence == o.criteria.stopOnConvergence);
  viaOptions.advance(50);
  viaNoise.advance(50);
  CHECK(viaNoise.trajectory(0) == viaOptions.trajectory(0));
  CHECK_THROWS_WITH(viaNoise.setNoise({-1, 1}), "Invalid noise sigma: -1 (must be >= 0)");
}

TEST_CASE("Race_SparseFeatureMasksYGradient", "[race][sparse_feature]") {
  // SGD only moves y on the steps where the landscape shows the y-gradient.
  auto f = makeLandscape("sparse_feature", {{"density", 0.2}, {"seed", 3}});
  Race race(makeLandscape("sparse_feature", {{"density", 0.2}, {"seed", 3}}), {-2, -2}, noStops());
  race.addRunner("sgd", lr(0.1));
  double y = -2;
  int moves = 0;
  for (std::uint64_t k = 0; k < 200; ++k) {
    race.advance(1);
    Point g{1, 1};
    f->maskGradient(g, k);
    const double ny = race.runnerInfo(0).y;
    CHECK((ny != y) == (g.y != 0));
    moves += ny != y ? 1 : 0;
    y = ny;
  }
  CHECK(moves > 20);
  CHECK(moves < 70);
}

TEST_CASE("Race_InvalidInputsGetClearErrors", "[race][errors]") {
  CHECK_THROWS_WITH(Race(makeLandscape("booth"), {NAN, 1}), "Invalid start point: (nan, 1) is not finite");
  Race race(makeLandscape("booth"), {0, 0});
  CHECK_THROWS_WITH(race.setStart({1, INFINITY}), "Invalid start point: (1, inf) is not finite");
  CHECK_THROWS_WITH(race.advance(-1), "Race::advance(): negative step count -1");
  CHECK_THROWS_WITH(race.addRunner("nope", {}), "Unknown optimizer: nope");
  CHECK_THROWS_AS(race.runnerInfo(0), std::out_of_range);
  RaceOptions o;
  o.noise.sigma = -1;
  CHECK_THROWS_WITH(race.setOptions(o), "Invalid noise sigma: -1 (must be >= 0)");
  CHECK_THROWS_WITH(Race(nullptr, {0, 0}), "Race: null landscape");
}

TEST_CASE("RaceHost_TheFirstLandscapeMakesTheRaceLaterOnesKeepItsRunners", "[race]") {
  RaceHost host;
  CHECK(host.runnerCount() == 0);
  CHECK_THROWS_WITH(host.race(), "The race has no landscape yet");
  // A rejected first landscape leaves no race.
  CHECK_THROWS_AS(host.setLandscape(makeLandscape("himmelblau"), {std::nan(""), 0}), std::invalid_argument);
  CHECK_THROWS_AS(host.race(), std::logic_error);
  host.setLandscape(makeLandscape("himmelblau"), {1, 1});
  host.race().addRunner("sgd", {{"lr", {0.01}}});
  host.race().advance(5);
  host.setLandscape(makeLandscape("rosenbrock"), {-1, 1});
  CHECK(host.runnerCount() == 1);
  CHECK(host.race().steps() == 0);
  CHECK(host.race().landscape().id() == "rosenbrock");
  CHECK(host.race().start().x == -1);
}
