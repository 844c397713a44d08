#include "sequential_lr.hpp"

#include <algorithm>
#include <string>

namespace optlab {

namespace {

// Python's bisect.bisect_right, probe for probe (milestones need not be sorted).
std::size_t bisectRight(const std::vector<long>& a, long x) {
  std::size_t lo = 0, hi = a.size();
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (x < a[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

}  // namespace

SequentialLR::SequentialLR(ParamGroup& group, std::vector<std::unique_ptr<LrScheduler>> schedulers,
                           std::vector<long> milestones)
    : LrScheduler(group), schedulers_(std::move(schedulers)), milestones_(std::move(milestones)) {
  if (schedulers_.empty())
    throw std::invalid_argument("SequentialLR expects at least one scheduler, but got no scheduler.");
  for (std::size_t i = 0; i < schedulers_.size(); ++i) {
    if (schedulers_[i]->isReduceLROnPlateau())
      throw std::invalid_argument(
          "SequentialLR does not support `ReduceLROnPlateau` scheduler as it requires additional kwargs to be "
          "specified when calling `step`, but got one at index " +
          std::to_string(i) + " in the given schedulers sequence.");
  }
  if (milestones_.size() != schedulers_.size() - 1)
    throw std::invalid_argument(
        "Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone "
        "points, but got number of schedulers " +
        std::to_string(schedulers_.size()) + " and the number of milestones to be equal to " +
        std::to_string(milestones_.size()));
  lastEpoch_ = 0;  // torch: last_epoch + 1
  if (group.initial_lr) group.lr = *group.initial_lr;
  undoInitialStep();
  schedulers_[0]->initialStep();
  lastLr_ = schedulers_[0]->lastLr();
}

void SequentialLR::undoInitialStep() {
  for (auto& s : schedulers_) s->undoInitialStep();
}

// A SequentialLR wrapped in another only re-runs its first scheduler's initial step
// (torch calls _initial_step() on it, whose step() is SequentialLR.step; see step()).
void SequentialLR::initialStep() { step(0.0); }

void SequentialLR::step(double metric) {
  ++lastEpoch_;
  const std::size_t index = bisectRight(milestones_, lastEpoch_);
  LrScheduler& s = *schedulers_[index];
  if (index > 0 && milestones_[index - 1] == lastEpoch_) {
    s.updateLr(0);
  } else {
    s.step(metric);
  }
  lastLr_ = s.lastLr();
}

}  // namespace optlab
