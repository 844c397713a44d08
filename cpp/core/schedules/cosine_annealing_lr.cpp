#include "cosine_annealing_lr.hpp"

#include <cmath>
#include <numbers>

#include "schedule_math.hpp"

namespace optlab {

CosineAnnealingLR::CosineAnnealingLR(ParamGroup& group, const CosineAnnealingLRConfig& config)
    : LrScheduler(group), config_(config) {
  // torch does not check T_max; 0 would raise ZeroDivisionError at the first step.
  if (config.T_max <= 0)
    throw std::invalid_argument("Expected positive integer T_max, but got " + std::to_string(config.T_max));
  attach();
}

double CosineAnnealingLR::getLr() {
  constexpr double pi = std::numbers::pi;
  const double e = static_cast<double>(lastEpoch_);
  const double T = static_cast<double>(config_.T_max);
  const double etaMin = config_.eta_min;
  if (isInitial_) return group_.lr;
  if (stepCount_ == 1 && lastEpoch_ > 0) return etaMin + (baseLr_ - etaMin) * (1 + scheduleCos(e * pi / T)) / 2;
  if (pyMod(lastEpoch_ - 1 - config_.T_max, 2 * config_.T_max) == 0)
    return group_.lr + (baseLr_ - etaMin) * (1 - scheduleCos(pi / T)) / 2;
  return (1 + scheduleCos(pi * e / T)) / (1 + scheduleCos(pi * (e - 1) / T)) * (group_.lr - etaMin) + etaMin;
}

std::optional<double> CosineAnnealingLR::closedFormLr() const {
  constexpr double pi = std::numbers::pi;
  return config_.eta_min + (baseLr_ - config_.eta_min) *
                               (1 + scheduleCos(pi * static_cast<double>(lastEpoch_) / static_cast<double>(config_.T_max))) / 2;
}

}  // namespace optlab
