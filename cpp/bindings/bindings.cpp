// The Embind layer: the only file that knows about Emscripten.
//
// It holds EMSCRIPTEN_BINDINGS and small adaptors, nothing else. Conventions
// (web/js/core/wrap-core.js is the only JS that calls these):
//  * Plain data crosses as JS objects built with `val` (catalogs, snapshots).
//  * Bulk numbers cross as typed-array views into wasm memory that the JS
//    wrapper copies at once (`.slice()`), because any later allocation may grow
//    memory and detach the view.
//  * The core reports bad input by throwing std::invalid_argument. Exceptions do
//    not cross into JS here: fallible calls return the message ("" on success)
//    and the wrapper turns it into a JS Error.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <cstdlib>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/contours.hpp"
#include "analysis/curvature.hpp"
#include "analysis/sampling.hpp"
#include "harness/optimizer_probe.hpp"
#include "analysis/basins.hpp"
#include "expression/custom_landscape.hpp"
#include "expression/expression.hpp"
#include "landscapes/registry.hpp"
#include "optimizers/registry.hpp"
#include "race/race.hpp"
#include "schedules/registry.hpp"

using emscripten::val;

namespace optlab {
namespace {

template <typename T>
val numberArray(const std::vector<T>& v) {
  val out = val::array();
  for (std::size_t i = 0; i < v.size(); ++i) out.set(i, v[i]);
  return out;
}

// A JS array (or typed array) of numbers as a vector.
std::vector<double> numbersFrom(const val& array) {
  const unsigned n = array["length"].as<unsigned>();
  std::vector<double> out(n);
  for (unsigned i = 0; i < n; ++i) out[i] = array[i].as<double>();
  return out;
}

// A copy of `v` as a Float64Array (one memcpy on the JS side).
val float64Copy(const std::vector<double>& v) {
  return val(emscripten::typed_memory_view(v.size(), v.data())).call<val>("slice");
}

val pointObject(Point p) {
  val o = val::object();
  o.set("x", p.x);
  o.set("y", p.y);
  return o;
}

const char* kindName(HyperKind k) {
  switch (k) {
    case HyperKind::Number: return "number";
    case HyperKind::Bool: return "bool";
    case HyperKind::Pair: return "pair";
  }
  return "number";
}

val optimizerCatalog() {
  val list = val::array();
  unsigned i = 0;
  for (const OptimizerInfo& info : optimizerInfos()) {
    val o = val::object();
    o.set("id", info.id);
    o.set("displayName", info.displayName);
    o.set("reference", info.reference);
    val params = val::array();
    unsigned j = 0;
    for (const HyperParamSpec& s : info.params) {
      val p = val::object();
      p.set("name", s.name);
      p.set("kind", std::string(kindName(s.kind)));
      p.set("defaults", numberArray(s.defaults));
      p.set("min", s.min);
      p.set("max", s.max);
      p.set("minInclusive", s.minInclusive);
      p.set("maxInclusive", s.maxInclusive);
      p.set("required", s.required);
      p.set("teaching", s.teaching);
      p.set("help", s.help);
      params.set(j++, p);
    }
    o.set("params", params);
    list.set(i++, o);
  }
  return list;
}

val landscapeCatalog() {
  val list = val::array();
  unsigned i = 0;
  for (const LandscapeInfo& info : landscapeInfos()) {
    val o = val::object();
    o.set("id", info.id);
    o.set("displayName", info.displayName);
    o.set("latex", info.latex);
    o.set("description", info.description);
    val params = val::array();
    unsigned j = 0;
    for (const LandscapeParamSpec& s : info.params) {
      val p = val::object();
      p.set("name", s.name);
      p.set("label", s.label);
      p.set("default", s.defaultValue);
      p.set("min", s.min);
      p.set("max", s.max);
      p.set("integer", s.integer);
      p.set("help", s.help);
      params.set(j++, p);
    }
    o.set("params", params);
    list.set(i++, o);
  }
  return list;
}

LandscapeParams toLandscapeParams(const val& obj) {
  LandscapeParams params;
  if (obj.isUndefined() || obj.isNull()) return params;
  val keys = val::global("Object").call<val>("keys", obj);
  const unsigned n = keys["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i) {
    const std::string key = keys[i].as<std::string>();
    params[key] = obj[key].as<double>();
  }
  return params;
}

val landscapeDescription(const Landscape& f) {
  val o = val::object();
  o.set("id", f.id());
  o.set("displayName", f.displayName());
  o.set("latex", f.latex());
  const Domain d = f.domain();
  val dom = val::object();
  dom.set("xmin", d.xmin);
  dom.set("xmax", d.xmax);
  dom.set("ymin", d.ymin);
  dom.set("ymax", d.ymax);
  o.set("domain", dom);
  o.set("start", pointObject(f.suggestedStart()));
  val minima = val::array();
  unsigned i = 0;
  for (const Minimum& m : f.minima()) {
    val mo = pointObject(m.at);
    mo.set("value", m.value);
    mo.set("global", m.global);
    minima.set(i++, mo);
  }
  o.set("minima", minima);
  val params = val::object();
  for (const auto& [name, value] : f.parameters()) params.set(name, value);
  o.set("params", params);
  return o;
}

val curvatureObject(const Curvature& c) {
  val o = val::object();
  o.set("lambdaMin", c.lambdaMin);
  o.set("lambdaMax", c.lambdaMax);
  o.set("vMin", pointObject(c.vMin));
  o.set("vMax", pointObject(c.vMax));
  o.set("kind", c.kindName);
  o.set("conditionNumber", c.conditionNumber);
  o.set("description", c.description);
  return o;
}

// A race as JS sees it. Every fallible method returns "" or the error message.
class RaceHandle {
 public:
  std::string setup(const std::string& landscapeId, const val& params, double x0, double y0) {
    return guard([&] {
      auto f = makeLandscape(landscapeId, toLandscapeParams(params));
      if (race_) {
        race_->setLandscape(std::move(f), Point{x0, y0});
      } else {
        race_ = std::make_unique<Race>(std::move(f), Point{x0, y0});
      }
    });
  }

