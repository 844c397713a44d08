#include <catch2/catch.hpp>

#include <cmath>

#include "optimizer_test_support.hpp"

using namespace optlab;
using namespace optlab::test;

TEST_CASE("Rmsprop_FirstStepGolden", "[rmsprop]") {
  auto opt = make("rmsprop", "lr=0.01");
  const auto p = stepOnce(*opt, {1.0, 0.0}, {2.0, 0.0});
  const double v = 0.0 * 0.99 + ((1 - 0.99) * 2.0) * 2.0;
  const double avg = std::sqrt(v) + 1e-8;  // eps outside the sqrt
  CHECK(buffer(*opt, "square_avg").values[0] == v);
  CHECK(buffer(*opt, "avg").values[0] == avg);
  CHECK(p[0] == 1.0 + ((-0.01) * 2.0) / avg);
  CHECK(p[0] == Approx(1.0 - 0.1));  // no bias correction: about 10*lr
}

TEST_CASE("Rmsprop_CenteredMomentumGolden", "[rmsprop]") {
  auto opt = make("rmsprop", "lr=0.01;centered=true;momentum=0.5");
  const auto p = stepOnce(*opt, {1.0, 0.0}, {2.0, 0.0});
  const double v = ((1 - 0.99) * 2.0) * 2.0;
  const double ga = 0.0 * 0.99 + (1 - 0.99) * 2.0;
  const double avg = std::sqrt(v + ((-1) * ga) * ga) + 1e-8;
  const double buf = 0.0 * 0.5 + (1 * 2.0) / avg;
  CHECK(buffer(*opt, "grad_avg").values[0] == ga);
  CHECK(buffer(*opt, "momentum_buffer").values[0] == buf);
  CHECK(p[0] == 1.0 + (-0.01) * buf);
}

TEST_CASE("Rmsprop_EpsInsideSqrtSwitch", "[rmsprop]") {
  CHECK(sameBits(run("rmsprop", "lr=0.001;centered=true;eps_inside_sqrt=false", "beale"),
                 run("rmsprop", "lr=0.001;centered=true", "beale")));
  auto opt = make("rmsprop", "lr=0.01;eps=0.01;eps_inside_sqrt=true");
  const auto p = stepOnce(*opt, {1.0, 0.0}, {2.0, 0.0});
  const double v = ((1 - 0.99) * 2.0) * 2.0;
  CHECK(buffer(*opt, "avg").values[0] == std::sqrt(v + 0.01));
  CHECK(p[0] == 1.0 + ((-0.01) * 2.0) / std::sqrt(v + 0.01));
}

TEST_CASE("Rmsprop_StateSize", "[rmsprop]") {
  CHECK(make("rmsprop", "")->stateValuesPerParameter() == 1);
  CHECK(make("rmsprop", "momentum=0.9")->stateValuesPerParameter() == 2);
  CHECK(make("rmsprop", "momentum=0.9;centered=true")->stateValuesPerParameter() == 3);
}

TEST_CASE("Rmsprop_InvalidConfigs", "[rmsprop]") {
  using Row = std::pair<const char*, const char*>;
  const auto row = GENERATE(Row{"lr=-0.1", "Invalid learning rate: -0.1"}, Row{"eps=-1", "Invalid epsilon value: -1.0"},
                            Row{"momentum=-0.9", "Invalid momentum value: -0.9"},
                            Row{"weight_decay=-2", "Invalid weight_decay value: -2.0"},
                            Row{"alpha=-0.99", "Invalid alpha value: -0.99"});
  INFO(row.first);
  REQUIRE_THROWS_WITH(make("rmsprop", row.first), row.second);
  CHECK_NOTHROW(make("rmsprop", "alpha=1.5"));  // torch does not reject alpha > 1
}

TEST_CASE("Rmsprop_ConvergesOnHimmelblau", "[rmsprop]") {
  const auto traj = run("rmsprop", "lr=0.001", "himmelblau", 4000);
  CHECK(traj.back().loss < 1e-3);
}
