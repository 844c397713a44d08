#include "one_cycle_lr.hpp"

#include <cmath>
#include <numbers>

#include "schedule_math.hpp"

#include "optimizers/torch_validation.hpp"

namespace optlab {

OneCycleLR::OneCycleLR(ParamGroup& group, const OneCycleLRConfig& c) : LrScheduler(group), config_(c) {
  // torch's order: total_steps (or epochs * steps_per_epoch), pct_start, anneal_strategy, momentum.
  if (c.total_steps) {
    if (*c.total_steps <= 0)
      throw std::invalid_argument("Expected positive integer total_steps, but got " + std::to_string(*c.total_steps));
    totalSteps_ = *c.total_steps;
  } else if (c.epochs && c.steps_per_epoch) {
    if (*c.epochs <= 0)
      throw std::invalid_argument("Expected positive integer epochs, but got " + std::to_string(*c.epochs));
    if (*c.steps_per_epoch <= 0)
      throw std::invalid_argument("Expected positive integer steps_per_epoch, but got " +
                                  std::to_string(*c.steps_per_epoch));
    const long long product = static_cast<long long>(*c.epochs) * static_cast<long long>(*c.steps_per_epoch);
    if (product > 1000000000)
      throw std::invalid_argument("epochs * steps_per_epoch is " + std::to_string(product) + " (at most 1000000000)");
    totalSteps_ = static_cast<long>(product);
  } else {
    throw std::invalid_argument("You must define either total_steps OR (epochs AND steps_per_epoch)");
  }
  const double total = static_cast<double>(totalSteps_);
  if (c.three_phase) {
    phases_ = {{c.pct_start * total - 1, Key::InitialLr, Key::MaxLr, Key::MaxMomentum, Key::BaseMomentum},
               {2 * c.pct_start * total - 2, Key::MaxLr, Key::InitialLr, Key::BaseMomentum, Key::MaxMomentum},
               {total - 1, Key::InitialLr, Key::MinLr, Key::MaxMomentum, Key::MaxMomentum}};
  } else {
    phases_ = {{c.pct_start * total - 1, Key::InitialLr, Key::MaxLr, Key::MaxMomentum, Key::BaseMomentum},
               {total - 1, Key::MaxLr, Key::MinLr, Key::BaseMomentum, Key::MaxMomentum}};
  }
  if (c.pct_start < 0 || c.pct_start > 1 || std::isnan(c.pct_start))
    throw std::invalid_argument("Expected float between 0 and 1 pct_start, but got " + pythonFloat(c.pct_start));
  if (c.anneal_strategy != "cos" && c.anneal_strategy != "linear")
    throw std::invalid_argument("anneal_strategy must be one of 'cos' or 'linear', instead got " + c.anneal_strategy);
  cosine_ = c.anneal_strategy == "cos";

  group.initial_lr = c.max_lr / c.div_factor;
  group.max_lr = c.max_lr;
  group.min_lr = *group.initial_lr / c.final_div_factor;

  if (c.cycle_momentum) {
    if (group.momentumKey == MomentumKey::None)
      throw std::invalid_argument("optimizer must support momentum or beta1 with `cycle_momentum` option enabled");
    if (group.momentumKey == MomentumKey::Momentum && group.momentum == 0)
      throw std::invalid_argument(
          "OneCycleLR with cycle_momentum=true would switch on the momentum of an optimizer built with "
          "momentum=0; give the optimizer a momentum > 0 or set cycle_momentum=false");
    group.momentum = c.max_momentum;
    group.max_momentum = c.max_momentum;
    group.base_momentum = c.base_momentum;
  }
  attach();
}

double OneCycleLR::value(Key key) const {
  switch (key) {
    case Key::InitialLr: return *group_.initial_lr;
    case Key::MaxLr: return group_.max_lr;
    case Key::MinLr: return group_.min_lr;
    case Key::MaxMomentum: return group_.max_momentum;
    case Key::BaseMomentum: return group_.base_momentum;
  }
  return 0;
}

double OneCycleLR::anneal(double start, double end, double pct) const {
  if (cosine_) {
    const double cosOut = scheduleCos(std::numbers::pi * pct) + 1;
    return end + (start - end) / 2.0 * cosOut;
  }
  return (end - start) * pct + start;
}

double OneCycleLR::getLr() {
  const long stepNum = lastEpoch_;
  if (stepNum > totalSteps_)
    throw std::invalid_argument("Tried to step " + std::to_string(stepNum) +
                                " times. The specified number of total steps is " + std::to_string(totalSteps_));
  const double s = static_cast<double>(stepNum);
  double startStep = 0.0;
  for (std::size_t i = 0; i < phases_.size(); ++i) {
    const Phase& phase = phases_[i];
    if (s <= phase.endStep || i + 1 == phases_.size()) {
      const double pct = pyDivide(s - startStep, phase.endStep - startStep);
      const double lr = anneal(value(phase.startLr), value(phase.endLr), pct);
      if (config_.cycle_momentum)
        group_.momentum = anneal(value(phase.startMomentum), value(phase.endMomentum), pct);
      return lr;
    }
    startStep = phase.endStep;
  }
  return group_.lr;  // not reached: the last phase always matches
}

}  // namespace optlab
