#include "exponential_lr.hpp"

#include <cmath>

namespace optlab {

ExponentialLR::ExponentialLR(ParamGroup& group, const ExponentialLRConfig& config)
    : LrScheduler(group), config_(config) {
  attach();
}

double ExponentialLR::getLr() {
  if (isInitial_) return group_.lr;
  return group_.lr * config_.gamma;
}

std::optional<double> ExponentialLR::closedFormLr() const {
  return baseLr_ * std::pow(config_.gamma, static_cast<double>(lastEpoch_));
}

}  // namespace optlab
