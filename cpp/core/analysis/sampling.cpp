#include "sampling.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace optlab {

void validateGrid(const Domain& d, int nx, int ny, std::size_t bufferSize) {
  if (nx < 2 || ny < 2)
    throw std::invalid_argument("Invalid grid: " + std::to_string(nx) + " x " + std::to_string(ny) +
                                " samples has no cells (need at least 2 x 2)");
  if (!(d.xmin < d.xmax) || !(d.ymin < d.ymax) || !std::isfinite(d.xmax - d.xmin) ||
      !std::isfinite(d.ymax - d.ymin))
    throw std::invalid_argument("Invalid domain: need finite xmin < xmax and ymin < ymax");
  if (bufferSize != static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny))
    throw std::invalid_argument("Invalid grid buffer: size " + std::to_string(bufferSize) + ", expected " +
                                std::to_string(nx) + " x " + std::to_string(ny));
}

SampleStats sampleGrid(const Landscape& f, const Domain& d, int nx, int ny, ValueScale scale,
                       std::span<double> out) {
  validateGrid(d, nx, ny, out.size());
  const double dx = (d.xmax - d.xmin) / (nx - 1), dy = (d.ymax - d.ymin) / (ny - 1);
  const double inf = std::numeric_limits<double>::infinity();
  double lo = inf, hi = -inf;
  for (int j = 0; j < ny; ++j) {
    const double y = j == ny - 1 ? d.ymax : d.ymin + j * dy;
    double* row = out.data() + static_cast<std::size_t>(j) * nx;
    for (int i = 0; i < nx; ++i) {
      const double v = f.value(i == nx - 1 ? d.xmax : d.xmin + i * dx, y);
      row[i] = v;
      if (std::isfinite(v)) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
      }
    }
  }
  SampleStats s;
  s.rawMin = lo;
  s.rawMax = hi;
  const auto minima = f.minima();
  s.fref = lo;
  if (!minima.empty()) {
    s.fref = minima.front().value;
    for (const Minimum& m : minima) s.fref = std::min(s.fref, m.value);
  }
  const double range = hi - s.fref;
  s.eps = range > 0 && std::isfinite(range) ? 1e-6 * range : 1.0;
  if (scale == ValueScale::Linear) {
    s.min = lo;
    s.max = hi;
    return s;
  }
  double slo = inf, shi = -inf;
  for (double& v : out) {
    if (!std::isfinite(v)) continue;
    v = logScaled(v, s);
    slo = std::min(slo, v);
    shi = std::max(shi, v);
  }
  s.min = slo;
  s.max = shi;
  return s;
}

}  // namespace optlab
