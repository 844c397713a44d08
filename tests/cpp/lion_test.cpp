#include <catch2/catch.hpp>

#include <cmath>

#include "optimizer_test_support.hpp"

using namespace optlab;
using namespace optlab::test;

TEST_CASE("Lion_FirstStepGolden", "[lion]") {
  auto opt = make("lion", "lr=0.1");
  const auto p = stepOnce(*opt, {1.0, 1.0}, {-3.0, 0.0});
  CHECK(p[0] == 1.0 - 0.1 * (-1.0 + 0.0 * 1.0));  // c < 0, so sign(c) = -1
  CHECK(p[0] == 1.1);
  CHECK(p[1] == 1.0);  // sign(0) = 0
  CHECK(buffer(*opt, "c").values[0] == 0.0 * 0.9 + (-3.0) * (1 - 0.9));
  CHECK(buffer(*opt, "exp_avg").values[0] == 0.0 * 0.99 + (-3.0) * (1 - 0.99));  // beta2, after the update
}

TEST_CASE("Lion_WeightDecayUsesPreviousTheta", "[lion]") {
  auto opt = make("lion", "lr=0.1;weight_decay=0.5");
  const auto p = stepOnce(*opt, {2.0, 0.0}, {1.0, 0.0});
  CHECK(p[0] == 2.0 - 0.1 * (1.0 + 0.5 * 2.0));
}

TEST_CASE("Lion_EveryStepHasSizeLr", "[lion]") {
  const auto traj = run("lion", "lr=0.01", "rosenbrock", 50);
  for (std::size_t k = 1; k < traj.size(); ++k) {
    CHECK(std::abs(std::abs(traj[k].x - traj[k - 1].x) - 0.01) < 1e-12);
  }
}

TEST_CASE("Lion_StateSize", "[lion]") { CHECK(make("lion", "")->stateValuesPerParameter() == 1); }

TEST_CASE("Lion_InvalidConfigs", "[lion]") {
  using Row = std::pair<const char*, const char*>;
  const auto row = GENERATE(Row{"lr=-0.1", "Invalid learning rate: -0.1"},
                            Row{"betas=0.9,1.0", "Invalid beta parameter at index 1: 1.0"},
                            Row{"weight_decay=-1", "Invalid weight_decay value: -1.0"});
  INFO(row.first);
  REQUIRE_THROWS_WITH(make("lion", row.first), row.second);
}

TEST_CASE("Lion_ReachesHimmelblauMinimumNeighbourhood", "[lion]") {
  const auto traj = run("lion", "lr=0.001", "himmelblau", 5000);
  CHECK(traj.back().loss < 1e-3);
}
