// The reference harness: one optimizer on one 2-D landscape, run exactly as torch's harness runs it
// (UPDATE_RULES.md §1), plus a bit-exact digest of the result.
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

namespace optlab {

struct TrajectoryPoint {
  double x = 0;
  double y = 0;
  double loss = 0;
};

// Resets `optimizer` to 2 parameters and returns steps + 1 points (step 0 is `start`).
std::vector<TrajectoryPoint> runTrajectory(Optimizer& optimizer, const Landscape& landscape, Point start,
                                           int steps);

// FNV-1a 64 over the bit patterns of x, y, loss of every point, as 16 hex digits.
std::string trajectoryDigest(const std::vector<TrajectoryPoint>& points);

}  // namespace optlab
