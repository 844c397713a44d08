#include "multi_step_lr.hpp"

#include <algorithm>
#include <cmath>

namespace optlab {

MultiStepLR::MultiStepLR(ParamGroup& group, const MultiStepLRConfig& config)
    : LrScheduler(group), config_(config), sorted_(config.milestones) {
  std::sort(sorted_.begin(), sorted_.end());
  attach();
}

double MultiStepLR::getLr() {
  const auto count = std::count(sorted_.begin(), sorted_.end(), lastEpoch_);
  if (count == 0) return group_.lr;
  return group_.lr * std::pow(config_.gamma, static_cast<double>(count));
}

std::optional<double> MultiStepLR::closedFormLr() const {
  const auto passed = std::upper_bound(sorted_.begin(), sorted_.end(), lastEpoch_) - sorted_.begin();
  return baseLr_ * std::pow(config_.gamma, static_cast<double>(passed));
}

}  // namespace optlab
