// Several optimizers training the same small network side by side (the
// chapter's exercise 2), fairly: every optimizer starts from the same initial
// weights and sees the same mini-batches in the same order. The optimizers are
// the registry's, unchanged, working on the flat weight vector (mlp.hpp).
//
// Each step, for every configuration that has not diverged, in torch's harness order:
//   gp = optimizer.gradientPoint(w);  loss, g = lossAndGradient(gp, batch);  optimizer.step(w, g)
// Mini-batches: the training set is shuffled at the start of every epoch
// (Fisher-Yates with the portable RNG seeded by `batchSeed`) and cut into
// batches of `batchSize`; the last batch of an epoch may be smaller (torch's
// DataLoader with drop_last=False). A configuration whose batch loss or weights
// become non-finite is marked diverged at that step and stops.
//
// Every `evalEvery` steps (and at step 0) a record is taken: the full training
// and validation loss and accuracy of each configuration. Records are flat,
// record-major: entry r * configCount() + c belongs to record r and config c
// (a diverged configuration records NaN).
//
// Designed for a thin binding: `advance(k)` takes k steps, results are flat vectors.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dataset.hpp"
#include "mlp.hpp"
#include "optimizers/registry.hpp"
#include "random/rng.hpp"

namespace optlab {

struct NetworkConfig {
  std::string optimizerId;
  Settings settings;
  std::string label;  // defaults to optimizerId
};

struct TrainingOptions {
  int batchSize = 32;             // 1 .. training-set size (clamped to it)
  std::uint64_t weightSeed = 1;   // initial weights
  std::uint64_t batchSeed = 1;    // mini-batch order
  long evalEvery = 0;             // steps between records; 0 = one epoch
};

class Training {
 public:
  // Throws std::invalid_argument for an invalid spec, option, optimizer or
  // settings (torch's wording), or a dataset whose class count differs from the spec's.
  Training(Dataset data, MlpSpec spec, std::vector<NetworkConfig> configs, TrainingOptions options = {});

  void advance(long k);

  long steps() const { return steps_; }
  double epochs() const;  // steps / stepsPerEpoch (a partial last batch counts as a step of its epoch)
  long stepsPerEpoch() const;
  long evalEvery() const { return evalEvery_; }
  std::size_t configCount() const { return runs_.size(); }
  std::size_t parameterCount() const { return mlp_.parameterCount(); }
  const std::vector<std::string>& labels() const { return labels_; }
  const Dataset& data() const { return data_; }

  const std::vector<double>& recordSteps() const { return recordSteps_; }
  const std::vector<double>& trainLoss() const { return trainLoss_; }
  const std::vector<double>& trainAccuracy() const { return trainAccuracy_; }
  const std::vector<double>& validationLoss() const { return valLoss_; }
  const std::vector<double>& validationAccuracy() const { return valAccuracy_; }
  // The records from index `from` on (record-major as above): what the page has not drawn yet.
  struct Records {
    std::vector<double> steps, trainLoss, trainAccuracy, validationLoss, validationAccuracy;
  };
  Records recordsSince(std::size_t from) const;
  // Per config: step at which it diverged, -1 if it has not.
  std::vector<std::int32_t> divergedSteps() const;

  const std::vector<double>& initialWeights() const { return initial_; }
  const std::vector<double>& weights(std::size_t config) const;

  // Class probabilities of config `c` on an nx x ny grid of cell centres over
  // [xMin, xMax] x [yMin, yMax]: row 0 is the top (y near yMax), so the buffer
  // maps directly onto an image. Entry ((row * nx) + col) * classes + k.
  std::vector<double> decisionGrid(std::size_t config, int nx, int ny, double xMin, double xMax, double yMin,
                                   double yMax);

 private:
  struct Run {
    std::unique_ptr<Optimizer> optimizer;
    std::vector<double> w;
    long divergedStep = -1;
  };
  void record();
  void nextBatch();

  Dataset data_;
  Mlp mlp_;
  TrainingOptions options_;
  std::vector<Run> runs_;
  std::vector<std::string> labels_;
  std::vector<double> initial_;
  std::vector<double> gradPoint_, grad_;
  std::vector<int> order_, batch_;
  std::size_t cursor_ = 0;
  Xoshiro256ss batchRng_{1};
  long steps_ = 0;
  long evalEvery_ = 1;
  std::vector<double> recordSteps_, trainLoss_, trainAccuracy_, valLoss_, valAccuracy_;
};

// The network's learning-rate sweep (the "each at its own tuned learning rate"
// comparison): for every config and every lr of logSpacedLrs(lrMin, lrMax,
// lrCount), train for `steps` steps from the same weights and batches, and report
// the final training and validation loss. bestIndex[c] is the k with the lowest
// final validation loss among runs that did not diverge (-1 if none).
struct NetworkSweepResult {
  std::vector<double> lrs;
  std::vector<std::string> labels;
  std::vector<double> finalTrainLoss;       // config-major: c * lrCount + k
  std::vector<double> finalValidationLoss;  // NaN where diverged
  std::vector<std::int32_t> bestIndex;
};

// The learning rates a network sweep tries and how long each trains (the defaults are
// the exercises page's).
struct NetworkSweepRange {
  double lrMin = 1e-4;
  double lrMax = 1;
  int lrCount = 9;
  long steps = 500;
};

NetworkSweepResult runNetworkSweep(const Dataset& data, const MlpSpec& spec, const std::vector<NetworkConfig>& configs,
                                   const NetworkSweepRange& range, const TrainingOptions& options = {});

}  // namespace optlab
