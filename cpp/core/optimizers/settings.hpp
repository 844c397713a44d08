// Hyperparameter settings as callers hand them to the registry.
//
// Two callers, one check: the command line and the tests write text
// ("lr=0.01;betas=0.9,0.999;amsgrad=true"); the page hands typed values (a JS number,
// boolean or array, read once by the bindings). Both become a list of SettingInput,
// checked against the optimizer's specs here, so both get the same messages.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace optlab {

// Checked hyperparameter values by name; a Number or Bool holds one value (0/1), a Pair two.
using Settings = std::map<std::string, std::vector<double>>;

// One value as the caller typed it, before it is checked against the spec.
struct SettingInput {
  enum class Type { Number, Bool, Numbers, Other };
  std::string name;
  Type type = Type::Other;
  std::vector<double> values;  // Number: 1; Bool: 0 or 1; Numbers: as many as given; Other: none
  std::string text;            // the value as the caller would print it, for messages
};

// Checks names and types against the optimizer's specs. Throws std::invalid_argument
// ("Unknown optimizer: foo", "Malformed value for lr: 'fast' (expected a number)", ...).
Settings settingsFromInputs(const std::string& id, const std::vector<SettingInput>& inputs);

// Parse "lr=0.01;betas=0.9,0.999;amsgrad=true" (';' or newline separated) into
// Settings, checking names and shapes against the optimizer's specs. Throws
// std::invalid_argument with a one-line message on unknown or malformed entries.
Settings parseSettings(const std::string& id, const std::string& text);

}  // namespace optlab
