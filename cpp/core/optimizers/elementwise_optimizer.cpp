#include "elementwise_optimizer.hpp"

#include <algorithm>
#include <utility>

namespace optlab {

void ElementwiseOptimizer::reset(std::size_t n) {
  n_ = n;
  t_ = 0;
  for (std::size_t i = 0; i < buffers_.size(); ++i) buffers_[i].values.assign(n, initialValues_[i]);
  onReset();
}

void ElementwiseOptimizer::step(std::span<double> params, std::span<const double> grad) {
  const std::size_t n = std::min(params.size(), grad.size());
  if (n != n_) reset(n);
  ++t_;
  update(params.first(n), grad.first(n));
}

std::size_t ElementwiseOptimizer::addBuffer(std::string name, std::string label, std::string latex,
                                            bool persistent, double initialValue) {
  Buffer b;
  b.name = std::move(name);
  b.label = std::move(label);
  b.latex = std::move(latex);
  b.persistent = persistent;
  b.values.assign(n_, initialValue);
  buffers_.push_back(std::move(b));
  initialValues_.push_back(initialValue);
  return buffers_.size() - 1;
}

}  // namespace optlab
