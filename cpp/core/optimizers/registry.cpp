// The optimizer registry: ids, display names and one field table per optimizer.
// A table (config_fields.hpp) yields both the spec the UI reads and the config the
// factory builds, with the defaults taken from the config struct. See registry.hpp.
#include "registry.hpp"

#include <functional>
#include <stdexcept>

#include "adadelta.hpp"
#include "adagrad.hpp"
#include "adam.hpp"
#include "adamax.hpp"
#include "adamw.hpp"
#include "config_fields.hpp"
#include "lion.hpp"
#include "nadam.hpp"
#include "radam.hpp"
#include "rmsprop.hpp"
#include "sgd.hpp"

namespace optlab {

namespace {

using namespace fields;

constexpr const char* kL2Help = "L2 penalty: weight_decay*p is added to the gradient";
constexpr const char* kBetasHelp = "decay rates (beta1, beta2) of the first and second moments";

template <typename C>
ConfigField<C> learningRate(double C::*member) {
  return nonNegative("lr", member, "learning rate");
}
template <typename C>
ConfigField<C> weightDecay(double C::*member, const char* help = kL2Help) {
  return nonNegative("weight_decay", member, help);
}
template <typename C>
ConfigField<C> maximize(bool C::*member) {
  return flag("maximize", member, "maximize the objective (the gradient is negated)");
}

struct Entry {
  OptimizerInfo info;
  std::function<std::unique_ptr<Optimizer>(const Settings&)> make;
};

template <typename Rule, typename Config>
Entry entryOf(std::string id, std::string displayName, std::string reference, std::vector<ConfigField<Config>> table) {
  Entry e;
  e.info = {std::move(id), std::move(displayName), std::move(reference), specsOf(table)};
  e.make = [table = std::move(table)](const Settings& s) -> std::unique_ptr<Optimizer> {
    return std::make_unique<Rule>(configFrom(table, s));
  };
  return e;
}

// Adam and AdamW share every hyperparameter (AdamW only changes what weight_decay does).
template <typename C>
std::vector<ConfigField<C>> adamFields(const char* weightDecayHelp) {
  return {learningRate(&C::lr),
          betas(&C::beta1, &C::beta2, kBetasHelp),
          nonNegative("eps", &C::eps, "added to the bias-corrected sqrt(v_hat)"),
          weightDecay(&C::weight_decay, weightDecayHelp),
          flag("amsgrad", &C::amsgrad, "AMSGrad: divide by the running maximum of v"),
          maximize(&C::maximize),
          flag("bias_correction", &C::bias_correction,
               "teaching: false drops the 1/(1-beta^t) corrections, the chapter's 'common mistake'", true)};
}

const std::vector<Entry>& entries() {
  using S = SgdConfig;
  using Ag = AdagradConfig;
  using Rm = RmspropConfig;
  using Na = NadamConfig;
  using Li = LionConfig;
  using Ax = AdamaxConfig;
  using Ad = AdadeltaConfig;
  using Ra = RadamConfig;
  static const std::vector<Entry> table{
      entryOf<Sgd, S>(
          "sgd", "SGD", "torch.optim.SGD",
          {requiredNumber("lr", &S::lr, 0.01,
                          "learning rate (required: torch's SGD has no default; 0.01 is only a suggestion)"),
           nonNegative("momentum", &S::momentum, "momentum factor mu (0 = plain gradient descent)"),
           number("dampening", &S::dampening, -kInf, kInf, "dampening for momentum: buf = mu*buf + (1-dampening)*g"),
           weightDecay(&S::weight_decay),
           flag("nesterov", &S::nesterov, "Nesterov momentum as torch does it: g + mu*buf, gradient at p"),
           maximize(&S::maximize),
           flag("momentum_buffer_starts_at_zero", &S::momentum_buffer_starts_at_zero,
                "teaching: the velocity starts at 0 (textbook EMA) instead of torch's copy of the first "
                "gradient; differs from torch only when dampening != 0",
                true),
           flag("lr_inside_velocity", &S::lr_inside_velocity,
                "teaching: Sutskever's form v = mu*v + lr*g; p = p - v (torch: v = mu*v + g; p = p - lr*v)", true),
           flag("nesterov_lookahead", &S::nesterov_lookahead,
                "teaching: the chapter's Nesterov: gradient at the look-ahead point p - lr*mu*v", true)}),
      entryOf<Adagrad, Ag>(
          "adagrad", "Adagrad", "torch.optim.Adagrad",
          {learningRate(&Ag::lr), nonNegative("lr_decay", &Ag::lr_decay, "learning-rate decay: lr / (1 + (t-1)*lr_decay)"),
           weightDecay(&Ag::weight_decay),
           nonNegative("initial_accumulator_value", &Ag::initial_accumulator_value, "starting value of the sum of squares"),
           nonNegative("eps", &Ag::eps, "added to sqrt(sum), outside the square root"), maximize(&Ag::maximize)}),
      entryOf<Rmsprop, Rm>(
          "rmsprop", "RMSprop", "torch.optim.RMSprop",
          {learningRate(&Rm::lr), nonNegative("alpha", &Rm::alpha, "smoothing constant of the squared-gradient average"),
           nonNegative("eps", &Rm::eps, "added to sqrt(v), outside the square root"), weightDecay(&Rm::weight_decay),
           nonNegative("momentum", &Rm::momentum, "momentum factor on the scaled step"),
           flag("centered", &Rm::centered, "divide by the estimated variance sqrt(v - mean(g)^2)"),
           maximize(&Rm::maximize),
           flag("eps_inside_sqrt", &Rm::eps_inside_sqrt,
                "teaching: TensorFlow's convention sqrt(v + eps) instead of sqrt(v) + eps", true)}),
      entryOf<Adam, AdamConfig>("adam", "Adam", "torch.optim.Adam", adamFields<AdamConfig>(kL2Help)),
      entryOf<AdamW, AdamWConfig>(
          "adamw", "AdamW", "torch.optim.AdamW",
          adamFields<AdamWConfig>("decoupled weight decay: p = p*(1 - lr*weight_decay) before the Adam step")),
      entryOf<Nadam, Na>(
          "nadam", "NAdam", "torch.optim.NAdam (torch 2.x rule)",
          {learningRate(&Na::lr), betas(&Na::beta1, &Na::beta2, kBetasHelp),
           nonNegative("eps", &Na::eps, "added to sqrt(v_hat)"), weightDecay(&Na::weight_decay),
           nonNegative("momentum_decay", &Na::momentum_decay,
                       "psi in the momentum schedule beta1*(1 - 0.5*0.96^(t*psi))")}),
      entryOf<Lion, Li>("lion", "Lion", "Chen et al. 2023, Algorithm 2 (not in torch)",
                        {learningRate(&Li::lr),
                         betas(&Li::beta1, &Li::beta2, "beta1 mixes the step direction, beta2 is the momentum's decay"),
                         weightDecay(&Li::weight_decay, "decoupled weight decay, scaled by lr as in AdamW")}),
      entryOf<Adamax, Ax>(
          "adamax", "Adamax", "torch.optim.Adamax",
          {learningRate(&Ax::lr), betas(&Ax::beta1, &Ax::beta2, "decay rates of the first moment and of the infinity norm"),
           nonNegative("eps", &Ax::eps, "added to |g| inside the max"), weightDecay(&Ax::weight_decay),
           maximize(&Ax::maximize)}),
      entryOf<Adadelta, Ad>("adadelta", "Adadelta", "torch.optim.Adadelta",
                            {learningRate(&Ad::lr), number("rho", &Ad::rho, 0, 1, "decay rate of both running averages"),
                             nonNegative("eps", &Ad::eps, "added inside both square roots"),
                             weightDecay(&Ad::weight_decay), maximize(&Ad::maximize)}),
      entryOf<Radam, Ra>("radam", "RAdam", "torch.optim.RAdam",
                         {learningRate(&Ra::lr), betas(&Ra::beta1, &Ra::beta2, kBetasHelp),
                          nonNegative("eps", &Ra::eps, "added to sqrt(v), outside the square root"),
                          weightDecay(&Ra::weight_decay)}),
  };
  return table;
}

const Entry& entry(const std::string& id) {
  for (const auto& e : entries())
    if (e.info.id == id) return e;
  throw std::invalid_argument("Unknown optimizer: " + id);
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

const HyperParamSpec* findParam(const OptimizerInfo& info, const std::string& name) {
  for (const auto& p : info.params)
    if (p.name == name) return &p;
  return nullptr;
}

std::string unknownParamMessage(const OptimizerInfo& info, const std::string& name) {
  std::string known;
  for (const auto& p : info.params) known += (known.empty() ? "" : ", ") + p.name;
  return "Unknown hyperparameter '" + name + "' for " + info.id + " (expected one of: " + known + ")";
}

std::unique_ptr<Optimizer> makeOptimizer(const std::string& id, const Settings& settings) {
  const Entry& e = entry(id);
  for (const auto& [name, vals] : settings) {
    const HyperParamSpec* spec = findParam(e.info, name);
    if (!spec) throw std::invalid_argument(unknownParamMessage(e.info, name));
    const std::size_t want = spec->kind == HyperKind::Pair ? 2 : 1;
    if (vals.size() != want) {
      throw std::invalid_argument("Hyperparameter " + name + " of " + id + " takes " + std::to_string(want) +
                                  (want == 1 ? " value" : " values") + ", got " + std::to_string(vals.size()));
    }
    if (spec->kind == HyperKind::Bool && vals[0] != 0.0 && vals[0] != 1.0) {
      throw std::invalid_argument("Hyperparameter " + name + " of " + id + " must be true or false");
    }
  }
  return e.make(settings);
}

std::size_t stateValuesPerParameter(const std::string& id, const Settings& settings) {
  auto opt = makeOptimizer(id, settings);
  opt->reset(1);  // the buffers exist once the optimizer knows its parameter count
  return opt->stateValuesPerParameter();
}

const char* hyperKindName(HyperKind kind) {
  static constexpr const char* kNames[] = {"number", "bool", "pair"};  // in HyperKind's order
  return kNames[static_cast<int>(kind)];
}

}  // namespace optlab
