// The schedulers one by one: lr sequences recorded from torch (torch 1.13, whose rules
// for these cases are the same as 2.x: see sequential_lr.hpp for the one difference),
// the momentum OneCycleLR cycles, torch's validation messages, gradient clipping, and
// a scheduled runner in the race.
//
// Each golden row: the scheduler built on a group with lr 1.0 and momentum 0.9 (an
// SGD(lr=1.0, momentum=0.9)), then 20 scheduler steps; the lr after construction and
// after every step, printed by Python's repr (so %.17g round-trips them exactly).
// ReduceLROnPlateau steps on the metrics kPlateauMetrics.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "race/race.hpp"
#include "schedule_test_support.hpp"
#include "schedules/clipping.hpp"
#include "schedules/registry.hpp"

using namespace optlab;
using namespace optlab::test;

namespace {

const double kPlateauMetrics[20] = {5, 4, 4, 4, 4, 3.9999, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2};

struct Golden {
  const char* call;
  std::vector<double> lrs;
};

ParamGroup sgdGroup() {
  ParamGroup g;
  g.lr = 1.0;
  g.momentumKey = MomentumKey::Momentum;
  g.momentum = 0.9;
  return g;
}

// The lr (and momentum) after construction and after each of 20 steps.
void drive(const std::string& call, std::vector<double>& lrs, std::vector<double>& momenta) {
  ParamGroup g = sgdGroup();
  auto s = makeScheduler(parseScheduleCall(call), g);
  lrs = {g.lr};
  momenta = {g.momentum};
  for (int k = 0; k < 20; ++k) {
    s->step(kPlateauMetrics[k]);
    lrs.push_back(g.lr);
    momenta.push_back(g.momentum);
  }
}

}  // namespace

