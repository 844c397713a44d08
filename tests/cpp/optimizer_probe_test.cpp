// The optimizer probe: an optimizer stepped through chosen gradients, every buffer recorded.
#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "harness/optimizer_probe.hpp"
#include "optimizers/registry.hpp"

using namespace optlab;

namespace {

const Buffer& named(const ProbeRecord& r, const std::string& name) {
  for (const Buffer& b : r.buffers)
    if (b.name == name) return b;
  FAIL("no buffer " << name);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("Probe_MomentumKeepsMuToTheKOfAnOldGradient", "[probe][sgd]") {
  // One unit gradient, then zeros: after k more steps the velocity holds mu^k of it
  // (torch's buffer starts at the first gradient, then is multiplied by mu each step).
  auto sgd = makeOptimizer("sgd", parseSettings("sgd", "lr=0.1;momentum=0.9"));
  std::vector<double> gradients(11, 0.0);
  gradients[0] = 1.0;
  const std::vector<double> start{0.0};
  const ProbeRecord r = probeOptimizer(*sgd, start, gradients);
  const Buffer& v = named(r, "momentum_buffer");
  REQUIRE(v.values.size() == 11);
  CHECK(v.values[0] == 1.0);
  CHECK(v.values[10] == Approx(std::pow(0.9, 10)).epsilon(1e-12));
  CHECK(r.params.size() == 11);
  CHECK(r.params[0] == Approx(-0.1));  // p - lr * buf
}

TEST_CASE("Probe_AdamWithoutBiasCorrectionTakesALargerFirstStep", "[probe][adam]") {
  // With a constant gradient, torch's Adam moves lr per step at first; without the
  // correction the first step is (1-beta1)/sqrt(1-beta2) = 0.1/0.0316 ~ 3.16 times that.
  const std::vector<double> start{1.0}, gradients{2.0};
  auto adam = makeOptimizer("adam", parseSettings("adam", "lr=0.01"));
  auto raw = makeOptimizer("adam", parseSettings("adam", "lr=0.01;bias_correction=false"));
  const double withCorrection = 1.0 - probeOptimizer(*adam, start, gradients).params[0];
  const double without = 1.0 - probeOptimizer(*raw, start, gradients).params[0];
  CHECK(withCorrection == Approx(0.01).epsilon(1e-6));
  CHECK(without / withCorrection == Approx(0.1 / std::sqrt(0.001)).epsilon(1e-6));
  // By id and settings (as the page asks): the same steps as the optimizer built here.
  CHECK(probeOptimizer("adam", parseSettings("adam", "lr=0.01"), start, gradients).params ==
        probeOptimizer(*adam, start, gradients).params);
}

TEST_CASE("Probe_RejectsGradientsThatDoNotFitTheParameters", "[probe][errors]") {
  auto adam = makeOptimizer("adam", {});
  const std::vector<double> start{0.0, 0.0}, odd{1.0, 2.0, 3.0}, none{};
  CHECK_THROWS_WITH(probeOptimizer(*adam, start, odd),
                    "optimizerProbe: gradients must hold n values per step (n = start's length)");
  CHECK_THROWS_AS(probeOptimizer(*adam, start, none), std::invalid_argument);
  CHECK_THROWS_WITH(probeOptimizer("adam", parseSettings("adam", "lr=-1"), start, start), "Invalid learning rate: -1.0");
}
