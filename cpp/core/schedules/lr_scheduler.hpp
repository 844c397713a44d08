// The machinery every torch learning-rate scheduler shares (torch 2.x
// torch.optim.lr_scheduler.LRScheduler), written for one parameter group.
//
// A scheduler reads and writes a ParamGroup, the mirror of torch's param_group dict;
// Schedule (schedule.hpp) copies the group's lr (and momentum) into the optimizer
// before each optimizer step. Building a scheduler is torch's __init__ with
// last_epoch = -1: the group's initial_lr is set if absent, base_lr = initial_lr,
// and one initial step runs (last_epoch becomes 0), which may already change lr.
//
// step() is torch's chainable step: last_epoch += 1; lr = get_lr(), where get_lr
// usually starts from the group's *current* lr (the recursive form), not from a
// closed formula. updateLr(epoch) with an epoch is torch's _update_lr(epoch): it uses
// the closed form where the scheduler has one; SequentialLR calls it at milestones.
//
// Arithmetic follows torch's Python expressions operation by operation (Python
// floats are doubles; `a ** b` is C pow; `%` and `//` on ints are floored).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "optimizers/optimizer.hpp"

namespace optlab {

// One torch param_group, as far as the schedulers read and write it.
struct ParamGroup {
  double lr = 0;
  std::optional<double> initial_lr;  // set by the first scheduler built on the group
  MomentumKey momentumKey = MomentumKey::None;
  double momentum = 0;  // group["momentum"] or group["betas"][0]
  // Entries OneCycleLR writes into the group.
  double max_lr = 0, min_lr = 0, max_momentum = 0, base_momentum = 0;
};

class LrScheduler {
 public:
  virtual ~LrScheduler() = default;
  LrScheduler(const LrScheduler&) = delete;
  LrScheduler& operator=(const LrScheduler&) = delete;

  // torch's scheduler.step(); ReduceLROnPlateau reads `metric` (torch: step(loss)),
  // the others ignore it. Throws std::invalid_argument where torch raises.
  virtual void step(double metric);
  // The lr this scheduler last set (torch's get_last_lr()[0]).
  double lastLr() const { return lastLr_; }

  // Used by SequentialLR: torch's _initial_step(), _update_lr(epoch) and the
  // "undo" of the initial step (recursive_undo) of the schedulers it wraps.
  virtual void initialStep();
  void updateLr(std::optional<long> epoch);
  virtual void undoInitialStep() { --lastEpoch_; }
  // ReduceLROnPlateau cannot be wrapped by SequentialLR.
  virtual bool isReduceLROnPlateau() const { return false; }

 protected:
  explicit LrScheduler(ParamGroup& group) : group_(group) {}
  // torch's LRScheduler.__init__(optimizer, last_epoch=-1): call at the end of a
  // derived constructor, as torch's subclasses call super().__init__ last.
  void attach();
  virtual double getLr() = 0;
  // torch's _get_closed_form_lr, where the scheduler has one.
  virtual std::optional<double> closedFormLr() const { return std::nullopt; }

  ParamGroup& group_;
  double baseLr_ = 0;
  long lastEpoch_ = -1;
  long stepCount_ = 0;
  bool isInitial_ = false;
  double lastLr_ = 0;
};

// Python's floored % and // for ints (the sign follows the divisor).
inline long pyMod(long a, long m) {
  const long r = a % m;
  return (r != 0 && ((r < 0) != (m < 0))) ? r + m : r;
}
inline long pyFloorDiv(long a, long m) { return (a - pyMod(a, m)) / m; }

// Python's float division, which raises ZeroDivisionError where C would give inf/nan.
inline double pyDivide(double a, double b) {
  if (b == 0) throw std::invalid_argument("float division by zero");
  return a / b;
}

}  // namespace optlab