TEST_CASE("Schedulers_LrSequencesMatchTorchBitForBit", "[schedules]") {
  const std::vector<Golden> table = {
      {"StepLR(step_size=3,gamma=0.5)",
       {1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.125, 0.125, 0.125, 0.0625, 0.0625, 0.0625, 0.03125, 0.03125, 0.03125, 0.015625, 0.015625, 0.015625}},
      {"MultiStepLR(milestones=2,5,5,gamma=0.1)",
       {1.0, 1.0, 0.1, 0.1, 0.1, 0.0010000000000000002, 0.0010000000000000002, 0.0010000000000000002, 0.0010000000000000002, 0.0010000000000000002, 0.0010000000000000002, 0.0010000000000000002, 0.0010000000000000002, 0.0010000000000000002, 0.0010000000000000002, 0.0010000000000000002, 0.0010000000000000002, 0.0010000000000000002, 0.0010000000000000002, 0.0010000000000000002, 0.0010000000000000002}},
      {"ExponentialLR(gamma=0.9)",
       {1.0, 0.9, 0.81, 0.7290000000000001, 0.6561000000000001, 0.5904900000000002, 0.5314410000000002, 0.47829690000000014, 0.43046721000000016, 0.38742048900000015, 0.34867844010000015, 0.31381059609000017, 0.28242953648100017, 0.25418658283290013, 0.22876792454961012, 0.2058911320946491, 0.1853020188851842, 0.16677181699666577, 0.1500946352969992, 0.13508517176729928, 0.12157665459056936}},
      {"CosineAnnealingLR(T_max=6,eta_min=0.01)",
       {1.0, 0.9336825748732972, 0.7525000000000001, 0.505, 0.2575000000000001, 0.07631742512670284, 0.01, 0.07631742512670284, 0.2575, 0.5050000000000003, 0.7525000000000007, 0.9336825748732979, 1.0000000000000009, 0.933682574873298, 0.752500000000001, 0.505000000000001, 0.2575000000000006, 0.07631742512670284, 0.01, 0.07631742512670284, 0.25750000000000095}},
      {"CosineAnnealingWarmRestarts(T_0=3,T_mult=2,eta_min=0.01)",
       {1.0, 0.7525, 0.2575000000000001, 1.0, 0.9336825748732972, 0.7525, 0.505, 0.2575000000000001, 0.07631742512670284, 1.0, 0.9831332840130887, 0.9336825748732972, 0.855017856687341, 0.7525, 0.6331154273257478, 0.505, 0.3768845726742523, 0.2575000000000001, 0.15498214331265903, 0.07631742512670284, 0.02686671598691124}},
      {"LinearLR(start_factor=0.25,total_iters=4)",
       {0.25, 0.4375, 0.625, 0.8125, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0}},
      {"LinearLR(start_factor=1.0,end_factor=0.5,total_iters=3)",
       {1.0, 0.8333333333333334, 0.6666666666666667, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5}},
      {"OneCycleLR(max_lr=1.0,total_steps=20)",
       {0.040000000000000036, 0.1316718427000253, 0.3716718427000253, 0.6683281572999747, 0.9083281572999747, 1.0, 0.9874640062350873, 0.9504846320134737, 0.89091617757105, 0.8117456539497631, 0.7169430017913008, 0.6112620219362893, 0.500002, 0.38874197806371075, 0.28306099820869923, 0.18825834605023697, 0.10908782242895004, 0.049519367986526286, 0.012539993764912554, 4e-06, 0.012539993764912554}},
      {"OneCycleLR(max_lr=1.0,total_steps=20,anneal_strategy=linear,three_phase=true)",
       {0.04, 0.232, 0.424, 0.616, 0.808, 1.0, 0.808, 0.616, 0.42400000000000004, 0.23199999999999998, 0.040000000000000036, 0.035556000000000004, 0.031112, 0.026668, 0.022224, 0.017779999999999997, 0.013336, 0.008891999999999997, 0.0044480000000000006, 3.9999999999970615e-06, -0.0044400000000000064}},
      {"PolynomialLR(total_iters=8,power=0.5)",
       {1.0, 0.9354143466934853, 0.8660254037844386, 0.7905694150420949, 0.7071067811865476, 0.6123724356957946, 0.5, 0.3535533905932738, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0}},
      {"ReduceLROnPlateau(patience=2,factor=0.5,cooldown=1)",
       {1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.125, 0.125, 0.125, 0.125, 0.0625}},
      {"ReduceLROnPlateau(mode=max,threshold_mode=abs,threshold=0.5,patience=0,min_lr=0.3)",
       {1.0, 1.0, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3}},
      {"SequentialLR(schedulers=LinearLR(start_factor=0.5,total_iters=3)+ExponentialLR(gamma=0.5),milestones=3)",
       {0.5, 0.6666666666666666, 0.8333333333333333, 1.0, 0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625, 0.0078125, 0.00390625, 0.001953125, 0.0009765625, 0.00048828125, 0.000244140625, 0.0001220703125, 6.103515625e-05, 3.0517578125e-05, 1.52587890625e-05, 7.62939453125e-06}},
      {"SequentialLR(schedulers=ExponentialLR(gamma=0.5)+CosineAnnealingLR(T_max=4)+StepLR(step_size=2,gamma=0.1),milestones=2,6)",
       {1.0, 0.5, 1.0, 0.8535533905932737, 0.5, 0.14644660940672627, 1.0, 1.0, 0.1, 0.1, 0.010000000000000002, 0.010000000000000002, 0.0010000000000000002, 0.0010000000000000002, 0.00010000000000000003, 0.00010000000000000003, 1.0000000000000004e-05, 1.0000000000000004e-05, 1.0000000000000004e-06, 1.0000000000000004e-06, 1.0000000000000005e-07}},
  };
  for (const auto& row : table) {
    INFO(row.call);
    std::vector<double> lrs, momenta;
    drive(row.call, lrs, momenta);
    REQUIRE(lrs.size() == row.lrs.size());
    for (std::size_t k = 0; k < lrs.size(); ++k) {
      INFO("after " << k << " steps");
      CHECK(sameBits(lrs[k], row.lrs[k]));
    }
  }
}

