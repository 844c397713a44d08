#include <catch2/catch.hpp>

#include <cmath>

#include "optimizer_test_support.hpp"

using namespace optlab;
using namespace optlab::test;

TEST_CASE("Adam_FirstStepGolden", "[adam]") {
  auto opt = make("adam", "lr=0.1");
  const auto p = stepOnce(*opt, {1.0, -2.0}, {3.0, -0.5});
  // UPDATE_RULES.md, Adam, t = 1, one rounded operation at a time.
  const double m = 0.0 * 0.9 + (1 - 0.9) * 3.0;
  const double v = 0.0 * 0.999 + ((1 - 0.999) * 3.0) * 3.0;
  const double bc1 = 1 - std::pow(0.9, 1.0), bc2 = 1 - std::pow(0.999, 1.0);
  const double denom = std::sqrt(v) / std::sqrt(bc2) + 1e-8;
  CHECK(p[0] == 1.0 + ((-(0.1 / bc1)) * m) / denom);
  CHECK(p[0] == Approx(0.9).epsilon(1e-7));  // the first Adam step is lr*sign(g)
  CHECK(p[1] == Approx(-1.9).epsilon(1e-7));
  CHECK(buffer(*opt, "exp_avg").values[0] == m);
  CHECK(buffer(*opt, "exp_avg_sq").values[0] == v);
  CHECK(buffer(*opt, "denom").values[0] == denom);
  CHECK(buffer(*opt, "m_hat").values[0] == Approx(3.0));
  CHECK(buffer(*opt, "v_hat").values[0] == Approx(9.0));
  CHECK(buffer(*opt, "update").values[0] == p[0] - 1.0);
  CHECK(opt->steps() == 1);
}

TEST_CASE("Adam_WeightDecayIsCoupledL2", "[adam]") {
  auto opt = make("adam", "lr=0.1;weight_decay=0.5");
  stepOnce(*opt, {2.0, 0.0}, {1.0, 0.0});
  CHECK(buffer(*opt, "grad").values[0] == 1.0 + 0.5 * 2.0);
  CHECK(buffer(*opt, "exp_avg").values[0] == (1 - 0.9) * 2.0);
}

TEST_CASE("Adam_AmsgradKeepsRunningMaxOfRawV", "[adam]") {
  auto opt = make("adam", "lr=0.1;amsgrad=true");
  auto p = stepOnce(*opt, {0.0, 0.0}, {10.0, 1.0});
  const double v1 = ((1 - 0.999) * 10.0) * 10.0;
  p = stepOnce(*opt, p, {0.0, 1.0});
  const double v2 = v1 * 0.999;
  CHECK(buffer(*opt, "exp_avg_sq").values[0] == v2);
  CHECK(buffer(*opt, "max_exp_avg_sq").values[0] == v1);  // max of raw v, not of v_hat
  const double denom = std::sqrt(v1) / std::sqrt(1 - std::pow(0.999, 2.0)) + 1e-8;
  CHECK(buffer(*opt, "denom").values[0] == denom);
}

TEST_CASE("Adam_MaximizeNegatesGradient", "[adam]") {
  auto a = make("adam", "maximize=true;amsgrad=true");
  auto b = make("adam", "amsgrad=true");
  std::array<double, 2> pa{1, 2}, pb{1, 2};
  for (int k = 0; k < 5; ++k) {
    pa = stepOnce(*a, pa, {0.3 * k, -1.0});
    pb = stepOnce(*b, pb, {-0.3 * k, 1.0});
  }
  CHECK(sameBits(pa[0], pb[0]));
  CHECK(sameBits(pa[1], pb[1]));
}

TEST_CASE("Adam_BiasCorrectionSwitch", "[adam]") {
  // Neutral value: the torch rule, bit for bit.
  CHECK(sameBits(run("adam", "lr=0.01;bias_correction=true", "rosenbrock"), run("adam", "lr=0.01", "rosenbrock")));
  // The chapter's "common mistake": the first step is lr*m/(sqrt(v)+eps) with m = 0.1*g, v = 0.001*g^2.
  auto opt = make("adam", "lr=0.1;bias_correction=false");
  const auto p = stepOnce(*opt, {0.0, 0.0}, {3.0, 3.0});
  const double m = (1 - 0.9) * 3.0, v = ((1 - 0.999) * 3.0) * 3.0;
  CHECK(p[0] == 0.0 + ((-(0.1 / 1.0)) * m) / (std::sqrt(v) / 1.0 + 1e-8));
  CHECK(p[0] == Approx(-0.1 * 0.1 / std::sqrt(0.001)));  // about 3.16*lr, not lr
  CHECK(buffer(*opt, "m_hat").values[0] == m);
}

TEST_CASE("Adam_StateSize", "[adam]") {
  CHECK(make("adam", "")->stateValuesPerParameter() == 2);
  CHECK(make("adam", "amsgrad=true")->stateValuesPerParameter() == 3);
}

TEST_CASE("Adam_InvalidConfigs", "[adam]") {
  using Row = std::pair<const char*, const char*>;
  const auto row = GENERATE(Row{"lr=-0.1", "Invalid learning rate: -0.1"}, Row{"lr=nan", "Invalid learning rate: nan"},
                            Row{"eps=-1e-08", "Invalid epsilon value: -1e-08"},
                            Row{"betas=1,0.999", "Invalid beta parameter at index 0: 1.0"},
                            Row{"betas=-0.5,0.999", "Invalid beta parameter at index 0: -0.5"},
                            Row{"betas=0.9,1.5", "Invalid beta parameter at index 1: 1.5"},
                            Row{"weight_decay=-0.01", "Invalid weight_decay value: -0.01"});
  INFO(row.first);
  REQUIRE_THROWS_WITH(make("adam", row.first), row.second);
}

TEST_CASE("Adam_ConvergesOnRosenbrock", "[adam]") {
  const auto traj = run("adam", "lr=0.02", "rosenbrock", 3000);
  CHECK(std::abs(traj.back().x - 1.0) < 1e-3);
  CHECK(std::abs(traj.back().y - 1.0) < 2e-3);
}
