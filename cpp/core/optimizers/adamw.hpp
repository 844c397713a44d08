// AdamW: torch.optim.AdamW (torch 2.x): Adam with decoupled weight decay.
//
// torch's rule (UPDATE_RULES.md §2), per coordinate:
//
//   t = t + 1                                           (g = -g first if maximize)
//   p = p * (1 - lr*weight_decay)       FIRST, factor computed in double, applied even if wd == 0
//   m, v, bc1, bc2, step_size, denom:   exactly as Adam (adam.hpp), with no L2 term in g
//   p = p + ((-step_size)*m) / denom    on the already decayed p
//
// Reference: Loshchilov & Hutter 2019, "Decoupled Weight Decay Regularization".
// Convention: torch's; the decay is scaled by lr (the paper scales it by the schedule
// multiplier eta_t only) and uses theta_{t-1}. Note the default weight_decay = 0.01.
// The teaching switch bias_correction works as in Adam.
#pragma once

#include "adam.hpp"

namespace optlab {

struct AdamWConfig {
  double lr = 1e-3;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  double weight_decay = 1e-2;  // not 0, unlike Adam
  bool amsgrad = false;
  bool maximize = false;
  bool bias_correction = true;  // teaching switch (see adam.hpp)
};

class AdamW final : public Adam {
 public:
  explicit AdamW(const AdamWConfig& config);
};

}  // namespace optlab
