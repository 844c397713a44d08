// A trajectory (x, y, loss per step) with bounded memory.
//
// Every step is kept until `cap` points are stored. Then the stored points are
// decimated by 2 (every other one is dropped, the stride doubles) and from then
// on only steps that are multiples of the stride are stored. Stored steps are
// therefore always 0, s, 2s, ... with s a power of two, and at most `cap`
// points are kept whatever the run length. The latest point is always kept
// exactly, separately, and export appends it when it is not a stored point, so
// an exported trajectory always starts at the start and ends at the current
// position.
#pragma once

#include <cstddef>
#include <vector>

namespace optlab {

// The exported points after some step: what a frame added to a trail.
struct TrajectoryTail {
  std::vector<double> points;  // flat [x, y, loss] per point
  std::vector<double> steps;   // the step of each point
};

class BoundedTrajectory {
 public:
  explicit BoundedTrajectory(std::size_t cap = 4096) : cap_(cap < 2 ? 2 : cap) {}

  void clear();
  void add(long step, double x, double y, double loss);

  long stride() const { return stride_; }
  std::size_t cap() const { return cap_; }
  // Number of exported points (stored points + the latest one if not stored).
  std::size_t size() const;

  // Flat [x0, y0, loss0, x1, y1, loss1, ...] and the matching step numbers.
  std::vector<double> flatPoints() const;
  std::vector<double> steps() const;
  // The exported points whose step is greater than `afterStep` (-1: all of them), so a
  // page appends a frame's new points instead of copying the whole trail every frame.
  TrajectoryTail since(double afterStep) const;

 private:
  std::size_t cap_;
  long stride_ = 1;
  std::vector<double> xyl_;   // stored points, 3 per point
  std::vector<long> steps_;   // stored step numbers
  bool haveLast_ = false;
  long lastStep_ = 0;
  double last_[3] = {0, 0, 0};
};

}  // namespace optlab
