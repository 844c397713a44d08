#include <catch2/catch.hpp>

#include <cmath>

#include "optimizer_test_support.hpp"
#include "optimizers/sgd.hpp"

using namespace optlab;
using namespace optlab::test;

TEST_CASE("Sgd_FirstStepGolden", "[sgd]") {
  // p = p + (-lr)*d with d = g + wd*p.
  auto opt = make("sgd", "lr=0.1;weight_decay=0.5");
  const auto p = stepOnce(*opt, {1.0, -2.0}, {3.0, 4.0});
  CHECK(p[0] == 1.0 + (-0.1) * (3.0 + 0.5 * 1.0));
  CHECK(p[1] == -2.0 + (-0.1) * (4.0 + 0.5 * -2.0));
  CHECK(buffer(*opt, "grad").values[0] == 3.5);
  CHECK(buffer(*opt, "update").values[1] == p[1] - (-2.0));
}

TEST_CASE("Sgd_MomentumBufferStartsAtFirstGradient", "[sgd]") {
  // First step: buf = d (a copy, no (1-dampening)); second: buf = buf*mu + (1-dampening)*d.
  auto opt = make("sgd", "lr=0.1;momentum=0.9;dampening=0.5");
  auto p = stepOnce(*opt, {0.0, 0.0}, {2.0, -1.0});
  CHECK(buffer(*opt, "momentum_buffer").values[0] == 2.0);
  CHECK(p[0] == 0.0 + (-0.1) * 2.0);
  p = stepOnce(*opt, p, {1.0, 1.0});
  const double buf = 2.0 * 0.9 + 0.5 * 1.0;
  CHECK(buffer(*opt, "momentum_buffer").values[0] == buf);
  CHECK(p[0] == -0.2 + (-0.1) * buf);
}

TEST_CASE("Sgd_NesterovGolden", "[sgd]") {
  auto opt = make("sgd", "lr=0.1;momentum=0.9;nesterov=true");
  auto p = stepOnce(*opt, {1.0, 1.0}, {2.0, 2.0});
  CHECK(p[0] == 1.0 + (-0.1) * (2.0 + 0.9 * 2.0));  // d + mu*buf with buf = d
  p = stepOnce(*opt, p, {1.0, 1.0});
  const double buf = 2.0 * 0.9 + 1.0 * 1.0;
  CHECK(p[0] == (1.0 + (-0.1) * (2.0 + 0.9 * 2.0)) + (-0.1) * (1.0 + 0.9 * buf));
}

TEST_CASE("Sgd_MaximizeNegatesGradient", "[sgd]") {
  auto a = make("sgd", "lr=0.1;momentum=0.9;maximize=true");
  auto b = make("sgd", "lr=0.1;momentum=0.9");
  std::array<double, 2> pa{1, 2}, pb{1, 2};
  for (int k = 0; k < 5; ++k) {
    pa = stepOnce(*a, pa, {0.3 * k, -1.0});
    pb = stepOnce(*b, pb, {-0.3 * k, 1.0});
  }
  CHECK(sameBits(pa[0], pb[0]));
  CHECK(sameBits(pa[1], pb[1]));
}

TEST_CASE("Sgd_ZeroMomentumEqualsPlainGradientDescent", "[sgd]") {
  // torch rejects nesterov without momentum; the chapter's look-ahead at mu = 0 is plain SGD.
  const auto plain = run("sgd", "lr=0.001", "rosenbrock");
  CHECK(sameBits(run("sgd", "lr=0.001;momentum=0", "rosenbrock"), plain));
  CHECK(sameBits(run("sgd", "lr=0.001;nesterov_lookahead=true", "rosenbrock"), plain));
  CHECK(sameBits(run("sgd", "lr=0.001;lr_inside_velocity=true", "rosenbrock"), plain));
}

TEST_CASE("Sgd_TeachingSwitchesNeutralValues", "[sgd]") {
  const auto torch = run("sgd", "lr=0.001;momentum=0.9", "rosenbrock");
  // The chapter's v_0 = 0 with dampening = 0 gives v_1 = g_1: the same bits as torch.
  CHECK(sameBits(run("sgd", "lr=0.001;momentum=0.9;momentum_buffer_starts_at_zero=true", "rosenbrock"), torch));
  CHECK(sameBits(run("sgd", "lr=0.001;momentum=0.9;momentum_buffer_starts_at_zero=false;lr_inside_velocity=false;"
                            "nesterov_lookahead=false",
                     "rosenbrock"),
                 torch));
  // With dampening the zero start is the textbook EMA: a different first step.
  auto zero = make("sgd", "lr=0.1;momentum=0.9;dampening=0.5;momentum_buffer_starts_at_zero=true");
  const auto p = stepOnce(*zero, {0, 0}, {2.0, 2.0});
  CHECK(buffer(*zero, "momentum_buffer").values[0] == 1.0);
  CHECK(p[0] == -0.1);
}

