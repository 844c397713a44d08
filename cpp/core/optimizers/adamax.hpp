// Adamax: torch.optim.Adamax (torch 2.x), Adam's infinity-norm variant.
//
// torch's rule (UPDATE_RULES.md §2), per coordinate; exp_avg m and exp_inf u start
// at 0, t counts 1, 2, 3, ...:
//
//   t = t + 1                                           (g = -g first if maximize)
//   if weight_decay != 0:  g = g + weight_decay*p
//   m = m*beta1;  m = m + (1 - beta1)*g
//   u = max(u*beta2, abs(g) + eps)                      eps INSIDE the max; NaN propagates
//   clr = lr / (1 - pow(beta1, t))
//   p = p + ((-clr)*m) / u
//
// Reference: Kingma & Ba 2015, section 7.1. Convention: torch's; the paper has
// u = max(beta2*u, |g|) with no eps, and u has no bias correction.
#pragma once

#include "configured_optimizer.hpp"

namespace optlab {

struct AdamaxConfig {
  double lr = 2e-3;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  double weight_decay = 0.0;
  bool maximize = false;
};

class Adamax final : public ConfiguredOptimizer<AdamaxConfig> {
 public:
  explicit Adamax(const AdamaxConfig& config);

 private:
  void update(std::span<double> p, std::span<const double> g) override;
  std::size_t grad_ = 0, expAvg_ = 0, expInf_ = 0, update_ = 0;
};

}  // namespace optlab
