#include "radam.hpp"

#include <cmath>

#include "torch_validation.hpp"

namespace optlab {

Radam::Radam(const RadamConfig& config)
    : ConfiguredOptimizer(config, &RadamConfig::beta1, MomentumKey::Beta1) {
  requireAdamFamily(config.lr, config.eps, config.beta1, config.beta2, config.weight_decay);

  grad_ = addBuffer("grad", "gradient used", "g_t", false);
  expAvg_ = addBuffer("exp_avg", "first moment", "m_t", true);
  expAvgSq_ = addBuffer("exp_avg_sq", "second moment", "v_t", true);
  mHat_ = addBuffer("m_hat", "bias-corrected first moment", "\\hat m_t", false);
  rect_ = addBuffer("rect", "variance rectification (0 while rho_t <= 5)", "r_t", false);
  update_ = addBuffer("update", "step taken", "\\Delta\\theta_t", false);
}

void Radam::update(std::span<double> p, std::span<const double> g) {
  // A copy, in RadamConfig's field order, so the loop reads locals.
  const auto [lr, beta1, beta2, eps, wd] = config_;
  const double t = static_cast<double>(t_);
  const double bc1 = 1 - std::pow(beta1, t);
  const double bc2 = 1 - std::pow(beta2, t);
  const double rhoInf = 2 / (1 - beta2) - 1;
  const double rhoT = rhoInf - ((2 * t) * std::pow(beta2, t)) / bc2;
  const bool rectified = rhoT > 5.;
  const double rect =
      rectified ? std::sqrt((((rhoT - 4) * (rhoT - 2)) * rhoInf) / (((rhoInf - 4) * (rhoInf - 2)) * rhoT)) : 0.0;
  const double bc2Sqrt = std::sqrt(bc2);

  const auto [grad, m, v, mHat, rectBuf, upd] = valuesOf(grad_, expAvg_, expAvgSq_, mHat_, rect_, update_);
  for (std::size_t i = 0; i < p.size(); ++i) {
    double gi = g[i];
    if (wd != 0) gi = gi + wd * p[i];
    grad[i] = gi;
    m[i] = m[i] * beta1;
    m[i] = m[i] + (1 - beta1) * gi;
    v[i] = v[i] * beta2;
    v[i] = v[i] + ((1 - beta2) * gi) * gi;
    mHat[i] = m[i] / bc1;
    rectBuf[i] = rect;
    const double old = p[i];
    if (rectified) {
      const double adaptiveLr = (1 / (std::sqrt(v[i]) + eps)) * bc2Sqrt;
      p[i] = p[i] - ((mHat[i] * lr) * adaptiveLr) * rect;
    } else {
      p[i] = p[i] - mHat[i] * lr;
    }
    upd[i] = p[i] - old;
  }
}

}  // namespace optlab
