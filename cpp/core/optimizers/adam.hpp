// Adam: torch.optim.Adam (torch 2.x), with AMSGrad. AdamW (adamw.hpp) reuses this rule
// with decoupled weight decay.
//
// torch's rule (UPDATE_RULES.md §2), per coordinate; exp_avg m, exp_avg_sq v and
// max_exp_avg_sq vmax start at 0, t counts 1, 2, 3, ...:
//
//   t = t + 1                                           (g = -g first if maximize)
//   if weight_decay != 0:  g = g + weight_decay*p       L2, coupled: enters m and v
//   m = m*beta1;  m = m + (1 - beta1)*g
//   v = v*beta2;  v = v + ((1 - beta2)*g)*g
//   bc1 = 1 - pow(beta1, t);  bc2 = 1 - pow(beta2, t)
//   step_size = lr / bc1;     bc2_sqrt = sqrt(bc2)
//   if amsgrad:  vmax = max(vmax, v);  denom = sqrt(vmax)/bc2_sqrt + eps
//   else:                              denom = sqrt(v)/bc2_sqrt + eps
//   p = p + ((-step_size)*m) / denom
//
// Reference: Kingma & Ba 2015, Algorithm 1 (eps after the bias-corrected sqrt, not the
// paper's "efficient" eps_hat variant); AMSGrad: Reddi, Kale & Kumar 2018, but with
// torch's bias correction applied to vmax of the raw v. Convention: m_hat is never
// formed (lr/bc1 multiplies m); sqrt(v_hat) is sqrt(v)/sqrt(bc2).
//
// Teaching switch (not in torch, on by default):
//  * bias_correction = false: the chapter's "common mistake": bc1 = bc2 = 1, so the
//    step is lr*m/(sqrt(v) + eps) with the zero-started moments. Nothing else changes.
#pragma once

#include "configured_optimizer.hpp"

namespace optlab {

struct AdamConfig {
  double lr = 1e-3;
  double beta1 = 0.9;  // betas[0]
  double beta2 = 0.999;  // betas[1]
  double eps = 1e-8;
  double weight_decay = 0.0;
  bool amsgrad = false;
  bool maximize = false;
  bool bias_correction = true;  // teaching switch (see above)
};

class Adam : public ConfiguredOptimizer<AdamConfig> {
 public:
  explicit Adam(const AdamConfig& config) : Adam(config, false) {}

 protected:
  // decoupledWeightDecay: AdamW's p = p*(1 - lr*weight_decay) before the moments, no L2.
  Adam(const AdamConfig& config, bool decoupledWeightDecay);

 private:
  void update(std::span<double> p, std::span<const double> g) override;

  bool decoupled_ = false;
  std::size_t grad_ = 0, expAvg_ = 0, expAvgSq_ = 0, maxExpAvgSq_ = 0, mHat_ = 0, vHat_ = 0,
              denom_ = 0, update_ = 0;
};

}  // namespace optlab
