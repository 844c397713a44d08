#include "harness/torch_harness.hpp"

#include <array>
#include <cmath>
#include <cstdio>

#include "util/double_bits.hpp"

namespace optlab {

// The plain torch loop is the scheduled one with nothing to schedule or clip: one loop, same operations.
std::vector<TrajectoryPoint> runTrajectory(Optimizer& optimizer, const Landscape& landscape, Point start,
                                           int steps) {
  return runTrajectory(optimizer, landscape, start, steps, TrainingControls{}, nullptr);
}

std::vector<TrajectoryPoint> runTrajectory(Optimizer& optimizer, const Landscape& landscape, Point start,
                                           int steps, const TrainingControls& controls, std::vector<double>* lrs) {
  std::vector<TrajectoryPoint> out;
  out.reserve(static_cast<std::size_t>(steps > 0 ? steps : 0) + 1);
  optimizer.reset(2);
  Schedule* schedule = controls.schedule;
  if (schedule) schedule->bind(optimizer);
  const ScheduledHyperparameters hyper = optimizer.scheduledHyperparameters();
  const auto currentLr = [&] { return hyper.lr ? *hyper.lr : std::nan(""); };
  if (lrs) lrs->clear();
  std::array<double, 2> p{start.x, start.y};
  std::array<double, 2> at{};
  std::array<double, 2> g{};
  for (int k = 0; k < steps; ++k) {
    optimizer.gradientPoint(p, at);
    const Point grad = landscape.gradient(at[0], at[1]);
    g = {grad.x, grad.y};
    const double loss = landscape.value(p[0], p[1]);
    out.push_back({p[0], p[1], loss});
    if (controls.clipping.active()) applyClipping(controls.clipping, g);
    if (lrs) lrs->push_back(currentLr());
    optimizer.step(p, g);
    if (schedule) schedule->afterOptimizerStep(loss);
  }
  out.push_back({p[0], p[1], landscape.value(p[0], p[1])});
  if (lrs) lrs->push_back(currentLr());
  return out;
}

std::string trajectoryDigest(const std::vector<TrajectoryPoint>& points) {
  std::uint64_t h = 14695981039346656037ull;
  const auto mix = [&h](double v) {
    const auto bits = doubleBits(v);
    for (int i = 0; i < 8; ++i) {
      h ^= (bits >> (8 * i)) & 0xffu;
      h *= 1099511628211ull;
    }
  };
  for (const auto& p : points) {
    mix(p.x);
    mix(p.y);
    mix(p.loss);
  }
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(h));
  return buffer;
}

}  // namespace optlab