  // A custom landscape (issue 10): the user's expression, a domain {xmin, xmax, ymin, ymax}
  // (undefined: the default) and a start point.
  std::string setupCustom(const std::string& expression, const val& domain, double x0, double y0) {
    return guard([&] {
      Domain d = kCustomDefaultDomain;
      if (!domain.isUndefined() && !domain.isNull())
        d = {domain["xmin"].as<double>(), domain["xmax"].as<double>(), domain["ymin"].as<double>(),
             domain["ymax"].as<double>()};
      auto f = makeCustomLandscape(expression, d, Point{x0, y0});
      if (race_) {
        race_->setLandscape(std::move(f), Point{x0, y0});
      } else {
        race_ = std::make_unique<Race>(std::move(f), Point{x0, y0});
      }
    });
  }

  // Basins of attraction (analysis/basins.hpp) of one optimizer configuration on this
  // race's landscape, with the race's stop rules and noise. {error} or the result.
  val basins(const std::string& optimizerId, const std::string& settings, int nx, int ny, double maxSteps) const {
    val o = val::object();
    try {
      BasinsOptions b;
      b.nx = nx;
      b.ny = ny;
      b.maxSteps = static_cast<long>(maxSteps);
      b.criteria = race().options().criteria;
      b.noise = race().options().noise;
      const BasinsResult r = computeBasins(race().landscape(), optimizerId, parseSettings(optimizerId, settings), b);
      o.set("nx", r.nx);
      o.set("ny", r.ny);
      o.set("minimum", val(emscripten::typed_memory_view(r.minimum.size(), r.minimum.data())).call<val>("slice"));
      o.set("steps", val(emscripten::typed_memory_view(r.steps.size(), r.steps.data())).call<val>("slice"));
      o.set("counts", numberArray(r.counts));
      o.set("diverged", r.diverged);
      o.set("none", r.none);
      o.set("maxSteps", maxSteps);
      o.set("milliseconds", r.milliseconds);
      val region = val::object();
      region.set("xmin", r.region.xmin);
      region.set("xmax", r.region.xmax);
      region.set("ymin", r.region.ymin);
      region.set("ymax", r.region.ymax);
      o.set("region", region);
    } catch (const std::exception& e) {
      o.set("error", std::string(e.what()));
    }
    return o;
  }

