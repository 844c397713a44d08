// Settings from text or typed values, checked against the registry's specs. See settings.hpp.
#include "settings.hpp"

#include <cstdlib>
#include <stdexcept>

#include "registry.hpp"

namespace optlab {

namespace {

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

// "true", "false", a number, or numbers separated by commas.
SettingInput inputFromText(const std::string& name, const std::string& value) {
  SettingInput in{name, SettingInput::Type::Other, {}, value};
  if (value == "true" || value == "false") {
    in.type = SettingInput::Type::Bool;
    in.values = {value == "true" ? 1.0 : 0.0};
    return in;
  }
  std::vector<double> numbers;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = value.find(',', start);
    double x = 0;
    if (!parseNumber(value.substr(start, comma == std::string::npos ? std::string::npos : comma - start), x))
      return in;
    numbers.push_back(x);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  in.type = numbers.size() == 1 ? SettingInput::Type::Number : SettingInput::Type::Numbers;
  in.values = std::move(numbers);
  return in;
}

// Checks one input against the optimizer's spec and stores it.
void addChecked(const OptimizerInfo& info, const SettingInput& in, Settings& settings) {
  const HyperParamSpec* spec = findParam(info, in.name);
  if (!spec) throw std::invalid_argument(unknownParamMessage(info, in.name));
  const std::string malformed = "Malformed value for " + in.name + ": '" + in.text + "' ";
  switch (spec->kind) {
    case HyperKind::Bool:
      if (in.type != SettingInput::Type::Bool) throw std::invalid_argument(malformed + "(expected true or false)");
      break;
    case HyperKind::Number:
      if (in.type != SettingInput::Type::Number) throw std::invalid_argument(malformed + "(expected a number)");
      break;
    case HyperKind::Pair:
      if (in.type == SettingInput::Type::Bool || in.type == SettingInput::Type::Other || in.values.size() != 2)
        throw std::invalid_argument(malformed + "(expected two numbers like 0.9,0.999)");
      break;
  }
  settings[in.name] = in.values;
}

}  // namespace

Settings settingsFromInputs(const std::string& id, const std::vector<SettingInput>& inputs) {
  const OptimizerInfo& info = optimizerInfo(id);
  Settings settings;
  for (const SettingInput& in : inputs) addChecked(info, in, settings);
  return settings;
}

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
    addChecked(info, inputFromText(trim(item.substr(0, eq)), trim(item.substr(eq + 1))), settings);
  }
  return settings;
}

}  // namespace optlab