TEST_CASE("Schedulers_OneCycleCyclesMomentumLikeTorch", "[schedules]") {
  const std::vector<std::pair<const char*, std::vector<double>>> table = {
      {"OneCycleLR(max_lr=1.0,total_steps=20)", {0.95, 0.9404508497187474, 0.9154508497187474, 0.8845491502812526, 0.8595491502812526, 0.85, 0.8512536043909088, 0.854951556604879, 0.8609084258765984, 0.8688255099070633, 0.878305813044122, 0.8888739533021842, 0.8999999999999999, 0.9111260466978157, 0.9216941869558779, 0.9311744900929366, 0.9390915741234015, 0.945048443395121, 0.9487463956090911, 0.95, 0.9487463956090911}},
      {"OneCycleLR(max_lr=1.0,total_steps=20,anneal_strategy=linear,three_phase=true)", {0.95, 0.9299999999999999, 0.9099999999999999, 0.89, 0.87, 0.85, 0.87, 0.89, 0.9099999999999999, 0.9299999999999999, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95}},
  };
  for (const auto& [call, expected] : table) {
    INFO(call);
    std::vector<double> lrs, momenta;
    drive(call, lrs, momenta);
    REQUIRE(momenta.size() == expected.size());
    for (std::size_t k = 0; k < momenta.size(); ++k) CHECK(sameBits(momenta[k], expected[k]));
  }
  // cycle_momentum=false leaves the momentum alone.
  std::vector<double> lrs, momenta;
  drive("OneCycleLR(max_lr=1.0,total_steps=20,cycle_momentum=false)", lrs, momenta);
  for (double m : momenta) CHECK(m == 0.9);
}

TEST_CASE("Schedulers_StepPastTotalStepsRaisesLikeTorch", "[schedules]") {
  ParamGroup g = sgdGroup();
  auto s = makeScheduler(parseScheduleCall("OneCycleLR(max_lr=1.0,total_steps=3)"), g);
  for (int k = 0; k < 3; ++k) s->step(0);
  REQUIRE_THROWS_WITH(s->step(0), "Tried to step 4 times. The specified number of total steps is 3");
}