  std::string addRunner(const std::string& optimizerId, const std::string& settings, const std::string& label) {
    return guard([&] { race().addRunner(optimizerId, parseSettings(optimizerId, settings), label); });
  }

  std::string setRunnerSettings(unsigned index, const std::string& settings) {
    return guard([&] {
      const RunnerInfo info = race().runnerInfo(index);
      race().setRunnerSettings(index, parseSettings(info.optimizerId, settings));
    });
  }

  // An lr schedule ("" for none: torch's call, e.g. "StepLR(step_size=50,gamma=0.5)")
  // and gradient clipping (NaN for none) for one runner. "" or the core's message.
  std::string setRunnerSchedule(unsigned index, const std::string& scheduler, double maxNorm, double clipValue) {
    return guard([&] {
      race().runnerInfo(index);  // range check, with the core's message
      std::optional<ScheduleSpec> spec;
      if (!scheduler.empty()) spec = parseScheduleCall(scheduler);
      GradientClipping clipping;
      if (!std::isnan(maxNorm)) clipping.maxNorm = maxNorm;
      if (!std::isnan(clipValue)) clipping.clipValue = clipValue;
      race().setRunnerTraining(index, spec, clipping);
    });
  }

  std::string removeRunner(unsigned index) {
    return guard([&] { race().removeRunner(index); });
  }

  std::string setStart(double x, double y) {
    return guard([&] { race().setStart(Point{x, y}); });
  }

  std::string setNoise(double sigma, double seed) {
    return guard([&] {
      RaceOptions o = race().options();
      o.noise.sigma = sigma;
      if (!(seed >= 0) || seed != std::floor(seed) || seed > 9007199254740991.0) {
        throw std::invalid_argument("Invalid noise seed: must be a whole number from 0 to 2^53-1");
      }
      o.noise.seed = static_cast<std::uint64_t>(seed);
      race().setOptions(o);
    });
  }

  void reset() { race().reset(); }
  void advance(double k) { race().advance(static_cast<long>(k)); }
  unsigned runnerCount() const { return static_cast<unsigned>(race_ ? race_->runnerCount() : 0); }
  double steps() const { return static_cast<double>(race().steps()); }
  bool finished() const { return race().finished(); }

  // The per-frame buffer: kFrameStride doubles per runner. A view, copied by the wrapper at once.
  val frame() const {
    const auto& f = race().frame();
    return val(emscripten::typed_memory_view(f.size(), f.data()));
  }

  val trajectory(unsigned index) const { return float64Copy(race().trajectory(index)); }

  // The exported trajectory points whose step is greater than `afterStep`
  // (-1: all of them), so the page appends a frame's new points instead of
  // copying the whole trail into JS every frame. {points: [x, y, loss]*n, steps}.
  val trajectorySince(unsigned index, double afterStep) const {
    const std::vector<double> steps = race().trajectorySteps(index);
    const std::vector<double> points = race().trajectory(index);
    std::size_t first = steps.size();
    while (first > 0 && steps[first - 1] > afterStep) --first;
    const std::vector<double> tailSteps(steps.begin() + static_cast<std::ptrdiff_t>(first), steps.end());
    const std::vector<double> tailPoints(points.begin() + static_cast<std::ptrdiff_t>(3 * first), points.end());
    val o = val::object();
    o.set("points", float64Copy(tailPoints));
    o.set("steps", float64Copy(tailSteps));
    return o;
  }
  val trajectorySteps(unsigned index) const { return float64Copy(race().trajectorySteps(index)); }

