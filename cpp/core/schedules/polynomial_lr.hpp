// PolynomialLR (torch 2.x): lr decays to 0 over total_iters steps as (1 - t/T)^power,
// in torch's recursive form:
//
//   initial step or last_epoch > total_iters  ->  lr
//   otherwise  ->  lr * ((1.0 - last_epoch/total_iters) / (1.0 - (last_epoch - 1)/total_iters)) ** power
//   closed form:  base_lr * (1.0 - min(total_iters, last_epoch)/total_iters) ** power
// (torch 1.13 tests last_epoch == 0 instead of "initial step"; the same for a fresh run.)
#pragma once

#include "lr_scheduler.hpp"

namespace optlab {

struct PolynomialLRConfig {
  long total_iters = 5;
  double power = 1.0;
};

class PolynomialLR final : public LrScheduler {
 public:
  PolynomialLR(ParamGroup& group, const PolynomialLRConfig& config);

 private:
  double getLr() override;
  std::optional<double> closedFormLr() const override;
  PolynomialLRConfig config_;
};

}  // namespace optlab
