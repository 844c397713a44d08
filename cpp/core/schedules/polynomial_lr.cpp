#include "polynomial_lr.hpp"

#include <algorithm>
#include <cmath>

namespace optlab {

PolynomialLR::PolynomialLR(ParamGroup& group, const PolynomialLRConfig& config)
    : LrScheduler(group), config_(config) {
  attach();
}

double PolynomialLR::getLr() {
  if (isInitial_ || lastEpoch_ > config_.total_iters) return group_.lr;
  const double T = static_cast<double>(config_.total_iters);
  const double now = 1.0 - pyDivide(static_cast<double>(lastEpoch_), T);
  const double before = 1.0 - pyDivide(static_cast<double>(lastEpoch_ - 1), T);
  return group_.lr * std::pow(pyDivide(now, before), config_.power);
}

std::optional<double> PolynomialLR::closedFormLr() const {
  const double done = static_cast<double>(std::min(config_.total_iters, lastEpoch_));
  return baseLr_ * std::pow(1.0 - pyDivide(done, static_cast<double>(config_.total_iters)), config_.power);
}

}  // namespace optlab
