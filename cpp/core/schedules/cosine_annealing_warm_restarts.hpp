// CosineAnnealingWarmRestarts (torch 2.x): SGDR's cosine within a period of T_i
// steps, restarting at base_lr; each period is T_mult times longer than the last.
// Not recursive: every step evaluates the formula.
//
//   step():  T_cur += 1;  if T_cur >= T_i:  T_cur = T_cur % T_i;  T_i = T_i * T_mult
//   lr = eta_min + (base_lr - eta_min)*(1 + cos(pi*T_cur/T_i))/2
// The initial step sets T_cur = 0, so the first lr is that formula at 0 (equal to
// base_lr, up to the rounding of eta_min + (base_lr - eta_min)).
// Reference: Loshchilov & Hutter 2017, SGDR.
#pragma once

#include "lr_scheduler.hpp"

namespace optlab {

struct CosineAnnealingWarmRestartsConfig {
  long T_0 = 0;  // required
  long T_mult = 1;
  double eta_min = 0.0;
};

class CosineAnnealingWarmRestarts final : public LrScheduler {
 public:
  CosineAnnealingWarmRestarts(ParamGroup& group, const CosineAnnealingWarmRestartsConfig& config);
  void step(double metric) override;

 private:
  double getLr() override;
  CosineAnnealingWarmRestartsConfig config_;
  long tCur_ = -1;
  long tI_ = 0;
};

}  // namespace optlab