TEST_CASE("Sgd_SutskeverFormMatchesForConstantLr", "[sgd]") {
  const auto torch = run("sgd", "lr=0.001;momentum=0.9", "ravine");
  const auto sutskever = run("sgd", "lr=0.001;momentum=0.9;lr_inside_velocity=true", "ravine");
  REQUIRE(torch.size() == sutskever.size());
  for (std::size_t k = 0; k < torch.size(); ++k) {
    CHECK(std::abs(torch[k].x - sutskever[k].x) <= 1e-12 * std::max(1.0, std::abs(torch[k].x)));
    CHECK(std::abs(torch[k].y - sutskever[k].y) <= 1e-12 * std::max(1.0, std::abs(torch[k].y)));
  }
  auto opt = make("sgd", "lr=0.1;momentum=0.9;lr_inside_velocity=true");
  stepOnce(*opt, {0, 0}, {2.0, 2.0});
  CHECK(buffer(*opt, "momentum_buffer").values[0] == 0.1 * 2.0);
}

TEST_CASE("Sgd_NesterovLookaheadAsksForTheLookaheadGradient", "[sgd]") {
  auto opt = make("sgd", "lr=0.1;momentum=0.9;nesterov_lookahead=true");
  opt->reset(2);
  std::array<double, 2> p{1.0, 2.0}, at{};
  opt->gradientPoint(p, at);
  CHECK(at == p);  // no velocity yet
  p = stepOnce(*opt, p, {2.0, 4.0});
  opt->gradientPoint(p, at);
  CHECK(at[0] == p[0] - (0.1 * 0.9) * 2.0);
  CHECK(at[1] == p[1] - (0.1 * 0.9) * 4.0);
  // The step itself is the plain momentum step d = buf.
  const auto q = stepOnce(*opt, p, {1.0, 1.0});
  CHECK(q[0] == p[0] + (-0.1) * (2.0 * 0.9 + 1.0));
}

TEST_CASE("Sgd_StateSize", "[sgd]") {
  CHECK(make("sgd", "lr=0.1")->stateValuesPerParameter() == 0);
  CHECK(make("sgd", "lr=0.1;momentum=0.9")->stateValuesPerParameter() == 1);
  CHECK(make("sgd", "lr=0.1;momentum=0.9;nesterov=true")->stateValuesPerParameter() == 1);
}

TEST_CASE("Sgd_InvalidConfigs", "[sgd]") {
  using Row = std::pair<const char*, const char*>;
  const auto row = GENERATE(
      Row{"lr=-0.1", "Invalid learning rate: -0.1"}, Row{"lr=0.1;momentum=-1", "Invalid momentum value: -1.0"},
      Row{"lr=0.1;weight_decay=-1e-05", "Invalid weight_decay value: -1e-05"},
      Row{"lr=0.1;nesterov=true", "Nesterov momentum requires a momentum and zero dampening"},
      Row{"lr=0.1;momentum=0.9;dampening=0.1;nesterov=true", "Nesterov momentum requires a momentum and zero dampening"},
      Row{"momentum=0.9", "parameter group didn't specify a value of required optimization parameter lr"},
      Row{"lr=0.1;momentum=0.9;nesterov=true;nesterov_lookahead=true",
          "nesterov and nesterov_lookahead are two forms of Nesterov momentum: choose one"});
  INFO(row.first);
  REQUIRE_THROWS_WITH(make("sgd", row.first), row.second);
}

TEST_CASE("Sgd_NaNLearningRatePassesAsInTorch", "[sgd]") {
  // torch checks `lr < 0.0`, which NaN does not fail.
  CHECK_NOTHROW(make("sgd", "lr=nan"));
}

TEST_CASE("Sgd_ConvergesOnRavineWithMomentum", "[sgd]") {
  const auto traj = run("sgd", "lr=0.01;momentum=0.9", "ravine", 500);
  CHECK(traj.back().loss < 1e-8);
  CHECK(traj.back().loss < traj.front().loss);
}
