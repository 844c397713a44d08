// Bindings of the exercises page: the learning-rate sweep on a landscape and the small
// network (one sweep, or several optimizers training side by side). Options objects
// are read once into the core's option structs; a missing field keeps the core's default.
#include <cmath>
#include <memory>

#include "convert.hpp"
#include "landscapes/registry.hpp"
#include "network/training.hpp"
#include "race/sweep.hpp"
#include "random/seed.hpp"

namespace optlab::bind {
namespace {

// [{optimizerId, settings: {lr: 0.01, ...}, label}] -> the core's (id, Settings, label) configs.
template <typename Config>
std::vector<Config> configsFrom(const val& list) {
  std::vector<Config> out;
  const unsigned n = list["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i) {
    const val c = list[i];
    const std::string id = c["optimizerId"].as<std::string>();
    out.push_back({id, settingsFrom(id, c["settings"]), stringOr(c, "label", "")});
  }
  return out;
}

// {lrMin, lrMax, lrCount, steps} into a sweep's range (SweepOptions, NetworkSweepRange);
// a missing field keeps the core's default.
template <typename Range>
Range withSweepRange(const val& options, Range r) {
  r.lrMin = numberOr(options, "lrMin", r.lrMin);
  r.lrMax = numberOr(options, "lrMax", r.lrMax);
  r.lrCount = static_cast<int>(numberOr(options, "lrCount", r.lrCount));
  r.steps = static_cast<long>(numberOr(options, "steps", static_cast<double>(r.steps)));
  return r;
}

// The range, then {noiseSigma, noiseSeed, minimumTolerance, gradientTolerance}
SweepOptions sweepOptionsFrom(const val& options) {
  SweepOptions so = withSweepRange(options, SweepOptions{});
  so.noise.sigma = numberOr(options, "noiseSigma", so.noise.sigma);
  so.noise.seed = seedFromNumber(numberOr(options, "noiseSeed", static_cast<double>(so.noise.seed)), "noise seed");
  so.criteria.minimumTolerance = numberOr(options, "minimumTolerance", so.criteria.minimumTolerance);
  so.criteria.gradientTolerance = numberOr(options, "gradientTolerance", so.criteria.gradientTolerance);
  return so;
}

// The sweep's configs may add {scheduler: "CosineAnnealingLR(T_max=200)", clipGradNorm, clipGradValue}.
std::vector<SweepConfig> sweepConfigsFrom(const val& list) {
  std::vector<SweepConfig> out = configsFrom<SweepConfig>(list);
  for (unsigned i = 0; i < out.size(); ++i) {
    const val c = list[i];
    const std::string scheduler = stringOr(c, "scheduler", "");
    if (!scheduler.empty()) out[i].schedule = parseScheduleCall(scheduler);
    const double maxNorm = numberOr(c, "clipGradNorm", NAN);
    const double clipValue = numberOr(c, "clipGradValue", NAN);
    if (!std::isnan(maxNorm)) out[i].clipping.maxNorm = maxNorm;
    if (!std::isnan(clipValue)) out[i].clipping.clipValue = clipValue;
  }
  return out;
}

// The schedule text a sweep run at `lr` uses (OneCycleLR: max_lr = lr), for the link that replays it.
val scheduleAtPeakText(const std::string& scheduler, double lr) {
  return guardObject([&] { return object({{"scheduler", val(scheduleCallText(scheduleAtPeak(parseScheduleCall(scheduler), lr)))}}); });
}

val labsSweep(const std::string& landscapeId, const val& params, double x0, double y0, const val& configs,
              const val& options) {
  return guardObject([&] {
    auto f = makeLandscape(landscapeId, landscapeParamsFrom(params));
    const SweepResult r = runSweep(*f, Point{x0, y0}, sweepConfigsFrom(configs), sweepOptionsFrom(options));
    return object({{"lrs", typedCopy(r.lrs)}, {"labels", stringArray(r.labels)}, {"finalLoss", typedCopy(r.finalLoss)},
                   {"convergedStep", typedCopy(r.convergedStep)}, {"divergedStep", typedCopy(r.divergedStep)},
                   {"bestIndex", typedCopy(r.bestIndex)}, {"milliseconds", val(r.milliseconds)}});
  });
}

// {id, count, noise, validationFraction, classes, seed}
DatasetOptions datasetOptionsFrom(const val& obj) {
  DatasetOptions d;
  d.id = stringOr(obj, "id", d.id);
  d.count = static_cast<int>(numberOr(obj, "count", d.count));
  d.noise = numberOr(obj, "noise", d.noise);
  d.validationFraction = numberOr(obj, "validationFraction", d.validationFraction);
  d.classes = static_cast<int>(numberOr(obj, "classes", d.classes));
  d.seed = seedFromNumber(numberOr(obj, "seed", static_cast<double>(d.seed)), "dataset seed");
  return d;
}

// {hidden: [8, 8], activation: "tanh"|"relu", output: "softmax"|"sigmoid"}; classes come from the dataset.
MlpSpec mlpSpecFrom(const val& obj, int classes) {
  MlpSpec s;
  s.classes = classes;
  const val hidden = obj["hidden"];
  if (!hidden.isUndefined()) {
    s.hidden.clear();
    for (double width : numbersFrom(hidden)) s.hidden.push_back(static_cast<int>(width));
  }
  s.activation = parseActivation(stringOr(obj, "activation", "tanh"));
  s.output = parseOutputKind(stringOr(obj, "output", "softmax"));
  return s;
}

// {batchSize, weightSeed, batchSeed, evalEvery}
TrainingOptions trainingOptionsFrom(const val& obj) {
  TrainingOptions t;
  t.batchSize = static_cast<int>(numberOr(obj, "batchSize", t.batchSize));
  t.weightSeed = seedFromNumber(numberOr(obj, "weightSeed", static_cast<double>(t.weightSeed)), "weight seed");
  t.batchSeed = seedFromNumber(numberOr(obj, "batchSeed", static_cast<double>(t.batchSeed)), "batch seed");
  t.evalEvery = static_cast<long>(numberOr(obj, "evalEvery", static_cast<double>(t.evalEvery)));
  return t;
}

val datasetPoints(const Dataset& d) {
  return object({{"id", val(d.id)}, {"classes", val(d.classes)}, {"trainX", typedCopy(d.trainX)},
                 {"trainY", typedCopy(d.trainY)}, {"valX", typedCopy(d.valX)}, {"valY", typedCopy(d.valY)},
                 {"extent", val(kDatasetExtent)}});
}

val networkSweep(const val& dataset, const val& spec, const val& configs, const val& options) {
  return guardObject([&] {
    const Dataset d = makeDataset(datasetOptionsFrom(dataset));
    const NetworkSweepRange range = withSweepRange(options, NetworkSweepRange{});
    const NetworkSweepResult r = runNetworkSweep(d, mlpSpecFrom(spec, d.classes), configsFrom<NetworkConfig>(configs),
                                                 range, trainingOptionsFrom(options));
    return object({{"lrs", typedCopy(r.lrs)}, {"labels", stringArray(r.labels)},
                   {"finalTrainLoss", typedCopy(r.finalTrainLoss)},
                   {"finalValidationLoss", typedCopy(r.finalValidationLoss)}, {"bestIndex", typedCopy(r.bestIndex)}});
  });
}

// Several optimizers training one network side by side (network/training.hpp).
class TrainingHandle {
 public:
  std::string setup(const val& dataset, const val& spec, const val& configs, const val& options) {
    return guard([&] {
      Dataset d = makeDataset(datasetOptionsFrom(dataset));
      const MlpSpec s = mlpSpecFrom(spec, d.classes);
      training_ = std::make_unique<Training>(std::move(d), s, configsFrom<NetworkConfig>(configs),
                                             trainingOptionsFrom(options));
    });
  }
  void advance(double k) { t().advance(static_cast<long>(k)); }
  double steps() const { return static_cast<double>(t().steps()); }
  double epochs() const { return t().epochs(); }
  double stepsPerEpoch() const { return static_cast<double>(t().stepsPerEpoch()); }
  double evalEvery() const { return static_cast<double>(t().evalEvery()); }
  double parameterCount() const { return static_cast<double>(t().parameterCount()); }
  val labels() const { return stringArray(t().labels()); }
  val divergedSteps() const { return typedCopy(t().divergedSteps()); }
  val dataset() const { return datasetPoints(t().data()); }
  // Records from index `from` on: {steps, trainLoss, trainAccuracy, validationLoss, validationAccuracy}, record-major.
  val recordsSince(double from) const {
    const Training::Records r = t().recordsSince(static_cast<std::size_t>(from < 0 ? 0 : from));
    return object({{"steps", typedCopy(r.steps)}, {"trainLoss", typedCopy(r.trainLoss)},
                   {"trainAccuracy", typedCopy(r.trainAccuracy)}, {"validationLoss", typedCopy(r.validationLoss)},
                   {"validationAccuracy", typedCopy(r.validationAccuracy)}});
  }
  val decisionGrid(unsigned config, int nx, int ny, double xMin, double xMax, double yMin, double yMax) {
    return guardObject(
        [&] { return object({{"values", typedCopy(t().decisionGrid(config, nx, ny, xMin, xMax, yMin, yMax))}}); });
  }

 private:
  Training& t() const {
    if (!training_) std::abort();  // the wrapper always calls setup() first
    return *training_;
  }
  std::unique_ptr<Training> training_;
};

}  // namespace
}  // namespace optlab::bind

EMSCRIPTEN_BINDINGS(optlab_labs) {
  using namespace optlab::bind;
  emscripten::function("labsSweep", &labsSweep);
  emscripten::function("scheduleAtPeak", &scheduleAtPeakText);
  emscripten::function("networkSweep", &networkSweep);
  emscripten::class_<TrainingHandle>("NetworkTraining")
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