  val runnerInfo(unsigned index) const {
    const RunnerInfo r = race().runnerInfo(index);
    val o = val::object();
    o.set("optimizerId", r.optimizerId);
    o.set("label", r.label);
    o.set("x", r.x);
    o.set("y", r.y);
    o.set("loss", r.loss);
    o.set("gx", r.gx);
    o.set("gy", r.gy);
    o.set("steps", static_cast<double>(r.steps));
    o.set("status", statusName(r.status));
    o.set("reason", reasonName(r.reason));
    o.set("statusStep", static_cast<double>(r.statusStep));
    o.set("minimumIndex", r.minimumIndex);
    o.set("minimumGlobal", r.minimumGlobal);
    o.set("statusText", r.statusText);
    o.set("lr", r.lr);
    o.set("scheduleError", r.scheduleError);
    return o;
  }

  // The optimizer's named buffers after the runner's last step.
  val buffers(unsigned index) const {
    val list = val::array();
    unsigned i = 0;
    for (const Buffer& b : race().buffers(index)) {
      val o = val::object();
      o.set("name", b.name);
      o.set("label", b.label);
      o.set("latex", b.latex);
      o.set("persistent", b.persistent);
      o.set("values", numberArray(b.values));
      list.set(i++, o);
    }
    return list;
  }

  val landscape() const { return landscapeDescription(race().landscape()); }

  val curvature(double x, double y) const { return curvatureObject(curvatureAt(race().landscape(), Point{x, y})); }

  // The landscape sampled on an nx x ny grid over its domain (row 0 at ymin), in
  // linear or log scale, plus contour polylines at `levelCount` levels log-spaced
  // in f - fref (drawn over either scale). One call per landscape change.
  val surface(int nx, int ny, bool logScale, int levelCount) const {
    val o = val::object();
    try {
      const Landscape& f = race().landscape();
      const Domain d = f.domain();
      std::vector<double> linear(static_cast<std::size_t>(nx > 0 ? nx : 0) * static_cast<std::size_t>(ny > 0 ? ny : 0));
      const SampleStats linStats = sampleGrid(f, d, nx, ny, ValueScale::Linear, linear);
      const std::vector<double> levels = autoLogLevels(linear, linStats.fref, levelCount);
      const ContourSet contours = contourLines(linear, nx, ny, d, levels);
      // The contours are traced on the linear values; the heatmap may show their log scale.
      const SampleStats stats = logScale ? toLogScale(linear, linStats, linear) : linStats;
      o.set("values", float64Copy(linear));
      o.set("nx", nx);
      o.set("ny", ny);
      o.set("min", stats.min);
      o.set("max", stats.max);
      o.set("fref", stats.fref);
      o.set("eps", stats.eps);
      o.set("logScale", logScale);
      o.set("levels", float64Copy(contours.levels));
      o.set("points", float64Copy(contours.points));
      o.set("offsets", val(emscripten::typed_memory_view(contours.offsets.size(), contours.offsets.data())).call<val>("slice"));
      o.set("lineLevel", val(emscripten::typed_memory_view(contours.lineLevel.size(), contours.lineLevel.data())).call<val>("slice"));
    } catch (const std::exception& e) {
      o.set("error", std::string(e.what()));
    }
    return o;
  }

 private:
  template <typename F>
  static std::string guard(F&& body) {
    try {
      body();
      return "";
    } catch (const std::exception& e) {
      return e.what();
    }
  }

  Race& race() const {
    // The wrapper always calls setup() first; this keeps a wrong call from crashing.
    if (!race_) std::abort();
    return *race_;
  }

  std::unique_ptr<Race> race_;
};

// Static facts about an optimizer configuration (memory table of the chapter).
val optimizerStateSize(const std::string& id, const std::string& settings) {
  val o = val::object();
  try {
    auto opt = makeOptimizer(id, parseSettings(id, settings));
    opt->reset(1);
    o.set("valuesPerParameter", static_cast<double>(opt->stateValuesPerParameter()));
  } catch (const std::exception& e) {
    o.set("error", std::string(e.what()));
  }
  return o;
}

// One optimizer stepped outside any landscape: from `start` (n values) through
// the given gradients (flat, n per step), recording the parameters and every
// named buffer after each step. Quizzes use it to measure what an optimizer
// does with known gradients (e.g. the weight its velocity keeps of an old one).
// {params, buffers: [{name, label, latex, persistent, values}]}, flat step-major; or {error}.
val optimizerProbe(const std::string& id, const std::string& settings, const val& start, const val& gradients) {
  val o = val::object();
  try {
    const std::vector<double> p = numbersFrom(start);
    const std::vector<double> g = numbersFrom(gradients);
    auto opt = makeOptimizer(id, parseSettings(id, settings));
    const ProbeRecord record = probeOptimizer(*opt, p, g);
    o.set("params", float64Copy(record.params));
    val list = val::array();
    unsigned k = 0;
    for (const Buffer& b : record.buffers) {
      val bo = val::object();
      bo.set("name", b.name);
      bo.set("label", b.label);
      bo.set("latex", b.latex);
      bo.set("persistent", b.persistent);
      bo.set("values", float64Copy(b.values));
      list.set(k++, bo);
    }
    o.set("buffers", list);
  } catch (const std::exception& e) {
    o.set("error", std::string(e.what()));
  }
  return o;
}

}  // namespace
}  // namespace optlab

