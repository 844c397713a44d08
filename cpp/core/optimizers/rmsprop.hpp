// RMSprop: torch.optim.RMSprop (torch 2.x), with momentum and the centered variant.
//
// torch's rule (UPDATE_RULES.md §2), per coordinate; square_avg v, grad_avg ga and
// momentum_buffer buf start at 0:
//
//   if weight_decay != 0:  g = g + weight_decay*p      (g = -g first if maximize)
//   v = v*alpha;  v = v + ((1 - alpha)*g)*g
//   if centered:  ga = ga*alpha;  ga = ga + (1 - alpha)*g
//                 avg = sqrt(v + ((-1)*ga)*ga)          sqrt(v - ga^2), not clamped
//   else:         avg = sqrt(v)
//   avg = avg + eps                                     eps OUTSIDE the sqrt
//   if momentum > 0:  buf = buf*momentum;  buf = buf + (1*g)/avg;  p = p + (-lr)*buf
//   else:             p = p + ((-lr)*g)/avg
//
// Reference: Hinton, Coursera "Neural Networks for Machine Learning", lecture 6e
// (2012); centered form from Graves 2013. Convention: torch's; no bias correction,
// so the first step is about lr/sqrt(1 - alpha) = 10*lr for alpha = 0.99.
//
// Teaching switch (not in torch, off by default):
//  * eps_inside_sqrt: TensorFlow's convention avg = sqrt(v + eps) (centered:
//    sqrt((v - ga^2) + eps)) instead of sqrt(v) + eps. Nothing else changes.
#pragma once

#include "configured_optimizer.hpp"

namespace optlab {

struct RmspropConfig {
  double lr = 1e-2;
  double alpha = 0.99;
  double eps = 1e-8;
  double weight_decay = 0.0;
  double momentum = 0.0;
  bool centered = false;
  bool maximize = false;
  bool eps_inside_sqrt = false;  // teaching switch (see above)
};

class Rmsprop final : public ConfiguredOptimizer<RmspropConfig> {
 public:
  explicit Rmsprop(const RmspropConfig& config);

 private:
  void update(std::span<double> p, std::span<const double> g) override;
  std::size_t grad_ = 0, squareAvg_ = 0, gradAvg_ = 0, buf_ = 0, avg_ = 0, update_ = 0;
};

}  // namespace optlab
