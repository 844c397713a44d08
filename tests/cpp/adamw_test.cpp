#include <catch2/catch.hpp>

#include <cmath>

#include "optimizer_test_support.hpp"

using namespace optlab;
using namespace optlab::test;

TEST_CASE("AdamW_DefaultWeightDecayIsOneHundredth", "[adamw]") {
  const auto& info = optimizerInfo("adamw");
  for (const auto& p : info.params)
    if (p.name == "weight_decay") CHECK(p.defaults == std::vector<double>{1e-2});
}

TEST_CASE("AdamW_FirstStepGolden", "[adamw]") {
  auto opt = make("adamw", "lr=0.1;weight_decay=0.5");
  const auto p = stepOnce(*opt, {2.0, 0.0}, {3.0, 0.0});
  // p = p*(1 - lr*wd) first; then the Adam step without an L2 term.
  const double decayed = 2.0 * (1 - 0.1 * 0.5);
  const double m = (1 - 0.9) * 3.0, v = ((1 - 0.999) * 3.0) * 3.0;
  const double denom = std::sqrt(v) / std::sqrt(1 - std::pow(0.999, 1.0)) + 1e-8;
  CHECK(p[0] == decayed + ((-(0.1 / (1 - std::pow(0.9, 1.0)))) * m) / denom);
  CHECK(buffer(*opt, "grad").values[0] == 3.0);
}

TEST_CASE("AdamW_ZeroWeightDecayEqualsAdam", "[adamw]") {
  for (const char* landscape : {"rosenbrock", "beale", "himmelblau"}) {
    INFO(landscape);
    CHECK(sameBits(run("adamw", "lr=0.01;weight_decay=0", landscape), run("adam", "lr=0.01", landscape)));
    CHECK(sameBits(run("adamw", "lr=0.01;weight_decay=0;amsgrad=true", landscape),
                   run("adam", "lr=0.01;amsgrad=true", landscape)));
  }
}

TEST_CASE("AdamW_DiffersFromAdamWithL2", "[adamw]") {
  const auto w = run("adamw", "lr=0.01;weight_decay=0.1", "himmelblau");
  const auto l2 = run("adam", "lr=0.01;weight_decay=0.1", "himmelblau");
  CHECK(std::abs(w.back().x - l2.back().x) > 1e-6);
}

TEST_CASE("AdamW_StateSize", "[adamw]") { CHECK(make("adamw", "")->stateValuesPerParameter() == 2); }

TEST_CASE("AdamW_InvalidConfigs", "[adamw]") {
  using Row = std::pair<const char*, const char*>;
  const auto row = GENERATE(Row{"lr=-0.1", "Invalid learning rate: -0.1"},
                            Row{"betas=0.9,1", "Invalid beta parameter at index 1: 1.0"},
                            Row{"weight_decay=-1", "Invalid weight_decay value: -1.0"});
  INFO(row.first);
  REQUIRE_THROWS_WITH(make("adamw", row.first), row.second);
}
