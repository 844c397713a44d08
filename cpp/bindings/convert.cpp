// The conversions of convert.hpp that read JS objects.
#include "convert.hpp"

namespace optlab::bind {

namespace {

val keysOf(const val& obj) { return val::global("Object").call<val>("keys", obj); }

SettingInput inputFrom(const std::string& name, const val& v) {
  SettingInput in{name, SettingInput::Type::Other, {}, val::global("String")(v).as<std::string>()};
  const std::string type = v.typeOf().as<std::string>();
  if (type == "number") {
    in.type = SettingInput::Type::Number;
    in.values = {v.as<double>()};
  } else if (type == "boolean") {
    in.type = SettingInput::Type::Bool;
    in.values = {v.as<bool>() ? 1.0 : 0.0};
  } else if (val::global("Array").call<bool>("isArray", v)) {
    const unsigned n = v["length"].as<unsigned>();
    for (unsigned i = 0; i < n; ++i) {
      if (v[i].typeOf().as<std::string>() != "number") return {name, SettingInput::Type::Other, {}, in.text};
      in.values.push_back(v[i].as<double>());
    }
    in.type = SettingInput::Type::Numbers;
  }
  return in;
}

}  // namespace

Settings settingsFrom(const std::string& optimizerId, const val& settings) {
  std::vector<SettingInput> inputs;
  if (!absent(settings)) {
    const val keys = keysOf(settings);
    const unsigned n = keys["length"].as<unsigned>();
    for (unsigned i = 0; i < n; ++i) {
      const std::string key = keys[i].as<std::string>();
      inputs.push_back(inputFrom(key, settings[key]));
    }
  }
  return settingsFromInputs(optimizerId, inputs);
}

LandscapeParams landscapeParamsFrom(const val& params) {
  LandscapeParams out;
  if (absent(params)) return out;
  const val keys = keysOf(params);
  const unsigned n = keys["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i) {
    const std::string key = keys[i].as<std::string>();
    out[key] = params[key].as<double>();
  }
  return out;
}

val buffersObject(const std::vector<Buffer>& buffers, bool typedValues) {
  val list = val::array();
  unsigned i = 0;
  for (const Buffer& b : buffers) {
    val o = val::object();
    o.set("name", b.name);
    o.set("label", b.label);
    o.set("latex", b.latex);
    o.set("persistent", b.persistent);
    o.set("values", typedValues ? typedCopy(b.values) : numberArray(b.values));
    list.set(i++, o);
  }
  return list;
}

}  // namespace optlab::bind
