// Bindings of the race (race/race.hpp) and what is computed on its landscape: the
// surface under it, curvature and basins of attraction. Every fallible method returns
// "" or the error message, or an object with `error`.
#include "analysis/basins.hpp"
#include "analysis/curvature.hpp"
#include "analysis/surface.hpp"
#include "convert.hpp"
#include "expression/custom_landscape.hpp"
#include "landscapes/registry.hpp"
#include "race/race_host.hpp"
#include "random/seed.hpp"

namespace optlab::bind {
namespace {

val landscapeDescription(const Landscape& f) {
  const val minima = arrayOf(f.minima(), [](const Minimum& m) {
    return object({{"x", val(m.at.x)}, {"y", val(m.at.y)}, {"value", val(m.value)}, {"global", val(m.global)}});
  });
  val params = val::object();
  for (const auto& [name, value] : f.parameters()) params.set(name, value);
  return object({{"id", val(f.id())}, {"displayName", val(f.displayName())}, {"latex", val(f.latex())},
                 {"domain", val(f.domain())}, {"start", pointObject(f.suggestedStart())},
                 {"minima", minima}, {"params", params}});
}

val curvatureObject(const Curvature& c) {
  return object({{"lambdaMin", val(c.lambdaMin)}, {"lambdaMax", val(c.lambdaMax)}, {"vMin", pointObject(c.vMin)},
                 {"vMax", pointObject(c.vMax)}, {"kind", val(c.kindName)}, {"conditionNumber", val(c.conditionNumber)},
                 {"description", val(c.description)}});
}

val basinsObject(const BasinsResult& r) {
  return object({{"nx", val(r.nx)}, {"ny", val(r.ny)}, {"minimum", typedCopy(r.minimum)}, {"steps", typedCopy(r.steps)},
                 {"counts", arrayOf(r.counts)}, {"diverged", val(r.diverged)}, {"none", val(r.none)},
                 {"maxSteps", val(static_cast<double>(r.maxSteps))}, {"milliseconds", val(r.milliseconds)},
                 {"region", val(r.region)}});
}

val surfaceObject(const Surface& s) {
  return object({{"values", typedCopy(s.values)}, {"nx", val(s.nx)}, {"ny", val(s.ny)}, {"min", val(s.stats.min)},
                 {"max", val(s.stats.max)}, {"fref", val(s.stats.fref)}, {"eps", val(s.stats.eps)},
                 {"logScale", val(s.logScale)}, {"levels", typedCopy(s.contours.levels)},
                 {"points", typedCopy(s.contours.points)}, {"offsets", typedCopy(s.contours.offsets)},
                 {"lineLevel", typedCopy(s.contours.lineLevel)}});
}

// The status as fields (race/status-text.js in the page words them).
val runnerInfoObject(const RunnerInfo& r) {
  return object({{"optimizerId", val(r.optimizerId)}, {"label", val(r.label)}, {"x", val(r.x)}, {"y", val(r.y)},
                 {"loss", val(r.loss)}, {"gx", val(r.gx)}, {"gy", val(r.gy)}, {"steps", val(static_cast<double>(r.steps))},
                 {"status", val(statusName(r.status))}, {"reason", val(reasonName(r.reason))},
                 {"statusStep", val(static_cast<double>(r.statusStep))}, {"minimumIndex", val(r.minimumIndex)},
                 {"minimumGlobal", val(r.minimumGlobal)}, {"lr", val(r.lr)},
                 {"scheduleError", val(r.scheduleError)}});
}

// The page's Race: a RaceHost (the race exists once setup() gives it a landscape).
class RaceHandle : RaceHost {
 public:
  std::string setup(const std::string& landscapeId, const val& params, double x0, double y0) {
    return guard([&] { setLandscape(makeLandscape(landscapeId, landscapeParamsFrom(params)), Point{x0, y0}); });
  }

