// Conversions between core values and JS values, shared by the binding files.
//
// Conventions (web/js/core/wrap-core.js and labs-core.js are the only JS that calls
// the bindings):
//  * Plain data crosses as JS objects built with `val`, or as an Embind value_object
//    (Domain, ExpressionCheck: registered in catalog_bindings.cpp); a JS object handed in
//    is read once, here, into a core type.
//  * Bulk numbers cross as copies: a typed-array view into wasm memory, sliced at once,
//    because any later allocation may grow memory and detach the view.
//  * The core reports bad input by throwing std::invalid_argument. Exceptions do not
//    cross into JS: fallible calls return the message ("" on success) or {error}.
#pragma once

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <cstdint>
#include <exception>
#include <initializer_list>
#include <optional>
#include <utility>
#include <string>
#include <type_traits>
#include <vector>

#include "landscapes/landscape.hpp"
#include "optimizers/settings.hpp"
#include "optimizers/optimizer.hpp"
#include "random/seed.hpp"

namespace optlab::bind {

using emscripten::val;

// A JS array of toVal(item) for each item.
template <typename Range, typename F>
val arrayOf(const Range& items, F&& toVal) {
  val out = val::array();
  unsigned i = 0;
  for (const auto& item : items) out.set(i++, toVal(item));
  return out;
}

// A JS array of the numbers or strings in `v`.
template <typename T>
val arrayOf(const std::vector<T>& v) {
  return arrayOf(v, [](const T& x) { return val(x); });
}

// A JS array (or typed array) of numbers as a vector (of ints: each as static_cast makes it).
template <typename T = double>
std::vector<T> numbersFrom(const val& array) {
  const unsigned n = array["length"].as<unsigned>();
  std::vector<T> out(n);
  for (unsigned i = 0; i < n; ++i) out[i] = static_cast<T>(array[i].as<double>());
  return out;
}

// A copy of `v` as the matching typed array (Float64Array, Int32Array, Uint32Array).
template <typename T>
val typedCopy(const std::vector<T>& v) {
  return val(emscripten::typed_memory_view(v.size(), v.data())).call<val>("slice");
}

// {key: value, ...}: a plain JS object from named fields.
inline val object(std::initializer_list<std::pair<const char*, val>> fields) {
  val o = val::object();
  for (const auto& [key, value] : fields) o.set(key, value);
  return o;
}

inline val pointObject(Point p) { return object({{"x", val(p.x)}, {"y", val(p.y)}}); }

inline bool absent(const val& v) { return v.isUndefined() || v.isNull(); }

// v as a T (a registered value_object such as Domain), or none when it is undefined or null.
template <typename T>
std::optional<T> optionalFrom(const val& v) { return absent(v) ? std::nullopt : std::optional<T>(v.as<T>()); }

// NaN stands for "none" where the wrapper passes an optional number.
inline std::optional<double> optionalNumber(double v) {
  return std::isnan(v) ? std::nullopt : std::optional<double>(v);
}

// obj[key] as a T, or `fallback` when obj or the field is missing.
template <typename T>
T fieldOr(const val& obj, const char* key, const T& fallback) {
  if (absent(obj) || absent(obj[key])) return fallback;
  return obj[key].as<T>();
}

// obj[key] into a field of a core options struct for each (key, field) pair, as in
// readFields(options, "lrMin", r.lrMin, "steps", r.steps). A field keeps its default
// when obj or obj[key] is missing; a JS number becomes the field's number type (as
// static_cast does), a string a std::string, an array of numbers a vector of the field's type.
template <typename T, typename... More>
void readFields(const val& obj, const char* key, T& field, More&&... more) {
  if (!absent(obj) && !absent(obj[key])) {
    if constexpr (std::is_arithmetic_v<T>) field = static_cast<T>(obj[key].as<double>());
    else if constexpr (std::is_same_v<T, std::string>) field = obj[key].as<std::string>();
    else field = numbersFrom<typename T::value_type>(obj[key]);
  }
  if constexpr (sizeof...(More) > 0) readFields(obj, std::forward<More>(more)...);
}

// A seed field: the core checks the number (seedFromNumber: a whole number, 0 to 2^53-1).
inline void readSeed(const val& obj, const char* key, std::uint64_t& seed, const char* what) {
  if (!absent(obj) && !absent(obj[key])) seed = seedFromNumber(obj[key].as<double>(), what);
}

// {lr: 0.01, betas: [0.9, 0.999], amsgrad: true} as typed inputs; the core checks them
// against the optimizer's specs (settings.hpp), so a wrong type gets the core's message.
Settings settingsFrom(const std::string& optimizerId, const val& settings);

// {name: value} of numbers.
LandscapeParams landscapeParamsFrom(const val& params);

val buffersObject(const std::vector<Buffer>& buffers, bool typedValues);

// Runs `body`. A void body gives "" or the message of what it threw; a body that
// returns a val gives that or {error: message}.
template <typename F, bool kVoid = std::is_void_v<std::invoke_result_t<F>>>
std::conditional_t<kVoid, std::string, val> guard(F&& body) {
  try {
    if constexpr (kVoid) return body(), std::string();
    else return body();
  } catch (const std::exception& e) {
    if constexpr (kVoid) return e.what();
    else return object({{"error", val(std::string(e.what()))}});
  }
}

}  // namespace optlab::bind
