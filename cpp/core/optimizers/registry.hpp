// The one place where optimizer ids and hyperparameter names meet implementations.
//
// The UI, the command line and the bindings are all built from `optimizerInfos()`:
// they never hard-code a hyperparameter, a default or a range. Each optimizer's spec
// and factory come from one field table (config_fields.hpp).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "optimizer.hpp"
#include "settings.hpp"

namespace optlab {

enum class HyperKind { Number, Bool, Pair };
// "number", "bool" or "pair": the kind's name in `optlab list` and the page's catalog.
const char* hyperKindName(HyperKind kind);

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

const std::vector<OptimizerInfo>& optimizerInfos();

// Throws std::invalid_argument("Unknown optimizer: foo").
const OptimizerInfo& optimizerInfo(const std::string& id);

// The spec of `name`, or nullptr.
const HyperParamSpec* findParam(const OptimizerInfo& info, const std::string& name);

// "Unknown hyperparameter 'momentum' for adam (expected one of: lr, betas, ...)".
std::string unknownParamMessage(const OptimizerInfo& info, const std::string& name);

// Build a configured optimizer; unspecified hyperparameters take torch's defaults.
// Invalid values throw std::invalid_argument in torch's wording.
std::unique_ptr<Optimizer> makeOptimizer(const std::string& id, const Settings& settings);

// Values of persistent state per parameter of that configured optimizer (the chapter's
// memory table: SGD 0, momentum 1, Adam 2). Invalid settings throw as makeOptimizer does.
std::size_t stateValuesPerParameter(const std::string& id, const Settings& settings);

}  // namespace optlab
