// The portable random numbers behind gradient noise and the sparse mask. The
// golden digests below were produced natively (glibc); the same test runs in
// the WebAssembly build (musl), so a mismatch there means the platforms
// disagree (e.g. in the last bit of std::log).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>  // snprintf
#include <string>

#include "landscapes/registry.hpp"
#include "race/noise.hpp"
#include "race/race.hpp"
#include "random/rng.hpp"
#include "util/double_bits.hpp"

using namespace optlab;

namespace {

struct Fnv {
  std::uint64_t h = 14695981039346656037ull;
  void mix(double v) {
    const std::uint64_t bits = doubleBits(v);
    for (int i = 0; i < 8; ++i) {
      h ^= (bits >> (8 * i)) & 0xffu;
      h *= 1099511628211ull;
    }
  }
  std::string hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
  }
};

}  // namespace

TEST_CASE("Noise_SplitMix64ReferenceValues", "[noise]") {
  std::uint64_t s = 0;
  CHECK(splitmix64(s) == 0xE220A8397B1DCDAFULL);
  CHECK(splitmix64(s) == 0x6E789E6AA1B965F4ULL);
  CHECK(splitmix64(s) == 0x06C45D188009454FULL);
}

TEST_CASE("Noise_GoldenDigestOfFirstNormals", "[noise][golden]") {
  // The first normals for seed 42 (bit patterns), for comparison with other builds.
  const Point z0 = gradientNoise(42, 0);
  const Point z1 = gradientNoise(42, 1);
  INFO("z0 = " << z0.x << ", " << z0.y << "; z1 = " << z1.x << ", " << z1.y);
  Fnv fnv;
  for (std::uint64_t k = 0; k < 256; ++k) {
    const Point z = gradientNoise(42, k);
    fnv.mix(z.x);
    fnv.mix(z.y);
  }
  // Native: z0 = (-0x1.95bbae5b6026ep-1, -0x1.0c3f958f07512p-2).
  CHECK(sameBits(z0.x, -0x1.95bbae5b6026ep-1));
  CHECK(sameBits(z0.y, -0x1.0c3f958f07512p-2));
  CHECK(fnv.hex() == "7f97636dc9d8d931");
  Xoshiro256ss rng(7);
  Fnv u;
  for (int i = 0; i < 1000; ++i) u.mix(rng.uniform());
  CHECK(u.hex() == "b3b1aeebf1978c37");
}

TEST_CASE("Noise_GoldenDigestOfANoisyRace", "[noise][golden][race]") {
  RaceOptions o;
  o.noise.sigma = 1.0;
  o.noise.seed = 2024;
  o.criteria.stopOnConvergence = false;
  o.trajectoryCap = 100000;
  Race race(makeLandscape("rosenbrock"), {-1.5, 2}, o);
  race.addRunner("sgd", {{"lr", {1e-4}}});
  race.addRunner("adam", {{"lr", {1e-2}}});
  race.advance(500);
  Fnv fnv;
  for (std::size_t i = 0; i < race.runnerCount(); ++i)
    for (double v : race.trajectory(i)) fnv.mix(v);
  CHECK(fnv.hex() == "0e08c13ce02368a3");
}

TEST_CASE("Noise_IsStandardNormalAndDeterministic", "[noise]") {
  double sum = 0, sum2 = 0, sum4 = 0;
  const int n = 100000;
  for (int k = 0; k < n; ++k) {
    const Point z = gradientNoise(5, static_cast<std::uint64_t>(k));
    const Point again = gradientNoise(5, static_cast<std::uint64_t>(k));
    REQUIRE(sameBits(z.x, again.x));
    REQUIRE(sameBits(z.y, again.y));
    for (double v : {z.x, z.y}) {
      sum += v;
      sum2 += v * v;
      sum4 += v * v * v * v;
    }
  }
  const double m = sum / (2 * n), var = sum2 / (2 * n) - m * m;
  CHECK(std::fabs(m) < 0.01);
  CHECK(var == Approx(1).epsilon(0.02));
  CHECK(sum4 / (2 * n) == Approx(3).epsilon(0.05));  // gaussian kurtosis
  CHECK(!sameBits(gradientNoise(5, 0).x, gradientNoise(6, 0).x));
}
