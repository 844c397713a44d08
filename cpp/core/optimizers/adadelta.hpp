// Adadelta: torch.optim.Adadelta (torch 2.x).
//
// torch's rule (UPDATE_RULES.md §2), per coordinate; square_avg v and acc_delta u
// start at 0:
//
//   if weight_decay != 0:  g = g + weight_decay*p      (g = -g first if maximize)
//   v = v*rho;  v = v + ((1 - rho)*g)*g
//   std   = sqrt(v + eps)
//   delta = (sqrt(u + eps) / std) * g                   ratio first, then times g
//   u = u*rho;  u = u + ((1 - rho)*delta)*delta         uses the NEW delta
//   p = p + (-lr)*delta
//
// Reference: Zeiler 2012, "ADADELTA: An Adaptive Learning Rate Method". Zeiler has
// no lr; torch's lr = 1.0 reproduces it. eps is inside both square roots.
#pragma once

#include "configured_optimizer.hpp"

namespace optlab {

struct AdadeltaConfig {
  double lr = 1.0;
  double rho = 0.9;
  double eps = 1e-6;
  double weight_decay = 0.0;
  bool maximize = false;
};

class Adadelta final : public ConfiguredOptimizer<AdadeltaConfig> {
 public:
  explicit Adadelta(const AdadeltaConfig& config);

 private:
  void update(std::span<double> p, std::span<const double> g) override;
  std::size_t grad_ = 0, squareAvg_ = 0, accDelta_ = 0, delta_ = 0, update_ = 0;
};

}  // namespace optlab
