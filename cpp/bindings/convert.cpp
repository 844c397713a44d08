// The conversions of convert.hpp that read JS objects.
#include "convert.hpp"

namespace optlab::bind {

namespace {

// Calls use(key, obj[key]) for each own key of a JS object (none when it is missing).
template <typename F>
void forEachField(const val& obj, F&& use) {
  if (absent(obj)) return;
  const val keys = val::global("Object").call<val>("keys", obj);
  const unsigned n = keys["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i) {
    const std::string key = keys[i].as<std::string>();
    use(key, obj[key]);
  }
}

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
  forEachField(settings, [&](const std::string& key, const val& v) { inputs.push_back(inputFrom(key, v)); });
  return settingsFromInputs(optimizerId, inputs);
}

LandscapeParams landscapeParamsFrom(const val& params) {
  LandscapeParams out;
  forEachField(params, [&](const std::string& key, const val& v) { out[key] = v.as<double>(); });
  return out;
}

val buffersObject(const std::vector<Buffer>& buffers, bool typedValues) {
  return arrayOf(buffers, [&](const Buffer& b) {
    return object({{"name", val(b.name)}, {"label", val(b.label)}, {"latex", val(b.latex)},
                   {"persistent", val(b.persistent)},
                   {"values", typedValues ? typedCopy(b.values) : arrayOf(b.values)}});
  });
}

}  // namespace optlab::bind
