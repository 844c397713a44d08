// Settings from typed values (what the page hands over) and the field tables' defaults.
#include <catch2/catch.hpp>

#include <cmath>

#include "optimizers/adam.hpp"
#include "optimizers/adamw.hpp"
#include "optimizers/registry.hpp"
#include "optimizers/sgd.hpp"

using namespace optlab;

namespace {

using Type = SettingInput::Type;

SettingInput number(const char* name, double x, const char* text) { return {name, Type::Number, {x}, text}; }

}  // namespace

TEST_CASE("OptimizerSettings_TypedInputsGiveTheSameSettingsAsText", "[registry][settings]") {
  const Settings typed = settingsFromInputs(
      "adam", {number("lr", 0.01, "0.01"), {"betas", Type::Numbers, {0.8, 0.99}, "0.8,0.99"},
               {"amsgrad", Type::Bool, {1}, "true"}});
  CHECK(typed == parseSettings("adam", "lr=0.01;betas=0.8,0.99;amsgrad=true"));
  CHECK(settingsFromInputs("adam", {}).empty());
}

TEST_CASE("OptimizerSettings_WrongTypesGetTheTextParsersMessages", "[registry][settings]") {
  using Row = std::tuple<SettingInput, const char*>;
  const auto row = GENERATE(
      Row{{"lr", Type::Bool, {1}, "true"}, "Malformed value for lr: 'true' (expected a number)"},
      Row{{"lr", Type::Other, {}, "fast"}, "Malformed value for lr: 'fast' (expected a number)"},
      Row{{"lr", Type::Numbers, {1, 2}, "1,2"}, "Malformed value for lr: '1,2' (expected a number)"},
      Row{{"betas", Type::Number, {0.9}, "0.9"}, "Malformed value for betas: '0.9' (expected two numbers like 0.9,0.999)"},
      Row{{"betas", Type::Numbers, {0.9, 0.99, 0.5}, "0.9,0.99,0.5"},
          "Malformed value for betas: '0.9,0.99,0.5' (expected two numbers like 0.9,0.999)"},
      Row{{"amsgrad", Type::Number, {1}, "1"}, "Malformed value for amsgrad: '1' (expected true or false)"},
      Row{{"momentum", Type::Number, {0.9}, "0.9"},
          "Unknown hyperparameter 'momentum' for adam (expected one of: lr, betas, eps, weight_decay, amsgrad, "
          "maximize, bias_correction)"});
  INFO(std::get<0>(row).name);
  REQUIRE_THROWS_WITH(settingsFromInputs("adam", {std::get<0>(row)}), std::get<1>(row));
  REQUIRE_THROWS_WITH(settingsFromInputs("nosuch", {}), "Unknown optimizer: nosuch");
}

TEST_CASE("OptimizerSettings_TextErrorsAreReportedInOrder", "[registry][settings]") {
  REQUIRE_THROWS_WITH(parseSettings("adam", "lr=fast;oops"), "Malformed value for lr: 'fast' (expected a number)");
  REQUIRE_THROWS_WITH(parseSettings("adam", "betas=0.9,;lr=1"),
                      "Malformed value for betas: '0.9,' (expected two numbers like 0.9,0.999)");
}

TEST_CASE("OptimizerSettings_SpecDefaultsAreTheConfigStructs", "[registry][settings]") {
  // The spec reads its defaults from the config struct, so the two cannot drift apart.
  const auto defaults = [](const char* id, const char* name) {
    for (const auto& p : optimizerInfo(id).params)
      if (p.name == name) return p.defaults;
    FAIL("no " << name << " in " << id);
    return std::vector<double>{};
  };
  CHECK(defaults("adam", "lr") == std::vector<double>{AdamConfig{}.lr});
  CHECK(defaults("adam", "betas") == std::vector<double>{AdamConfig{}.beta1, AdamConfig{}.beta2});
  CHECK(defaults("adamw", "weight_decay") == std::vector<double>{AdamWConfig{}.weight_decay});
  CHECK(defaults("adam", "bias_correction") == std::vector<double>{1.0});
  CHECK(defaults("sgd", "momentum") == std::vector<double>{SgdConfig{}.momentum});
  // SGD's lr has no default in torch: the spec only suggests one and marks it required.
  CHECK(defaults("sgd", "lr") == std::vector<double>{0.01});
  CHECK(optimizerInfo("sgd").params.front().required);
  CHECK_FALSE(SgdConfig{}.lr.has_value());
}

TEST_CASE("OptimizerSettings_FieldsReachTheirMembers", "[registry][settings]") {
  // Every field is copied into the member its row names: a changed value changes the run.
  for (const auto& info : optimizerInfos()) {
    for (const auto& p : info.params) {
      if (p.kind == HyperKind::Bool) continue;
      INFO(info.id << "." << p.name);
      Settings base;
      if (info.id == "sgd") base = {{"lr", {0.05}}, {"momentum", {0.9}}};  // dampening acts only with momentum
      base["weight_decay"] = {0.0};
      Settings changed = base;
      std::vector<double> v = p.defaults;
      for (double& x : v) x = x == 0 ? 0.3 : x * 0.5;
      changed[p.name] = v;
      auto a = makeOptimizer(info.id, base);
      auto b = makeOptimizer(info.id, changed);
      a->reset(1);
      b->reset(1);
      std::vector<double> pa{1.0}, pb{1.0};
      // 20 steps (RAdam's adaptive step, where eps acts, starts at step 6) of gradients that
      // change sign (Lion's betas act only when the sign of the mix changes).
      for (int k = 0; k < 20; ++k) {
        const double push = k % 3 == 0 ? -4.0 : 1.5;
        std::vector<double> ga{pa[0] * 2 + push}, gb{pb[0] * 2 + push};
        a->step(pa, ga);
        b->step(pb, gb);
      }
      CHECK(pa[0] != pb[0]);
    }
  }
}
