// An optimizer stepped outside any landscape, through gradients the caller chooses.
//
// Teaching uses: feed a unit gradient then zeros through SGD with momentum and read
// the velocity to measure how much weight an old gradient keeps (mu^k); feed a
// constant gradient through Adam with and without bias correction and compare its
// first steps. The numbers come from the real optimizer, not from a formula.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "optimizers/optimizer.hpp"
#include "optimizers/settings.hpp"

namespace optlab {

struct ProbeRecord {
  std::vector<double> params;                // after each step, step-major: n values per step
  std::vector<Buffer> buffers;               // every named buffer; values hold n per step, step-major
};

// Resets `optimizer` to start.size() parameters and steps it once per n gradients
// (gradients.size() must be a non-zero multiple of n = start.size(), else
// std::invalid_argument). A buffer that is not n values wide after a step (a scalar
// such as NAdam's mu_product) is recorded as n NaNs for that step.
ProbeRecord probeOptimizer(Optimizer& optimizer, std::span<const double> start, std::span<const double> gradients);

// The same for a fresh optimizer built by the registry (invalid settings throw torch's message).
ProbeRecord probeOptimizer(const std::string& id, const Settings& settings, std::span<const double> start,
                           std::span<const double> gradients);

}  // namespace optlab