EMSCRIPTEN_BINDINGS(optlab) {
  using namespace emscripten;
  using namespace optlab;
  function("optimizerCatalog", &optimizerCatalog);
  function("landscapeCatalog", &landscapeCatalog);
  function("optimizerStateSize", &optimizerStateSize);
  class_<RaceHandle>("Race")
      .constructor<>()
      .function("setup", &RaceHandle::setup)
      .function("setupCustom", &RaceHandle::setupCustom)
      .function("basins", &RaceHandle::basins)
      .function("addRunner", &RaceHandle::addRunner)
      .function("setRunnerSettings", &RaceHandle::setRunnerSettings)
      .function("setRunnerSchedule", &RaceHandle::setRunnerSchedule)
      .function("removeRunner", &RaceHandle::removeRunner)
      .function("setStart", &RaceHandle::setStart)
      .function("setNoise", &RaceHandle::setNoise)
      .function("reset", &RaceHandle::reset)
      .function("advance", &RaceHandle::advance)
      .function("runnerCount", &RaceHandle::runnerCount)
      .function("steps", &RaceHandle::steps)
      .function("finished", &RaceHandle::finished)
      .function("frame", &RaceHandle::frame)
      .function("trajectory", &RaceHandle::trajectory)
      .function("trajectorySteps", &RaceHandle::trajectorySteps)
      .function("trajectorySince", &RaceHandle::trajectorySince)
      .function("runnerInfo", &RaceHandle::runnerInfo)
      .function("buffers", &RaceHandle::buffers)
      .function("landscape", &RaceHandle::landscape)
      .function("curvature", &RaceHandle::curvature)
      .function("surface", &RaceHandle::surface);
  function("optimizerProbe", &optimizerProbe);
}

// ============================================================================
// Labs (issue 8): the learning-rate sweep and the small network.
// A separate EMSCRIPTEN_BINDINGS block with its own adaptors, so that it merges
// cleanly with the race page's bindings above. web/js/core/labs-core.js is the
// only JS that calls these. Fallible calls return {error} or "" / a message.
// ============================================================================
#include "network/training.hpp"
#include "race/sweep.hpp"

