// Bit identity of scheduled and clipped runs across builds: digests (trajectory and
// lrs, harness/torch_harness.hpp) of fixture runs of tests/reference/torch_schedules,
// recorded from the native build, which schedule_torch_reference_test.cpp checks bit
// for bit against torch. The same test runs in the WebAssembly build, so a passing
// wasm run means wasm reproduces torch's scheduled trajectories and lrs too.
//
// The cosine schedules call cos: natively glibc's (as torch does), in WebAssembly a
// correctly rounded one (schedules/schedule_math.hpp). They agree on every cos argument
// of 96 of the 99 fixtures; the 3 NAdam OneCycleLR(three_phase=true) fixtures hit an
// argument where glibc is 1 ulp off the correctly rounded value (largest trajectory
// difference 5.4e-20, measured natively with OPTLAB_CORRECTLY_ROUNDED_COS), so they
// are not pinned here.
#include <catch2/catch.hpp>

#include <tuple>

#include "schedule_test_support.hpp"

using namespace optlab;
using namespace optlab::test;

TEST_CASE("ScheduleDigest_FixtureRunsAreBitIdenticalAcrossBuilds", "[digest][schedules]") {
  // optimizer, settings, landscape, scheduler, clipping, trajectory digest, lr digest
  using Row = std::tuple<const char*, const char*, const char*, const char*, const char*, const char*, const char*>;
  const auto row = GENERATE(
      Row{"sgd", "lr=0.0002;momentum=0.9", "rosenbrock", "StepLR(step_size=50,gamma=0.5)", "", "e82866782bf65d84", "1c49804ac7c7afd8"},
      Row{"rmsprop", "lr=0.01", "himmelblau", "MultiStepLR(milestones=30,80,150,gamma=0.3)", "", "40483dc475c128c9", "287d2cd33d128076"},
      Row{"adagrad", "lr=0.1", "beale", "ExponentialLR(gamma=0.99)", "", "310062815a9381cc", "f2e1e773d7b2acd1"},
      Row{"adamw", "lr=0.01", "rosenbrock", "CosineAnnealingLR(T_max=100,eta_min=0.0001)", "", "ba0ec4ed64b789fd", "e1f82a25beca1710"},
      Row{"adam", "lr=0.01", "himmelblau", "CosineAnnealingWarmRestarts(T_0=30,T_mult=2,eta_min=1e-05)", "", "697a2af54caa79de", "37ffd8755c08c25e"},
      Row{"radam", "lr=0.01", "beale", "LinearLR(start_factor=0.1,total_iters=40)", "", "b90c084fafbe83b9", "a163bdde91cc3a27"},
      Row{"adam", "lr=0.01", "rosenbrock", "OneCycleLR(max_lr=0.05,total_steps=240)", "", "f8078fc3eb2d5e2b", "1b75c1f2549e81c7"},
      Row{"rmsprop", "lr=0.001;momentum=0.5", "himmelblau", "OneCycleLR(max_lr=0.05,total_steps=240)", "", "c02ac2c3b28b620e", "1b75c1f2549e81c7"},
      Row{"adagrad", "lr=0.1", "beale",
          "OneCycleLR(max_lr=0.2,total_steps=240,anneal_strategy=linear,cycle_momentum=false)", "", "106b94ace60b36ae", "49ca34630b0d4ef1"},
      Row{"adam", "lr=0.01", "himmelblau",
          "SequentialLR(schedulers=LinearLR(start_factor=0.1,total_iters=20)+CosineAnnealingLR(T_max=180),milestones=20)",
          "", "cdc43f35299158e8", "60dca46b6202323c"},
      Row{"adamax", "lr=0.01", "himmelblau", "PolynomialLR(total_iters=200,power=2.0)", "", "c806a81a1cb174f3", "1a2aa9532a55a8ca"},
      Row{"adam", "lr=0.01", "beale", "ReduceLROnPlateau(patience=5,factor=0.5)", "", "25599d4116658cae", "99f4ca598bef16c3"},
      Row{"rmsprop", "lr=0.01", "rosenbrock",
          "ReduceLROnPlateau(mode=max,threshold_mode=abs,threshold=0.01,cooldown=3,min_lr=0.0001,patience=2)", "", "c635a5e2fe306341", "3edd4c6fbe1889bb"},
      Row{"sgd", "lr=0.0002;momentum=0.9", "himmelblau",
          "SequentialLR(schedulers=LinearLR(start_factor=0.1,total_iters=20)+CosineAnnealingLR(T_max=180),milestones=20)",
          "", "32d8992c78eef5d6", "1f2f1cca3e800a89"},
      Row{"lion", "lr=0.001", "beale",
          "SequentialLR(schedulers=LinearLR(start_factor=0.25,total_iters=10)+ExponentialLR(gamma=0.98)+StepLR(step_size="
          "30,gamma=0.5),milestones=10,100)",
          "", "eeb8df258a8a0bd9", "82de245e503ca47a"},
      Row{"sgd", "lr=0.0002;momentum=0.9", "rosenbrock", "", "max_norm=1.0", "95cfd0c0f9bdbae3", "3460294a5c899f57"},
      Row{"rmsprop", "lr=0.01", "himmelblau", "", "clip_value=0.5", "202eb80b56975e71", "99f4ca598bef16c3"},
      Row{"adam", "lr=0.01", "beale",
          "SequentialLR(schedulers=LinearLR(start_factor=0.1,total_iters=20)+CosineAnnealingLR(T_max=220),milestones=20)",
          "max_norm=5.0", "7eb1fd46240b9925", "c35b2735e5e9582a"},
      Row{"sgd", "lr=0.0002;momentum=0.9", "rosenbrock", "OneCycleLR(max_lr=0.001,total_steps=240)", "clip_value=2.0",
          "86472a8b5a9305b6", "595ad8651e6994f5"});
  const auto& [optimizer, settings, landscape, scheduler, clipping, trajectory, lrs] = row;
  INFO(optimizer << " " << settings << " " << landscape << " " << scheduler << " " << clipping);
  const auto got = runScheduled(optimizer, settings, landscape, scheduler, clipping, 240);
  REQUIRE(got.points.size() == 241);
  CHECK(trajectoryDigest(got.points) == std::string(trajectory));
  CHECK(lrDigest(got.lrs) == std::string(lrs));
}
