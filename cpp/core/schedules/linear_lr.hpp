// LinearLR (torch 2.x): the factor on base_lr moves linearly from start_factor to
// end_factor over total_iters steps (warm-up when start_factor < end_factor), in
// torch's recursive form:
//
//   last_epoch == 0                             ->  lr * start_factor
//   initial step or last_epoch > total_iters    ->  lr
//   otherwise  ->  lr * (1.0 + (end_factor - start_factor) /
//                         (total_iters*start_factor + (last_epoch - 1)*(end_factor - start_factor)))
//   closed form:  base_lr * (start_factor + (end_factor - start_factor)*min(total_iters, last_epoch)/total_iters)
#pragma once

#include "lr_scheduler.hpp"

namespace optlab {

struct LinearLRConfig {
  double start_factor = 1.0 / 3;
  double end_factor = 1.0;
  long total_iters = 5;
};

class LinearLR final : public LrScheduler {
 public:
  LinearLR(ParamGroup& group, const LinearLRConfig& config);  // torch's checks and wording

 private:
  double getLr() override;
  std::optional<double> closedFormLr() const override;
  LinearLRConfig config_;
};

}  // namespace optlab
