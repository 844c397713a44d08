// The reference harness: one optimizer on one 2-D landscape, run exactly as torch's harness runs it
// (UPDATE_RULES.md §1), optionally with gradient clipping and an lr schedule, plus a
// bit-exact digest of the result.
//
// For k = 0..steps-1: evaluate the gradient at optimizer.gradientPoint(p), record
// (x, y, loss) at p, then step. Finally record (x, y, loss) at the last p. The
// recorded loss is f(p) (torch records the loss of the forward pass at p).
//
// The digest is a 64-bit FNV-1a hash of the IEEE-754 bit patterns of every recorded
// number, so two builds (native, WebAssembly) agree on it iff they agree on every bit.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "landscapes/landscape.hpp"
#include "optimizers/optimizer.hpp"
#include "schedules/clipping.hpp"
#include "schedules/schedule.hpp"

namespace optlab {

struct TrajectoryPoint {
  double x = 0;
  double y = 0;
  double loss = 0;
};

// Resets `optimizer` to 2 parameters and returns steps + 1 points (step 0 is `start`).
std::vector<TrajectoryPoint> runTrajectory(Optimizer& optimizer, const Landscape& landscape, Point start,
                                           int steps);

// What a torch training loop adds around opt.step(): gradient clipping (after
// backward, before the step) and an lr schedule (sched.step() after the step; the
// metric of ReduceLROnPlateau is the step's loss, f at the point before the step).
struct TrainingControls {
  Schedule* schedule = nullptr;  // not owned; bound to the optimizer by runTrajectory
  GradientClipping clipping;
};

// The same run with clipping and a schedule. When `lrs` is given it receives steps + 1
// learning rates: the lr each step used (the group's lr before opt.step()), then the
// lr after the last scheduler step. Throws std::invalid_argument where torch raises
// (binding the schedule, or e.g. OneCycleLR stepped past total_steps).
std::vector<TrajectoryPoint> runTrajectory(Optimizer& optimizer, const Landscape& landscape, Point start,
                                           int steps, const TrainingControls& controls,
                                           std::vector<double>* lrs = nullptr);

// FNV-1a 64 over the bit patterns of x, y, loss of every point, as 16 hex digits.
std::string trajectoryDigest(const std::vector<TrajectoryPoint>& points);

}  // namespace optlab
