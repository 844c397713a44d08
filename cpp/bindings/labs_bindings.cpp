// Bindings of the exercises page: the learning-rate sweep on a landscape and the small
// network (one sweep, or several optimizers training side by side). Options objects
// are read once into the core's option structs; a missing field keeps the core's default.
#include <cmath>
#include <memory>

#include "convert.hpp"
#include "landscapes/registry.hpp"
#include "network/training.hpp"
#include "race/sweep.hpp"

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
    out.push_back({id, settingsFrom(id, c["settings"]), fieldOr<std::string>(c, "label", "")});
  }
  return out;
}

// {lrMin, lrMax, lrCount, steps} into a sweep's range (SweepOptions, NetworkSweepRange);
// a missing field keeps the core's default.
template <typename Range>
Range withSweepRange(const val& options, Range r) {
  readFields(options, "lrMin", r.lrMin, "lrMax", r.lrMax, "lrCount", r.lrCount, "steps", r.steps);
  return r;
}

// The range, then {noiseSigma, noiseSeed, minimumTolerance, gradientTolerance}
SweepOptions sweepOptionsFrom(const val& options) {
  SweepOptions so = withSweepRange(options, SweepOptions{});
  readFields(options, "noiseSigma", so.noise.sigma, "minimumTolerance", so.criteria.minimumTolerance,
             "gradientTolerance", so.criteria.gradientTolerance);
  readSeed(options, "noiseSeed", so.noise.seed, "noise seed");
  return so;
}

// The sweep's configs may add {scheduler: "CosineAnnealingLR(T_max=200)", clipGradNorm, clipGradValue}.
std::vector<SweepConfig> sweepConfigsFrom(const val& list) {
  std::vector<SweepConfig> out = configsFrom<SweepConfig>(list);
  for (unsigned i = 0; i < out.size(); ++i) {
    out[i].schedule = parseOptionalScheduleCall(fieldOr<std::string>(list[i], "scheduler", ""));
    out[i].clipping = {optionalNumber(fieldOr(list[i], "clipGradNorm", NAN)),
                       optionalNumber(fieldOr(list[i], "clipGradValue", NAN))};
  }
  return out;
}

// The schedule text a sweep run at `lr` uses (OneCycleLR: max_lr = lr), for the link that replays it.
val scheduleAtPeakObject(const std::string& scheduler, double lr) {
  return guard([&] { return object({{"scheduler", val(optlab::scheduleAtPeakText(scheduler, lr))}}); });
}

val labsSweep(const std::string& landscapeId, const val& params, double x0, double y0, const val& configs,
              const val& options) {
  return guard([&] {
    auto f = makeLandscape(landscapeId, landscapeParamsFrom(params));
    const SweepResult r = runSweep(*f, Point{x0, y0}, sweepConfigsFrom(configs), sweepOptionsFrom(options));
    return object({{"lrs", typedCopy(r.lrs)}, {"labels", arrayOf(r.labels)}, {"finalLoss", typedCopy(r.finalLoss)},
                   {"convergedStep", typedCopy(r.convergedStep)}, {"divergedStep", typedCopy(r.divergedStep)},
                   {"bestIndex", typedCopy(r.bestIndex)}, {"milliseconds", val(r.milliseconds)}});
  });
}

// {id, count, noise, validationFraction, classes, seed}
DatasetOptions datasetOptionsFrom(const val& obj) {
  DatasetOptions d;
  readFields(obj, "id", d.id, "count", d.count, "noise", d.noise, "validationFraction", d.validationFraction,
             "classes", d.classes);
  readSeed(obj, "seed", d.seed, "dataset seed");
  return d;
}

// {hidden: [8, 8], activation: "tanh"|"relu", output: "softmax"|"sigmoid"}; classes come from the dataset.
MlpSpec mlpSpecFrom(const val& obj, int classes) {
  MlpSpec s;
  s.classes = classes;
  readFields(obj, "hidden", s.hidden);
  if (!absent(obj["activation"])) s.activation = parseActivation(obj["activation"].as<std::string>());
  if (!absent(obj["output"])) s.output = parseOutputKind(obj["output"].as<std::string>());
  return s;
}

// {batchSize, weightSeed, batchSeed, evalEvery}
TrainingOptions trainingOptionsFrom(const val& obj) {
  TrainingOptions t;
  readFields(obj, "batchSize", t.batchSize, "evalEvery", t.evalEvery);
  readSeed(obj, "weightSeed", t.weightSeed, "weight seed");
  readSeed(obj, "batchSeed", t.batchSeed, "batch seed");
  return t;
}

val datasetPoints(const Dataset& d) {
  return object({{"id", val(d.id)}, {"classes", val(d.classes)}, {"trainX", typedCopy(d.trainX)},
                 {"trainY", typedCopy(d.trainY)}, {"valX", typedCopy(d.valX)}, {"valY", typedCopy(d.valY)},
                 {"extent", val(kDatasetExtent)}});
}

val networkSweep(const val& dataset, const val& spec, const val& configs, const val& options) {
  return guard([&] {
    const Dataset d = makeDataset(datasetOptionsFrom(dataset));
    const NetworkSweepRange range = withSweepRange(options, NetworkSweepRange{});
    const NetworkSweepResult r = runNetworkSweep(d, mlpSpecFrom(spec, d.classes), configsFrom<NetworkConfig>(configs),
                                                 range, trainingOptionsFrom(options));
    return object({{"lrs", typedCopy(r.lrs)}, {"labels", arrayOf(r.labels)},
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
  double parameterCount() const { return static_cast<double>(t().parameterCount()); }
  val labels() const { return arrayOf(t().labels()); }
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
    return guard(
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
  emscripten::function("scheduleAtPeak", &scheduleAtPeakObject);
  emscripten::function("networkSweep", &networkSweep);
  emscripten::class_<TrainingHandle>("NetworkTraining")
      .constructor<>()
      .function("setup", &TrainingHandle::setup)
      .function("advance", &TrainingHandle::advance)
      .function("steps", &TrainingHandle::steps)
      .function("epochs", &TrainingHandle::epochs)
      .function("stepsPerEpoch", &TrainingHandle::stepsPerEpoch)
      .function("parameterCount", &TrainingHandle::parameterCount)
      .function("labels", &TrainingHandle::labels)
      .function("divergedSteps", &TrainingHandle::divergedSteps)
      .function("dataset", &TrainingHandle::dataset)
      .function("recordsSince", &TrainingHandle::recordsSince)
      .function("decisionGrid", &TrainingHandle::decisionGrid);
}
