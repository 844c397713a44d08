// Sampling, contour levels, contours and the log scale in the order the page needs. See surface.hpp.
#include "surface.hpp"

namespace optlab {

Surface sampleSurface(const Landscape& f, int nx, int ny, bool logScale, int levelCount) {
  Surface s;
  s.nx = nx;
  s.ny = ny;
  s.logScale = logScale;
  const Domain d = f.domain();
  s.values.resize(static_cast<std::size_t>(nx > 0 ? nx : 0) * static_cast<std::size_t>(ny > 0 ? ny : 0));
  const SampleStats linear = sampleGrid(f, d, nx, ny, ValueScale::Linear, s.values);
  const std::vector<double> levels = autoLogLevels(s.values, linear.fref, levelCount);
  s.contours = contourLines(s.values, nx, ny, d, levels);
  s.stats = logScale ? toLogScale(s.values, linear, s.values) : linear;
  return s;
}

}  // namespace optlab
