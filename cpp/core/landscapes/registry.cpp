#include "registry.hpp"

#include <cmath>
#include <stdexcept>

#include "builtin.hpp"
#include "util/format_number.hpp"

namespace optlab {
namespace {

const std::vector<LandscapeEntry>& entries() {
  static const std::vector<LandscapeEntry> all = {
      rosenbrockEntry(), ravineEntry(),       bealeEntry(),        himmelblauEntry(),
      saddleEntry(),     monkeySaddleEntry(), rastriginEntry(),    ackleyEntry(),
      sixHumpCamelEntry(), boothEntry(),      goldsteinPriceEntry(), plateauEntry(),
      sparseFeatureEntry(),
  };
  return all;
}

const LandscapeEntry& entry(const std::string& id) {
  for (const LandscapeEntry& e : entries())
    if (e.info.id == id) return e;
  throw std::invalid_argument("Unknown landscape: " + id);
}

}  // namespace

const std::vector<LandscapeInfo>& landscapeInfos() {
  static const std::vector<LandscapeInfo> infos = [] {
    std::vector<LandscapeInfo> v;
    for (const LandscapeEntry& e : entries()) v.push_back(e.info);
    return v;
  }();
  return infos;
}

const LandscapeInfo& landscapeInfo(const std::string& id) { return entry(id).info; }

std::unique_ptr<Landscape> makeLandscape(const std::string& id, const LandscapeParams& params) {
  const LandscapeEntry& e = entry(id);
  LandscapeParams full;
  for (const LandscapeParamSpec& s : e.info.params) full[s.name] = s.defaultValue;
  for (const auto& [name, value] : params) {
    const LandscapeParamSpec* spec = nullptr;
    for (const LandscapeParamSpec& s : e.info.params)
      if (s.name == name) spec = &s;
    if (spec == nullptr) {
      std::string known;
      for (const LandscapeParamSpec& s : e.info.params) known += (known.empty() ? "" : ", ") + s.name;
      throw std::invalid_argument("Unknown parameter " + name + " for landscape " + id +
                                  (known.empty() ? " (it has no parameters)" : " (known: " + known + ")"));
    }
    const std::string prefix = "Invalid parameter " + name + " for landscape " + id + ": " + formatNumber(value);
    if (!std::isfinite(value)) throw std::invalid_argument(prefix + " (must be finite)");
    if (value < spec->min || value > spec->max)
      throw std::invalid_argument(prefix + " (must be in [" + formatNumber(spec->min) + ", " + formatNumber(spec->max) + "])");
    if (spec->integer && value != std::floor(value))
      throw std::invalid_argument(prefix + " (must be an integer)");
    full[name] = value;
  }
  return e.make(full);
}

}  // namespace optlab
