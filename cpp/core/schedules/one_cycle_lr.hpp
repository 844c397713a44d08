// OneCycleLR (torch 2.x): the 1cycle policy. lr rises from max_lr/div_factor to
// max_lr over the first pct_start of total_steps, then anneals to
// initial_lr/final_div_factor; with cycle_momentum (the default) the momentum
// (SGD, RMSprop) or beta1 (Adam family) moves the opposite way, between
// max_momentum and base_momentum. Not recursive: each step evaluates the phase
// formula. Phases (three_phase=false):
//
//   end_step_0 = float(pct_start*total_steps) - 1:  initial_lr -> max_lr,  max_momentum -> base_momentum
//   end_step_1 = total_steps - 1:                   max_lr -> min_lr,       base_momentum -> max_momentum
//   pct = (step - start_step) / (end_step - start_step)
//   cos:     end + (start - end)/2.0 * (cos(pi*pct) + 1)
//   linear:  (end - start)*pct + start
//
// three_phase=true (torch's third phase, annihilating to min_lr) is supported too.
// Stepping past total_steps raises, as in torch ("Tried to step ... times").
// The group gains initial_lr (overwritten), max_lr, min_lr, max_momentum, base_momentum.
//
// One difference from torch, on purpose: with cycle_momentum, an SGD or RMSprop
// built with momentum=0 is rejected (torch would silently switch its momentum on at
// max_momentum, a different optimizer from the one the user configured).
// Reference: Smith & Topin 2017, Super-Convergence.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lr_scheduler.hpp"

namespace optlab {

struct OneCycleLRConfig {
  double max_lr = 0;  // required
  std::optional<long> total_steps;
  std::optional<long> epochs;
  std::optional<long> steps_per_epoch;
  double pct_start = 0.3;
  std::string anneal_strategy = "cos";
  bool cycle_momentum = true;
  double base_momentum = 0.85;
  double max_momentum = 0.95;
  double div_factor = 25.0;
  double final_div_factor = 1e4;
  bool three_phase = false;
};

class OneCycleLR final : public LrScheduler {
 public:
  OneCycleLR(ParamGroup& group, const OneCycleLRConfig& config);  // torch's checks and wording

 private:
  enum class Key { InitialLr, MaxLr, MinLr, MaxMomentum, BaseMomentum };
  struct Phase {
    double endStep;
    Key startLr, endLr, startMomentum, endMomentum;
  };
  double value(Key key) const;
  double anneal(double start, double end, double pct) const;
  double getLr() override;

  OneCycleLRConfig config_;
  long totalSteps_ = 0;
  bool cosine_ = true;
  std::vector<Phase> phases_;
};

}  // namespace optlab
