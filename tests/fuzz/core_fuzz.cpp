// libFuzzer target for the public core API: optimizers x landscapes x random
// configurations (including NaN, infinities, negatives, huge and denormal values,
// unknown names, malformed text) and start points, driven through
// parseSettings / makeOptimizer / makeLandscape / Race / runSweep / sampleGrid /
// contourLines, exactly as the bindings use them.
//
// Oracles (a violation aborts, which libFuzzer reports as a crash):
//  * no crash and no AddressSanitizer / UndefinedBehaviorSanitizer report;
//  * the only exception any call may throw is std::invalid_argument with a non-empty
//    message (std::out_of_range for a runner index that does not exist);
//  * input outside the documented ranges (HyperParamSpec, LandscapeParamSpec, race
//    options, start point) is always rejected; input inside them is always accepted
//    (except the cross-field rules of SGD, which are checked by the Catch2 tests);
//  * steps never throw: Optimizer::step, Race::advance(k >= 0), reset, reads;
//  * frames, trajectories and buffers have the documented sizes.
//
// Built by `bash scripts/build.sh asan` ($OPTLAB_BUILD/asan/core_fuzz); run by
// scripts/test.sh for about 30 s from the committed seeds in tests/fuzz/corpus/.
#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/contours.hpp"
#include "analysis/sampling.hpp"
#include "landscapes/registry.hpp"
#include "optimizers/registry.hpp"
#include "race/race.hpp"
#include "race/sweep.hpp"

namespace {

using namespace optlab;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "core_fuzz: %s: %s\n", what, detail.c_str());
  std::fflush(stderr);
  std::abort();
}

// Runs f, which may reject its input with std::invalid_argument (non-empty message) only.
template <class F>
bool accepts(const char* what, F&& f) {
  try {
    f();
    return true;
  } catch (const std::invalid_argument& e) {
    if (std::strlen(e.what()) == 0) fail(what, "std::invalid_argument with an empty message");
    return false;
  } catch (const std::exception& e) {
    fail(what, std::string("unexpected exception: ") + e.what());
  } catch (...) {
    fail(what, "unexpected non-standard exception");
  }
}

// Like accepts(), and checks the outcome against what the documented ranges say.
// expected: 1 must accept, 0 must reject, -1 either.
template <class F>
bool expect(const char* what, int expected, const std::string& input, F&& f) {
  const bool ok = accepts(what, f);
  if (expected == 1 && !ok) fail(what, "valid input rejected: " + input);
  if (expected == 0 && ok) fail(what, "invalid input accepted: " + input);
  return ok;
}

template <class F>
void neverThrows(const char* what, F&& f) {
  try {
    f();
  } catch (const std::exception& e) {
    fail(what, std::string("threw: ") + e.what());
  } catch (...) {
    fail(what, "threw a non-standard exception");
  }
}

std::string fmt(double v) {
  char b[40];
  std::snprintf(b, sizeof b, "%.17g", v);
  return b;
}

// A double near a range [lo, hi] with default `def`: boundaries, just outside them,
// specials, random values in range and raw bit patterns.
double pick(FuzzedDataProvider& in, double lo, double hi, double def) {
  switch (in.ConsumeIntegralInRange<int>(0, 17)) {
    case 0: return def;
    case 1: return lo;
    case 2: return hi;
    case 3: return std::nextafter(lo, -kInf);
    case 4: return std::nextafter(hi, kInf);
    case 5: return kNaN;
    case 6: return kInf;
    case 7: return -kInf;
    case 8: return -1.0;
    case 9: return 0.0;
    case 10: return -0.0;
    case 11: return 1e308;
    case 12: return -1e308;
    case 13: return std::numeric_limits<double>::denorm_min();
    case 14: return in.ConsumeFloatingPointInRange<double>(-1e3, 1e3);
    case 15: {
      const double a = std::isfinite(lo) ? lo : -1e6, b = std::isfinite(hi) ? hi : 1e6;
      return a < b ? in.ConsumeFloatingPointInRange<double>(a, b) : a;
    }
    case 16: return def * in.ConsumeFloatingPointInRange<double>(0.0, 4.0);
    default: {
      const std::uint64_t bits = in.ConsumeIntegral<std::uint64_t>();
      double v;
      std::memcpy(&v, &bits, sizeof v);
      return v;
    }
  }
}

