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
  return toLogScale(out, s, out);
}

SampleStats toLogScale(std::span<const double> linear, const SampleStats& linearStats, std::span<double> out) {
  if (out.size() != linear.size()) throw std::invalid_argument("toLogScale: output size differs from input size");
  const double inf = std::numeric_limits<double>::infinity();
  SampleStats s = linearStats;
  double lo = inf, hi = -inf;
  for (std::size_t i = 0; i < linear.size(); ++i) {
    const double v = linear[i];
    if (!std::isfinite(v)) {
      out[i] = v;
      continue;
    }
    out[i] = logScaled(v, s);
    lo = std::min(lo, out[i]);
    hi = std::max(hi, out[i]);
  }
  s.min = lo;
  s.max = hi;
  return s;
}

}  // namespace optlab
