// CosineAnnealingLR (torch 2.x), torch's recursive (chainable) form. Each step
// rescales the distance to eta_min by a ratio of cosines instead of evaluating the
// closed formula eta_min + (base_lr - eta_min)(1 + cos(pi t / T_max))/2; the two
// agree in exact arithmetic and differ in the last bits, and torch uses this one:
//
//   initial step                                 ->  lr
//   step_count == 1 and last_epoch > 0           ->  eta_min + (base_lr - eta_min)*(1 + cos(last_epoch*pi/T_max))/2
//   (last_epoch - 1 - T_max) % (2*T_max) == 0    ->  lr + (base_lr - eta_min)*(1 - cos(pi/T_max))/2
//   otherwise  ->  (1 + cos(pi*last_epoch/T_max)) / (1 + cos(pi*(last_epoch - 1)/T_max)) * (lr - eta_min) + eta_min
//   closed form (SequentialLR milestones):  eta_min + (base_lr - eta_min)*(1 + cos(pi*last_epoch/T_max))/2
//
// Past T_max the lr climbs back up (no restart); see CosineAnnealingWarmRestarts.
// Reference: Loshchilov & Hutter 2017, SGDR.
#pragma once

#include "lr_scheduler.hpp"

namespace optlab {

struct CosineAnnealingLRConfig {
  long T_max = 0;  // required
  double eta_min = 0.0;
};

class CosineAnnealingLR final : public LrScheduler {
 public:
  CosineAnnealingLR(ParamGroup& group, const CosineAnnealingLRConfig& config);

 private:
  double getLr() override;
  std::optional<double> closedFormLr() const override;
  CosineAnnealingLRConfig config_;
};

}  // namespace optlab
