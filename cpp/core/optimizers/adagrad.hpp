// Adagrad: torch.optim.Adagrad (torch 2.x).
//
// torch's rule (UPDATE_RULES.md §2), per coordinate; `sum` starts at
// initial_accumulator_value, t counts 1, 2, 3, ...:
//
//   t   = t + 1                              (g = -g first if maximize)
//   if weight_decay != 0:  g = g + weight_decay*p
//   clr = lr / (1 + (t - 1)*lr_decay)        step 1 uses the full lr
//   sum = sum + (1*g)*g                      addcmul, value 1
//   std = sqrt(sum) + eps                    eps OUTSIDE the sqrt
//   p   = p + ((-clr)*g) / std               addcdiv
//
// Reference: Duchi, Hazan & Singer 2011, "Adaptive Subgradient Methods". Convention:
// torch's, i.e. eps after the sqrt, decay by (t-1), the accumulator includes
// initial_accumulator_value.
#pragma once

#include "configured_optimizer.hpp"

namespace optlab {

struct AdagradConfig {
  double lr = 1e-2;
  double lr_decay = 0.0;
  double weight_decay = 0.0;
  double initial_accumulator_value = 0.0;
  double eps = 1e-10;
  bool maximize = false;
};

class Adagrad final : public ConfiguredOptimizer<AdagradConfig> {
 public:
  explicit Adagrad(const AdagradConfig& config);

 private:
  void update(std::span<double> p, std::span<const double> g) override;
  std::size_t grad_ = 0, sum_ = 0, std_ = 0, update_ = 0;
};

}  // namespace optlab