// A coordinate: mostly in or near the domain, sometimes extreme.
double pickCoord(FuzzedDataProvider& in, double lo, double hi) {
  if (in.ConsumeIntegralInRange<int>(0, 3) != 0) {
    const double w = hi - lo;
    return in.ConsumeFloatingPointInRange<double>(lo - w, hi + w);
  }
  return pick(in, lo, hi, 0.5 * (lo + hi));
}

bool inRange(double v, const HyperParamSpec& s) {
  if (v < s.min || v > s.max) return false;
  if (v == s.min && !s.minInclusive) return false;
  if (v == s.max && !s.maxInclusive) return false;
  return true;
}

// Random settings for optimizer `info` with the expected verdict of makeOptimizer.
struct PickedSettings {
  Settings settings;
  std::string text;  // what parseSettings reads back to `settings` (when `parsable`)
  bool parsable = true;
  int expected = 1;
};

PickedSettings pickSettings(FuzzedDataProvider& in, const OptimizerInfo& info) {
  PickedSettings p;
  bool invalid = false, unsure = false;
  for (const HyperParamSpec& spec : info.params) {
    if (in.ConsumeBool()) continue;  // torch's default
    std::vector<double> vals;
    switch (spec.kind) {
      case HyperKind::Bool: {
        const double v = in.ConsumeIntegralInRange<int>(0, 7) == 0 ? pick(in, 0, 1, 0) : (in.ConsumeBool() ? 1.0 : 0.0);
        if (v != 0.0 && v != 1.0) invalid = true;
        vals = {v};
        break;
      }
      case HyperKind::Number:
      case HyperKind::Pair:
        for (std::size_t i = 0; i < spec.defaults.size(); ++i) {
          const double v = pick(in, spec.min, spec.max, spec.defaults[i]);
          // torch's SGD accepts NaN (its checks are `x < 0`); every other optimizer rejects it.
          if (std::isnan(v)) (info.id == "sgd" ? unsure : invalid) = true;
          else if (!inRange(v, spec)) invalid = true;
          vals.push_back(v);
        }
        break;
    }
    if (in.ConsumeIntegralInRange<int>(0, 15) == 0) {  // wrong number of values
      if (in.ConsumeBool() && !vals.empty()) vals.pop_back();
      else vals.push_back(0.5);
      invalid = true;
      p.parsable = false;
    }
    p.settings[spec.name] = vals;
  }
  if (in.ConsumeIntegralInRange<int>(0, 15) == 0) {  // a name the optimizer does not have
    p.settings["no_such_" + std::to_string(in.ConsumeIntegral<std::uint8_t>())] = {1.0};
    invalid = true;
  }
  for (const auto& [name, vals] : p.settings) {
    const HyperParamSpec* spec = nullptr;
    for (const HyperParamSpec& s : info.params)
      if (s.name == name) spec = &s;
    std::string value;
    if (spec && spec->kind == HyperKind::Bool && vals.size() == 1 && (vals[0] == 0.0 || vals[0] == 1.0)) {
      value = vals[0] != 0.0 ? "true" : "false";
    } else {
      if (spec && spec->kind == HyperKind::Bool) p.parsable = false;
      for (std::size_t i = 0; i < vals.size(); ++i) value += (i ? "," : "") + fmt(vals[i]);
    }
    p.text += (p.text.empty() ? "" : ";") + name + "=" + value;
  }
  if (info.id == "sgd") unsure = true;  // lr is required; nesterov needs momentum > 0 and dampening 0
  p.expected = invalid ? 0 : unsure ? -1 : 1;
  return p;
}

