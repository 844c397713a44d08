#include "lr_scheduler.hpp"

namespace optlab {

void LrScheduler::attach() {
  if (!group_.initial_lr) group_.initial_lr = group_.lr;  // group.setdefault("initial_lr", lr)
  baseLr_ = *group_.initial_lr;
  lastEpoch_ = -1;
  initialStep();
}

void LrScheduler::initialStep() {
  stepCount_ = 0;
  isInitial_ = true;
  try {
    step(0.0);
  } catch (...) {
    isInitial_ = false;
    throw;
  }
  isInitial_ = false;
}

void LrScheduler::step(double) {
  ++stepCount_;
  updateLr(std::nullopt);
}

void LrScheduler::updateLr(std::optional<long> epoch) {
  double value = 0;
  if (!epoch) {
    ++lastEpoch_;
    value = getLr();
  } else {
    lastEpoch_ = *epoch;
    const auto closed = closedFormLr();
    value = closed ? *closed : getLr();
  }
  group_.lr = value;
  lastLr_ = group_.lr;
}

}  // namespace optlab
