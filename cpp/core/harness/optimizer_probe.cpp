#include "harness/optimizer_probe.hpp"

#include <cmath>
#include <stdexcept>

#include "optimizers/registry.hpp"

namespace optlab {

ProbeRecord probeOptimizer(Optimizer& optimizer, std::span<const double> start, std::span<const double> gradients) {
  const std::size_t n = start.size();
  if (n == 0 || gradients.empty() || gradients.size() % n != 0) {
    throw std::invalid_argument("optimizerProbe: gradients must hold n values per step (n = start's length)");
  }
  optimizer.reset(n);
  std::vector<double> p(start.begin(), start.end());
  ProbeRecord record;
  record.buffers = optimizer.buffers();
  for (Buffer& b : record.buffers) b.values.clear();
  const std::size_t steps = gradients.size() / n;
  record.params.reserve(steps * n);
  for (std::size_t s = 0; s < steps; ++s) {
    optimizer.step(p, gradients.subspan(s * n, n));
    record.params.insert(record.params.end(), p.begin(), p.end());
    const std::vector<Buffer>& now = optimizer.buffers();
    for (std::size_t k = 0; k < record.buffers.size() && k < now.size(); ++k) {
      std::vector<double>& out = record.buffers[k].values;
      if (now[k].values.size() == n) {
        out.insert(out.end(), now[k].values.begin(), now[k].values.end());
      } else {
        out.insert(out.end(), n, std::nan(""));
      }
    }
  }
  return record;
}

ProbeRecord probeOptimizer(const std::string& id, const Settings& settings, std::span<const double> start,
                           std::span<const double> gradients) {
  return probeOptimizer(*makeOptimizer(id, settings), start, gradients);
}

}  // namespace optlab
