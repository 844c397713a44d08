// The optimizer registry: ids, hyperparameter specs (names, defaults, ranges, help)
// and factories, in one table. See registry.hpp.
#include "registry.hpp"

#include <cmath>
#include <cstdlib>
#include <functional>
#include <limits>
#include <stdexcept>

#include "adadelta.hpp"
#include "adagrad.hpp"
#include "adam.hpp"
#include "adamax.hpp"
#include "adamw.hpp"
#include "lion.hpp"
#include "nadam.hpp"
#include "radam.hpp"
#include "rmsprop.hpp"
#include "sgd.hpp"

namespace optlab {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// ---- spec builders ----

HyperParamSpec number(std::string name, double def, double min, double max, std::string help,
                      bool maxInclusive = true) {
  HyperParamSpec s;
  s.name = std::move(name);
  s.kind = HyperKind::Number;
  s.defaults = {def};
  s.min = min;
  s.max = max;
  s.maxInclusive = maxInclusive;
  s.help = std::move(help);
  return s;
}

HyperParamSpec nonNegative(std::string name, double def, std::string help) {
  return number(std::move(name), def, 0, kInf, std::move(help));
}

HyperParamSpec flag(std::string name, bool def, std::string help, bool teaching = false) {
  HyperParamSpec s;
  s.name = std::move(name);
  s.kind = HyperKind::Bool;
  s.defaults = {def ? 1.0 : 0.0};
  s.min = 0;
  s.max = 1;
  s.teaching = teaching;
  s.help = std::move(help);
  return s;
}

HyperParamSpec betas(double b1, double b2, std::string help) {
  HyperParamSpec s;
  s.name = "betas";
  s.kind = HyperKind::Pair;
  s.defaults = {b1, b2};
  s.min = 0;
  s.max = 1;
  s.maxInclusive = false;
  s.help = std::move(help);
  return s;
}

HyperParamSpec learningRate(double def) { return nonNegative("lr", def, "learning rate"); }
HyperParamSpec weightDecay(double def, const char* help = "L2 penalty: weight_decay*p is added to the gradient") {
  return nonNegative("weight_decay", def, help);
}
HyperParamSpec maximize() { return flag("maximize", false, "maximize the objective (the gradient is negated)"); }
HyperParamSpec eps(double def, const char* help) { return nonNegative("eps", def, help); }

// ---- resolved values: defaults overlaid with the caller's settings ----

class Values {
 public:
  Values(const OptimizerInfo& info, const Settings& settings) : info_(info), settings_(settings) {
    for (const auto& [name, vals] : settings) {
      const HyperParamSpec* spec = find(name);
      if (!spec) {
        std::string known;
        for (const auto& p : info.params) known += (known.empty() ? "" : ", ") + p.name;
        throw std::invalid_argument("Unknown hyperparameter '" + name + "' for " + info.id +
                                    " (expected one of: " + known + ")");
      }
      const std::size_t want = spec->kind == HyperKind::Pair ? 2 : 1;
      if (vals.size() != want) {
        throw std::invalid_argument("Hyperparameter " + name + " of " + info.id + " takes " +
                                    std::to_string(want) + (want == 1 ? " value" : " values") + ", got " +
                                    std::to_string(vals.size()));
      }
      if (spec->kind == HyperKind::Bool && vals[0] != 0.0 && vals[0] != 1.0) {
        throw std::invalid_argument("Hyperparameter " + name + " of " + info.id + " must be true or false");
      }
    }
  }

  bool has(const std::string& name) const { return settings_.count(name) != 0; }
  double number(const std::string& name, std::size_t index = 0) const {
    const auto it = settings_.find(name);
    if (it != settings_.end()) return it->second[index];
    return find(name)->defaults[index];
  }
  bool flag(const std::string& name) const { return number(name) != 0.0; }

