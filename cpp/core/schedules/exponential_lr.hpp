// ExponentialLR (torch 2.x): lr *= gamma every step.
//
//   get_lr:  the initial step  ->  lr;   otherwise  ->  lr * gamma
//   closed form:  base_lr * gamma ** last_epoch
// (torch 1.13 tests last_epoch == 0 instead of "initial step"; the same for a fresh run.)
#pragma once

#include "lr_scheduler.hpp"

namespace optlab {

struct ExponentialLRConfig {
  double gamma = 0;  // required
};

class ExponentialLR final : public LrScheduler {
 public:
  ExponentialLR(ParamGroup& group, const ExponentialLRConfig& config);

 private:
  double getLr() override;
  std::optional<double> closedFormLr() const override;
  ExponentialLRConfig config_;
};

}  // namespace optlab
