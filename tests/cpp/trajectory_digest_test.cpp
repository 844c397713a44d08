// Bit identity across builds: the digest (trajectory/trajectory.hpp) of 200 steps on
// Rosenbrock per optimizer, recorded from the native build. The same test runs in the
// WebAssembly build, so native and wasm must agree on every bit of every trajectory.
// The torch-configured rows are trajectories that torch_reference_test.cpp checks
// bit for bit against torch natively (same settings as the *__default fixtures), so a
// passing wasm run also means wasm reproduces torch. The rest cover teaching switches.
#include <catch2/catch.hpp>

#include <cmath>
#include <tuple>

#include "optimizer_test_support.hpp"

using namespace optlab;
using namespace optlab::test;

TEST_CASE("TrajectoryDigest_RosenbrockIsBitIdenticalAcrossBuilds", "[digest]") {
  using Row = std::tuple<const char*, const char*, const char*>;
  const auto row = GENERATE(
      Row{"sgd", "lr=0.0002;momentum=0.9;nesterov=true", "a82e4408a7f1ec3f"},
      Row{"adagrad", "lr=0.1", "f7c91c52c34b2a72"},
      Row{"rmsprop", "lr=0.01;centered=true", "4c416a349c4c074e"},
      Row{"adam", "lr=0.01", "1f13af12eb72d367"},
      Row{"adam", "lr=0.01;amsgrad=true", "60da1718d6a1e8cc"},
      Row{"adamw", "lr=0.01", "bea285874498635a"},
      Row{"nadam", "lr=0.01", "4b07932c9c4f932d"},
      Row{"lion", "lr=0.001", "563e82501125b850"},
      Row{"adamax", "lr=0.01", "11155c77c4d6bc41"},
      Row{"adadelta", "", "d42eba67db3700af"},
      Row{"radam", "lr=0.01", "fdcde5a6f0e3ebd4"},
      Row{"sgd", "lr=0.0002;momentum=0.9;nesterov_lookahead=true;lr_inside_velocity=true", "4a93c960d30c9620"},
      Row{"rmsprop", "lr=0.01;eps_inside_sqrt=true", "5108d4594ef0e0b5"},
      Row{"adam", "lr=0.01;bias_correction=false", "14cc53faa99f620c"});
  INFO(std::get<0>(row) << " " << std::get<1>(row));
  const auto traj = run(std::get<0>(row), std::get<1>(row), "rosenbrock", 200);
  REQUIRE(traj.size() == 201);
  CHECK(trajectoryDigest(traj) == std::get<2>(row));
}

TEST_CASE("TrajectoryDigest_IsDeterministicAndSensitive", "[digest]") {
  const auto a = run("adam", "lr=0.01", "rosenbrock", 200);
  CHECK(trajectoryDigest(a) == trajectoryDigest(run("adam", "lr=0.01", "rosenbrock", 200)));
  auto b = a;
  b[100].x = std::nextafter(b[100].x, 10.0);  // one ulp anywhere changes the digest
  CHECK(trajectoryDigest(a) != trajectoryDigest(b));
}