const OptimizerInfo* pickOptimizer(FuzzedDataProvider& in, std::string& id) {
  const auto& infos = optimizerInfos();
  if (in.ConsumeIntegralInRange<int>(0, 31) == 0) {
    id = in.ConsumeRandomLengthString(12);
    for (const OptimizerInfo& i : infos)
      if (i.id == id) return &i;
    return nullptr;
  }
  const OptimizerInfo& info = infos[in.ConsumeIntegralInRange<std::size_t>(0, infos.size() - 1)];
  id = info.id;
  return &info;
}

// An optimizer through the text path and the Settings path; nullptr if rejected.
std::unique_ptr<Optimizer> fuzzOptimizer(FuzzedDataProvider& in, std::string& id, Settings& settings) {
  const OptimizerInfo* info = pickOptimizer(in, id);
  if (!info) {
    expect("makeOptimizer(unknown id)", 0, id, [&] { makeOptimizer(id, {}); });
    expect("parseSettings(unknown id)", 0, id, [&] { parseSettings(id, "lr=0.1"); });
    return nullptr;
  }
  PickedSettings p = pickSettings(in, *info);
  std::string text = p.text;
  if (in.ConsumeIntegralInRange<int>(0, 7) == 0) {  // malformed text
    text += in.ConsumeRandomLengthString(24);
    p.parsable = false;
  }
  Settings parsed;
  const bool parsedOk = expect("parseSettings", p.parsable ? -1 : -1, id + ": " + text,
                               [&] { parsed = parseSettings(id, text); });
  if (parsedOk && p.parsable && p.expected == 1) {
    expect("makeOptimizer(parsed text)", 1, id + ": " + text, [&] { makeOptimizer(id, parsed); });
  }
  std::unique_ptr<Optimizer> opt;
  expect("makeOptimizer", p.expected, id + ": " + p.text, [&] { opt = makeOptimizer(id, p.settings); });
  settings = p.settings;
  return opt;
}

void driveOptimizer(FuzzedDataProvider& in, Optimizer& opt) {
  const std::size_t n = in.ConsumeIntegralInRange<std::size_t>(1, 6);
  std::vector<double> params(n), grad(n), at(n);
  neverThrows("Optimizer::reset", [&] { opt.reset(n); });
  for (double& v : params) v = pickCoord(in, -2, 2);
  const int steps = in.ConsumeIntegralInRange<int>(0, 40);
  neverThrows("Optimizer::step", [&] {
    for (int k = 0; k < steps; ++k) {
      opt.gradientPoint(params, at);
      for (std::size_t i = 0; i < n; ++i) grad[i] = in.ConsumeBool() ? 2.0 * at[i] : pick(in, -1, 1, at[i]);
      opt.step(params, grad);
    }
  });
  if (opt.steps() != steps) fail("Optimizer::steps", std::to_string(opt.steps()) + " != " + std::to_string(steps));
  for (const Buffer& b : opt.buffers())
    if (b.values.size() != n) fail("Optimizer::buffers", b.name + " has " + std::to_string(b.values.size()) + " values");
}

// A landscape id and parameters with the expected verdict of makeLandscape.
struct PickedLandscape {
  std::string id;
  LandscapeParams params;
  int expected = 1;
};

