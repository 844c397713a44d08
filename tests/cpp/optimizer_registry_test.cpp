#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "optimizer_test_support.hpp"
#include "optimizers/torch_validation.hpp"

using namespace optlab;
using namespace optlab::test;

TEST_CASE("OptimizerRegistry_PythonFloatFormatting", "[registry]") {
  CHECK(pythonFloat(-0.1) == "-0.1");
  CHECK(pythonFloat(1.0) == "1.0");
  CHECK(pythonFloat(-1.0) == "-1.0");
  CHECK(pythonFloat(0.0) == "0.0");
  CHECK(pythonFloat(1e-5) == "1e-05");
  CHECK(pythonFloat(-1e-08) == "-1e-08");
  CHECK(pythonFloat(0.0001) == "0.0001");
  CHECK(pythonFloat(1.5e-7) == "1.5e-07");
  CHECK(pythonFloat(123456.0) == "123456.0");
  CHECK(pythonFloat(1e16) == "1e+16");
  CHECK(pythonFloat(1.5e300) == "1.5e+300");
  CHECK(pythonFloat(0.1 + 0.2) == "0.30000000000000004");
  CHECK(pythonFloat(std::nan("")) == "nan");
  CHECK(pythonFloat(-std::numeric_limits<double>::infinity()) == "-inf");
}

TEST_CASE("OptimizerRegistry_ListsEveryOptimizer", "[registry]") {
  std::vector<std::string> ids;
  for (const auto& info : optimizerInfos()) ids.push_back(info.id);
  CHECK(ids == std::vector<std::string>{"sgd", "adagrad", "rmsprop", "adam", "adamw", "nadam", "lion", "adamax",
                                        "adadelta", "radam"});
  for (const auto& info : optimizerInfos()) {
    INFO(info.id);
    CHECK(!info.displayName.empty());
    CHECK(info.params.front().name == "lr");
    for (const auto& p : info.params) {
      CHECK(p.defaults.size() == (p.kind == HyperKind::Pair ? 2u : 1u));
      CHECK(!p.help.empty());
    }
  }
}

TEST_CASE("OptimizerRegistry_TeachingSwitchesAreFlagged", "[registry]") {
  std::vector<std::string> teaching;
  for (const auto& info : optimizerInfos())
    for (const auto& p : info.params)
      if (p.teaching) teaching.push_back(info.id + "." + p.name);
  CHECK(teaching == std::vector<std::string>{"sgd.momentum_buffer_starts_at_zero", "sgd.lr_inside_velocity",
                                             "sgd.nesterov_lookahead", "rmsprop.eps_inside_sqrt",
                                             "adam.bias_correction", "adamw.bias_correction"});
}

TEST_CASE("OptimizerRegistry_DefaultsConstruct", "[registry]") {
  for (const auto& info : optimizerInfos()) {
    INFO(info.id);
    Settings s;
    if (info.id == "sgd") s["lr"] = {0.01};
    auto opt = makeOptimizer(info.id, s);
    opt->reset(2);
    CHECK(opt->steps() == 0);
    for (const auto& b : opt->buffers()) CHECK(b.values.size() == 2);
  }
}

TEST_CASE("OptimizerRegistry_ParseSettings", "[registry]") {
  const Settings s = parseSettings("adam", "lr=0.01; betas=0.8,0.99\namsgrad=true;");
  CHECK(s.at("lr") == std::vector<double>{0.01});
  CHECK(s.at("betas") == std::vector<double>{0.8, 0.99});
  CHECK(s.at("amsgrad") == std::vector<double>{1.0});
  CHECK(parseSettings("adam", "").empty());
}

TEST_CASE("OptimizerRegistry_BadSettings", "[registry]") {
  using Row = std::tuple<const char*, const char*, const char*>;
  const auto row = GENERATE(
      Row{"foo", "lr=1", "Unknown optimizer: foo"},
      Row{"adam", "momentum=0.9",
          "Unknown hyperparameter 'momentum' for adam (expected one of: lr, betas, eps, weight_decay, amsgrad, "
          "maximize, bias_correction)"},
      Row{"adam", "lr", "Malformed setting 'lr': expected name=value"},
      Row{"adam", "lr=fast", "Malformed value for lr: 'fast' (expected a number)"},
      Row{"adam", "lr=0.1x", "Malformed value for lr: '0.1x' (expected a number)"},
      Row{"adam", "betas=0.9", "Malformed value for betas: '0.9' (expected two numbers like 0.9,0.999)"},
      Row{"adam", "amsgrad=yes", "Malformed value for amsgrad: 'yes' (expected true or false)"});
  INFO(std::get<1>(row));
  REQUIRE_THROWS_WITH(parseSettings(std::get<0>(row), std::get<1>(row)), std::get<2>(row));
}

