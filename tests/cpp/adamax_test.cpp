#include <catch2/catch.hpp>

#include <cmath>

#include "optimizer_test_support.hpp"

using namespace optlab;
using namespace optlab::test;

TEST_CASE("Adamax_FirstStepGolden", "[adamax]") {
  auto opt = make("adamax", "lr=0.1");
  const auto p = stepOnce(*opt, {1.0, 0.0}, {-2.0, 0.0});
  const double m = (1 - 0.9) * -2.0;
  const double u = std::max(0.0 * 0.999, std::abs(-2.0) + 1e-8);  // eps inside the max
  CHECK(buffer(*opt, "exp_inf").values[0] == u);
  CHECK(buffer(*opt, "exp_inf").values[1] == 1e-8);
  CHECK(p[0] == 1.0 + ((-(0.1 / (1 - std::pow(0.9, 1.0)))) * m) / u);
}

TEST_CASE("Adamax_NaNPropagatesThroughTheMax", "[adamax]") {
  auto opt = make("adamax", "");
  const auto p = stepOnce(*opt, {1.0, 0.0}, {std::nan(""), 1.0});
  CHECK(std::isnan(buffer(*opt, "exp_inf").values[0]));
  CHECK(std::isnan(p[0]));
}

TEST_CASE("Adamax_StateSize", "[adamax]") { CHECK(make("adamax", "")->stateValuesPerParameter() == 2); }

TEST_CASE("Adamax_InvalidConfigs", "[adamax]") {
  using Row = std::pair<const char*, const char*>;
  const auto row = GENERATE(Row{"lr=-0.002", "Invalid learning rate: -0.002"},
                            Row{"eps=-1e-08", "Invalid epsilon value: -1e-08"},
                            Row{"betas=0.9,1", "Invalid beta parameter at index 1: 1.0"},
                            Row{"weight_decay=-1", "Invalid weight_decay value: -1.0"});
  INFO(row.first);
  REQUIRE_THROWS_WITH(make("adamax", row.first), row.second);
}

TEST_CASE("Adamax_ConvergesOnHimmelblau", "[adamax]") {
  const auto traj = run("adamax", "lr=0.05", "himmelblau", 3000);
  CHECK(traj.back().loss < 1e-6);
}
