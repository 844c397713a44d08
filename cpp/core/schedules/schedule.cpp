#include "schedule.hpp"

#include <utility>

namespace optlab {

Schedule::Schedule(ScheduleSpec spec) : spec_(std::move(spec)) {
  // A trial build on a stand-in group (lr 0.1; a momentum key only where the spec
  // needs one is checked again by bind()) catches unknown names and bad values now.
  ParamGroup trial;
  trial.lr = 0.1;
  trial.momentumKey = MomentumKey::Beta1;
  trial.momentum = 0.9;
  makeScheduler(spec_, trial);
}

void Schedule::bind(Optimizer& optimizer) {
  const ScheduledHyperparameters target = optimizer.scheduledHyperparameters();
  if (!target.lr) throw std::invalid_argument("this optimizer has no learning rate to schedule");
  unbind();
  target_ = target;
  configuredLr_ = *target.lr;
  configuredMomentum_ = target.momentum ? *target.momentum : 0.0;
  bound_ = &optimizer;
  try {
    restart();
  } catch (...) {
    unbind();
    throw;
  }
}

void Schedule::unbind() {
  if (target_.lr) {
    *target_.lr = configuredLr_;
    if (target_.momentum) *target_.momentum = configuredMomentum_;
  }
  target_ = {};
  bound_ = nullptr;
  scheduler_.reset();
}

void Schedule::restart() {
  if (!target_.lr) return;
  group_ = ParamGroup{};
  group_.lr = configuredLr_;
  group_.momentumKey = target_.momentum ? target_.momentumKey : MomentumKey::None;
  group_.momentum = configuredMomentum_;
  scheduler_ = makeScheduler(spec_, group_);
  pushToOptimizer();
}

void Schedule::afterOptimizerStep(double loss) {
  if (!scheduler_) return;
  scheduler_->step(loss);
  pushToOptimizer();
}

void Schedule::pushToOptimizer() {
  *target_.lr = group_.lr;
  if (target_.momentum) *target_.momentum = group_.momentum;
}

}  // namespace optlab