TEST_CASE("OptimizerRegistry_BadSettingsShapes", "[registry]") {
  REQUIRE_THROWS_WITH(makeOptimizer("adam", Settings{{"betas", {0.9}}}), "Hyperparameter betas of adam takes 2 values, got 1");
  REQUIRE_THROWS_WITH(makeOptimizer("adam", Settings{{"amsgrad", {2}}}),
                      "Hyperparameter amsgrad of adam must be true or false");
  REQUIRE_THROWS_WITH(makeOptimizer("lion", Settings{{"eps", {1}}}),
                      "Unknown hyperparameter 'eps' for lion (expected one of: lr, betas, weight_decay)");
}

TEST_CASE("OptimizerRegistry_StateSizesMatchTheChapter", "[registry]") {
  // The chapter's memory table: SGD O(n), Momentum O(2n), RMSprop O(2n), Adam/AdamW O(3n), Lion O(2n):
  // the parameters themselves plus these values per parameter.
  CHECK(make("sgd", "lr=0.1")->stateValuesPerParameter() == 0);
  CHECK(make("sgd", "lr=0.1;momentum=0.9")->stateValuesPerParameter() == 1);
  CHECK(make("rmsprop", "")->stateValuesPerParameter() == 1);
  CHECK(make("adam", "")->stateValuesPerParameter() == 2);
  CHECK(make("adamw", "")->stateValuesPerParameter() == 2);
  CHECK(make("lion", "")->stateValuesPerParameter() == 1);
  // The same from an id and settings, as the page asks; invalid settings throw torch's message.
  CHECK(stateValuesPerParameter("sgd", Settings{{"lr", {0.1}}, {"momentum", {0.9}}}) == 1);
  CHECK(stateValuesPerParameter("adam", Settings{}) == 2);
  REQUIRE_THROWS_WITH(stateValuesPerParameter("adam", Settings{{"lr", {-1}}}), "Invalid learning rate: -1.0");
}

TEST_CASE("OptimizerRegistry_StepNeverThrowsOnNonFiniteInput", "[registry]") {
  const double nan = std::nan(""), inf = std::numeric_limits<double>::infinity();
  for (const auto& info : optimizerInfos()) {
    INFO(info.id);
    Settings s;
    if (info.id == "sgd") s = {{"lr", {0.1}}, {"momentum", {0.9}}};
    auto opt = makeOptimizer(info.id, s);
    opt->reset(3);
    std::vector<double> p{1.0, nan, inf}, g{nan, 1.0, -inf};
    CHECK_NOTHROW(opt->step(p, g));
    CHECK_NOTHROW(opt->step(p, g));
    CHECK(opt->steps() == 2);
  }
}

TEST_CASE("OptimizerRegistry_WorksOnAnyLength", "[registry]") {
  // One coordinate of a 5-vector behaves exactly like the same coordinate alone.
  for (const auto& info : optimizerInfos()) {
    INFO(info.id);
    Settings s;
    if (info.id == "sgd") s = {{"lr", {0.1}}, {"momentum", {0.9}}};
    auto wide = makeOptimizer(info.id, s);
    auto single = makeOptimizer(info.id, s);
    wide->reset(5);
    single->reset(1);
    std::vector<double> p{1, 2, 3, 4, 5}, q{3};
    for (int k = 0; k < 20; ++k) {
      std::vector<double> g{p[0] * 0.5, -p[1], p[2] * p[2], 1.0, 0.0}, h{q[0] * q[0]};
      wide->step(p, g);
      single->step(q, h);
    }
    CHECK(sameBits(p[2], q[0]));
  }
}

TEST_CASE("OptimizerRegistry_ResetForgetsState", "[registry]") {
  for (const auto& info : optimizerInfos()) {
    INFO(info.id);
    Settings s;
    if (info.id == "sgd") s = {{"lr", {0.01}}, {"momentum", {0.9}}};
    auto opt = makeOptimizer(info.id, s);
    auto f = makeLandscape("himmelblau");
    const auto first = runTrajectory(*opt, *f, f->suggestedStart(), 50);
    const auto second = runTrajectory(*opt, *f, f->suggestedStart(), 50);
    CHECK(sameBits(first, second));
  }
}