TEST_CASE("Schedulers_InvalidArgumentsUseTorchWording", "[schedules]") {
  using Row = std::pair<const char*, const char*>;
  const std::vector<Row> table = {
      {"FooLR(gamma=0.5)", "module 'torch.optim.lr_scheduler' has no attribute 'FooLR'"},
      {"StepLR(gamma=0.5)", "StepLR.__init__() missing 1 required positional argument: 'step_size'"},
      {"SequentialLR()", "SequentialLR.__init__() missing 2 required positional arguments: 'schedulers' and 'milestones'"},
      {"StepLR(step_size=10,foo=1)", "StepLR.__init__() got an unexpected keyword argument 'foo'"},
      {"StepLR(step_size=10,step_size=20)", "StepLR.__init__() got multiple values for argument 'step_size'"},
      {"StepLR(step_size=0)", "Expected positive integer step_size, but got 0"},
      {"StepLR(step_size=2.5)", "Expected integer step_size, but got 2.5"},
      {"StepLR(step_size=10,gamma=abc)", "Malformed value for gamma: 'abc' (expected a number)"},
      {"MultiStepLR(milestones=3,x)", "Malformed value for milestones: '3,x' (expected integers like 30,80)"},
      {"CosineAnnealingLR(T_max=0)", "Expected positive integer T_max, but got 0"},
      {"CosineAnnealingWarmRestarts(T_0=0)", "Expected positive integer T_0, but got 0"},
      {"CosineAnnealingWarmRestarts(T_0=10.0)", "Expected positive integer T_0, but got 10.0"},
      {"CosineAnnealingWarmRestarts(T_0=10,T_mult=0)", "Expected integer T_mult >= 1, but got 0"},
      {"LinearLR(start_factor=0)",
       "Starting multiplicative factor expected to be greater than 0 and less or equal to 1."},
      {"LinearLR(end_factor=1.5)", "Ending multiplicative factor expected to be between 0 and 1."},
      {"OneCycleLR(max_lr=0.1)", "You must define either total_steps OR (epochs AND steps_per_epoch)"},
      {"OneCycleLR(max_lr=0.1,total_steps=0)", "Expected positive integer total_steps, but got 0"},
      {"OneCycleLR(max_lr=0.1,total_steps=1.5)", "Expected positive integer total_steps, but got 1.5"},
      {"OneCycleLR(max_lr=0.1,epochs=0,steps_per_epoch=10)", "Expected positive integer epochs, but got 0"},
      {"OneCycleLR(max_lr=0.1,total_steps=100,pct_start=1.5)",
       "Expected float between 0 and 1 pct_start, but got 1.5"},
      {"OneCycleLR(max_lr=0.1,total_steps=100,anneal_strategy=exp)",
       "anneal_strategy must be one of 'cos' or 'linear', instead got exp"},
      {"ReduceLROnPlateau(factor=1.0)", "Factor should be < 1.0."},
      {"ReduceLROnPlateau(mode=up)", "mode up is unknown!"},
      {"ReduceLROnPlateau(threshold_mode=pct)", "threshold mode pct is unknown!"},
      {"SequentialLR(schedulers=StepLR(step_size=5)+ExponentialLR(gamma=0.9),milestones=5,10)",
       "Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone "
       "points, but got number of schedulers 2 and the number of milestones to be equal to 2"},
      {"SequentialLR(schedulers=StepLR(step_size=5)+ReduceLROnPlateau(),milestones=5)",
       "SequentialLR does not support `ReduceLROnPlateau` scheduler as it requires additional kwargs to be "
       "specified when calling `step`, but got one at index 1 in the given schedulers sequence."},
      {"CosineAnnealingLR(T_max=2000000000)", "Invalid value for T_max: 2000000000 (at most 1000000000 in size)"},
      {"OneCycleLR(max_lr=0.1,epochs=100000,steps_per_epoch=100000)",
       "epochs * steps_per_epoch is 10000000000 (at most 1000000000)"},
      {"StepLR(step_size=5", "Malformed scheduler 'StepLR(step_size=5': expected Name(arg=value,...)"},
  };
  for (const auto& [call, message] : table) {
    INFO(call);
    REQUIRE_THROWS_WITH(Schedule(parseScheduleCall(call)), message);
  }
}

TEST_CASE("Schedulers_OneCycleNeedsAMomentumKey", "[schedules]") {
  Schedule cycle(parseScheduleCall("OneCycleLR(max_lr=0.1,total_steps=100)"));
  auto adagrad = make("adagrad", "lr=0.1");
  REQUIRE_THROWS_WITH(cycle.bind(*adagrad),
                      "optimizer must support momentum or beta1 with `cycle_momentum` option enabled");
  auto plainSgd = make("sgd", "lr=0.1");
  REQUIRE_THROWS_WITH(cycle.bind(*plainSgd),
                      "OneCycleLR with cycle_momentum=true would switch on the momentum of an optimizer built with "
                      "momentum=0; give the optimizer a momentum > 0 or set cycle_momentum=false");
  // A failed bind leaves the optimizer as configured.
  CHECK(*plainSgd->scheduledHyperparameters().lr == 0.1);
  Schedule noCycle(parseScheduleCall("OneCycleLR(max_lr=0.1,total_steps=100,cycle_momentum=false)"));
  REQUIRE_NOTHROW(noCycle.bind(*adagrad));
}

