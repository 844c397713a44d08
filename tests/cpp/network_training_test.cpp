// Training side by side: every optimizer reduces the loss on every dataset at
// its default learning rate; configs share initial weights and mini-batches;
// the same seed gives the same curves, bit for bit, natively and in
// WebAssembly (golden digests; this file runs in both builds); the lr sweep.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <iostream>
#include <string>
#include <tuple>

#include "network/training.hpp"
#include "network_support.hpp"

using namespace optlab;
using namespace optlab::test;

namespace {

// SGD has no default learning rate (torch requires one): the lab and these tests use 0.1.
constexpr double kSgdLr = 0.1;

Settings defaults(const std::string& id) {
  return id == "sgd" ? Settings{{"lr", {kSgdLr}}} : Settings{};
}

Dataset dataset(const std::string& id, std::uint64_t seed = 1) {
  DatasetOptions o;
  o.id = id;
  o.count = 200;
  o.seed = seed;
  return makeDataset(o);
}

MlpSpec smallNet() {
  MlpSpec s;
  s.hidden = {8, 8};
  return s;
}

}  // namespace

TEST_CASE("Training_EveryOptimizerReducesTheLossOnEveryDataset", "[network]") {
  std::vector<NetworkConfig> configs;
  for (const OptimizerInfo& info : optimizerInfos()) configs.push_back({info.id, defaults(info.id), ""});
  for (const DatasetInfo& d : datasetInfos()) {
    TrainingOptions o;
    o.batchSize = 16;
    Training t(dataset(d.id), smallNet(), configs, o);
    t.advance(300);
    const std::size_t n = t.configCount();
    const std::size_t last = t.recordSteps().size() - 1;
    for (std::size_t c = 0; c < n; ++c) {
      INFO(d.id << " " << t.labels()[c]);
      CHECK(t.divergedSteps()[c] == -1);
      const double first = t.trainLoss()[c];
      const double final = t.trainLoss()[last * n + c];
      CHECK(final < first);
    }
  }
}

TEST_CASE("Training_SharesInitialWeightsAndBatches", "[network]") {
  // Two identical configs stay identical; a config trained alone equals the same config trained with others.
  const Settings sgd{{"lr", {kSgdLr}}};
  Training both(dataset("moons"), smallNet(), {{"sgd", sgd, "a"}, {"adam", {}, ""}, {"sgd", sgd, "b"}});
  Training alone(dataset("moons"), smallNet(), {{"sgd", sgd, ""}});
  CHECK(both.weights(0) == both.initialWeights());
  CHECK(both.weights(1) == both.initialWeights());
  both.advance(57);
  alone.advance(57);
  CHECK(both.weights(0) == both.weights(2));
  CHECK(both.weights(0) == alone.weights(0));
  CHECK(both.weights(1) != both.weights(0));
  CHECK(both.labels() == std::vector<std::string>{"a", "adam", "b"});
  CHECK(both.steps() == 57);
  CHECK(both.stepsPerEpoch() == 5);  // 150 training points, batches of 32
  CHECK(both.evalEvery() == 5);
  CHECK(both.recordSteps().size() == 1 + 57 / 5);
  CHECK(both.trainLoss().size() == both.recordSteps().size() * 3);
  CHECK(both.epochs() == Approx(57.0 / 5));
}

TEST_CASE("Training_GoldenCurvesAreBitIdenticalAcrossBuilds", "[network][digest]") {
  using Row = std::tuple<const char*, const char*, const char*, const char*>;
  const auto row = GENERATE(Row{"spirals", "tanh", "softmax", "28088bf6f10fe5a3"},
                            Row{"moons", "relu", "sigmoid", "c9b1349ac08468f9"},
                            Row{"circles", "tanh", "sigmoid", "eb964d97ca8bdfca"},
                            Row{"xor", "relu", "softmax", "550084e7d3b631ab"});
  MlpSpec spec = smallNet();
  spec.activation = parseActivation(std::get<1>(row));
  spec.output = parseOutputKind(std::get<2>(row));
  TrainingOptions o;
  o.weightSeed = 3;
  o.batchSeed = 4;
  o.evalEvery = 10;
  const std::vector<NetworkConfig> configs = {{"sgd", {{"lr", {kSgdLr}}}, ""},
                                              {"sgd", {{"lr", {kSgdLr}}, {"momentum", {0.9}}}, "momentum"},
                                              {"rmsprop", {}, ""},
                                              {"adam", {}, ""}};
  auto digest = [&] {
    Training t(dataset(std::get<0>(row), 5), spec, configs, o);
    t.advance(200);
    Fnv64 h;
    h.add(t.trainLoss());
    h.add(t.validationLoss());
    h.add(t.trainAccuracy());
    h.add(t.validationAccuracy());
    for (std::size_t c = 0; c < t.configCount(); ++c) h.add(t.weights(c));
    h.add(t.decisionGrid(3, 7, 5, -1.5, 1.5, -1.5, 1.5));
    return h.hex();
  };
  INFO(std::get<0>(row) << " " << std::get<1>(row) << " " << std::get<2>(row));
  const std::string d = digest();
  CHECK(d == digest());
  CHECK(d == std::get<3>(row));
}

TEST_CASE("Training_DivergenceIsAStatus", "[network]") {
  // A ReLU network's logits are unbounded, so a huge step overflows to inf and then NaN.
  MlpSpec relu = smallNet();
  relu.activation = Activation::Relu;
  Training t(dataset("xor"), relu, {{"sgd", {{"lr", {1e150}}}, "huge"}, {"adam", {}, ""}});
  t.advance(40);
  CHECK(t.divergedSteps()[0] > 0);
  CHECK(t.divergedSteps()[1] == -1);
  CHECK(std::isnan(t.trainLoss().back() * 0 + t.trainLoss()[t.trainLoss().size() - 2]));
  CHECK(std::isfinite(t.trainLoss().back()));
  const auto grid = t.decisionGrid(0, 3, 3, -1, 1, -1, 1);
  CHECK(std::isnan(grid[0]));
}