PickedLandscape pickLandscape(FuzzedDataProvider& in) {
  PickedLandscape p;
  const auto& infos = landscapeInfos();
  if (in.ConsumeIntegralInRange<int>(0, 31) == 0) {
    p.id = in.ConsumeRandomLengthString(12);
    p.expected = -1;
    bool known = false;
    for (const LandscapeInfo& i : infos) known = known || i.id == p.id;
    if (!known) p.expected = 0;
    return p;
  }
  const LandscapeInfo& info = infos[in.ConsumeIntegralInRange<std::size_t>(0, infos.size() - 1)];
  p.id = info.id;
  for (const LandscapeParamSpec& s : info.params) {
    if (in.ConsumeBool()) continue;
    double v = pick(in, s.min, s.max, s.defaultValue);
    if (s.integer && in.ConsumeBool() && std::isfinite(v)) v = std::round(v);
    if (!std::isfinite(v) || v < s.min || v > s.max || (s.integer && v != std::floor(v))) p.expected = 0;
    p.params[s.name] = v;
  }
  if (in.ConsumeIntegralInRange<int>(0, 31) == 0) {
    p.params["no_such_parameter"] = 1;
    p.expected = 0;
  }
  return p;
}

std::string describe(const PickedLandscape& p) {
  std::string s = p.id;
  for (const auto& [k, v] : p.params) s += " " + k + "=" + fmt(v);
  return s;
}

std::unique_ptr<Landscape> fuzzLandscape(FuzzedDataProvider& in, PickedLandscape& p) {
  p = pickLandscape(in);
  std::unique_ptr<Landscape> f;
  expect("makeLandscape", p.expected, describe(p), [&] { f = makeLandscape(p.id, p.params); });
  return f;
}

