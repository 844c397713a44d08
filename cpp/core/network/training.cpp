#include "training.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "race/sweep.hpp"

namespace optlab {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool allFinite(const std::vector<double>& v) {
  for (double x : v)
    if (!std::isfinite(x)) return false;
  return true;
}

}  // namespace

Training::Training(Dataset data, MlpSpec spec, std::vector<NetworkConfig> configs, TrainingOptions options)
    : data_(std::move(data)), mlp_(std::move(spec)), options_(options), batchRng_(options.batchSeed) {
  if (data_.classes != mlp_.spec().classes)
    throw std::invalid_argument("The dataset has " + std::to_string(data_.classes) + " classes but the network " +
                                std::to_string(mlp_.spec().classes));
  if (data_.trainY.empty()) throw std::invalid_argument("The training set is empty");
  if (configs.empty()) throw std::invalid_argument("No optimizer to train");
  if (configs.size() > 16) throw std::invalid_argument("At most 16 optimizers train side by side");
  if (options_.batchSize < 1) throw std::invalid_argument("Invalid batch size: " + std::to_string(options_.batchSize));
  if (options_.evalEvery < 0) throw std::invalid_argument("Invalid evaluation interval: " + std::to_string(options_.evalEvery));
  const auto n = data_.trainY.size();
  if (static_cast<std::size_t>(options_.batchSize) > n) options_.batchSize = static_cast<int>(n);
  evalEvery_ = options_.evalEvery > 0 ? options_.evalEvery : stepsPerEpoch();

  initial_ = mlp_.initialWeights(options_.weightSeed);
  for (NetworkConfig& c : configs) {
    Run r;
    r.optimizer = makeOptimizer(c.optimizerId, c.settings);  // validates (torch's wording)
    r.optimizer->reset(initial_.size());
    r.w = initial_;
    runs_.push_back(std::move(r));
    labels_.push_back(c.label.empty() ? c.optimizerId : c.label);
  }
  gradPoint_.assign(initial_.size(), 0.0);
  grad_.assign(initial_.size(), 0.0);
  order_.resize(n);
  std::iota(order_.begin(), order_.end(), 0);
  cursor_ = n;  // the first step shuffles
  batch_.reserve(static_cast<std::size_t>(options_.batchSize));
  record();
}

long Training::stepsPerEpoch() const {
  const auto n = static_cast<long>(data_.trainY.size());
  return (n + options_.batchSize - 1) / options_.batchSize;
}

double Training::epochs() const {
  return static_cast<double>(steps_) / static_cast<double>(stepsPerEpoch());
}

void Training::nextBatch() {
  const std::size_t n = order_.size();
  if (cursor_ >= n) {
    for (std::size_t i = n - 1; i > 0; --i) {
      const auto j = static_cast<std::size_t>(batchRng_.uniform() * static_cast<double>(i + 1));
      std::swap(order_[i], order_[j]);
    }
    cursor_ = 0;
  }
  const std::size_t end = std::min(n, cursor_ + static_cast<std::size_t>(options_.batchSize));
  batch_.assign(order_.begin() + static_cast<long>(cursor_), order_.begin() + static_cast<long>(end));
  cursor_ = end;
}

void Training::advance(long k) {
  for (long s = 0; s < k; ++s) {
    nextBatch();
    ++steps_;
    for (Run& r : runs_) {
      if (r.divergedStep >= 0) continue;
      r.optimizer->gradientPoint(r.w, gradPoint_);
      const double loss = mlp_.lossAndGradient(gradPoint_, data_.trainX, data_.trainY, batch_, grad_);
      r.optimizer->step(r.w, grad_);
      if (!std::isfinite(loss) || !allFinite(r.w)) r.divergedStep = steps_;
    }
    if (steps_ % evalEvery_ == 0) record();
  }
}

