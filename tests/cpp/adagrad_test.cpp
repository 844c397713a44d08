#include <catch2/catch.hpp>

#include <cmath>

#include "optimizer_test_support.hpp"

using namespace optlab;
using namespace optlab::test;

TEST_CASE("Adagrad_FirstStepGolden", "[adagrad]") {
  auto opt = make("adagrad", "lr=0.1;initial_accumulator_value=1");
  const auto p = stepOnce(*opt, {1.0, 0.0}, {3.0, 0.0});
  const double sum = 1.0 + (1 * 3.0) * 3.0;  // the accumulator includes initial_accumulator_value
  CHECK(buffer(*opt, "sum").values[0] == sum);
  CHECK(p[0] == 1.0 + ((-0.1) * 3.0) / (std::sqrt(sum) + 1e-10));
  CHECK(p[1] == 0.0);
}

TEST_CASE("Adagrad_LrDecayUsesTMinusOne", "[adagrad]") {
  auto opt = make("adagrad", "lr=0.1;lr_decay=0.5");
  auto p = stepOnce(*opt, {0.0, 0.0}, {1.0, 1.0});
  CHECK(p[0] == 0.0 + ((-0.1) * 1.0) / (std::sqrt(1.0) + 1e-10));  // step 1: full lr
  const double before = p[0];
  p = stepOnce(*opt, p, {1.0, 1.0});
  const double clr = 0.1 / (1 + 1.0 * 0.5);
  CHECK(p[0] == before + ((-clr) * 1.0) / (std::sqrt(2.0) + 1e-10));
}

TEST_CASE("Adagrad_StateSize", "[adagrad]") { CHECK(make("adagrad", "")->stateValuesPerParameter() == 1); }

TEST_CASE("Adagrad_InvalidConfigs", "[adagrad]") {
  using Row = std::pair<const char*, const char*>;
  const auto row = GENERATE(Row{"lr=-0.1", "Invalid learning rate: -0.1"},
                            Row{"lr_decay=-0.5", "Invalid lr_decay value: -0.5"},
                            Row{"weight_decay=-1", "Invalid weight_decay value: -1.0"},
                            Row{"initial_accumulator_value=-0.1", "Invalid initial_accumulator_value value: -0.1"},
                            Row{"eps=-1", "Invalid epsilon value: -1.0"});
  INFO(row.first);
  REQUIRE_THROWS_WITH(make("adagrad", row.first), row.second);
}

TEST_CASE("Adagrad_ConvergesOnRavine", "[adagrad]") {
  const auto traj = run("adagrad", "lr=0.5", "ravine", 1000);
  CHECK(traj.back().loss < 1e-6);
}
