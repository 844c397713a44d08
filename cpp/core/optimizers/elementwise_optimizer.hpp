// Shared machinery of the elementwise optimizers: named per-coordinate buffers, the
// step counter, and the size check. Each concrete optimizer only writes its rule.
//
// All rules of UPDATE_RULES.md are elementwise, so a rule is written once per
// coordinate with that coordinate's own state. `step` does not allocate once the
// optimizer is sized: `reset(n)` sizes every buffer; a `step` on a vector of another
// length is a fresh start (as torch creates its state lazily at the first step), the
// only path that allocates.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "optimizer.hpp"

namespace optlab {

class ElementwiseOptimizer : public Optimizer {
 public:
  void reset(std::size_t n) final;
  void step(std::span<double> params, std::span<const double> grad) final;
  const std::vector<Buffer>& buffers() const final { return buffers_; }
  long steps() const final { return t_; }

 protected:
  // Registers a buffer (in constructors only) and returns its index.
  std::size_t addBuffer(std::string name, std::string label, std::string latex, bool persistent,
                        double initialValue = 0.0);
  double* values(std::size_t index) { return buffers_[index].values.data(); }
  const double* values(std::size_t index) const { return buffers_[index].values.data(); }
  // Several buffers at once, for a rule's locals: `const auto [m, v] = valuesOf(expAvg_, expAvgSq_);`
  template <typename... Index>
  std::array<double*, sizeof...(Index)> valuesOf(Index... index) {
    return {values(static_cast<std::size_t>(index))...};
  }

  // Called by reset() after every buffer is back at its initial value.
  virtual void onReset() {}
  // The rule: `t_` was already incremented (t counts 1, 2, 3, ...). p and g have n_ entries.
  virtual void update(std::span<double> p, std::span<const double> g) = 0;

  std::size_t n_ = 0;
  long t_ = 0;

 private:
  std::vector<Buffer> buffers_;
  std::vector<double> initialValues_;
};

// max() that propagates NaN like torch.maximum (std::max would drop a NaN first argument).
inline double nanMax(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return a + b;
  return a < b ? b : a;
}

// torch.sign: -1, 0 or 1; sign(NaN) = 0 in torch 1.13 (checked), kept here.
inline double torchSign(double v) { return static_cast<double>((0.0 < v) - (v < 0.0)); }

}  // namespace optlab
