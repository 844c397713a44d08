#include "clipping.hpp"

#include <cmath>

namespace optlab {

double clipGradNorm(std::span<double> grad, double maxNorm) {
  double sum = 0;
  for (double g : grad) sum = sum + g * g;
  const double perTensor = std::sqrt(sum);
  const double total = std::sqrt(perTensor * perTensor);  // torch: vector_norm(stack([norm]))
  // Python's `max_norm / tensor` is Tensor.__rtruediv__, which torch computes as
  // tensor.reciprocal() * max_norm: a reciprocal, then a product (not one division).
  const double coef = (1.0 / (total + 1e-6)) * maxNorm;
  // torch.clamp(coef, max=1.0): NaN stays NaN.
  const double clamped = std::isnan(coef) ? coef : (coef > 1.0 ? 1.0 : coef);
  for (double& g : grad) g = g * clamped;
  return total;
}

void clipGradValue(std::span<double> grad, double clipValue) {
  for (double& g : grad) {
    if (std::isnan(g)) continue;
    if (g < -clipValue) g = -clipValue;
    if (g > clipValue) g = clipValue;
  }
}

void applyClipping(const GradientClipping& clipping, std::span<double> grad) {
  if (clipping.maxNorm) clipGradNorm(grad, *clipping.maxNorm);
  if (clipping.clipValue) clipGradValue(grad, *clipping.clipValue);
}

}  // namespace optlab
