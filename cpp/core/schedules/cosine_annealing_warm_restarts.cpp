#include "cosine_annealing_warm_restarts.hpp"

#include <cmath>
#include <numbers>

#include "schedule_math.hpp"

namespace optlab {

CosineAnnealingWarmRestarts::CosineAnnealingWarmRestarts(ParamGroup& group,
                                                         const CosineAnnealingWarmRestartsConfig& config)
    : LrScheduler(group), config_(config) {
  if (config.T_0 <= 0)
    throw std::invalid_argument("Expected positive integer T_0, but got " + std::to_string(config.T_0));
  if (config.T_mult < 1)
    throw std::invalid_argument("Expected integer T_mult >= 1, but got " + std::to_string(config.T_mult));
  tI_ = config.T_0;
  tCur_ = -1;  // torch: T_cur = last_epoch
  attach();
}

void CosineAnnealingWarmRestarts::step(double) {
  if (lastEpoch_ < 0) {  // the initial step is step(epoch=0)
    tI_ = config_.T_0;
    tCur_ = 0;
    lastEpoch_ = 0;
  } else {
    ++lastEpoch_;
    tCur_ = tCur_ + 1;
    if (tCur_ >= tI_) {
      tCur_ = tCur_ % tI_;
      // Saturate instead of overflowing (a period this long is never completed anyway).
      tI_ = tI_ > 1000000000 / config_.T_mult ? 1000000000 : tI_ * config_.T_mult;
    }
  }
  group_.lr = getLr();
  lastLr_ = group_.lr;
}

double CosineAnnealingWarmRestarts::getLr() {
  constexpr double pi = std::numbers::pi;
  const double etaMin = config_.eta_min;
  return etaMin + (baseLr_ - etaMin) * (1 + scheduleCos(pi * static_cast<double>(tCur_) / static_cast<double>(tI_))) / 2;
}

}  // namespace optlab
