#include "nadam.hpp"

#include <cmath>

#include "torch_validation.hpp"

namespace optlab {

Nadam::Nadam(const NadamConfig& config)
    : ConfiguredOptimizer(config, &NadamConfig::beta1, MomentumKey::Beta1) {
  requireAdamFamily(config.lr, config.eps, config.beta1, config.beta2, config.weight_decay);
  requireNonNegative(config.momentum_decay, "Invalid momentum_decay value");

  grad_ = addBuffer("grad", "gradient used", "g_t", false);
  expAvg_ = addBuffer("exp_avg", "first moment", "m_t", true);
  expAvgSq_ = addBuffer("exp_avg_sq", "second moment", "v_t", true);
  // One scalar per parameter tensor in torch (not per coordinate): shown, not counted.
  muProductBuf_ = addBuffer("mu_product", "product of momentum coefficients (float32)",
                            "\\prod_{i\\le t}\\mu_i", false, 1.0);
  denom_ = addBuffer("denom", "denominator", "\\sqrt{\\hat v_t}+\\epsilon", false);
  update_ = addBuffer("update", "step taken", "\\Delta\\theta_t", false);
}

void Nadam::update(std::span<double> p, std::span<const double> g) {
  // A copy, in NadamConfig's field order, so the loop reads locals.
  const auto [lr, beta1, beta2, eps, wd, psi] = config_;
  const double t = static_cast<double>(t_);
  const double bc2 = 1 - std::pow(beta2, t);
  const double mu = beta1 * (1. - 0.5 * std::pow(0.96, t * psi));
  const double muNext = beta1 * (1. - 0.5 * std::pow(0.96, (t + 1) * psi));
  muProduct_ = muProduct_ * static_cast<float>(mu);
  const double muProduct = static_cast<double>(muProduct_);
  const double muProductNext = muProduct * muNext;
  const double cG = ((-lr) * (1. - mu)) / (1. - muProduct);
  const double cM = ((-lr) * muNext) / (1. - muProductNext);

  const auto [grad, m, v, mp, denom, upd] =
      valuesOf(grad_, expAvg_, expAvgSq_, muProductBuf_, denom_, update_);
  for (std::size_t i = 0; i < p.size(); ++i) {
    double gi = g[i];
    if (wd != 0) gi = gi + wd * p[i];
    grad[i] = gi;
    mp[i] = muProduct;
    m[i] = m[i] * beta1;
    m[i] = m[i] + (1 - beta1) * gi;
    v[i] = v[i] * beta2;
    v[i] = v[i] + ((1 - beta2) * gi) * gi;
    denom[i] = std::sqrt(v[i] / bc2) + eps;
    const double old = p[i];
    p[i] = p[i] + (cG * gi) / denom[i];
    p[i] = p[i] + (cM * m[i]) / denom[i];
    upd[i] = p[i] - old;
  }
}

}  // namespace optlab
