// The one place where optimizer ids and hyperparameter names meet implementations.
//
// The UI, the command line and the bindings are all built from `optimizerInfos()`:
// they never hard-code a hyperparameter, a default or a range.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "optimizer.hpp"

namespace optlab {

enum class HyperKind { Number, Bool, Pair };

// One hyperparameter as torch names it (plus the teaching switches, flagged).
struct HyperParamSpec {
  std::string name;              // torch's name: "lr", "betas", "amsgrad", ...
  HyperKind kind = HyperKind::Number;
  std::vector<double> defaults;  // 1 value (Number/Bool as 0/1) or 2 (Pair)
  double min = 0;                // valid range of each number
  double max = 0;
  bool minInclusive = true;
  bool maxInclusive = true;
  bool required = false;         // SGD's lr has no default in torch
  bool teaching = false;         // not in torch: a switch that shows the chapter's form
  std::string help;              // one sentence for tooltips and `optlab list`
};

struct OptimizerInfo {
  std::string id;           // "adam"
  std::string displayName;  // "Adam"
  std::string reference;    // torch class or paper
  std::vector<HyperParamSpec> params;
};

// Parsed hyperparameter values by name; a Number or Bool holds one value, a Pair two.
using Settings = std::map<std::string, std::vector<double>>;

const std::vector<OptimizerInfo>& optimizerInfos();

// Throws std::invalid_argument("Unknown optimizer: foo").
const OptimizerInfo& optimizerInfo(const std::string& id);

// Parse "lr=0.01;betas=0.9,0.999;amsgrad=true" (';' or newline separated) into
// Settings, checking names and shapes against the optimizer's specs. Throws
// std::invalid_argument with a one-line message on unknown or malformed entries.
Settings parseSettings(const std::string& id, const std::string& text);

// Build a configured optimizer; unspecified hyperparameters take torch's defaults.
// Invalid values throw std::invalid_argument in torch's wording.
std::unique_ptr<Optimizer> makeOptimizer(const std::string& id, const Settings& settings);

}  // namespace optlab
