// NAdam: torch.optim.NAdam, torch 2.x rule (torch 1.13 has a bug here, see below).
//
// torch 2.x's rule (UPDATE_RULES.md §2), per coordinate; m, v start at 0, t counts
// 1, 2, 3, ..., mu_product starts at 1 as a FLOAT32 (torch.tensor(1.) under the
// default dtype); psi = momentum_decay:
//
//   t   = t + 1
//   bc2 = 1 - pow(beta2, t)
//   if weight_decay != 0:  g = g + weight_decay*p
//   mu      = beta1 * (1. - 0.5 * pow(0.96, t*psi))
//   mu_next = beta1 * (1. - 0.5 * pow(0.96, (t+1)*psi))
//   mu_product      = f32(mu_product *f32 f32(mu))          float32 multiply
//   mu_product_next = double(mu_product) * mu_next
//   m = m*beta1;  m = m + (1 - beta1)*g
//   v = v*beta2;  v = v + ((1 - beta2)*g)*g
//   denom = sqrt(v / bc2) + eps                             sqrt of the ratio
//   p = p + ((((-lr)*(1. - mu)) / (1. - double(mu_product))) * g) / denom
//   p = p + ((((-lr)*mu_next) / (1. - mu_product_next)) * m) / denom
//
// Reference: Dozat 2016, "Incorporating Nesterov Momentum into Adam", with torch's
// momentum schedule mu_t = beta1*(1 - 0.5*0.96^(t*psi)). torch 1.13 computes
// mu_product_next = mu_product*mu_t*mu_{t+1} (mu_t counted twice); 2.0 fixed it
// (pytorch PR #92699) to prod_{i<=t+1} mu_i, which this follows. No `maximize`.
#pragma once

#include "configured_optimizer.hpp"

namespace optlab {

struct NadamConfig {
  double lr = 2e-3;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  double weight_decay = 0.0;
  double momentum_decay = 4e-3;
};

class Nadam final : public ConfiguredOptimizer<NadamConfig> {
 public:
  explicit Nadam(const NadamConfig& config);

 private:
  void onReset() override { muProduct_ = 1.0f; }
  void update(std::span<double> p, std::span<const double> g) override;

  float muProduct_ = 1.0f;  // float32, exactly as torch keeps it
  std::size_t grad_ = 0, expAvg_ = 0, expAvgSq_ = 0, muProductBuf_ = 0, denom_ = 0, update_ = 0;
};

}  // namespace optlab
