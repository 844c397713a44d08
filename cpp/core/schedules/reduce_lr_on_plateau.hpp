// ReduceLROnPlateau (torch 2.x): lr *= factor when the metric (here: the loss of the
// step, torch's scheduler.step(loss)) has not improved for more than `patience` steps.
// It sets no initial_lr and takes no initial step; last_epoch starts at 0.
//
//   better(a, best):  min/rel: a < best*(1 - threshold)    min/abs: a < best - threshold
//                     max/rel: a > best*(threshold + 1)    max/abs: a > best + threshold
//   step(metric):  if better(metric, best): best = metric; bad = 0  else bad += 1
//                  if cooldown_counter > 0: cooldown_counter -= 1; bad = 0
//                  if bad > patience:  new_lr = max(lr*factor, min_lr)
//                                      if lr - new_lr > eps: lr = new_lr
//                                      cooldown_counter = cooldown; bad = 0
// best starts at +inf (min) or -inf (max).
#pragma once

#include <string>

#include "lr_scheduler.hpp"

namespace optlab {

struct ReduceLROnPlateauConfig {
  std::string mode = "min";
  double factor = 0.1;
  long patience = 10;
  double threshold = 1e-4;
  std::string threshold_mode = "rel";
  long cooldown = 0;
  double min_lr = 0;
  double eps = 1e-8;
};

class ReduceLROnPlateau final : public LrScheduler {
 public:
  ReduceLROnPlateau(ParamGroup& group, const ReduceLROnPlateauConfig& config);  // torch's checks
  void step(double metric) override;
  bool isReduceLROnPlateau() const override { return true; }

 private:
  double getLr() override { return group_.lr; }
  bool isBetter(double a, double best) const;

  ReduceLROnPlateauConfig config_;
  bool minMode_ = true;
  bool relMode_ = true;
  double best_ = 0;
  long numBadEpochs_ = 0;
  long cooldownCounter_ = 0;
};

}  // namespace optlab
