// Datasets of the network lab: reproducible from the seed (natively and in
// WebAssembly: golden digests), split as documented, inside the view square,
// balanced, and validated.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <tuple>

#include "network/dataset.hpp"
#include "network_support.hpp"

using namespace optlab;
using namespace optlab::test;

namespace {
std::string digest(const Dataset& d) {
  Fnv64 h;
  h.add(d.trainX);
  h.add(d.trainY);
  h.add(d.valX);
  h.add(d.valY);
  return h.hex();
}
}  // namespace

TEST_CASE("Dataset_SameSeedSamePointsAndGoldenDigest", "[network]") {
  using Row = std::tuple<const char*, int, const char*>;
  const auto row = GENERATE(Row{"spirals", 2, "5f582575758967c4"}, Row{"spirals", 3, "e467c2608d19fe01"},
                            Row{"moons", 2, "d6c38f9d7d574fff"}, Row{"circles", 2, "30d401cac4b7d649"},
                            Row{"xor", 2, "934fe9f5b8f1a1a7"});
  DatasetOptions o;
  o.id = std::get<0>(row);
  o.classes = std::get<1>(row);
  o.seed = 7;
  INFO(o.id << " classes " << o.classes);
  const Dataset a = makeDataset(o);
  const Dataset b = makeDataset(o);
  CHECK(digest(a) == digest(b));
  CHECK(digest(a) == std::get<2>(row));
  o.seed = 8;
  CHECK(digest(makeDataset(o)) != digest(a));
}

TEST_CASE("Dataset_SplitBalanceAndExtent", "[network]") {
  for (const DatasetInfo& info : datasetInfos()) {
    DatasetOptions o;
    o.id = info.id;
    o.count = 400;
    o.validationFraction = 0.25;
    const Dataset d = makeDataset(o);
    INFO(info.id);
    CHECK(d.trainY.size() == 300);
    CHECK(d.valY.size() == 100);
    CHECK(d.trainX.size() == 600);
    CHECK(d.valX.size() == 200);
    int ones = 0;
    for (int y : d.trainY) ones += y;
    for (int y : d.valY) ones += y;
    if (info.id == "xor") CHECK((ones > 160 && ones < 240));  // labels follow the position
    else CHECK(ones == 200);                                  // 2 classes, alternating generation
    for (double v : d.trainX) CHECK(std::fabs(v) < kDatasetExtent);
    for (double v : d.valX) CHECK(std::fabs(v) < kDatasetExtent);
  }
}

TEST_CASE("Dataset_CleanLabelsFollowTheShapes", "[network]") {
  DatasetOptions o;
  o.noise = 0;
  o.validationFraction = 0;
  o.id = "circles";
  const Dataset c = makeDataset(o);
  for (std::size_t i = 0; i < c.trainY.size(); ++i) {
    const double r = std::hypot(c.trainX[2 * i], c.trainX[2 * i + 1]);
    CHECK(r == Approx(c.trainY[i] == 0 ? 0.5 : 1.0).epsilon(1e-12));
  }
  o.id = "xor";
  const Dataset x = makeDataset(o);
  for (std::size_t i = 0; i < x.trainY.size(); ++i)
    CHECK(x.trainY[i] == ((x.trainX[2 * i] > 0) != (x.trainX[2 * i + 1] > 0) ? 1 : 0));
}

TEST_CASE("Dataset_InvalidOptions", "[network]") {
  DatasetOptions o;
  o.id = "swirl";
  REQUIRE_THROWS_WITH(makeDataset(o), "Unknown dataset: swirl");
  o.id = "moons";
  o.classes = 3;
  CHECK_NOTHROW(makeDataset(o));  // classes is ignored except for spirals
  o.id = "spirals";
  o.classes = 4;
  REQUIRE_THROWS_WITH(makeDataset(o), "Invalid class count for spirals: 4");
  o.classes = 2;
  o.count = 4;
  REQUIRE_THROWS_WITH(makeDataset(o), "Invalid point count: 4 (8 to 20000)");
  o.count = 100;
  o.noise = -1;
  REQUIRE_THROWS_WITH(makeDataset(o), "Invalid noise: must be in [0, 1]");
  o.noise = 0.1;
  o.validationFraction = 0.95;
  REQUIRE_THROWS_WITH(makeDataset(o), "Invalid validation fraction: must be in [0, 0.9]");
}
