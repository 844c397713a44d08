// The learning-rate sweep: flags at the right learning rates, equivalence with
// the race, input validation, and a benchmark.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <iostream>
#include <string>
#include <vector>

#include "landscapes/registry.hpp"
#include "optimizers/registry.hpp"
#include "race/race.hpp"
#include "race/sweep.hpp"
#include "util/double_bits.hpp"

using namespace optlab;

namespace {
// A log grid of `count` learning rates in [lrMin, lrMax], `steps` steps per run.
SweepOptions grid(double lrMin, double lrMax, int count, long steps) {
  SweepOptions o;
  o.lrMin = lrMin;
  o.lrMax = lrMax;
  o.lrCount = count;
  o.steps = steps;
  return o;
}

// The race's runner for one sweep run (config at grid lr `lr`, with its schedule at that peak),
// after the sweep's step count: what the sweep's entry must equal.
RunnerInfo raceRun(const SweepConfig& config, double lr, Point start, const SweepOptions& o) {
  RaceOptions ro;
  ro.noise = o.noise;
  ro.criteria.stopOnConvergence = false;
  Race race(makeLandscape("rosenbrock"), start, ro);
  Settings s = config.settings;
  s["lr"] = {lr};
  race.addRunner(config.optimizerId, s);
  if (config.schedule || config.clipping.active()) {
    std::optional<ScheduleSpec> peak;
    if (config.schedule) peak = scheduleAtPeak(*config.schedule, lr);
    race.setRunnerTraining(0, peak, config.clipping);
  }
  race.advance(o.steps);
  return race.runnerInfo(0);
}

// Every entry of the sweep equals its race run (raceRun) bit for bit, with the same flags.
// Returns the number of diverged runs.
int checkEqualsRace(const SweepResult& r, const std::vector<SweepConfig>& configs, Point start, const SweepOptions& o) {
  int diverged = 0;
  for (std::size_t c = 0; c < configs.size(); ++c)
    for (std::size_t k = 0; k < r.lrs.size(); ++k) {
      const RunnerInfo info = raceRun(configs[c], r.lrs[k], start, o);
      const std::size_t i = c * r.lrs.size() + k;
      INFO(configs[c].label << " lr " << r.lrs[k]);
      CHECK(sameBits(r.finalLoss[i], info.loss));
      CHECK((r.divergedStep[i] >= 0) == (info.status == RunStatus::Diverged));
      if (r.divergedStep[i] >= 0) CHECK(r.divergedStep[i] == info.statusStep);
      diverged += r.divergedStep[i] >= 0;
      if (r.divergedStep[i] < 0) {
        CHECK((r.convergedStep[i] >= 0) == (info.status == RunStatus::Converged));
        if (r.convergedStep[i] >= 0) CHECK(r.convergedStep[i] == info.statusStep);
      }
    }
  return diverged;
}
}  // namespace

TEST_CASE("Sweep_LogSpacedGrid", "[sweep]") {
  const auto lrs = logSpacedLrs(1e-4, 1, 5);
  REQUIRE(lrs.size() == 5);
  CHECK(lrs[0] == 1e-4);
  CHECK(lrs[2] == Approx(1e-2).epsilon(1e-14));
  CHECK(lrs[4] == 1);
  CHECK(logSpacedLrs(0.1, 0.1, 1) == std::vector<double>{0.1});
  const auto def = logSpacedLrs(SweepOptions{}.lrMin, SweepOptions{}.lrMax, SweepOptions{}.lrCount);
  CHECK(def.size() == 60);
}

TEST_CASE("Sweep_SgdOnRavineDivergesExactlyAboveTheStabilityLimit", "[sweep]") {
  // SGD on 0.5(x^2 + 50 y^2): y <- (1 - 50 lr) y, unstable iff lr > 2/50 = 0.04.
  auto f = makeLandscape("ravine");
  const SweepOptions o = grid(1e-3, 1, 31, 500);
  const SweepResult r = runSweep(*f, {-4, 1}, {{"sgd", {}, ""}}, o);
  REQUIRE(r.finalLoss.size() == 31);
  CHECK(r.labels == std::vector<std::string>{"sgd"});
  for (std::size_t k = 0; k < r.lrs.size(); ++k) {
    INFO("lr " << r.lrs[k]);
    CHECK((r.divergedStep[k] >= 0) == (r.lrs[k] > 0.04));
    if (r.divergedStep[k] < 0) CHECK(std::isfinite(r.finalLoss[k]));
  }
  REQUIRE(r.bestIndex[0] >= 0);
  CHECK(r.lrs[static_cast<std::size_t>(r.bestIndex[0])] < 0.04);
  CHECK(r.convergedStep[static_cast<std::size_t>(r.bestIndex[0])] > 0);
}

TEST_CASE("Sweep_AgreesWithTheRace", "[sweep]") {
  auto f = makeLandscape("rosenbrock");
  SweepOptions o = grid(1e-4, 1, 9, 400);
  o.noise.sigma = 0.1;
  o.noise.seed = 99;
  const std::vector<SweepConfig> configs = {
      {"sgd", {{"momentum", {0.9}}}, "momentum"}, {"adam", {}, ""}, {"rmsprop", {}, ""}};
  const SweepResult r = runSweep(*f, f->suggestedStart(), configs, o);
  CHECK(r.labels == std::vector<std::string>{"momentum", "adam", "rmsprop"});
  const int diverged = checkEqualsRace(r, configs, f->suggestedStart(), o);
  CHECK(diverged > 0);
}

