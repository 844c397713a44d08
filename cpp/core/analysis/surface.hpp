// What the page draws under the race: a landscape sampled over its domain, the contour
// lines of the same samples, and optionally the heatmap's log scale. One call per
// landscape change.
//
// The contours are traced on the linear values at `levelCount` levels log-spaced in
// f - fref (analysis/contours.hpp), so the same lines sit over either scale; only
// `values` (and min/max) change with `logScale`.
#pragma once

#include "analysis/contours.hpp"
#include "analysis/sampling.hpp"

namespace optlab {

struct Surface {
  std::vector<double> values;  // nx*ny, row 0 at ymin (sampling.hpp's layout), in the chosen scale
  int nx = 0, ny = 0;
  bool logScale = false;
  SampleStats stats;           // of `values`; fref and eps map runner losses onto the log scale
  ContourSet contours;
};

// Throws std::invalid_argument for a grid sampleGrid rejects (nx or ny < 2, ...).
Surface sampleSurface(const Landscape& f, int nx, int ny, bool logScale, int levelCount);

}  // namespace optlab
