// The learning-rate sweep (the chapter's exercise 3): for one landscape and
// start point, run every optimizer configuration at every learning rate of a
// log-spaced grid for n steps, and report the final loss, the step at which it
// first converged and the step at which it diverged.
//
// Each run is the race's step (runner.hpp, torch harness order, optional mask
// and noise) without a trajectory. A run continues after converging (the final
// loss is the loss after n steps; a momentum method may leave the minimum
// again) and stops at divergence. Results are flat, config-major arrays:
// entry c * lrCount + k belongs to configs[c] and lrs[k].
//
// A config may carry an lr schedule and gradient clipping (as a race runner does).
// The grid's lr is then the schedule's peak: the optimizer's lr, where a decay
// starts and a warm-up ends; for OneCycleLR, whose peak is its own max_lr, the
// grid's lr replaces max_lr (the optimizer's lr is ignored there, as in torch).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "schedules/clipping.hpp"
#include "schedules/registry.hpp"

#include "landscapes/landscape.hpp"
#include "optimizers/registry.hpp"
#include "runner.hpp"

namespace optlab {

struct SweepConfig {
  std::string optimizerId;
  Settings settings;  // any "lr" here is replaced by the grid's
  std::string label;  // defaults to optimizerId
  // Initialised here so that {id, settings, label} configs stay valid without them.
  std::optional<ScheduleSpec> schedule = std::nullopt;  // none: a constant lr
  GradientClipping clipping = {};
};

// The schedule a sweep run uses at grid learning rate `lr` (see above: OneCycleLR's max_lr
// becomes lr; every other schedule is unchanged, its peak being the optimizer's lr).
ScheduleSpec scheduleAtPeak(const ScheduleSpec& spec, double lr);
// The same from torch's call text to torch's call text (the labs' link that replays a run).
std::string scheduleAtPeakText(const std::string& call, double lr);

struct SweepOptions {
  double lrMin = 1e-5;
  double lrMax = 10;
  int lrCount = 60;
  long steps = 2000;
  StopCriteria criteria;  // stopOnConvergence is ignored: runs always go on to `steps`
  NoiseSettings noise;
};

struct SweepResult {
  std::vector<double> lrs;                 // lrCount values, lrs[k] = lrMin (lrMax/lrMin)^(k/(lrCount-1))
  std::vector<std::string> labels;         // one per config
  std::vector<double> finalLoss;           // loss after `steps` steps, or at divergence (may be inf/NaN)
  std::vector<std::int32_t> convergedStep; // first step at which the run met the convergence criteria, -1 never
  std::vector<std::int32_t> divergedStep;  // step at which it diverged, -1 never
  std::vector<std::int32_t> bestIndex;     // per config: k with the lowest final loss among non-diverged runs, -1 if none
  double milliseconds = 0;                 // wall time of the sweep
};

// log-spaced lrs; throws std::invalid_argument unless 0 < lrMin <= lrMax (finite) and lrCount >= 1.
std::vector<double> logSpacedLrs(double lrMin, double lrMax, int lrCount);

// Throws std::invalid_argument for invalid options, a non-finite start, an
// unknown optimizer or invalid settings (torch's wording), before running anything.
SweepResult runSweep(const Landscape& landscape, Point start, const std::vector<SweepConfig>& configs,
                     const SweepOptions& options = {});

}  // namespace optlab
