// The network's backward pass against central finite differences of its
// forward pass, for every weight, over several architectures, activations and
// both output kinds; plus the spec validation and initialisation.
#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>
#include <tuple>
#include <vector>

#include "network/dataset.hpp"
#include "network/mlp.hpp"
#include "random/rng.hpp"

using namespace optlab;

TEST_CASE("Mlp_GradientMatchesFiniteDifferences", "[network]") {
  using Row = std::tuple<std::vector<int>, Activation, OutputKind, int>;
  const auto row = GENERATE(Row{{}, Activation::Tanh, OutputKind::Softmax, 2},
                            Row{{5}, Activation::Tanh, OutputKind::Softmax, 3},
                            Row{{4, 3}, Activation::Tanh, OutputKind::Sigmoid, 2},
                            Row{{6, 5, 4}, Activation::Tanh, OutputKind::Softmax, 2},
                            Row{{7}, Activation::Relu, OutputKind::Softmax, 3},
                            Row{{5, 4}, Activation::Relu, OutputKind::Sigmoid, 2},
                            Row{{8, 8, 8, 8}, Activation::Relu, OutputKind::Softmax, 2});
  MlpSpec spec;
  spec.hidden = std::get<0>(row);
  spec.activation = std::get<1>(row);
  spec.output = std::get<2>(row);
  spec.classes = std::get<3>(row);
  Mlp net(spec);
  INFO("layers " << spec.hidden.size() << " relu " << (spec.activation == Activation::Relu) << " sigmoid "
                 << (spec.output == OutputKind::Sigmoid) << " classes " << spec.classes);

  DatasetOptions d;
  d.id = "spirals";
  d.classes = spec.classes;
  d.count = 24;
  d.validationFraction = 0;
  const Dataset data = makeDataset(d);
  std::vector<int> idx(data.trainY.size());
  std::iota(idx.begin(), idx.end(), 0);

  std::vector<double> w = net.initialWeights(3);
  // Non-zero biases too, so every weight's gradient is exercised.
  Xoshiro256ss rng(11);
  for (double& v : w) v += 0.2 * (rng.uniform() - 0.5);
  std::vector<double> g(w.size());
  const double loss = net.lossAndGradient(w, data.trainX, data.trainY, idx, g);
  CHECK(std::isfinite(loss));
  CHECK(net.evaluate(w, data.trainX, data.trainY).loss == Approx(loss).epsilon(1e-12));

  std::vector<double> scratch(w.size());
  const double h = 1e-6;
  int checked = 0;
  for (std::size_t k = 0; k < w.size(); ++k) {
    std::vector<double> wp = w, wm = w;
    wp[k] += h;
    wm[k] -= h;
    const double fp = net.lossAndGradient(wp, data.trainX, data.trainY, idx, scratch);
    const double fm = net.lossAndGradient(wm, data.trainX, data.trainY, idx, scratch);
    const double fd = (fp - fm) / (2 * h);
    INFO("weight " << k << " analytic " << g[k] << " fd " << fd);
    // ReLU kinks can sit within h of a sample only with negligible probability here.
    CHECK(g[k] == Approx(fd).margin(1e-7).epsilon(1e-5));
    ++checked;
  }
  CHECK(checked == static_cast<int>(net.parameterCount()));
}

TEST_CASE("Mlp_ParameterCountLayoutAndInit", "[network]") {
  MlpSpec spec;
  spec.hidden = {8, 4};
  spec.classes = 3;
  Mlp net(spec);
  CHECK(net.parameterCount() == (8 * 2 + 8) + (4 * 8 + 4) + (3 * 4 + 3));
  const auto w = net.initialWeights(5);
  CHECK(w == net.initialWeights(5));
  CHECK(w != net.initialWeights(6));
  // biases start at 0, weights do not
  CHECK(w[16] == 0);
  CHECK(w[23] == 0);
  CHECK(w[0] != 0);
  double sumSq = 0;
  for (std::size_t k = 0; k < 16; ++k) sumSq += w[k] * w[k];
  CHECK(sumSq / 16 == Approx(0.5).margin(0.35));  // N(0, 1/in), in = 2
  // probabilities sum to one
  std::vector<double> p(3);
  net.probabilities(w, 0.3, -0.7, p);
  CHECK(p[0] + p[1] + p[2] == Approx(1.0).epsilon(1e-14));
}

TEST_CASE("Mlp_InvalidSpecs", "[network]") {
  MlpSpec s;
  s.hidden = {8, 8, 8, 8, 8};
  REQUIRE_THROWS_WITH(Mlp(s), "Invalid hidden layer count: at most 4");
  s.hidden = {0};
  REQUIRE_THROWS_WITH(Mlp(s), "Invalid hidden layer width: 0 (1 to 64)");
  s.hidden = {65};
  REQUIRE_THROWS_WITH(Mlp(s), "Invalid hidden layer width: 65 (1 to 64)");
  s.hidden = {8};
  s.classes = 3;
  s.output = OutputKind::Sigmoid;
  REQUIRE_THROWS_WITH(Mlp(s), "A sigmoid output needs exactly 2 classes");
  REQUIRE_THROWS_WITH(parseActivation("gelu"), "Unknown activation: gelu (tanh or relu)");
  REQUIRE_THROWS_WITH(parseOutputKind("linear"), "Unknown output: linear (softmax or sigmoid)");
}
