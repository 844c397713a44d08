#include "optimizer.hpp"

#include <algorithm>

namespace optlab {

void Optimizer::gradientPoint(std::span<const double> params, std::span<double> out) const {
  // torch evaluates the gradient at the current parameters.
  const std::size_t n = std::min(params.size(), out.size());
  std::copy_n(params.begin(), n, out.begin());
}

std::size_t Optimizer::stateValuesPerParameter() const {
  const auto& all = buffers();
  return static_cast<std::size_t>(
      std::count_if(all.begin(), all.end(), [](const Buffer& b) { return b.persistent; }));
}

}  // namespace optlab
