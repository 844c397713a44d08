#include <catch2/catch.hpp>

#include <cmath>

#include "optimizer_test_support.hpp"

using namespace optlab;
using namespace optlab::test;

TEST_CASE("Nadam_FirstStepGolden", "[nadam]") {
  auto opt = make("nadam", "lr=0.1");
  const auto p = stepOnce(*opt, {1.0, 0.0}, {2.0, 0.0});
  // torch 2.x, t = 1, with the float32 mu_product.
  const double psi = 4e-3, beta1 = 0.9;
  const double mu = beta1 * (1. - 0.5 * std::pow(0.96, 1.0 * psi));
  const double muNext = beta1 * (1. - 0.5 * std::pow(0.96, 2.0 * psi));
  const float mp = 1.0f * static_cast<float>(mu);
  const double mpNext = static_cast<double>(mp) * muNext;
  const double m = (1 - 0.9) * 2.0, v = ((1 - 0.999) * 2.0) * 2.0;
  const double denom = std::sqrt(v / (1 - std::pow(0.999, 1.0))) + 1e-8;
  double expected = 1.0 + ((((-0.1) * (1. - mu)) / (1. - static_cast<double>(mp))) * 2.0) / denom;
  expected = expected + ((((-0.1) * muNext) / (1. - mpNext)) * m) / denom;
  CHECK(p[0] == expected);
  CHECK(buffer(*opt, "mu_product").values[0] == static_cast<double>(mp));
  CHECK(buffer(*opt, "denom").values[0] == denom);
}

TEST_CASE("Nadam_MuProductIsFloat32", "[nadam]") {
  auto opt = make("nadam", "");
  std::array<double, 2> p{0, 0};
  for (int k = 0; k < 10; ++k) p = stepOnce(*opt, p, {1.0, 1.0});
  const double mp = buffer(*opt, "mu_product").values[0];
  CHECK(static_cast<double>(static_cast<float>(mp)) == mp);
}

TEST_CASE("Nadam_StateSize", "[nadam]") { CHECK(make("nadam", "")->stateValuesPerParameter() == 2); }

TEST_CASE("Nadam_InvalidConfigs", "[nadam]") {
  using Row = std::pair<const char*, const char*>;
  const auto row = GENERATE(Row{"lr=-0.1", "Invalid learning rate: -0.1"}, Row{"eps=-1", "Invalid epsilon value: -1.0"},
                            Row{"betas=1,0.999", "Invalid beta parameter at index 0: 1.0"},
                            Row{"weight_decay=-1", "Invalid weight_decay value: -1.0"},
                            Row{"momentum_decay=-0.004", "Invalid momentum_decay value: -0.004"});
  INFO(row.first);
  REQUIRE_THROWS_WITH(make("nadam", row.first), row.second);
}

TEST_CASE("Nadam_ConvergesOnHimmelblau", "[nadam]") {
  const auto traj = run("nadam", "lr=0.02", "himmelblau", 2000);
  CHECK(traj.back().loss < 1e-6);
}