 private:
  const HyperParamSpec* find(const std::string& name) const {
    for (const auto& p : info_.params)
      if (p.name == name) return &p;
    return nullptr;
  }
  const OptimizerInfo& info_;
  const Settings& settings_;
};

// Adam and AdamW share every hyperparameter (AdamW only changes what weight_decay does).
template <typename Config, typename Rule>
std::unique_ptr<Optimizer> makeAdamLike(const Values& v) {
  Config c;
  c.lr = v.number("lr");
  c.beta1 = v.number("betas", 0);
  c.beta2 = v.number("betas", 1);
  c.eps = v.number("eps");
  c.weight_decay = v.number("weight_decay");
  c.amsgrad = v.flag("amsgrad");
  c.maximize = v.flag("maximize");
  c.bias_correction = v.flag("bias_correction");
  return std::make_unique<Rule>(c);
}

using Factory = std::function<std::unique_ptr<Optimizer>(const Values&)>;

struct Entry {
  OptimizerInfo info;
  Factory make;
};

const std::vector<Entry>& entries() {
  static const std::vector<Entry> table = [] {
    std::vector<Entry> t;

    // ---- SGD ----
    {
      HyperParamSpec lr = learningRate(0.01);
      lr.required = true;
      lr.help = "learning rate (required: torch's SGD has no default; 0.01 is only a suggestion)";
      t.push_back({{"sgd", "SGD", "torch.optim.SGD",
                    {lr, nonNegative("momentum", 0, "momentum factor mu (0 = plain gradient descent)"),
                     number("dampening", 0, -kInf, kInf, "dampening for momentum: buf = mu*buf + (1-dampening)*g"),
                     weightDecay(0), flag("nesterov", false, "Nesterov momentum as torch does it: g + mu*buf, gradient at p"),
                     maximize(),
                     flag("momentum_buffer_starts_at_zero", false,
                          "teaching: the velocity starts at 0 (textbook EMA) instead of torch's copy of the first "
                          "gradient; differs from torch only when dampening != 0",
                          true),
                     flag("lr_inside_velocity", false,
                          "teaching: Sutskever's form v = mu*v + lr*g; p = p - v (torch: v = mu*v + g; p = p - lr*v)", true),
                     flag("nesterov_lookahead", false,
                          "teaching: the chapter's Nesterov: gradient at the look-ahead point p - lr*mu*v", true)}},
                   [](const Values& v) -> std::unique_ptr<Optimizer> {
                     SgdConfig c;
                     if (v.has("lr")) c.lr = v.number("lr");
                     c.momentum = v.number("momentum");
                     c.dampening = v.number("dampening");
                     c.weight_decay = v.number("weight_decay");
                     c.nesterov = v.flag("nesterov");
                     c.maximize = v.flag("maximize");
                     c.momentum_buffer_starts_at_zero = v.flag("momentum_buffer_starts_at_zero");
                     c.lr_inside_velocity = v.flag("lr_inside_velocity");
                     c.nesterov_lookahead = v.flag("nesterov_lookahead");
                     return std::make_unique<Sgd>(c);
                   }});
    }

    // ---- Adagrad ----
    t.push_back({{"adagrad", "Adagrad", "torch.optim.Adagrad",
                  {learningRate(1e-2), nonNegative("lr_decay", 0, "learning-rate decay: lr / (1 + (t-1)*lr_decay)"),
                   weightDecay(0), nonNegative("initial_accumulator_value", 0, "starting value of the sum of squares"),
                   eps(1e-10, "added to sqrt(sum), outside the square root"), maximize()}},
                 [](const Values& v) -> std::unique_ptr<Optimizer> {
                   AdagradConfig c;
                   c.lr = v.number("lr");
                   c.lr_decay = v.number("lr_decay");
                   c.weight_decay = v.number("weight_decay");
                   c.initial_accumulator_value = v.number("initial_accumulator_value");
                   c.eps = v.number("eps");
                   c.maximize = v.flag("maximize");
                   return std::make_unique<Adagrad>(c);
                 }});

    // ---- RMSprop ----
    t.push_back({{"rmsprop", "RMSprop", "torch.optim.RMSprop",
                  {learningRate(1e-2), nonNegative("alpha", 0.99, "smoothing constant of the squared-gradient average"),
                   eps(1e-8, "added to sqrt(v), outside the square root"), weightDecay(0),
                   nonNegative("momentum", 0, "momentum factor on the scaled step"),
                   flag("centered", false, "divide by the estimated variance sqrt(v - mean(g)^2)"), maximize(),
                   flag("eps_inside_sqrt", false, "teaching: TensorFlow's convention sqrt(v + eps) instead of sqrt(v) + eps",
                        true)}},
                 [](const Values& v) -> std::unique_ptr<Optimizer> {
                   RmspropConfig c;
                   c.lr = v.number("lr");
                   c.alpha = v.number("alpha");
                   c.eps = v.number("eps");
                   c.weight_decay = v.number("weight_decay");
                   c.momentum = v.number("momentum");
                   c.centered = v.flag("centered");
                   c.maximize = v.flag("maximize");
                   c.eps_inside_sqrt = v.flag("eps_inside_sqrt");
                   return std::make_unique<Rmsprop>(c);
                 }});

    // ---- Adam and AdamW: the same hyperparameters, read the same way ----
    const auto adamParams = [](double wd, const char* wdHelp) {
      return std::vector<HyperParamSpec>{
          learningRate(1e-3),
          betas(0.9, 0.999, "decay rates (beta1, beta2) of the first and second moments"),
          eps(1e-8, "added to the bias-corrected sqrt(v_hat)"),
          weightDecay(wd, wdHelp),
          flag("amsgrad", false, "AMSGrad: divide by the running maximum of v"),
          maximize(),
          flag("bias_correction", true,
               "teaching: false drops the 1/(1-beta^t) corrections, the chapter's 'common mistake'", true)};
    };
    t.push_back({{"adam", "Adam", "torch.optim.Adam", adamParams(0, "L2 penalty: weight_decay*p is added to the gradient")},
                 makeAdamLike<AdamConfig, Adam>});
    t.push_back({{"adamw", "AdamW", "torch.optim.AdamW",
                  adamParams(1e-2, "decoupled weight decay: p = p*(1 - lr*weight_decay) before the Adam step")},
                 makeAdamLike<AdamWConfig, AdamW>});

    // ---- NAdam ----
    t.push_back({{"nadam", "NAdam", "torch.optim.NAdam (torch 2.x rule)",
                  {learningRate(2e-3), betas(0.9, 0.999, "decay rates (beta1, beta2) of the first and second moments"),
                   eps(1e-8, "added to sqrt(v_hat)"), weightDecay(0),
                   nonNegative("momentum_decay", 4e-3, "psi in the momentum schedule beta1*(1 - 0.5*0.96^(t*psi))")}},
                 [](const Values& v) -> std::unique_ptr<Optimizer> {
                   NadamConfig c;
                   c.lr = v.number("lr");
                   c.beta1 = v.number("betas", 0);
                   c.beta2 = v.number("betas", 1);
                   c.eps = v.number("eps");
                   c.weight_decay = v.number("weight_decay");
                   c.momentum_decay = v.number("momentum_decay");
                   return std::make_unique<Nadam>(c);
                 }});

    // ---- Lion ----
    t.push_back({{"lion", "Lion", "Chen et al. 2023, Algorithm 2 (not in torch)",
                  {learningRate(1e-4),
                   betas(0.9, 0.99, "beta1 mixes the step direction, beta2 is the momentum's decay"),
                   weightDecay(0, "decoupled weight decay, scaled by lr as in AdamW")}},
                 [](const Values& v) -> std::unique_ptr<Optimizer> {
                   LionConfig c;
                   c.lr = v.number("lr");
                   c.beta1 = v.number("betas", 0);
                   c.beta2 = v.number("betas", 1);
                   c.weight_decay = v.number("weight_decay");
                   return std::make_unique<Lion>(c);
                 }});

    // ---- Adamax ----
    t.push_back({{"adamax", "Adamax", "torch.optim.Adamax",
                  {learningRate(2e-3), betas(0.9, 0.999, "decay rates of the first moment and of the infinity norm"),
                   eps(1e-8, "added to |g| inside the max"), weightDecay(0), maximize()}},
                 [](const Values& v) -> std::unique_ptr<Optimizer> {
                   AdamaxConfig c;
                   c.lr = v.number("lr");
                   c.beta1 = v.number("betas", 0);
                   c.beta2 = v.number("betas", 1);
                   c.eps = v.number("eps");
                   c.weight_decay = v.number("weight_decay");
                   c.maximize = v.flag("maximize");
                   return std::make_unique<Adamax>(c);
                 }});

    // ---- Adadelta ----
    t.push_back({{"adadelta", "Adadelta", "torch.optim.Adadelta",
                  {learningRate(1.0), number("rho", 0.9, 0, 1, "decay rate of both running averages"),
                   eps(1e-6, "added inside both square roots"), weightDecay(0), maximize()}},
                 [](const Values& v) -> std::unique_ptr<Optimizer> {
                   AdadeltaConfig c;
                   c.lr = v.number("lr");
                   c.rho = v.number("rho");
                   c.eps = v.number("eps");
                   c.weight_decay = v.number("weight_decay");
                   c.maximize = v.flag("maximize");
                   return std::make_unique<Adadelta>(c);
                 }});

    // ---- RAdam ----
    t.push_back({{"radam", "RAdam", "torch.optim.RAdam",
                  {learningRate(1e-3), betas(0.9, 0.999, "decay rates (beta1, beta2) of the first and second moments"),
                   eps(1e-8, "added to sqrt(v), outside the square root"), weightDecay(0)}},
                 [](const Values& v) -> std::unique_ptr<Optimizer> {
                   RadamConfig c;
                   c.lr = v.number("lr");
                   c.beta1 = v.number("betas", 0);
                   c.beta2 = v.number("betas", 1);
                   c.eps = v.number("eps");
                   c.weight_decay = v.number("weight_decay");
                   return std::make_unique<Radam>(c);
                 }});
    return t;
  }();
  return table;
}

const Entry& entry(const std::string& id) {
  for (const auto& e : entries())
    if (e.info.id == id) return e;
  throw std::invalid_argument("Unknown optimizer: " + id);
}

std::string trim(const std::string& s) {
  const auto begin = s.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return "";
  const auto end = s.find_last_not_of(" \t\r");
  return s.substr(begin, end - begin + 1);
}

bool parseNumber(const std::string& text, double& out) {
  const std::string s = trim(text);
  if (s.empty()) return false;
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

}  // namespace

const std::vector<OptimizerInfo>& optimizerInfos() {
  static const std::vector<OptimizerInfo> infos = [] {
    std::vector<OptimizerInfo> out;
    for (const auto& e : entries()) out.push_back(e.info);
    return out;
  }();
  return infos;
}

const OptimizerInfo& optimizerInfo(const std::string& id) { return entry(id).info; }

Settings parseSettings(const std::string& id, const std::string& text) {
  const OptimizerInfo& info = optimizerInfo(id);
  Settings settings;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of(";\n", start);
    if (end == std::string::npos) end = text.size();
    const std::string item = trim(text.substr(start, end - start));
    start = end + 1;
    if (item.empty()) continue;

    const auto eq = item.find('=');
    if (eq == std::string::npos) {
      throw std::invalid_argument("Malformed setting '" + item + "': expected name=value");
    }
    const std::string name = trim(item.substr(0, eq));
    const std::string value = trim(item.substr(eq + 1));
    const HyperParamSpec* spec = nullptr;
    for (const auto& p : info.params)
      if (p.name == name) spec = &p;
    if (!spec) {
      std::string known;
      for (const auto& p : info.params) known += (known.empty() ? "" : ", ") + p.name;
      throw std::invalid_argument("Unknown hyperparameter '" + name + "' for " + id + " (expected one of: " + known +
                                  ")");
    }
    std::vector<double> vals;
    switch (spec->kind) {
      case HyperKind::Bool:
        if (value == "true") vals = {1.0};
        else if (value == "false") vals = {0.0};
        else throw std::invalid_argument("Malformed value for " + name + ": '" + value + "' (expected true or false)");
        break;
      case HyperKind::Number: {
        double x = 0;
        if (!parseNumber(value, x)) {
          throw std::invalid_argument("Malformed value for " + name + ": '" + value + "' (expected a number)");
        }
        vals = {x};
        break;
      }
      case HyperKind::Pair: {
        const auto comma = value.find(',');
        double a = 0, b = 0;
        if (comma == std::string::npos || !parseNumber(value.substr(0, comma), a) ||
            !parseNumber(value.substr(comma + 1), b)) {
          throw std::invalid_argument("Malformed value for " + name + ": '" + value +
                                      "' (expected two numbers like 0.9,0.999)");
        }
        vals = {a, b};
        break;
      }
    }
    settings[name] = vals;
  }
  return settings;
}

std::unique_ptr<Optimizer> makeOptimizer(const std::string& id, const Settings& settings) {
  const Entry& e = entry(id);
  const Values values(e.info, settings);
  return e.make(values);
}

}  // namespace optlab