namespace optlab {
namespace {

double numberOr(const val& obj, const char* key, double fallback) {
  if (obj.isUndefined() || obj.isNull()) return fallback;
  const val v = obj[key];
  return v.isUndefined() || v.isNull() ? fallback : v.as<double>();
}

std::string stringOr(const val& obj, const char* key, const std::string& fallback) {
  if (obj.isUndefined() || obj.isNull()) return fallback;
  const val v = obj[key];
  return v.isUndefined() || v.isNull() ? fallback : v.as<std::string>();
}

std::uint64_t seedFrom(double seed, const char* what) {
  if (!(seed >= 0) || seed != std::floor(seed) || seed > 9007199254740991.0) {
    throw std::invalid_argument(std::string("Invalid ") + what + ": must be a whole number from 0 to 2^53-1");
  }
  return static_cast<std::uint64_t>(seed);
}

val int32Copy(const std::vector<std::int32_t>& v) {
  return val(emscripten::typed_memory_view(v.size(), v.data())).call<val>("slice");
}

val stringArray(const std::vector<std::string>& v) {
  val out = val::array();
  for (std::size_t i = 0; i < v.size(); ++i) out.set(static_cast<unsigned>(i), v[i]);
  return out;
}

// [{optimizerId, settings: "lr=0.01;...", label}] -> (id, Settings, label) triples.
template <typename Config>
std::vector<Config> configsFrom(const val& list) {
  std::vector<Config> out;
  const unsigned n = list["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i) {
    const val c = list[i];
    const std::string id = c["optimizerId"].as<std::string>();
    out.push_back({id, parseSettings(id, stringOr(c, "settings", "")), stringOr(c, "label", "")});
  }
  return out;
}

// {lrMin, lrMax, lrCount, steps, noiseSigma, noiseSeed, minimumTolerance, gradientTolerance}
val labsSweep(const std::string& landscapeId, const val& params, double x0, double y0, const val& configs,
              const val& options) {
  val o = val::object();
  try {
    auto f = makeLandscape(landscapeId, toLandscapeParams(params));
    SweepOptions so;
    so.lrMin = numberOr(options, "lrMin", so.lrMin);
    so.lrMax = numberOr(options, "lrMax", so.lrMax);
    so.lrCount = static_cast<int>(numberOr(options, "lrCount", so.lrCount));
    so.steps = static_cast<long>(numberOr(options, "steps", static_cast<double>(so.steps)));
    so.noise.sigma = numberOr(options, "noiseSigma", 0);
    so.noise.seed = seedFrom(numberOr(options, "noiseSeed", 1), "noise seed");
    so.criteria.minimumTolerance = numberOr(options, "minimumTolerance", so.criteria.minimumTolerance);
    so.criteria.gradientTolerance = numberOr(options, "gradientTolerance", so.criteria.gradientTolerance);
    const SweepResult r = runSweep(*f, Point{x0, y0}, configsFrom<SweepConfig>(configs), so);
    o.set("lrs", float64Copy(r.lrs));
    o.set("labels", stringArray(r.labels));
    o.set("finalLoss", float64Copy(r.finalLoss));
    o.set("convergedStep", int32Copy(r.convergedStep));
    o.set("divergedStep", int32Copy(r.divergedStep));
    o.set("bestIndex", int32Copy(r.bestIndex));
    o.set("milliseconds", r.milliseconds);
  } catch (const std::exception& e) {
    o.set("error", std::string(e.what()));
  }
  return o;
}

val datasetCatalog() {
  val list = val::array();
  unsigned i = 0;
  for (const DatasetInfo& d : datasetInfos()) {
    val o = val::object();
    o.set("id", d.id);
    o.set("displayName", d.displayName);
    o.set("description", d.description);
    o.set("maxClasses", d.maxClasses);
    list.set(i++, o);
  }
  return list;
}

// {id, count, noise, validationFraction, classes, seed}
DatasetOptions datasetOptionsFrom(const val& obj) {
  DatasetOptions d;
  d.id = stringOr(obj, "id", d.id);
  d.count = static_cast<int>(numberOr(obj, "count", d.count));
  d.noise = numberOr(obj, "noise", d.noise);
  d.validationFraction = numberOr(obj, "validationFraction", d.validationFraction);
  d.classes = static_cast<int>(numberOr(obj, "classes", d.classes));
  d.seed = seedFrom(numberOr(obj, "seed", 1), "dataset seed");
  return d;
}

// {hidden: [8, 8], activation: "tanh"|"relu", output: "softmax"|"sigmoid"}; classes come from the dataset.
MlpSpec mlpSpecFrom(const val& obj, int classes) {
  MlpSpec s;
  s.classes = classes;
  const val hidden = obj["hidden"];
  if (!hidden.isUndefined()) {
    s.hidden.clear();
    const unsigned n = hidden["length"].as<unsigned>();
    for (unsigned i = 0; i < n; ++i) s.hidden.push_back(static_cast<int>(hidden[i].as<double>()));
  }
  s.activation = parseActivation(stringOr(obj, "activation", "tanh"));
  s.output = parseOutputKind(stringOr(obj, "output", "softmax"));
  return s;
}

// {batchSize, weightSeed, batchSeed, evalEvery}
TrainingOptions trainingOptionsFrom(const val& obj) {
  TrainingOptions t;
  t.batchSize = static_cast<int>(numberOr(obj, "batchSize", t.batchSize));
  t.weightSeed = seedFrom(numberOr(obj, "weightSeed", 1), "weight seed");
  t.batchSeed = seedFrom(numberOr(obj, "batchSeed", 1), "batch seed");
  t.evalEvery = static_cast<long>(numberOr(obj, "evalEvery", 0));
  return t;
}

val datasetPoints(const Dataset& d) {
  val o = val::object();
  o.set("id", d.id);
  o.set("classes", d.classes);
  o.set("trainX", float64Copy(d.trainX));
  o.set("trainY", val(emscripten::typed_memory_view(d.trainY.size(), d.trainY.data())).call<val>("slice"));
  o.set("valX", float64Copy(d.valX));
  o.set("valY", val(emscripten::typed_memory_view(d.valY.size(), d.valY.data())).call<val>("slice"));
  o.set("extent", kDatasetExtent);
  return o;
}

val networkSweep(const val& dataset, const val& spec, const val& configs, const val& options) {
  val o = val::object();
  try {
    const Dataset d = makeDataset(datasetOptionsFrom(dataset));
    const NetworkSweepResult r = runNetworkSweep(
        d, mlpSpecFrom(spec, d.classes), configsFrom<NetworkConfig>(configs), numberOr(options, "lrMin", 1e-4),
        numberOr(options, "lrMax", 1), static_cast<int>(numberOr(options, "lrCount", 9)),
        static_cast<long>(numberOr(options, "steps", 500)), trainingOptionsFrom(options));
    o.set("lrs", float64Copy(r.lrs));
    o.set("labels", stringArray(r.labels));
    o.set("finalTrainLoss", float64Copy(r.finalTrainLoss));
    o.set("finalValidationLoss", float64Copy(r.finalValidationLoss));
    o.set("bestIndex", int32Copy(r.bestIndex));
  } catch (const std::exception& e) {
    o.set("error", std::string(e.what()));
  }
  return o;
}

// Several optimizers training one network side by side (network/training.hpp).
class TrainingHandle {
 public:
  std::string setup(const val& dataset, const val& spec, const val& configs, const val& options) {
    try {
      Dataset d = makeDataset(datasetOptionsFrom(dataset));
      const MlpSpec s = mlpSpecFrom(spec, d.classes);
      training_ = std::make_unique<Training>(std::move(d), s, configsFrom<NetworkConfig>(configs),
                                             trainingOptionsFrom(options));
      return "";
    } catch (const std::exception& e) {
      return e.what();
    }
  }
  void advance(double k) { t().advance(static_cast<long>(k)); }
  double steps() const { return static_cast<double>(t().steps()); }
  double epochs() const { return t().epochs(); }
  double stepsPerEpoch() const { return static_cast<double>(t().stepsPerEpoch()); }
  double evalEvery() const { return static_cast<double>(t().evalEvery()); }
  double parameterCount() const { return static_cast<double>(t().parameterCount()); }
  val labels() const { return stringArray(t().labels()); }
  val divergedSteps() const { return int32Copy(t().divergedSteps()); }
  val dataset() const { return datasetPoints(t().data()); }
  // Records from index `from` on: {steps, trainLoss, trainAccuracy, validationLoss, validationAccuracy}, record-major.
  val recordsSince(double from) const {
    const auto r0 = static_cast<std::size_t>(from < 0 ? 0 : from);
    const std::size_t n = t().configCount();
    auto tail = [&](const std::vector<double>& v, std::size_t stride) {
      const std::size_t start = std::min(v.size(), r0 * stride);
      return float64Copy(std::vector<double>(v.begin() + static_cast<std::ptrdiff_t>(start), v.end()));
    };
    val o = val::object();
    o.set("steps", tail(t().recordSteps(), 1));
    o.set("trainLoss", tail(t().trainLoss(), n));
    o.set("trainAccuracy", tail(t().trainAccuracy(), n));
    o.set("validationLoss", tail(t().validationLoss(), n));
    o.set("validationAccuracy", tail(t().validationAccuracy(), n));
    return o;
  }
  val decisionGrid(unsigned config, int nx, int ny, double xMin, double xMax, double yMin, double yMax) {
    val o = val::object();
    try {
      o.set("values", float64Copy(t().decisionGrid(config, nx, ny, xMin, xMax, yMin, yMax)));
    } catch (const std::exception& e) {
      o.set("error", std::string(e.what()));
    }
    return o;
  }

