#include <catch2/catch.hpp>

#include <cmath>

#include "optimizer_test_support.hpp"

using namespace optlab;
using namespace optlab::test;

TEST_CASE("Radam_FirstFiveStepsAreUnadapted", "[radam]") {
  // rho_t > 5 first holds at t = 6 for beta2 = 0.999; before, p = p - m_hat*lr.
  const auto traj = run("radam", "lr=0.01", "rosenbrock", 1);
  // gx at (-1.5, 2) is -155, so step 1 moves x by lr*155 = 1.55.
  CHECK(traj[1].x == Approx(-1.5 + 1.55).epsilon(1e-12));
  auto opt = make("radam", "lr=0.1");
  std::array<double, 2> p{0, 0};
  for (int t = 1; t <= 6; ++t) {
    p = stepOnce(*opt, p, {1.0, 1.0});
    if (t <= 5) CHECK(buffer(*opt, "rect").values[0] == 0.0);
    else CHECK(buffer(*opt, "rect").values[0] > 0.0);
  }
}

TEST_CASE("Radam_RectifiedStepGolden", "[radam]") {
  auto opt = make("radam", "lr=0.1");
  std::array<double, 2> p{0, 0};
  for (int t = 1; t <= 5; ++t) p = stepOnce(*opt, p, {1.0, 1.0});
  const double before = p[0];
  const double m = buffer(*opt, "exp_avg").values[0] * 0.9 + (1 - 0.9) * 1.0;
  const double v = buffer(*opt, "exp_avg_sq").values[0] * 0.999 + ((1 - 0.999) * 1.0) * 1.0;
  p = stepOnce(*opt, p, {1.0, 1.0});
  const double bc1 = 1 - std::pow(0.9, 6.0), bc2 = 1 - std::pow(0.999, 6.0);
  const double rhoInf = 2 / (1 - 0.999) - 1;
  const double rhoT = rhoInf - ((2 * 6.0) * std::pow(0.999, 6.0)) / bc2;
  const double rect = std::sqrt((((rhoT - 4) * (rhoT - 2)) * rhoInf) / (((rhoInf - 4) * (rhoInf - 2)) * rhoT));
  const double adaptive = (1 / (std::sqrt(v) + 1e-8)) * std::sqrt(bc2);
  CHECK(p[0] == before - (((m / bc1) * 0.1) * adaptive) * rect);
  CHECK(rhoInf == 1998.9999999999982);
}

TEST_CASE("Radam_StateSize", "[radam]") { CHECK(make("radam", "")->stateValuesPerParameter() == 2); }

TEST_CASE("Radam_InvalidConfigs", "[radam]") {
  using Row = std::pair<const char*, const char*>;
  const auto row = GENERATE(Row{"lr=-0.1", "Invalid learning rate: -0.1"}, Row{"eps=-1", "Invalid epsilon value: -1.0"},
                            Row{"betas=1.0,0.999", "Invalid beta parameter at index 0: 1.0"},
                            Row{"weight_decay=-1", "Invalid weight_decay value: -1.0"});
  INFO(row.first);
  REQUIRE_THROWS_WITH(make("radam", row.first), row.second);
}

TEST_CASE("Radam_ConvergesOnHimmelblau", "[radam]") {
  const auto traj = run("radam", "lr=0.02", "himmelblau", 3000);
  CHECK(traj.back().loss < 1e-6);
}
