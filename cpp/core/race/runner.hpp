// One optimizer walking one landscape: the per-step loop shared by the race
// and the learning-rate sweep, in the torch harness order (UPDATE_RULES.md §1):
//
//   gp = optimizer.gradientPoint(p)          // = p except for look-ahead Nesterov
//   g  = gradient(gp)                        // analytic, torch operation order
//   landscape.maskGradient(g, k)             // sparse_feature only
//   g += sigma * gradientNoise(seed, k)      // only if sigma > 0
//   clip(g)                                  // only with clipping (schedules/clipping.hpp)
//   optimizer.step(p, g);  k = k + 1
//   schedule.step(loss at p_k)               // only with a schedule (schedules/schedule.hpp)
//   loss = f(p);  check divergence, then convergence
//
// The loss recorded for position p_k is f(p_k), exactly the value torch's
// harness records before step k.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "landscapes/landscape.hpp"
#include "optimizers/optimizer.hpp"
#include "schedules/clipping.hpp"
#include "schedules/schedule.hpp"

namespace optlab {

enum class RunStatus { Running = 0, Converged = 1, Diverged = 2 };

enum class StopReason {
  None = 0,
  NearMinimum = 1,    // converged: within `minimumTolerance` of reported minimum `minimumIndex`
  SmallGradient = 2,  // converged: |true gradient| < `gradientTolerance` (may be a saddle or a plateau)
  NonFinite = 3,      // diverged: x, y or the loss is NaN or infinite
  OutOfBounds = 4,    // diverged: left the box `divergenceFactor` domain-widths around the domain
};

struct StopCriteria {
  // Euclidean distance to a minimum, in parameter units. 1e-3 is what a reader of the page
  // accepts as "there": a position shown to three decimals as the minimum is within it.
  double minimumTolerance = 1e-3;
  double gradientTolerance = 1e-8;  // norm of the true (unmasked, noise-free) gradient
  double divergenceFactor = 50;     // bound: domain grown by this many widths/heights on each side
  bool stopOnConvergence = true;    // a converged runner stops (status is final)
};

struct NoiseSettings {
  double sigma = 0;         // standard deviation added to each gradient component
  std::uint64_t seed = 1;
};

// What a runner reports about its status.
struct RunOutcome {
  RunStatus status = RunStatus::Running;
  StopReason reason = StopReason::None;
  long statusStep = -1;   // step count at which it converged/diverged (0 = at the start)
  int minimumIndex = -1;  // index into landscape.minima() for NearMinimum
};

// The reported minima, sorted by x, for a fast "within tol of which minimum"
// query (rastrigin and ackley report 121 minima; the query runs every step).
class MinimaIndex {
 public:
  MinimaIndex() = default;
  explicit MinimaIndex(std::vector<Minimum> minima);
  // Index (into the original list) of a minimum within distance tol of (x, y), or -1.
  int within(double x, double y, double tol) const;
  const std::vector<Minimum>& minima() const { return minima_; }

 private:
  std::vector<Minimum> minima_;  // original order
  std::vector<double> xs_;       // sorted x
  std::vector<int> order_;       // original index of xs_[k]
};

// Checks the criteria at position (x, y) after `steps` steps, with its loss and
// true gradient. Divergence is checked first, then the minima in order, then
// the gradient norm. Returns true if the outcome changed.
bool checkStop(const MinimaIndex& minima, const Domain& d, const StopCriteria& c, double x,
               double y, double loss, Point grad, long steps, RunOutcome& out);

// The state of one optimizer walking one landscape, and its step. Shared by the
// race (with trajectories) and the sweep (without).
struct Walker {
  Optimizer* optimizer = nullptr;  // not owned
  double p[2] = {0, 0};
  double loss = 0;
  Point grad;          // true gradient at p (cached: it is the next step's gradient)
  Point lastObserved;  // the gradient the last step used (masked, noisy, clipped)
  long steps = 0;
  RunOutcome outcome;
  // Optional, both cost one well-predicted branch per step when absent.
  Schedule* schedule = nullptr;  // not owned; bound to `optimizer` by its owner
  GradientClipping clipping;
  double lastLr = 0;             // the lr the last step used (the optimizer's lr before it)
  std::string scheduleError;     // set when the scheduler raised (torch would stop the run); lr then stays

  // Put the walker at `start` with a fresh optimizer state (and a restarted schedule)
  // and check the start itself (a start on a minimum converges at step 0).
  void reset(const Landscape& f, const MinimaIndex& minima, const Domain& d,
             const StopCriteria& c, Point start);
  // One step in the harness order. Returns false (and does nothing) if the walker
  // has stopped.
  bool step(const Landscape& f, const MinimaIndex& minima, const Domain& d,
            const StopCriteria& c, const NoiseSettings& noise);
  // sched.step(loss) after the optimizer step (out of line: the common path has no schedule).
  void stepSchedule();
  bool active(const StopCriteria& c) const {
    return outcome.status == RunStatus::Running ||
           (outcome.status == RunStatus::Converged && !c.stopOnConvergence);
  }
};

std::string statusName(RunStatus s);
std::string reasonName(StopReason r);

}  // namespace optlab
