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
#include <string>
#include <vector>

#include "analysis/contours.hpp"
#include "analysis/curvature.hpp"
#include "analysis/sampling.hpp"
#include "landscapes/registry.hpp"
#include "optimizers/registry.hpp"
#include "race/race.hpp"

using emscripten::val;

namespace optlab {
namespace {

template <typename T>
val numberArray(const std::vector<T>& v) {
  val out = val::array();
  for (std::size_t i = 0; i < v.size(); ++i) out.set(i, v[i]);
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

  std::string addRunner(const std::string& optimizerId, const std::string& settings, const std::string& label) {
    return guard([&] { race().addRunner(optimizerId, parseSettings(optimizerId, settings), label); });
  }

  std::string setRunnerSettings(unsigned index, const std::string& settings) {
    return guard([&] {
      const RunnerInfo info = race().runnerInfo(index);
      race().setRunnerSettings(index, parseSettings(info.optimizerId, settings));
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
      std::vector<double> shown;
      SampleStats stats = linStats;
      if (logScale) {
        shown.resize(linear.size());
        stats = sampleGrid(f, d, nx, ny, ValueScale::Log, shown);
      }
      o.set("values", float64Copy(logScale ? shown : linear));
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
    const unsigned n = start["length"].as<unsigned>();
    const unsigned total = gradients["length"].as<unsigned>();
    if (n == 0 || total % n != 0) {
      throw std::invalid_argument("optimizerProbe: gradients must hold n values per step (n = start's length)");
    }
    auto opt = makeOptimizer(id, parseSettings(id, settings));
    opt->reset(n);
    std::vector<double> p(n), g(n), params;
    for (unsigned i = 0; i < n; ++i) p[i] = start[i].as<double>();
    std::vector<std::vector<double>> recorded(opt->buffers().size());
    for (unsigned s = 0; s < total / n; ++s) {
      for (unsigned i = 0; i < n; ++i) g[i] = gradients[s * n + i].as<double>();
      opt->step(p, g);
      params.insert(params.end(), p.begin(), p.end());
      const std::vector<Buffer>& bufs = opt->buffers();
      for (std::size_t k = 0; k < bufs.size() && k < recorded.size(); ++k) {
        if (bufs[k].values.size() == n) {
          recorded[k].insert(recorded[k].end(), bufs[k].values.begin(), bufs[k].values.end());
        } else {
          recorded[k].insert(recorded[k].end(), n, std::nan(""));
        }
      }
    }
    o.set("params", float64Copy(params));
    val list = val::array();
    const std::vector<Buffer>& bufs = opt->buffers();
    for (std::size_t k = 0; k < recorded.size(); ++k) {
      val b = val::object();
      b.set("name", bufs[k].name);
      b.set("label", bufs[k].label);
      b.set("latex", bufs[k].latex);
      b.set("persistent", bufs[k].persistent);
      b.set("values", float64Copy(recorded[k]));
      list.set(static_cast<unsigned>(k), b);
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
      .function("addRunner", &RaceHandle::addRunner)
      .function("setRunnerSettings", &RaceHandle::setRunnerSettings)
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