  // The user's expression, a domain {xmin, xmax, ymin, ymax} (undefined: the core's default) and a start.
  std::string setupCustom(const std::string& expression, const val& domain, double x0, double y0) {
    const std::optional<Domain> box = optionalFrom<Domain>(domain);
    return guard([&] { setLandscape(makeCustomLandscape(expression, box, Point{x0, y0}), Point{x0, y0}); });
  }

  val basins(const std::string& optimizerId, const val& settings, int nx, int ny, double maxSteps) const {
    return guard([&] {
      return basinsObject(computeBasins(race(), optimizerId, settingsFrom(optimizerId, settings), nx, ny,
                                        static_cast<long>(maxSteps)));
    });
  }

  std::string addRunner(const std::string& optimizerId, const val& settings, const std::string& label) {
    return guard([&] { race().addRunner(optimizerId, settingsFrom(optimizerId, settings), label); });
  }

  // An lr schedule ("" for none: torch's call, e.g. "StepLR(step_size=50,gamma=0.5)")
  // and gradient clipping (NaN for none) for one runner. "" or the core's message.
  std::string setRunnerSchedule(unsigned index, const std::string& scheduler, double maxNorm, double clipValue) {
    return guard(
        [&] { race().setRunnerSchedule(index, scheduler, {optionalNumber(maxNorm), optionalNumber(clipValue)}); });
  }

  std::string removeRunner(unsigned index) { return guard([&] { race().removeRunner(index); }); }
  std::string setStart(double x, double y) { return guard([&] { race().setStart(Point{x, y}); }); }

  std::string setNoise(double sigma, double seed) {
    return guard([&] { race().setNoise({sigma, seedFromNumber(seed, "noise seed")}); });
  }

  void reset() { race().reset(); }
  void advance(double k) { race().advance(static_cast<long>(k)); }
  unsigned runnerCount() const { return static_cast<unsigned>(RaceHost::runnerCount()); }
  double steps() const { return static_cast<double>(race().steps()); }
  bool finished() const { return race().finished(); }

  // The per-frame buffer (kFrameStride doubles per runner): a view the wrapper copies at once.
  val frame() const {
    const auto& f = race().frame();
    return val(emscripten::typed_memory_view(f.size(), f.data()));
  }

  // {points: [x, y, loss]*n, steps}: the points recorded after step `afterStep` (-1: all).
  val trajectorySince(unsigned index, double afterStep) const {
    const TrajectoryTail tail = race().trajectorySince(index, afterStep);
    return object({{"points", typedCopy(tail.points)}, {"steps", typedCopy(tail.steps)}});
  }

  val runnerInfo(unsigned index) const { return runnerInfoObject(race().runnerInfo(index)); }
  val buffers(unsigned index) const { return buffersObject(race().buffers(index), false); }
  val landscape() const { return landscapeDescription(race().landscape()); }
  val curvature(double x, double y) const { return curvatureObject(curvatureAt(race().landscape(), Point{x, y})); }

  // analysis/surface.hpp: the samples, their statistics and contour lines.
  val surface(int nx, int ny, bool logScale, int levelCount) const {
    return guard([&] { return surfaceObject(sampleSurface(race().landscape(), nx, ny, logScale, levelCount)); });
  }
};

}  // namespace
}  // namespace optlab::bind

EMSCRIPTEN_BINDINGS(optlab_race) {
  using optlab::bind::RaceHandle;
  emscripten::class_<RaceHandle>("Race")
      .constructor<>()
      .function("setup", &RaceHandle::setup)
      .function("setupCustom", &RaceHandle::setupCustom)
      .function("basins", &RaceHandle::basins)
      .function("addRunner", &RaceHandle::addRunner)
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
      .function("trajectorySince", &RaceHandle::trajectorySince)
      .function("runnerInfo", &RaceHandle::runnerInfo)
      .function("buffers", &RaceHandle::buffers)
      .function("landscape", &RaceHandle::landscape)
      .function("curvature", &RaceHandle::curvature)
      .function("surface", &RaceHandle::surface);
}