TEST_CASE("Sweep_InvalidInputsGetClearErrors", "[sweep][errors]") {
  auto f = makeLandscape("booth");
  SweepOptions o;
  o.lrMin = 0;
  CHECK_THROWS_WITH(runSweep(*f, {0, 0}, {{"sgd", {}, ""}}, o),
                    "Invalid learning-rate range: [0, 10] (need 0 < lrMin <= lrMax)");
  o = {};
  o.lrCount = 0;
  CHECK_THROWS_WITH(runSweep(*f, {0, 0}, {{"sgd", {}, ""}}, o), "Invalid learning-rate count: 0");
  CHECK_THROWS_WITH(runSweep(*f, {NAN, 0}, {{"sgd", {}, ""}}), "Invalid start point: (nan, 0) is not finite");
  CHECK_THROWS_WITH(runSweep(*f, {0, 0}, {{"nope", {}, ""}}), "Unknown optimizer: nope");
  CHECK_THROWS_WITH(runSweep(*f, {0, 0}, {{"sgd", {{"momentum", {-1}}}, ""}}),
                    Catch::Contains("Invalid momentum value"));
}

TEST_CASE("Sweep_Benchmark", "[.][bench]") {
  std::vector<SweepConfig> configs;
  for (const OptimizerInfo& info : optimizerInfos()) configs.push_back({info.id, {}, ""});
  for (const char* id : {"rosenbrock", "ravine", "himmelblau", "goldstein_price", "rastrigin", "ackley"}) {
    auto f = makeLandscape(id);
    const SweepResult r = runSweep(*f, f->suggestedStart(), configs);
    long total = 0;
    for (std::size_t i = 0; i < r.finalLoss.size(); ++i) total += r.divergedStep[i] >= 0 ? r.divergedStep[i] : 2000;
    std::cout << "sweep " << id << ": " << configs.size() << " optimizers x " << r.lrs.size() << " lrs x 2000 steps: "
              << r.milliseconds << " ms (" << total << " steps actually run, "
              << 1e-6 * total / (r.milliseconds / 1000) << " M steps/s)\n";
  }
}

TEST_CASE("Race_Benchmark", "[.][bench]") {
  Race race(makeLandscape("rosenbrock"), {-1.5, 2});
  RaceOptions o;
  o.criteria.stopOnConvergence = false;
  o.noise.sigma = 0.01;
  race.setOptions(o);
  for (const OptimizerInfo& info : optimizerInfos()) race.addRunner(info.id, info.id == "sgd" ? Settings{{"lr", {1e-4}}} : Settings{});
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 1000; ++i) race.advance(100);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "race: " << race.runnerCount() << " runners x 100000 steps (noise on, trajectories capped) in "
            << s * 1000 << " ms: " << 1e-6 * race.runnerCount() * 100000 / s << " M runner-steps/s\n";
}

// A config with a schedule and clipping sweeps the schedule's peak lr: each run is the race's
// runner with that schedule and clipping at that lr (OneCycleLR: max_lr = the grid's lr), bit for bit.
TEST_CASE("Sweep_SchedulesSweepTheirPeakLr", "[sweep][schedules]") {
  auto f = makeLandscape("rosenbrock");
  const SweepOptions o = grid(1e-3, 0.3, 5, 300);
  std::vector<SweepConfig> configs = {
      {"adam", {}, "warm-up + cosine",
       parseScheduleCall("SequentialLR(schedulers=LinearLR(start_factor=0.1,total_iters=20)+CosineAnnealingLR(T_max=280),milestones=20)"),
       GradientClipping{}},
      {"sgd", {{"momentum", {0.9}}}, "one cycle", parseScheduleCall("OneCycleLR(max_lr=7,total_steps=400)"),
       GradientClipping{10.0, std::nullopt}}};
  const SweepResult r = runSweep(*f, f->suggestedStart(), configs, o);
  checkEqualsRace(r, configs, f->suggestedStart(), o);
  // OneCycleLR's peak is its max_lr: the grid's lr replaces it, the other arguments stay.
  CHECK(scheduleCallText(scheduleAtPeak(configs[1].schedule.value(), 0.25)) == "OneCycleLR(max_lr=0.25,total_steps=400)");
  CHECK(scheduleCallText(scheduleAtPeak(parseScheduleCall("OneCycleLR(total_steps=9)"), 0.5)) == "OneCycleLR(max_lr=0.5,total_steps=9)");
  CHECK(scheduleCallText(scheduleAtPeak(configs[0].schedule.value(), 0.25)) == scheduleCallText(configs[0].schedule.value()));
  CHECK(scheduleAtPeakText("OneCycleLR(max_lr=7,total_steps=400)", 0.25) == "OneCycleLR(max_lr=0.25,total_steps=400)");
  CHECK_THROWS_WITH(scheduleAtPeakText("StepLR(", 0.25), "Malformed scheduler 'StepLR(': expected Name(arg=value,...)");
  // A bad schedule fails before any run, in torch's words.
  configs[0].schedule = parseScheduleCall("StepLR(gamma=0.5)");
  CHECK_THROWS_WITH(runSweep(*f, f->suggestedStart(), configs, o),
                    "StepLR.__init__() missing 1 required positional argument: 'step_size'");
}
