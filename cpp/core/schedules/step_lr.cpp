#include "step_lr.hpp"

#include <cmath>

namespace optlab {

StepLR::StepLR(ParamGroup& group, const StepLRConfig& config) : LrScheduler(group), config_(config) {
  // torch does not check step_size; 0 would raise ZeroDivisionError at the first step.
  if (config.step_size <= 0)
    throw std::invalid_argument("Expected positive integer step_size, but got " + std::to_string(config.step_size));
  attach();
}

double StepLR::getLr() {
  if (lastEpoch_ == 0 || pyMod(lastEpoch_, config_.step_size) != 0) return group_.lr;
  return group_.lr * config_.gamma;
}

std::optional<double> StepLR::closedFormLr() const {
  return baseLr_ * std::pow(config_.gamma, static_cast<double>(pyFloorDiv(lastEpoch_, config_.step_size)));
}

}  // namespace optlab
