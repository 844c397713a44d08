#include "reduce_lr_on_plateau.hpp"

#include <algorithm>
#include <limits>

namespace optlab {

ReduceLROnPlateau::ReduceLROnPlateau(ParamGroup& group, const ReduceLROnPlateauConfig& c)
    : LrScheduler(group), config_(c) {
  if (c.factor >= 1.0) throw std::invalid_argument("Factor should be < 1.0.");
  if (c.mode != "min" && c.mode != "max") throw std::invalid_argument("mode " + c.mode + " is unknown!");
  if (c.threshold_mode != "rel" && c.threshold_mode != "abs")
    throw std::invalid_argument("threshold mode " + c.threshold_mode + " is unknown!");
  minMode_ = c.mode == "min";
  relMode_ = c.threshold_mode == "rel";
  lastEpoch_ = 0;
  lastLr_ = group.lr;
  best_ = minMode_ ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
}

bool ReduceLROnPlateau::isBetter(double a, double best) const {
  if (minMode_ && relMode_) return a < best * (1.0 - config_.threshold);
  if (minMode_) return a < best - config_.threshold;
  if (relMode_) return a > best * (config_.threshold + 1.0);
  return a > best + config_.threshold;
}

void ReduceLROnPlateau::step(double metric) {
  ++lastEpoch_;
  if (isBetter(metric, best_)) {
    best_ = metric;
    numBadEpochs_ = 0;
  } else {
    ++numBadEpochs_;
  }
  if (cooldownCounter_ > 0) {
    --cooldownCounter_;
    numBadEpochs_ = 0;  // bad steps during the cooldown do not count
  }
  if (numBadEpochs_ > config_.patience) {
    const double oldLr = group_.lr;
    const double newLr = std::max(oldLr * config_.factor, config_.min_lr);  // Python max: first wins ties
    if (oldLr - newLr > config_.eps) group_.lr = newLr;
    cooldownCounter_ = config_.cooldown;
    numBadEpochs_ = 0;
  }
  lastLr_ = group_.lr;
}

}  // namespace optlab
