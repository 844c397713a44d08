#include "linear_lr.hpp"

#include <algorithm>

namespace optlab {

LinearLR::LinearLR(ParamGroup& group, const LinearLRConfig& config) : LrScheduler(group), config_(config) {
  if (config.start_factor > 1.0 || config.start_factor <= 0)
    throw std::invalid_argument(
        "Starting multiplicative factor expected to be greater than 0 and less or equal to 1.");
  if (config.end_factor > 1.0 || config.end_factor < 0)
    throw std::invalid_argument("Ending multiplicative factor expected to be between 0 and 1.");
  attach();
}

double LinearLR::getLr() {
  const double s = config_.start_factor, f = config_.end_factor;
  if (lastEpoch_ == 0) return group_.lr * s;
  if (isInitial_ || lastEpoch_ > config_.total_iters) return group_.lr;
  const double denominator =
      static_cast<double>(config_.total_iters) * s + static_cast<double>(lastEpoch_ - 1) * (f - s);
  return group_.lr * (1.0 + pyDivide(f - s, denominator));
}

std::optional<double> LinearLR::closedFormLr() const {
  const double s = config_.start_factor, f = config_.end_factor;
  const double done = static_cast<double>(std::min(config_.total_iters, lastEpoch_));
  return baseLr_ * (s + pyDivide((f - s) * done, static_cast<double>(config_.total_iters)));
}

}  // namespace optlab
