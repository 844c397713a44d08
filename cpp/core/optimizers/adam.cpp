#include "adam.hpp"

#include <cmath>

#include "torch_validation.hpp"

namespace optlab {

Adam::Adam(const AdamConfig& config, bool decoupledWeightDecay)
    : ConfiguredOptimizer(config, &AdamConfig::beta1, MomentumKey::Beta1), decoupled_(decoupledWeightDecay) {
  requireAdamFamily(config.lr, config.eps, config.beta1, config.beta2, config.weight_decay);

  grad_ = addBuffer("grad", "gradient used", "g_t", false);
  expAvg_ = addBuffer("exp_avg", "first moment", "m_t", true);
  expAvgSq_ = addBuffer("exp_avg_sq", "second moment", "v_t", true);
  if (config.amsgrad) maxExpAvgSq_ = addBuffer("max_exp_avg_sq", "running max of v", "\\hat v^{max}_t", true);
  mHat_ = addBuffer("m_hat", "bias-corrected first moment", "\\hat m_t", false);
  vHat_ = addBuffer("v_hat", "bias-corrected second moment", "\\hat v_t", false);
  denom_ = addBuffer("denom", "denominator", "\\sqrt{\\hat v_t}+\\epsilon", false);
  update_ = addBuffer("update", "step taken", "\\Delta\\theta_t", false);
}

void Adam::update(std::span<double> p, std::span<const double> g) {
  const double lr = config_.lr;
  const double beta1 = config_.beta1;
  const double beta2 = config_.beta2;
  const double wd = config_.weight_decay;
  const double t = static_cast<double>(t_);
  const double bc1 = config_.bias_correction ? 1 - std::pow(beta1, t) : 1.0;
  const double bc2 = config_.bias_correction ? 1 - std::pow(beta2, t) : 1.0;
  const double stepSize = lr / bc1;
  const double bc2Sqrt = std::sqrt(bc2);
  const double decay = 1 - lr * wd;  // AdamW only

  double* grad = values(grad_);
  double* m = values(expAvg_);
  double* v = values(expAvgSq_);
  double* vmax = config_.amsgrad ? values(maxExpAvgSq_) : nullptr;
  double* mHat = values(mHat_);
  double* vHat = values(vHat_);
  double* denom = values(denom_);
  double* upd = values(update_);
  for (std::size_t i = 0; i < p.size(); ++i) {
    const double old = p[i];
    double gi = config_.maximize ? -g[i] : g[i];
    if (decoupled_) {
      p[i] = p[i] * decay;  // AdamW: before the moments, applied even when wd == 0
    } else if (wd != 0) {
      gi = gi + wd * p[i];
    }
    grad[i] = gi;
    m[i] = m[i] * beta1;
    m[i] = m[i] + (1 - beta1) * gi;
    v[i] = v[i] * beta2;
    v[i] = v[i] + ((1 - beta2) * gi) * gi;
    double second = v[i];
    if (vmax) {
      vmax[i] = nanMax(vmax[i], v[i]);
      second = vmax[i];
    }
    denom[i] = std::sqrt(second) / bc2Sqrt + config_.eps;
    mHat[i] = m[i] / bc1;
    vHat[i] = second / bc2;
    p[i] = p[i] + ((-stepSize) * m[i]) / denom[i];
    upd[i] = p[i] - old;
  }
}

}  // namespace optlab