TEST_CASE("Training_DecisionGridLayout", "[network]") {
  MlpSpec spec = smallNet();
  spec.classes = 3;
  DatasetOptions d;
  d.classes = 3;
  Training t(makeDataset(d), spec, {{"adam", {{"lr", {0.01}}}, ""}});
  t.advance(100);
  const auto grid = t.decisionGrid(0, 4, 3, -1.5, 1.5, -1.5, 1.5);
  REQUIRE(grid.size() == 4 * 3 * 3);
  for (std::size_t cell = 0; cell < 12; ++cell)
    CHECK(grid[3 * cell] + grid[3 * cell + 1] + grid[3 * cell + 2] == Approx(1.0).epsilon(1e-12));
  // the cell at row 0, col 3 is centred at (1.125, 1.0): compare with a direct evaluation
  MlpSpec s2 = spec;
  Mlp net(s2);
  std::vector<double> p(3);
  net.probabilities(t.weights(0), 1.125, 1.0, p);
  CHECK(grid[3 * 3] == p[0]);
  CHECK(grid[3 * 3 + 2] == p[2]);
}

TEST_CASE("Training_InvalidInput", "[network]") {
  REQUIRE_THROWS_WITH(Training(dataset("moons"), smallNet(), {{"sgd", {}, ""}}),
                      Catch::Contains("lr"));
  REQUIRE_THROWS_WITH(Training(dataset("moons"), smallNet(), {{"adam", {{"lr", {-0.1}}}, ""}}),
                      "Invalid learning rate: -0.1");
  REQUIRE_THROWS_WITH(Training(dataset("moons"), smallNet(), {}), "No optimizer to train");
  MlpSpec three = smallNet();
  three.classes = 3;
  REQUIRE_THROWS_WITH(Training(dataset("moons"), three, {{"adam", {}, ""}}),
                      "The dataset has 2 classes but the network 3");
  TrainingOptions o;
  o.batchSize = 0;
  REQUIRE_THROWS_WITH(Training(dataset("moons"), smallNet(), {{"adam", {}, ""}}, o), "Invalid batch size: 0");
}

TEST_CASE("NetworkSweep_TunesEachOptimizer", "[network]") {
  const std::vector<NetworkConfig> configs = {{"sgd", {}, ""}, {"adam", {}, ""}};
  const auto r = runNetworkSweep(dataset("moons"), smallNet(), configs, {1e-4, 10, 6, 150});
  REQUIRE(r.lrs.size() == 6);
  REQUIRE(r.finalValidationLoss.size() == 12);
  REQUIRE(r.bestIndex.size() == 2);
  for (std::size_t c = 0; c < 2; ++c) {
    INFO(r.labels[c]);
    REQUIRE(r.bestIndex[c] >= 0);
    const double best = r.finalValidationLoss[c * 6 + static_cast<std::size_t>(r.bestIndex[c])];
    for (std::size_t k = 0; k < 6; ++k)
      if (!std::isnan(r.finalValidationLoss[c * 6 + k])) CHECK(best <= r.finalValidationLoss[c * 6 + k]);
    // the tuned run equals a plain training at that lr
    NetworkConfig one = configs[c];
    one.settings["lr"] = {r.lrs[static_cast<std::size_t>(r.bestIndex[c])]};
    TrainingOptions o;
    o.evalEvery = 150;
    Training t(dataset("moons"), smallNet(), {one}, o);
    t.advance(150);
    CHECK(t.validationLoss().back() == best);
  }
}

TEST_CASE("Training_Benchmark", "[network][benchmark]") {
  const std::vector<NetworkConfig> configs = {{"sgd", {{"lr", {kSgdLr}}}, ""},
                                              {"sgd", {{"lr", {kSgdLr}}, {"momentum", {0.9}}}, "momentum"},
                                              {"rmsprop", {}, ""},
                                              {"adam", {}, ""}};
  MlpSpec spec;
  spec.hidden = {16, 16};
  DatasetOptions d;
  Training t(makeDataset(d), spec, configs);
  const auto t0 = std::chrono::steady_clock::now();
  t.advance(1000);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "network: 4 optimizers x 1000 steps (2-16-16-2, batch 32, " << t.parameterCount()
            << " weights): " << ms << " ms, " << (4000.0 / ms * 1000) << " optimizer-steps/s\n";
  CHECK(ms > 0);
}

TEST_CASE("Training_RecordsSinceAreTheTailOfEachRecordSeries", "[network]") {
  Training t(dataset("moons"), smallNet(), {{"sgd", Settings{{"lr", {kSgdLr}}}, ""}, {"adam", {}, ""}});
  t.advance(23);
  const std::size_t records = t.recordSteps().size();
  REQUIRE(records > 3);
  const Training::Records all = t.recordsSince(0);
  CHECK(all.steps == t.recordSteps());
  CHECK(all.validationAccuracy == t.validationAccuracy());
  const Training::Records tail = t.recordsSince(records - 2);
  CHECK(tail.steps == std::vector<double>(t.recordSteps().end() - 2, t.recordSteps().end()));
  CHECK(tail.trainLoss == std::vector<double>(t.trainLoss().end() - 4, t.trainLoss().end()));
  CHECK(tail.trainAccuracy.size() == 4);
  CHECK(tail.validationLoss.size() == 4);
  CHECK(t.recordsSince(records + 5).steps.empty());
  CHECK(t.recordsSince(records + 5).trainLoss.empty());
}
