// StepLR (torch.optim.lr_scheduler.StepLR, torch 2.x): lr *= gamma every step_size steps.
//
//   get_lr:  last_epoch == 0 or last_epoch % step_size != 0  ->  lr
//            otherwise                                        ->  lr * gamma
//   closed form (SequentialLR milestones):  base_lr * gamma ** (last_epoch // step_size)
#pragma once

#include "lr_scheduler.hpp"

namespace optlab {

struct StepLRConfig {
  long step_size = 0;  // required
  double gamma = 0.1;
};

class StepLR final : public LrScheduler {
 public:
  StepLR(ParamGroup& group, const StepLRConfig& config);

 private:
  double getLr() override;
  std::optional<double> closedFormLr() const override;
  StepLRConfig config_;
};

}  // namespace optlab