TEST_CASE("Schedule_RestartAndUnbindRestoreTheConfiguredValues", "[schedules]") {
  auto adam = make("adam", "lr=0.01;betas=0.9,0.999");
  Schedule s(parseScheduleCall("OneCycleLR(max_lr=0.05,total_steps=10)"));
  s.bind(*adam);
  const auto hyper = adam->scheduledHyperparameters();
  const double lr0 = *hyper.lr, beta0 = *hyper.momentum;
  CHECK(std::abs(lr0 - 0.05 / 25.0) < 1e-17);  // the anneal formula at pct 0, as torch rounds it
  for (int k = 0; k < 5; ++k) s.afterOptimizerStep(1.0);
  CHECK(*hyper.lr != lr0);
  s.restart();
  CHECK(sameBits(*hyper.lr, lr0));
  CHECK(sameBits(*hyper.momentum, beta0));
  s.unbind();
  CHECK(*hyper.lr == 0.01);
  CHECK(*hyper.momentum == 0.9);
}

TEST_CASE("ClipGradNorm_AlwaysMultipliesByTheClampedCoefficient", "[schedules][clipping]") {
  // Below max_norm the coefficient clamps to 1.0 and the multiplication is exact.
  std::vector<double> g = {0.3, -0.4};
  CHECK(clipGradNorm(g, 1.0) == 0.5);
  CHECK(g[0] == 0.3);
  CHECK(g[1] == -0.4);
  // Above: g * (max_norm / (total_norm + 1e-6)), one coefficient for all coordinates,
  // computed as torch's Tensor.__rtruediv__ does: a reciprocal times max_norm.
  g = {30.0, -40.0};
  CHECK(clipGradNorm(g, 5.0) == 50.0);
  const double coef5 = (1.0 / (50.0 + 1e-6)) * 5.0;
  CHECK(sameBits(g[0], 30.0 * coef5));
  g = {30.0, -40.0};
  CHECK(clipGradNorm(g, 1.0) == 50.0);
  const double coef = (1.0 / (50.0 + 1e-6)) * 1.0;
  CHECK(sameBits(g[0], 30.0 * coef));
  CHECK(sameBits(g[1], -40.0 * coef));
  // Exactly at max_norm, 1e-6 makes the coefficient just below 1: torch scales anyway.
  g = {3.0, 4.0};
  clipGradNorm(g, 5.0);
  CHECK(g[0] < 3.0);
  // NaN propagates (torch.clamp keeps NaN).
  g = {std::nan(""), 1.0};
  clipGradNorm(g, 1.0);
  CHECK(std::isnan(g[1]));
}

TEST_CASE("ClipGradValue_ClampsEachCoordinate", "[schedules][clipping]") {
  std::vector<double> g = {-3.0, 0.25, 7.0, std::nan("")};
  clipGradValue(g, 0.5);
  CHECK(g[0] == -0.5);
  CHECK(g[1] == 0.25);
  CHECK(g[2] == 0.5);
  CHECK(std::isnan(g[3]));
}

