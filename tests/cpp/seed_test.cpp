// The one seed range of the core.
#include <catch2/catch.hpp>

#include <cmath>

#include "random/seed.hpp"

using namespace optlab;

TEST_CASE("Seed_AcceptsEveryWholeNumberJavaScriptHoldsExactly", "[seed]") {
  CHECK(seedFromNumber(0, "noise seed") == 0u);
  CHECK(seedFromNumber(4294967296.0, "noise seed") == 4294967296u);
  CHECK(seedFromNumber(kMaxSeed, "noise seed") == 9007199254740991u);
}

TEST_CASE("Seed_RejectsWhatIsNotAWholeNumberInRange", "[seed]") {
  const double bad = GENERATE(-1.0, 1.5, 9007199254740992.0, std::nan(""), INFINITY);
  INFO(bad);
  REQUIRE_THROWS_WITH(seedFromNumber(bad, "dataset seed"),
                      "Invalid dataset seed: must be a whole number from 0 to 2^53-1");
}