 private:
  Training& t() const {
    if (!training_) std::abort();  // the wrapper always calls setup() first
    return *training_;
  }
  std::unique_ptr<Training> training_;
};

}  // namespace
}  // namespace optlab

EMSCRIPTEN_BINDINGS(optlab_labs) {
  using namespace emscripten;
  using namespace optlab;
  function("labsSweep", &labsSweep);
  function("datasetCatalog", &datasetCatalog);
  function("networkSweep", &networkSweep);
  class_<TrainingHandle>("NetworkTraining")
      .constructor<>()
      .function("setup", &TrainingHandle::setup)
      .function("advance", &TrainingHandle::advance)
      .function("steps", &TrainingHandle::steps)
      .function("epochs", &TrainingHandle::epochs)
      .function("stepsPerEpoch", &TrainingHandle::stepsPerEpoch)
      .function("evalEvery", &TrainingHandle::evalEvery)
      .function("parameterCount", &TrainingHandle::parameterCount)
      .function("labels", &TrainingHandle::labels)
      .function("divergedSteps", &TrainingHandle::divergedSteps)
      .function("dataset", &TrainingHandle::dataset)
      .function("recordsSince", &TrainingHandle::recordsSince)
      .function("decisionGrid", &TrainingHandle::decisionGrid);
}

