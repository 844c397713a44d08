// A field table: how the registry sees one optimizer's config struct.
//
// Each row names a hyperparameter as torch does, points at the struct member that holds
// it, and gives its valid range and a sentence of help. The struct's own initialisers are
// the defaults: the spec a UI reads is built from `Config{}`, so a default is written once.
// The same rows copy a caller's settings into a fresh `Config`, so the spec and the
// factory cannot disagree about a name. torch's range checks, with torch's messages and
// in torch's order, stay in each optimizer's constructor (torch_validation.hpp).
#pragma once

#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "registry.hpp"

namespace optlab {

template <typename Config>
struct ConfigField {
  HyperParamSpec spec;                              // name, kind, range, help (defaults filled in below)
  double Config::*number = nullptr;                 // a Number, or the first of a Pair
  double Config::*second = nullptr;                 // the second of a Pair
  bool Config::*flag = nullptr;                     // a Bool
  std::optional<double> Config::*required = nullptr;  // a Number torch requires (no default)
};

namespace fields {

constexpr double kInf = std::numeric_limits<double>::infinity();

inline HyperParamSpec spec(std::string name, HyperKind kind, double min, double max, std::string help) {
  HyperParamSpec s;
  s.name = std::move(name);
  s.kind = kind;
  s.min = min;
  s.max = max;
  s.help = std::move(help);
  return s;
}

template <typename C>
ConfigField<C> number(std::string name, double C::*member, double min, double max, std::string help) {
  ConfigField<C> f;
  f.spec = spec(std::move(name), HyperKind::Number, min, max, std::move(help));
  f.number = member;
  return f;
}

template <typename C>
ConfigField<C> nonNegative(std::string name, double C::*member, std::string help) {
  return number(std::move(name), member, 0, kInf, std::move(help));
}

// A Number torch requires: `suggested` is only where a UI starts, never a silent default.
template <typename C>
ConfigField<C> requiredNumber(std::string name, std::optional<double> C::*member, double suggested,
                              std::string help) {
  ConfigField<C> f;
  f.spec = spec(std::move(name), HyperKind::Number, 0, kInf, std::move(help));
  f.spec.required = true;
  f.spec.defaults = {suggested};
  f.required = member;
  return f;
}

template <typename C>
ConfigField<C> flag(std::string name, bool C::*member, std::string help, bool teaching = false) {
  ConfigField<C> f;
  f.spec = spec(std::move(name), HyperKind::Bool, 0, 1, std::move(help));
  f.spec.teaching = teaching;
  f.flag = member;
  return f;
}

// torch's `betas`: two numbers in [0, 1).
template <typename C>
ConfigField<C> betas(double C::*first, double C::*second, std::string help) {
  ConfigField<C> f;
  f.spec = spec("betas", HyperKind::Pair, 0, 1, std::move(help));
  f.spec.maxInclusive = false;
  f.number = first;
  f.second = second;
  return f;
}

}  // namespace fields

// The spec of every field, with the defaults read from a default-constructed Config.
template <typename Config>
std::vector<HyperParamSpec> specsOf(const std::vector<ConfigField<Config>>& table) {
  static const Config defaults{};  // static: GCC cannot see through member pointers into a local
  std::vector<HyperParamSpec> out;
  for (const ConfigField<Config>& f : table) {
    HyperParamSpec s = f.spec;
    if (f.flag) s.defaults = {defaults.*f.flag ? 1.0 : 0.0};
    else if (f.second) s.defaults = {defaults.*f.number, defaults.*f.second};
    else if (f.number) s.defaults = {defaults.*f.number};
    out.push_back(std::move(s));
  }
  return out;
}

// A Config with the given settings (already checked against the specs) over its defaults.
template <typename Config>
Config configFrom(const std::vector<ConfigField<Config>>& table, const Settings& settings) {
  Config c{};
  for (const ConfigField<Config>& f : table) {
    const auto it = settings.find(f.spec.name);
    if (it == settings.end()) continue;
    const std::vector<double>& v = it->second;
    if (f.flag) c.*f.flag = v[0] != 0.0;
    else if (f.required) c.*f.required = v[0];
    else c.*f.number = v[0];
    if (f.second) c.*f.second = v[1];
  }
  return c;
}

}  // namespace optlab
