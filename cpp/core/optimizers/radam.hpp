// RAdam: torch.optim.RAdam (torch 2.x), rectified Adam.
//
// torch's rule (UPDATE_RULES.md §2), per coordinate; m, v start at 0, t counts 1, 2, 3:
//
//   t = t + 1
//   bc1 = 1 - pow(beta1, t);  bc2 = 1 - pow(beta2, t)
//   if weight_decay != 0:  g = g + weight_decay*p
//   m = m*beta1;  m = m + (1 - beta1)*g
//   v = v*beta2;  v = v + ((1 - beta2)*g)*g
//   m_hat   = m / bc1
//   rho_inf = 2 / (1 - beta2) - 1                  1998.9999999999982 for beta2 = 0.999
//   rho_t   = rho_inf - ((2*t) * pow(beta2, t)) / bc2
//   if rho_t > 5:
//       rect = sqrt((((rho_t-4)*(rho_t-2))*rho_inf) / (((rho_inf-4)*(rho_inf-2))*rho_t))
//       adaptive_lr = (1 / (sqrt(v) + eps)) * sqrt(bc2)    reciprocal, then multiply
//       p = p - ((m_hat*lr)*adaptive_lr)*rect
//   else:
//       p = p - m_hat*lr                           plain bias-corrected momentum step
//
// Reference: Liu et al. 2020, "On the Variance of the Adaptive Learning Rate and
// Beyond". Convention: torch's code, not its docstring: the threshold is a strict
// rho_t > 5 (the paper has > 4), so with beta2 = 0.999 steps 1..5 are un-adapted, and
// eps is outside the sqrt. No `maximize`.
#pragma once

#include "configured_optimizer.hpp"

namespace optlab {

struct RadamConfig {
  double lr = 1e-3;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  double weight_decay = 0.0;
};

class Radam final : public ConfiguredOptimizer<RadamConfig> {
 public:
  explicit Radam(const RadamConfig& config);

 private:
  void update(std::span<double> p, std::span<const double> g) override;
  std::size_t grad_ = 0, expAvg_ = 0, expAvgSq_ = 0, mHat_ = 0, rect_ = 0, update_ = 0;
};

}  // namespace optlab