// ---- Custom loss functions (issue 10): checking an expression without a race ----
namespace optlab {
namespace {

// {error: "", column: 0} for a valid expression, else the core's message and its 1-based column.
val checkExpression(const std::string& text) {
  val o = val::object();
  try {
    expr::Expression::parse(text);
    o.set("error", std::string());
    o.set("column", 0);
  } catch (const expr::ExpressionError& e) {
    o.set("error", std::string(e.what()));
    o.set("column", e.column());
  }
  return o;
}

}  // namespace
}  // namespace optlab

EMSCRIPTEN_BINDINGS(optlab_custom) {
  using namespace emscripten;
  function("checkExpression", &optlab::checkExpression);
}

// ---- Learning-rate schedulers: their names and keyword arguments, for the page ----
namespace optlab {
namespace {

const char* scheduleKindName(ScheduleParamKind kind) {
  switch (kind) {
    case ScheduleParamKind::Integer: return "integer";
    case ScheduleParamKind::Number: return "number";
    case ScheduleParamKind::IntegerList: return "integers";
    case ScheduleParamKind::Choice: return "choice";
    case ScheduleParamKind::Flag: return "bool";
    case ScheduleParamKind::Schedulers: return "schedulers";
  }
  return "number";
}

// [{id, help, params: [{name, kind, default ("" required, "None" optional), choices, help}]}]
val schedulerCatalog() {
  val list = val::array();
  unsigned i = 0;
  for (const SchedulerInfo& info : schedulerInfos()) {
    val o = val::object();
    o.set("id", info.id);
    o.set("help", info.help);
    val params = val::array();
    unsigned j = 0;
    for (const ScheduleParamSpec& s : info.params) {
      val p = val::object();
      p.set("name", s.name);
      p.set("kind", std::string(scheduleKindName(s.kind)));
      p.set("default", s.defaultText);
      val choices = val::array();
      for (unsigned c = 0; c < s.choices.size(); ++c) choices.set(c, s.choices[c]);
      p.set("choices", choices);
      p.set("help", s.help);
      params.set(j++, p);
    }
    o.set("params", params);
    list.set(i++, o);
  }
  return list;
}

}  // namespace
}  // namespace optlab

EMSCRIPTEN_BINDINGS(optlab_schedules) {
  using namespace emscripten;
  function("schedulerCatalog", &optlab::schedulerCatalog);
}
