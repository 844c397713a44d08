#include <catch2/catch.hpp>

#include <cmath>

#include "optimizer_test_support.hpp"

using namespace optlab;
using namespace optlab::test;

TEST_CASE("Adadelta_FirstStepGolden", "[adadelta]") {
  auto opt = make("adadelta", "");
  const auto p = stepOnce(*opt, {1.0, 0.0}, {2.0, 0.0});
  const double v = 0.0 * 0.9 + ((1 - 0.9) * 2.0) * 2.0;
  const double delta = (std::sqrt(0.0 + 1e-6) / std::sqrt(v + 1e-6)) * 2.0;
  CHECK(buffer(*opt, "square_avg").values[0] == v);
  CHECK(buffer(*opt, "delta").values[0] == delta);
  CHECK(buffer(*opt, "acc_delta").values[0] == 0.0 * 0.9 + ((1 - 0.9) * delta) * delta);
  CHECK(p[0] == 1.0 - delta);  // lr = 1 gives p - delta exactly
}

TEST_CASE("Adadelta_StateSize", "[adadelta]") { CHECK(make("adadelta", "")->stateValuesPerParameter() == 2); }

TEST_CASE("Adadelta_InvalidConfigs", "[adadelta]") {
  using Row = std::pair<const char*, const char*>;
  const auto row = GENERATE(Row{"lr=-1", "Invalid learning rate: -1.0"}, Row{"rho=1.5", "Invalid rho value: 1.5"},
                            Row{"rho=-0.1", "Invalid rho value: -0.1"}, Row{"eps=-1e-06", "Invalid epsilon value: -1e-06"},
                            Row{"weight_decay=-1", "Invalid weight_decay value: -1.0"});
  INFO(row.first);
  REQUIRE_THROWS_WITH(make("adadelta", row.first), row.second);
  CHECK_NOTHROW(make("adadelta", "rho=1"));  // rho = 1 is allowed
}

TEST_CASE("Adadelta_ConvergesOnRavine", "[adadelta]") {
  const auto traj = run("adadelta", "lr=1", "ravine", 3000);
  CHECK(traj.back().loss < traj.front().loss * 1e-3);
}