void Training::record() {
  recordSteps_.push_back(static_cast<double>(steps_));
  for (Run& r : runs_) {
    if (r.divergedStep >= 0) {
      trainLoss_.push_back(kNaN);
      trainAccuracy_.push_back(kNaN);
      valLoss_.push_back(kNaN);
      valAccuracy_.push_back(kNaN);
      continue;
    }
    const Mlp::Evaluation t = mlp_.evaluate(r.w, data_.trainX, data_.trainY);
    const Mlp::Evaluation v = data_.valY.empty() ? Mlp::Evaluation{kNaN, kNaN} : mlp_.evaluate(r.w, data_.valX, data_.valY);
    trainLoss_.push_back(t.loss);
    trainAccuracy_.push_back(t.accuracy);
    valLoss_.push_back(v.loss);
    valAccuracy_.push_back(v.accuracy);
  }
}

Training::Records Training::recordsSince(std::size_t from) const {
  const std::size_t n = runs_.size();
  const auto tail = [](const std::vector<double>& v, std::size_t start) {
    return std::vector<double>(v.begin() + static_cast<std::ptrdiff_t>(std::min(v.size(), start)), v.end());
  };
  return {tail(recordSteps_, from), tail(trainLoss_, from * n), tail(trainAccuracy_, from * n),
          tail(valLoss_, from * n), tail(valAccuracy_, from * n)};
}

std::vector<std::int32_t> Training::divergedSteps() const {
  std::vector<std::int32_t> out;
  for (const Run& r : runs_) out.push_back(static_cast<std::int32_t>(r.divergedStep));
  return out;
}

const std::vector<double>& Training::weights(std::size_t config) const {
  if (config >= runs_.size()) throw std::invalid_argument("Invalid config index: " + std::to_string(config));
  return runs_[config].w;
}

std::vector<double> Training::decisionGrid(std::size_t config, int nx, int ny, double xMin, double xMax, double yMin,
                                           double yMax) {
  if (config >= runs_.size()) throw std::invalid_argument("Invalid config index: " + std::to_string(config));
  if (nx < 1 || ny < 1 || nx > 1024 || ny > 1024) throw std::invalid_argument("Invalid grid size (1 to 1024 per side)");
  if (!(xMax > xMin) || !(yMax > yMin)) throw std::invalid_argument("Invalid grid bounds");
  const auto classes = static_cast<std::size_t>(mlp_.spec().classes);
  std::vector<double> out(static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny) * classes, kNaN);
  const Run& r = runs_[config];
  if (r.divergedStep >= 0) return out;
  const double dx = (xMax - xMin) / nx;
  const double dy = (yMax - yMin) / ny;
  std::size_t o = 0;
  for (int row = 0; row < ny; ++row) {
    const double y = yMax - (row + 0.5) * dy;
    for (int col = 0; col < nx; ++col, o += classes) {
      const double x = xMin + (col + 0.5) * dx;
      mlp_.probabilities(r.w, x, y, std::span<double>(out.data() + o, classes));
    }
  }
  return out;
}

NetworkSweepResult runNetworkSweep(const Dataset& data, const MlpSpec& spec, const std::vector<NetworkConfig>& configs,
                                   const NetworkSweepRange& range, const TrainingOptions& options) {
  const long steps = range.steps;
  if (steps < 1) throw std::invalid_argument("Invalid step count: " + std::to_string(steps));
  NetworkSweepResult res;
  res.lrs = logSpacedLrs(range.lrMin, range.lrMax, range.lrCount);
  TrainingOptions o = options;
  o.evalEvery = steps;  // one record at the end
  for (const NetworkConfig& c : configs) {
    res.labels.push_back(c.label.empty() ? c.optimizerId : c.label);
    double best = std::numeric_limits<double>::infinity();
    std::int32_t bestK = -1;
    for (std::size_t k = 0; k < res.lrs.size(); ++k) {
      NetworkConfig one = c;
      one.settings["lr"] = {res.lrs[k]};
      Training t(data, spec, {one}, o);
      t.advance(steps);
      const double tl = t.trainLoss().back();
      const double vl = t.validationLoss().back();
      res.finalTrainLoss.push_back(tl);
      res.finalValidationLoss.push_back(vl);
      const double score = std::isnan(vl) && t.divergedSteps()[0] < 0 ? tl : vl;  // no validation set: train loss
      if (t.divergedSteps()[0] < 0 && score < best) {
        best = score;
        bestK = static_cast<std::int32_t>(k);
      }
    }
    res.bestIndex.push_back(bestK);
  }
  return res;
}

}  // namespace optlab
