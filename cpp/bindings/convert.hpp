// Conversions between core values and JS values, shared by the binding files.
//
// Conventions (web/js/core/wrap-core.js and labs-core.js are the only JS that calls
// the bindings):
//  * Plain data crosses as JS objects built with `val`; a JS object handed in is read
//    once, here, into a core type.
//  * Bulk numbers cross as copies: a typed-array view into wasm memory, sliced at once,
//    because any later allocation may grow memory and detach the view.
//  * The core reports bad input by throwing std::invalid_argument. Exceptions do not
//    cross into JS: fallible calls return the message ("" on success) or {error}.
#pragma once

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <exception>
#include <initializer_list>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "landscapes/landscape.hpp"
#include "optimizers/settings.hpp"
#include "optimizers/optimizer.hpp"

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

template <typename T>
val numberArray(const std::vector<T>& v) {
  return arrayOf(v, [](const T& x) { return val(x); });
}

inline val stringArray(const std::vector<std::string>& v) { return numberArray(v); }

// A JS array (or typed array) of numbers as a vector.
inline std::vector<double> numbersFrom(const val& array) {
  const unsigned n = array["length"].as<unsigned>();
  std::vector<double> out(n);
  for (unsigned i = 0; i < n; ++i) out[i] = array[i].as<double>();
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

inline val domainObject(const Domain& d) {
  return object({{"xmin", val(d.xmin)}, {"xmax", val(d.xmax)}, {"ymin", val(d.ymin)}, {"ymax", val(d.ymax)}});
}

inline bool absent(const val& v) { return v.isUndefined() || v.isNull(); }

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

inline double numberOr(const val& obj, const char* key, double fallback) { return fieldOr(obj, key, fallback); }
inline std::string stringOr(const val& obj, const char* key, const std::string& fallback) {
  return fieldOr(obj, key, fallback);
}

// {lr: 0.01, betas: [0.9, 0.999], amsgrad: true} as typed inputs; the core checks them
// against the optimizer's specs (settings.hpp), so a wrong type gets the core's message.
Settings settingsFrom(const std::string& optimizerId, const val& settings);

// {name: value} of numbers.
LandscapeParams landscapeParamsFrom(const val& params);

val buffersObject(const std::vector<Buffer>& buffers, bool typedValues);

// {error: message} for a failed call that returns an object.
inline val errorObject(const std::exception& e) { return object({{"error", val(std::string(e.what()))}}); }

// Runs `body`, returning "" or the message of what it threw.
template <typename F>
std::string guard(F&& body) {
  try {
    body();
    return "";
  } catch (const std::exception& e) {
    return e.what();
  }
}

// Runs `body` (which returns a val), or returns {error}.
template <typename F>
val guardObject(F&& body) {
  try {
    return body();
  } catch (const std::exception& e) {
    return errorObject(e);
  }
}

}  // namespace optlab::bind
