// A learning-rate schedule attached to one optimizer: the bridge between a torch
// scheduler (which writes a ParamGroup) and an Optimizer (whose lr and momentum
// live in its configuration, see Optimizer::scheduledHyperparameters()).
//
// Harness order, as torch users write it (UPDATE_RULES.md §1 plus the schedule):
//   zero_grad; loss.backward(); clip; opt.step(); sched.step()   (ReduceLROnPlateau: sched.step(loss))
// so the lr used by step k is the group's lr before opt.step() (lr()), and
// afterOptimizerStep(loss_k) is sched.step(...). Building or restarting the
// schedule is torch's constructor: it may already change lr (LinearLR, OneCycleLR).
#pragma once

#include <memory>

#include "lr_scheduler.hpp"
#include "registry.hpp"

namespace optlab {

class Schedule {
 public:
  // Validates the spec against a plain group (so a bad spec fails early, without an
  // optimizer). Throws std::invalid_argument in torch's wording.
  explicit Schedule(ScheduleSpec spec);

  // Attach to `optimizer`, remembering its lr and momentum as configured, then restart().
  // Throws where torch's constructor would (e.g. OneCycleLR's momentum check).
  void bind(Optimizer& optimizer);
  // Give the optimizer back its configured lr and momentum and forget it.
  void unbind();
  // A fresh run: the optimizer's configured lr and momentum come back, and the
  // scheduler is rebuilt (torch: a new scheduler on a new optimizer).
  void restart();
  // sched.step(loss) after opt.step(); then the group's lr (and momentum) go into the
  // optimizer for its next step. Throws where torch raises (OneCycleLR past total_steps).
  void afterOptimizerStep(double loss);

  double lr() const { return group_.lr; }
  const Optimizer* boundTo() const { return bound_; }
  const ScheduleSpec& spec() const { return spec_; }

 private:
  void pushToOptimizer();

  ScheduleSpec spec_;
  ParamGroup group_;
  std::unique_ptr<LrScheduler> scheduler_;
  ScheduledHyperparameters target_;
  const Optimizer* bound_ = nullptr;
  double configuredLr_ = 0;
  double configuredMomentum_ = 0;
};

}  // namespace optlab
