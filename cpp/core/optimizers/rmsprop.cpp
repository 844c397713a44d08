#include "rmsprop.hpp"

#include <cmath>

#include "torch_validation.hpp"

namespace optlab {

Rmsprop::Rmsprop(const RmspropConfig& config)
    : ConfiguredOptimizer(config, &RmspropConfig::momentum, MomentumKey::Momentum) {
  requireNonNegative({{config.lr, "Invalid learning rate"}, {config.eps, "Invalid epsilon value"},
                      {config.momentum, "Invalid momentum value"},
                      {config.weight_decay, "Invalid weight_decay value"},
                      {config.alpha, "Invalid alpha value"}});

  grad_ = addBuffer("grad", "gradient used", "g_t", false);
  squareAvg_ = addBuffer("square_avg", "mean of squared gradients", "v_t", true);
  if (config.centered) gradAvg_ = addBuffer("grad_avg", "mean of gradients", "\\bar g_t", true);
  if (config.momentum > 0) buf_ = addBuffer("momentum_buffer", "momentum of scaled steps", "b_t", true);
  avg_ = addBuffer("avg", "denominator", "\\sqrt{v_t}+\\epsilon", false);
  update_ = addBuffer("update", "step taken", "\\Delta\\theta_t", false);
}

void Rmsprop::update(std::span<double> p, std::span<const double> g) {
  const double lr = config_.lr;
  const double alpha = config_.alpha;
  const double wd = config_.weight_decay;
  const double eps = config_.eps;
  const double mu = config_.momentum;
  double* grad = values(grad_);
  double* v = values(squareAvg_);
  double* ga = config_.centered ? values(gradAvg_) : nullptr;
  double* buf = mu > 0 ? values(buf_) : nullptr;
  double* avg = values(avg_);
  double* upd = values(update_);
  for (std::size_t i = 0; i < p.size(); ++i) {
    double gi = config_.maximize ? -g[i] : g[i];
    if (wd != 0) gi = gi + wd * p[i];
    grad[i] = gi;
    v[i] = v[i] * alpha;
    v[i] = v[i] + ((1 - alpha) * gi) * gi;
    double radicand = v[i];
    if (ga) {
      ga[i] = ga[i] * alpha;
      ga[i] = ga[i] + (1 - alpha) * gi;
      radicand = v[i] + ((-1) * ga[i]) * ga[i];
    }
    if (config_.eps_inside_sqrt) {
      avg[i] = std::sqrt(radicand + eps);  // teaching: TensorFlow's convention
    } else {
      avg[i] = std::sqrt(radicand);
      avg[i] = avg[i] + eps;
    }
    const double old = p[i];
    if (buf) {
      buf[i] = buf[i] * mu;
      buf[i] = buf[i] + (1 * gi) / avg[i];
      p[i] = p[i] + (-lr) * buf[i];
    } else {
      p[i] = p[i] + ((-lr) * gi) / avg[i];
    }
    upd[i] = p[i] - old;
  }
}

}  // namespace optlab
