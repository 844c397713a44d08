#include "bounded_trajectory.hpp"

namespace optlab {

void BoundedTrajectory::clear() {
  stride_ = 1;
  xyl_.clear();
  steps_.clear();
  haveLast_ = false;
}

void BoundedTrajectory::add(long step, double x, double y, double loss) {
  haveLast_ = true;
  lastStep_ = step;
  last_[0] = x;
  last_[1] = y;
  last_[2] = loss;
  if (step % stride_ != 0) return;
  steps_.push_back(step);
  xyl_.insert(xyl_.end(), {x, y, loss});
  if (steps_.size() < cap_) return;
  // Decimate: keep the points whose step is a multiple of the doubled stride.
  stride_ *= 2;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    if (steps_[i] % stride_ != 0) continue;
    steps_[kept] = steps_[i];
    for (int k = 0; k < 3; ++k) xyl_[3 * kept + k] = xyl_[3 * i + k];
    ++kept;
  }
  steps_.resize(kept);
  xyl_.resize(3 * kept);
}

std::size_t BoundedTrajectory::size() const {
  const bool extra = haveLast_ && (steps_.empty() || steps_.back() != lastStep_);
  return steps_.size() + (extra ? 1 : 0);
}

std::vector<double> BoundedTrajectory::flatPoints() const {
  std::vector<double> out(xyl_);
  if (size() > steps_.size()) out.insert(out.end(), last_, last_ + 3);
  return out;
}

std::vector<double> BoundedTrajectory::steps() const {
  std::vector<double> out(steps_.begin(), steps_.end());
  if (size() > steps_.size()) out.push_back(static_cast<double>(lastStep_));
  return out;
}

TrajectoryTail BoundedTrajectory::since(double afterStep) const {
  const std::vector<double> all = steps();
  std::size_t first = all.size();
  while (first > 0 && all[first - 1] > afterStep) --first;
  TrajectoryTail tail;
  tail.steps.assign(all.begin() + static_cast<std::ptrdiff_t>(first), all.end());
  const std::vector<double> points = flatPoints();
  tail.points.assign(points.begin() + static_cast<std::ptrdiff_t>(3 * first), points.end());
  return tail;
}

}  // namespace optlab