bool sameBits(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

void driveLandscape(FuzzedDataProvider& in, const Landscape& f) {
  Domain d;
  neverThrows("Landscape::domain", [&] { d = f.domain(); });
  if (!(d.xmin < d.xmax && d.ymin < d.ymax) || !std::isfinite(d.xmax - d.xmin) || !std::isfinite(d.ymax - d.ymin))
    fail("Landscape::domain", f.id() + " has an empty or infinite domain");
  neverThrows("Landscape::queries", [&] {
    const Point s = f.suggestedStart();
    if (!std::isfinite(s.x) || !std::isfinite(s.y)) fail("Landscape::suggestedStart", f.id() + " is not finite");
    for (const Minimum& m : f.minima())
      if (!std::isfinite(m.at.x) || !std::isfinite(m.at.y) || !std::isfinite(m.value))
        fail("Landscape::minima", f.id() + " reports a non-finite minimum");
    const int points = in.ConsumeIntegralInRange<int>(1, 8);
    for (int k = 0; k < points; ++k) {
      const double x = pickCoord(in, d.xmin, d.xmax), y = pickCoord(in, d.ymin, d.ymax);
      const double v = f.value(x, y);
      const Point g = f.gradient(x, y);
      (void)f.hessian(x, y);
      Point g2;
      const double v2 = f.valueAndGradient(x, y, g2);
      if (!sameBits(v, v2) || !sameBits(g.x, g2.x) || !sameBits(g.y, g2.y))
        fail("Landscape::valueAndGradient", f.id() + " differs from value()/gradient() at (" + fmt(x) + ", " +
                                                 fmt(y) + "): " + fmt(v) + " vs " + fmt(v2) + ", (" + fmt(g.x) +
                                                 ", " + fmt(g.y) + ") vs (" + fmt(g2.x) + ", " + fmt(g2.y) + ")");
      Point m = g;
      f.maskGradient(m, in.ConsumeIntegral<std::uint64_t>());
    }
  });
}

RaceOptions pickRaceOptions(FuzzedDataProvider& in, int& expected) {
  RaceOptions o;
  const StopCriteria def;
  o.criteria.minimumTolerance = in.ConsumeBool() ? def.minimumTolerance : pick(in, 0, 1, def.minimumTolerance);
  o.criteria.gradientTolerance = in.ConsumeBool() ? def.gradientTolerance : pick(in, 0, 1, def.gradientTolerance);
  o.criteria.divergenceFactor = in.ConsumeBool() ? def.divergenceFactor : pick(in, 0, 1e3, def.divergenceFactor);
  o.criteria.stopOnConvergence = in.ConsumeBool();
  o.noise.sigma = in.ConsumeBool() ? 0.0 : pick(in, 0, 10, 0.1);
  o.noise.seed = in.ConsumeIntegral<std::uint64_t>();
  o.trajectoryCap = in.ConsumeBool() ? 4096 : in.ConsumeIntegralInRange<std::size_t>(0, 300);
  const auto finiteNonNeg = [](double v) { return std::isfinite(v) && v >= 0; };
  expected = finiteNonNeg(o.criteria.minimumTolerance) && finiteNonNeg(o.criteria.gradientTolerance) &&
                     std::isfinite(o.criteria.divergenceFactor) && o.criteria.divergenceFactor > 0 &&
                     finiteNonNeg(o.noise.sigma)
                 ? 1
                 : 0;
  return o;
}

Point pickStart(FuzzedDataProvider& in, const Landscape* f, int& expected) {
  Domain d;
  if (f) d = f->domain();
  Point p{pickCoord(in, d.xmin, d.xmax), pickCoord(in, d.ymin, d.ymax)};
  if (f && in.ConsumeIntegralInRange<int>(0, 7) == 0) p = f->suggestedStart();
  if (f && in.ConsumeIntegralInRange<int>(0, 15) == 0 && !f->minima().empty()) p = f->minima().front().at;
  expected = std::isfinite(p.x) && std::isfinite(p.y) ? 1 : 0;
  return p;
}

void checkRace(const Race& race, long advancedSoFar) {
  const auto& frame = race.frame();
  if (frame.size() != race.runnerCount() * Race::kFrameStride)
    fail("Race::frame", "size " + std::to_string(frame.size()) + " for " + std::to_string(race.runnerCount()) + " runners");
  for (std::size_t i = 0; i < race.runnerCount(); ++i) {
    const double* f = frame.data() + i * Race::kFrameStride;
    if (f[3] != 0 && f[3] != 1 && f[3] != 2) fail("Race::frame", "status " + fmt(f[3]));
    if (f[4] < 0 || f[4] > static_cast<double>(advancedSoFar)) fail("Race::frame", "steps " + fmt(f[4]));
    const std::vector<double> pts = race.trajectory(i);
    const std::vector<double> steps = race.trajectorySteps(i);
    if (pts.size() != 3 * steps.size() || steps.empty())
      fail("Race::trajectory", std::to_string(pts.size()) + " values for " + std::to_string(steps.size()) + " steps");
    const std::size_t cap = race.options().trajectoryCap < 2 ? 2 : race.options().trajectoryCap;
    if (steps.size() > cap + 1) fail("Race::trajectory", std::to_string(steps.size()) + " points, cap " + std::to_string(cap));
    if (steps.front() != 0 || steps.back() != f[4]) fail("Race::trajectorySteps", "does not run from 0 to the current step");
    for (std::size_t k = 1; k < steps.size(); ++k)
      if (!(steps[k - 1] < steps[k])) fail("Race::trajectorySteps", "not increasing");
    const RunnerInfo info = race.runnerInfo(i);
    if (info.statusText.empty()) fail("Race::runnerInfo", "empty status text");
    (void)race.buffers(i);
  }
}

void fuzzRace(FuzzedDataProvider& in) {
  PickedLandscape pl;
  std::unique_ptr<Landscape> f = fuzzLandscape(in, pl);
  if (!f) return;
  int optionsOk = 1, startOk = 1;
  const RaceOptions options = pickRaceOptions(in, optionsOk);
  const Point start = pickStart(in, f.get(), startOk);
  std::unique_ptr<Race> race;
  expect("Race::Race", optionsOk && startOk, describe(pl) + " start (" + fmt(start.x) + ", " + fmt(start.y) + ")",
         [&] { race = std::make_unique<Race>(std::move(f), start, options); });
  if (!race) return;
  long advanced = 0;
  const int ops = in.ConsumeIntegralInRange<int>(1, 12);
  for (int op = 0; op < ops && in.remaining_bytes() > 0; ++op) {
    switch (in.ConsumeIntegralInRange<int>(0, 10)) {
      case 0:
      case 1: {  // add a runner
        std::string id;
        const OptimizerInfo* info = pickOptimizer(in, id);
        PickedSettings p;
        if (info) p = pickSettings(in, *info);
        else p.expected = 0;
        const std::size_t before = race->runnerCount();
        const bool ok = expect("Race::addRunner", p.expected, id + ": " + p.text, [&] { race->addRunner(id, p.settings); });
        if (race->runnerCount() != before + (ok ? 1 : 0)) fail("Race::addRunner", "runner count changed on rejection");
        if (ok) advanced = 0;
        break;
      }
      case 2:
      case 3:
      case 4: {  // advance: never throws for k >= 0
        const long k = in.ConsumeIntegralInRange<long>(0, in.ConsumeBool() ? 20 : 400);
        neverThrows("Race::advance", [&] { race->advance(k); });
        advanced += k;
        break;
      }
      case 5: {
        expect("Race::advance(negative)", 0, "k < 0", [&] { race->advance(-in.ConsumeIntegralInRange<long>(1, 1L << 40)); });
        break;
      }
      case 6: {
        int ok = 1;
        const Point s = pickStart(in, &race->landscape(), ok);
        if (expect("Race::setStart", ok, fmt(s.x) + ", " + fmt(s.y), [&] { race->setStart(s); })) advanced = 0;
        break;
      }
      case 7: {
        PickedLandscape p2;
        std::unique_ptr<Landscape> g = fuzzLandscape(in, p2);
        if (!g) break;
        int ok = 1;
        const Point s = pickStart(in, g.get(), ok);
        if (expect("Race::setLandscape", ok, describe(p2), [&] { race->setLandscape(std::move(g), s); })) advanced = 0;
        break;
      }
      case 8: {
        int ok = 1;
        const RaceOptions o = pickRaceOptions(in, ok);
        if (expect("Race::setOptions", ok, "options", [&] { race->setOptions(o); })) advanced = 0;
        break;
      }
      case 9: {
        if (race->runnerCount() == 0) break;
        const std::size_t i = in.ConsumeIntegralInRange<std::size_t>(0, race->runnerCount() - 1);
        if (in.ConsumeBool()) {
          neverThrows("Race::removeRunner", [&] { race->removeRunner(i); });
        } else {
          const OptimizerInfo& info = optimizerInfo(race->runnerInfo(i).optimizerId);
          const PickedSettings p = pickSettings(in, info);
          if (expect("Race::setRunnerSettings", p.expected, info.id + ": " + p.text,
                     [&] { race->setRunnerSettings(i, p.settings); }))
            advanced = 0;
        }
        break;
      }
      default: {
        neverThrows("Race::reset", [&] { race->reset(); });
        advanced = 0;
        try {
          (void)race->runnerInfo(race->runnerCount());
          fail("Race::runnerInfo", "accepted a runner index past the end");
        } catch (const std::out_of_range& e) {
          if (std::strlen(e.what()) == 0) fail("Race::runnerInfo", "empty out_of_range message");
        }
        break;
      }
    }
    neverThrows("Race reads", [&] { checkRace(*race, advanced); });
  }
}

void fuzzSweep(FuzzedDataProvider& in) {
  PickedLandscape pl;
  std::unique_ptr<Landscape> f = fuzzLandscape(in, pl);
  if (!f) return;
  int startOk = 1;
  const Point start = pickStart(in, f.get(), startOk);
  std::vector<SweepConfig> configs;
  const int n = in.ConsumeIntegralInRange<int>(0, 3);
  for (int c = 0; c < n; ++c) {
    std::string id;
    const OptimizerInfo* info = pickOptimizer(in, id);
    SweepConfig sc;
    sc.optimizerId = id;
    if (info) sc.settings = pickSettings(in, *info).settings;
    configs.push_back(sc);
  }
  SweepOptions o;
  o.lrMin = pick(in, 1e-6, 10, 1e-4);
  o.lrMax = pick(in, 1e-6, 10, 1.0);
  o.lrCount = in.ConsumeIntegralInRange<int>(-1, 8);
  o.steps = in.ConsumeIntegralInRange<long>(-1, 150);
  o.noise.sigma = in.ConsumeBool() ? 0 : pick(in, 0, 1, 0.1);
  SweepResult r;
  if (accepts("runSweep", [&] { r = runSweep(*f, start, configs, o); })) {
    const std::size_t cells = configs.size() * static_cast<std::size_t>(o.lrCount);
    if (r.lrs.size() != static_cast<std::size_t>(o.lrCount) || r.finalLoss.size() != cells ||
        r.convergedStep.size() != cells || r.divergedStep.size() != cells || r.bestIndex.size() != configs.size())
      fail("runSweep", "result sizes do not match the options");
  }
}

void fuzzSurface(FuzzedDataProvider& in) {
  PickedLandscape pl;
  std::unique_ptr<Landscape> f = fuzzLandscape(in, pl);
  if (!f) return;
  Domain d = f->domain();
  if (in.ConsumeIntegralInRange<int>(0, 3) == 0) {
    d.xmin = pick(in, -5, 5, d.xmin);
    d.xmax = pick(in, -5, 5, d.xmax);
    d.ymin = pick(in, -5, 5, d.ymin);
    d.ymax = pick(in, -5, 5, d.ymax);
  }
  int nx = in.ConsumeIntegralInRange<int>(-1, 48), ny = in.ConsumeIntegralInRange<int>(-1, 48);
  if (in.ConsumeIntegralInRange<int>(0, 15) == 0) {  // huge grids must be rejected by the size check, not overflow
    nx = in.ConsumeIntegral<int>();
    ny = in.ConsumeIntegral<int>();
    std::vector<double> tiny(4);
    accepts("validateGrid(huge)", [&] { validateGrid(d, nx, ny, tiny.size()); });
    return;
  }
  const std::size_t size = nx > 0 && ny > 0 ? static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny) : 0;
  std::vector<double> values(in.ConsumeIntegralInRange<int>(0, 15) == 0 ? size + 1 : size);
  const ValueScale scale = in.ConsumeBool() ? ValueScale::Log : ValueScale::Linear;
  SampleStats stats;
  if (!accepts("sampleGrid", [&] { stats = sampleGrid(*f, d, nx, ny, scale, values); })) return;
  std::vector<double> levels;
  const int count = in.ConsumeIntegralInRange<int>(-1, 24);
  if (in.ConsumeBool()) {
    if (!accepts("autoLogLevels", [&] { levels = autoLogLevels(values, stats.fref, count); })) return;
  } else {
    for (int k = 0; k < count; ++k) levels.push_back(pick(in, stats.min, stats.max, 0.5 * (stats.min + stats.max)));
  }
  ContourSet c;
  if (accepts("contourLines", [&] { c = contourLines(values, nx, ny, d, levels); })) {
    if (c.offsets.size() != c.polylineCount() + 1 || c.offsets.back() * 2 != c.points.size())
      fail("contourLines", "offsets do not match the points");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  switch (in.ConsumeIntegralInRange<int>(0, 5)) {
    case 0: {
      std::string id;
      Settings settings;
      std::unique_ptr<Optimizer> opt = fuzzOptimizer(in, id, settings);
      if (opt) driveOptimizer(in, *opt);
      break;
    }
    case 1: {
      PickedLandscape pl;
      std::unique_ptr<Landscape> f = fuzzLandscape(in, pl);
      if (f) driveLandscape(in, *f);
      break;
    }
    case 2:
    case 3: fuzzRace(in); break;
    case 4: fuzzSweep(in); break;
    default: fuzzSurface(in); break;
  }
  return 0;
}