TEST_CASE("Race_ScheduledRunnerMatchesTheHarness", "[schedules][race]") {
  // The race's walker and the torch harness take the same steps with the same lrs.
  const char* call = "SequentialLR(schedulers=LinearLR(start_factor=0.1,total_iters=20)+CosineAnnealingLR(T_max=180),milestones=20)";
  const auto reference = runScheduled("adam", "lr=0.01", "rosenbrock", call, "max_norm=5.0", 100);
  auto landscape = makeLandscape("rosenbrock");
  const Point start = landscape->suggestedStart();
  RaceOptions options;
  options.criteria.stopOnConvergence = false;
  Race race(std::move(landscape), start, options);
  const auto index = race.addRunner("adam", parseSettings("adam", "lr=0.01"), "warm-up");
  race.addRunner("adam", parseSettings("adam", "lr=0.01"), "plain");
  GradientClipping clip;
  clip.maxNorm = 5.0;
  race.setRunnerTraining(index, parseScheduleCall(call), clip);
  CHECK(race.runnerInfo(index).lr == reference.lrs[0]);
  for (int k = 1; k <= 100; ++k) {
    race.advance(1);
    const RunnerInfo info = race.runnerInfo(index);
    INFO("step " << k);
    REQUIRE(sameBits(info.x, reference.points[static_cast<std::size_t>(k)].x));
    REQUIRE(sameBits(info.y, reference.points[static_cast<std::size_t>(k)].y));
    REQUIRE(sameBits(info.lr, reference.lrs[static_cast<std::size_t>(k - 1)]));
  }
  CHECK(race.runnerInfo(1).lr == 0.01);  // the other runner is not scheduled
  // A reset replays the same run; removing the schedule gives the configured lr back.
  race.reset();
  race.advance(100);
  CHECK(sameBits(race.runnerInfo(index).x, reference.points[100].x));
  race.setRunnerTraining(index, std::nullopt, {});
  race.advance(3);
  CHECK(race.runnerInfo(index).lr == 0.01);
  // A schedule the optimizer cannot take changes nothing.
  const auto adagrad = race.addRunner("adagrad", parseSettings("adagrad", "lr=0.1"), "adagrad");
  REQUIRE_THROWS_WITH(race.setRunnerTraining(adagrad, parseScheduleCall("OneCycleLR(max_lr=0.1,total_steps=10)"), {}),
                      "optimizer must support momentum or beta1 with `cycle_momentum` option enabled");
  race.advance(2);
  CHECK(race.runnerInfo(adagrad).lr == 0.1);
}

TEST_CASE("Race_SetRunnerScheduleFromCallText", "[schedules][race]") {
  // The call text gives the same run as the parsed spec; "" takes the schedule off.
  const char* call = "StepLR(step_size=5,gamma=0.5)";
  const Point start = makeLandscape("rosenbrock")->suggestedStart();
  Race fromSpec(makeLandscape("rosenbrock"), start), fromText(makeLandscape("rosenbrock"), start);
  for (Race* race : {&fromSpec, &fromText}) race->addRunner("sgd", parseSettings("sgd", "lr=0.001"), "sgd");
  GradientClipping clip;
  clip.clipValue = 1.0;
  fromSpec.setRunnerTraining(0, parseScheduleCall(call), clip);
  fromText.setRunnerSchedule(0, call, clip);
  fromSpec.advance(12);
  fromText.advance(12);
  CHECK(fromText.trajectory(0) == fromSpec.trajectory(0));
  CHECK(fromText.runnerInfo(0).lr == 0.001 * 0.25);
  CHECK_FALSE(parseOptionalScheduleCall("").has_value());
  CHECK(parseOptionalScheduleCall(call)->name == "StepLR");
  fromText.setRunnerSchedule(0, "", {});
  fromText.advance(1);
  CHECK(fromText.runnerInfo(0).lr == 0.001);
  // A bad index is reported before a bad call; a bad call changes nothing.
  CHECK_THROWS_AS(fromText.setRunnerSchedule(3, "NoSuchLR()", {}), std::out_of_range);
  CHECK_THROWS_WITH(fromText.setRunnerSchedule(0, "NoSuchLR()", {}),
                    "module 'torch.optim.lr_scheduler' has no attribute 'NoSuchLR'");
  fromText.advance(1);
  CHECK(fromText.runnerInfo(0).lr == 0.001);
}

TEST_CASE("Race_SchedulerErrorStopsOnlyTheSchedule", "[schedules][race]") {
  auto landscape = makeLandscape("ravine");
  const Point start = landscape->suggestedStart();
  Race race(std::move(landscape), start);
  race.addRunner("sgd", parseSettings("sgd", "lr=0.01;momentum=0.9"), "cycle");
  race.setRunnerTraining(0, parseScheduleCall("OneCycleLR(max_lr=0.05,total_steps=5)"), {});
  race.advance(10);
  const RunnerInfo info = race.runnerInfo(0);
  CHECK(info.steps == 10);
  CHECK(info.scheduleError == "Tried to step 6 times. The specified number of total steps is 5");
}
