// The one place where landscape ids and parameter names meet implementations.
//
// The UI and the bindings are built from `landscapeInfos()`: they never
// hard-code a landscape parameter, a default or a range.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "landscape.hpp"

namespace optlab {

struct LandscapeParamSpec {
  std::string name;          // "kappa"
  std::string label;         // "condition number κ"
  double defaultValue = 0;
  double min = 0;            // inclusive range
  double max = 0;
  bool integer = false;      // e.g. a seed
  std::string help;          // one sentence for tooltips
};

struct LandscapeInfo {
  std::string id;            // "ravine"
  std::string displayName;   // "Ravine"
  std::string latex;         // formula with symbolic parameters
  std::string description;   // one sentence: what it teaches
  std::vector<LandscapeParamSpec> params;
};

// All built-in landscapes in display order.
const std::vector<LandscapeInfo>& landscapeInfos();

// Throws std::invalid_argument("Unknown landscape: foo").
const LandscapeInfo& landscapeInfo(const std::string& id);

// Build a landscape; unspecified parameters take their defaults. Throws
// std::invalid_argument with a one-line message for an unknown id, an unknown
// parameter name, or a value that is not finite, outside its range, or not an
// integer where one is required, e.g.
//   "Invalid parameter kappa for landscape ravine: 0 (must be in [1, 1000])".
std::unique_ptr<Landscape> makeLandscape(const std::string& id, const LandscapeParams& params = {});

}  // namespace optlab
