// The scheduler registry: names, keyword arguments with torch's defaults, factories.
#include "registry.hpp"

#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <stdexcept>

#include "cosine_annealing_lr.hpp"
#include "cosine_annealing_warm_restarts.hpp"
#include "exponential_lr.hpp"
#include "linear_lr.hpp"
#include "multi_step_lr.hpp"
#include "one_cycle_lr.hpp"
#include "optimizers/torch_validation.hpp"
#include "polynomial_lr.hpp"
#include "reduce_lr_on_plateau.hpp"
#include "sequential_lr.hpp"
#include "step_lr.hpp"

namespace optlab {

namespace {

using Kind = ScheduleParamKind;

ScheduleParamSpec param(std::string name, Kind kind, std::string def, std::string help,
                        std::vector<std::string> choices = {}) {
  return {std::move(name), kind, std::move(def), std::move(choices), std::move(help)};
}

std::string trim(const std::string& s) {
  const auto begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  const auto end = s.find_last_not_of(" \t\r\n");
  return s.substr(begin, end - begin + 1);
}

bool isIntegerText(const std::string& s) {
  std::size_t i = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
  if (i >= s.size() || s.size() > 15) return false;
  for (; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// Step counts stay within +-1e9, so that no scheduler's integer arithmetic (2*T_max,
// T_i*T_mult, epochs*steps_per_epoch) can overflow, also where long has 32 bits (wasm32).
constexpr long long kMaxStepCount = 1000000000;

long checkedInteger(const std::string& name, const std::string& text) {
  const long long v = std::strtoll(text.c_str(), nullptr, 10);
  if (v > kMaxStepCount || v < -kMaxStepCount)
    throw std::invalid_argument("Invalid value for " + name + ": " + text + " (at most 1000000000 in size)");
  return static_cast<long>(v);
}

double parseNumberText(const std::string& name, const std::string& text) {
  const std::string s = trim(text);
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (s.empty() || end != s.c_str() + s.size())
    throw std::invalid_argument("Malformed value for " + name + ": '" + text + "' (expected a number)");
  return v;
}

// The keyword arguments of one call, checked against the scheduler's specs.
class Args {
 public:
  Args(const SchedulerInfo& info, const ScheduleSpec& spec) : info_(info) {
    for (const auto& [name, value] : spec.args) {
      if (!find(name))
        throw std::invalid_argument(info.id + ".__init__() got an unexpected keyword argument '" + name + "'");
      if (values_.count(name))
        throw std::invalid_argument(info.id + ".__init__() got multiple values for argument '" + name + "'");
      values_[name] = trim(value);
    }
    std::vector<std::string> missing;
    for (const auto& p : info.params)
      if (p.defaultText.empty() && !values_.count(p.name)) missing.push_back("'" + p.name + "'");
    if (!missing.empty()) {
      std::string list;
      for (std::size_t i = 0; i < missing.size(); ++i)
        list += (i == 0 ? "" : (i + 1 == missing.size() ? (missing.size() > 2 ? ", and " : " and ") : ", ")) + missing[i];
      throw std::invalid_argument(info.id + ".__init__() missing " + std::to_string(missing.size()) + " required positional argument" +
                                  (missing.size() == 1 ? "" : "s") + ": " + list);
    }
  }

  bool given(const std::string& name) const { return values_.count(name) != 0; }
  const std::string& text(const std::string& name) const {
    const auto it = values_.find(name);
    return it != values_.end() ? it->second : find(name)->defaultText;
  }
  double number(const std::string& name) const { return parseNumberText(name, text(name)); }
  // An int argument. `torchMessage` is torch's "Expected ... but got " for a non-int,
  // where torch checks the type; otherwise our own wording.
  long integer(const std::string& name, const std::string& torchMessage = "") const {
    const std::string& t = text(name);
    if (isIntegerText(t)) return checkedInteger(name, t);
    const double v = parseNumberText(name, t);
    throw std::invalid_argument((torchMessage.empty() ? "Expected integer " + name + ", but got " : torchMessage) +
                                pythonFloat(v));
  }
  std::optional<long> optionalInteger(const std::string& name, const std::string& torchMessage) const {
    if (text(name) == "None") return std::nullopt;
    return integer(name, torchMessage);
  }
  std::vector<long> integers(const std::string& name) const {
    std::vector<long> out;
    const std::string& t = text(name);
    std::size_t from = 0;
    while (from <= t.size()) {
      auto comma = t.find(',', from);
      if (comma == std::string::npos) comma = t.size();
      const std::string item = trim(t.substr(from, comma - from));
      from = comma + 1;
      if (item.empty()) continue;
      if (!isIntegerText(item))
        throw std::invalid_argument("Malformed value for " + name + ": '" + t + "' (expected integers like 30,80)");
      out.push_back(checkedInteger(name, item));
    }
    return out;
  }
  bool flag(const std::string& name) const {
    const std::string& t = text(name);
    if (t == "true" || t == "True") return true;
    if (t == "false" || t == "False") return false;
    throw std::invalid_argument("Malformed value for " + name + ": '" + t + "' (expected true or false)");
  }
  std::string choice(const std::string& name) const {
    std::string t = text(name);
    if (t.size() >= 2 && (t.front() == '\'' || t.front() == '"') && t.back() == t.front()) t = t.substr(1, t.size() - 2);
    return t;
  }

 private:
  const ScheduleParamSpec* find(const std::string& name) const {
    for (const auto& p : info_.params)
      if (p.name == name) return &p;
    return nullptr;
  }
  const SchedulerInfo& info_;
  std::map<std::string, std::string> values_;
};

// Splits at `sep` outside parentheses.
std::vector<std::string> splitTopLevel(const std::string& text, char sep) {
  std::vector<std::string> out;
  int depth = 0;
  std::string current;
  for (char c : text) {
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (c == sep && depth == 0) {
      out.push_back(current);
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  out.push_back(current);
  return out;
}

using Factory = std::function<std::unique_ptr<LrScheduler>(const Args&, ParamGroup&)>;

struct Entry {
  SchedulerInfo info;
  Factory make;
};

std::unique_ptr<LrScheduler> makeSequential(const Args& a, ParamGroup& group) {
  std::vector<std::unique_ptr<LrScheduler>> children;
  for (const std::string& part : splitTopLevel(a.text("schedulers"), '+')) {
    if (trim(part).empty()) continue;
    const ScheduleSpec child = parseScheduleCall(part);
    if (child.name == "SequentialLR")
      throw std::invalid_argument("SequentialLR inside SequentialLR is not supported here");
    children.push_back(makeScheduler(child, group));
  }
  return std::make_unique<SequentialLR>(group, std::move(children), a.integers("milestones"));
}

// One keyword argument: its spec (name, kind, torch's default, help) and the config
// field it is read into. The field's type says how (Args' number, integer,
// optionalInteger, integers, flag or choice); `torchMessage` as in Args::integer.
template <typename Config, typename T>
struct Arg {
  ScheduleParamSpec spec;
  T Config::*member;
  const char* torchMessage = "";
};

template <typename Config, typename T>
Arg<Config, T> arg(T Config::*member, ScheduleParamSpec spec, const char* torchMessage = "") {
  return {std::move(spec), member, torchMessage};
}

void read(const Args& a, const std::string& name, double& out, const char*) { out = a.number(name); }
void read(const Args& a, const std::string& name, long& out, const char* msg) { out = a.integer(name, msg); }
void read(const Args& a, const std::string& name, std::optional<long>& out, const char* msg) {
  out = a.optionalInteger(name, msg);
}
void read(const Args& a, const std::string& name, std::vector<long>& out, const char*) { out = a.integers(name); }
void read(const Args& a, const std::string& name, bool& out, const char*) { out = a.flag(name); }
void read(const Args& a, const std::string& name, std::string& out, const char*) { out = a.choice(name); }

// A scheduler's entry from its argument rows: the specs for the catalog, and a factory
// that reads the arguments in the order of the rows (the order torch reports errors
// in) into a default Config.
template <typename Scheduler, typename Config, typename... T>
Entry entryOf(std::string id, std::string help, Arg<Config, T>... args) {
  Factory make = [=](const Args& a, ParamGroup& group) -> std::unique_ptr<LrScheduler> {
    Config c;
    (read(a, args.spec.name, c.*(args.member), args.torchMessage), ...);
    return std::make_unique<Scheduler>(group, c);
  };
  return {{std::move(id), std::move(help), {args.spec...}}, std::move(make)};
}

const std::vector<Entry>& entries() {
  static const std::vector<Entry> table = [] {
    std::vector<Entry> t;
    t.push_back(entryOf<StepLR>("StepLR", "lr *= gamma every step_size steps",
        arg(&StepLRConfig::step_size, param("step_size", Kind::Integer, "", "period of the decay, in steps")),
        arg(&StepLRConfig::gamma, param("gamma", Kind::Number, "0.1", "multiplicative factor of the decay"))));
    t.push_back(entryOf<MultiStepLR>("MultiStepLR", "lr *= gamma at each milestone",
        arg(&MultiStepLRConfig::milestones,
            param("milestones", Kind::IntegerList, "", "steps at which lr is multiplied by gamma, e.g. 30,80")),
        arg(&MultiStepLRConfig::gamma, param("gamma", Kind::Number, "0.1", "multiplicative factor of the decay"))));
    t.push_back(entryOf<ExponentialLR>("ExponentialLR", "lr *= gamma every step",
        arg(&ExponentialLRConfig::gamma, param("gamma", Kind::Number, "", "multiplicative factor of the decay"))));
    t.push_back(entryOf<CosineAnnealingLR>(
        "CosineAnnealingLR", "cosine decay from lr to eta_min over T_max steps (torch's recursive form)",
        arg(&CosineAnnealingLRConfig::T_max, param("T_max", Kind::Integer, "", "steps of the half cosine")),
        arg(&CosineAnnealingLRConfig::eta_min, param("eta_min", Kind::Number, "0.0", "the lowest lr"))));
    t.push_back(entryOf<CosineAnnealingWarmRestarts>(
        "CosineAnnealingWarmRestarts", "cosine decay restarted every T_i steps (SGDR)",
        arg(&CosineAnnealingWarmRestartsConfig::T_0, param("T_0", Kind::Integer, "", "steps until the first restart"),
            "Expected positive integer T_0, but got "),
        arg(&CosineAnnealingWarmRestartsConfig::T_mult,
            param("T_mult", Kind::Integer, "1", "each period is T_mult times the previous one"),
            "Expected integer T_mult >= 1, but got "),
        arg(&CosineAnnealingWarmRestartsConfig::eta_min, param("eta_min", Kind::Number, "0.0", "the lowest lr"))));
    t.push_back(entryOf<LinearLR>(
        "LinearLR", "the factor on lr moves linearly from start_factor to end_factor (warm-up)",
        arg(&LinearLRConfig::start_factor,
            param("start_factor", Kind::Number, "0.3333333333333333", "factor at step 0, in (0, 1]")),
        arg(&LinearLRConfig::end_factor,
            param("end_factor", Kind::Number, "1.0", "factor after total_iters steps, in [0, 1]")),
        arg(&LinearLRConfig::total_iters, param("total_iters", Kind::Integer, "5", "steps of the linear change"))));
    t.push_back(entryOf<OneCycleLR>(
        "OneCycleLR", "1cycle: warm up to max_lr, then anneal far below; momentum cycles the other way",
        arg(&OneCycleLRConfig::max_lr, param("max_lr", Kind::Number, "", "the peak lr")),
        arg(&OneCycleLRConfig::total_steps, param("total_steps", Kind::Integer, "None", "steps in the cycle"),
            "Expected positive integer total_steps, but got "),
        arg(&OneCycleLRConfig::epochs,
            param("epochs", Kind::Integer, "None", "with steps_per_epoch, instead of total_steps"),
            "Expected positive integer epochs, but got "),
        arg(&OneCycleLRConfig::steps_per_epoch,
            param("steps_per_epoch", Kind::Integer, "None", "with epochs, instead of total_steps"),
            "Expected positive integer steps_per_epoch, but got "),
        arg(&OneCycleLRConfig::pct_start,
            param("pct_start", Kind::Number, "0.3", "fraction of the cycle spent warming up")),
        arg(&OneCycleLRConfig::anneal_strategy,
            param("anneal_strategy", Kind::Choice, "cos", "cos or linear", {"cos", "linear"})),
        arg(&OneCycleLRConfig::cycle_momentum,
            param("cycle_momentum", Kind::Flag, "true", "cycle momentum (or beta1) inversely to lr")),
        arg(&OneCycleLRConfig::base_momentum, param("base_momentum", Kind::Number, "0.85", "momentum at the lr peak")),
        arg(&OneCycleLRConfig::max_momentum,
            param("max_momentum", Kind::Number, "0.95", "momentum at the start and end")),
        arg(&OneCycleLRConfig::div_factor, param("div_factor", Kind::Number, "25.0", "initial_lr = max_lr/div_factor")),
        arg(&OneCycleLRConfig::final_div_factor,
            param("final_div_factor", Kind::Number, "10000.0", "min_lr = initial_lr/final_div_factor")),
        arg(&OneCycleLRConfig::three_phase,
            param("three_phase", Kind::Flag, "false", "a third phase annihilates lr to min_lr"))));
    t.push_back(entryOf<PolynomialLR>("PolynomialLR", "lr decays to 0 as (1 - t/total_iters)^power",
        arg(&PolynomialLRConfig::total_iters, param("total_iters", Kind::Integer, "5", "steps of the decay")),
        arg(&PolynomialLRConfig::power, param("power", Kind::Number, "1.0", "power of the polynomial"))));
    t.push_back(entryOf<ReduceLROnPlateau>(
        "ReduceLROnPlateau", "lr *= factor when the step's loss stops improving for patience steps",
        arg(&ReduceLROnPlateauConfig::mode,
            param("mode", Kind::Choice, "min", "min: the loss should fall; max: rise", {"min", "max"})),
        arg(&ReduceLROnPlateauConfig::factor, param("factor", Kind::Number, "0.1", "new_lr = lr*factor")),
        arg(&ReduceLROnPlateauConfig::patience,
            param("patience", Kind::Integer, "10", "steps without improvement tolerated")),
        arg(&ReduceLROnPlateauConfig::threshold,
            param("threshold", Kind::Number, "0.0001", "what counts as an improvement")),
        arg(&ReduceLROnPlateauConfig::threshold_mode,
            param("threshold_mode", Kind::Choice, "rel", "rel or abs", {"rel", "abs"})),
        arg(&ReduceLROnPlateauConfig::cooldown,
            param("cooldown", Kind::Integer, "0", "steps to wait after a reduction")),
        arg(&ReduceLROnPlateauConfig::min_lr, param("min_lr", Kind::Number, "0", "lower bound on lr")),
        arg(&ReduceLROnPlateauConfig::eps, param("eps", Kind::Number, "1e-08", "smaller reductions are skipped"))));
    t.push_back({{"SequentialLR", "schedulers one after another, switching at the milestones (warm-up, then decay)",
                  {param("schedulers", Kind::Schedulers, "", "e.g. LinearLR(start_factor=0.1,total_iters=20)+CosineAnnealingLR(T_max=180)"),
                   param("milestones", Kind::IntegerList, "", "steps at which the next scheduler takes over")}},
                 makeSequential});
    return t;
  }();
  return table;
}

const Entry& entry(const std::string& name) {
  for (const auto& e : entries())
    if (e.info.id == name) return e;
  throw std::invalid_argument("module 'torch.optim.lr_scheduler' has no attribute '" + name + "'");
}

}  // namespace

const std::vector<SchedulerInfo>& schedulerInfos() {
  static const std::vector<SchedulerInfo> infos = [] {
    std::vector<SchedulerInfo> out;
    for (const auto& e : entries()) out.push_back(e.info);
    return out;
  }();
  return infos;
}

ScheduleSpec parseScheduleCall(const std::string& text) {
  const std::string s = trim(text);
  ScheduleSpec spec;
  const auto open = s.find('(');
  if (open == std::string::npos) {
    spec.name = s;
  } else {
    if (s.back() != ')')
      throw std::invalid_argument("Malformed scheduler '" + s + "': expected Name(arg=value,...)");
    spec.name = trim(s.substr(0, open));
    for (const std::string& piece : splitTopLevel(s.substr(open + 1, s.size() - open - 2), ',')) {
      const std::string item = trim(piece);
      if (item.empty()) continue;
      const auto eq = item.find('=');
      const auto paren = item.find('(');
      if (eq == std::string::npos || (paren != std::string::npos && paren < eq)) {
        // A list continues: milestones=30,80 arrives as "milestones=30" and "80".
        if (spec.args.empty())
          throw std::invalid_argument("Malformed scheduler '" + s + "': expected Name(arg=value,...)");
        spec.args.back().second += "," + item;
      } else {
        spec.args.emplace_back(trim(item.substr(0, eq)), trim(item.substr(eq + 1)));
      }
    }
  }
  if (spec.name.empty()) throw std::invalid_argument("Malformed scheduler '" + s + "': expected Name(arg=value,...)");
  return spec;
}

std::optional<ScheduleSpec> parseOptionalScheduleCall(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return parseScheduleCall(text);
}

std::string scheduleCallText(const ScheduleSpec& spec) {
  std::string out = spec.name + "(";
  for (std::size_t i = 0; i < spec.args.size(); ++i)
    out += (i ? "," : "") + spec.args[i].first + "=" + spec.args[i].second;
  return out + ")";
}

std::unique_ptr<LrScheduler> makeScheduler(const ScheduleSpec& spec, ParamGroup& group) {
  const Entry& e = entry(spec.name);
  const Args args(e.info, spec);
  return e.make(args, group);
}

const char* scheduleParamKindName(ScheduleParamKind kind) {
  // In ScheduleParamKind's order.
  static constexpr const char* kNames[] = {"integer", "number", "integers", "choice", "bool", "schedulers"};
  return kNames[static_cast<int>(kind)];
}

}  // namespace optlab
