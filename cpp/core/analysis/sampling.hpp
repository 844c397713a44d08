// Sampling a landscape on a regular grid into a caller-owned buffer.
//
// Layout: nx x ny samples (nodes, not cells), row-major with rows of constant
// y: out[j*nx + i] = F(x_i, y_j), x_i = xmin + i (xmax - xmin)/(nx - 1),
// y_j = ymin + j (ymax - ymin)/(ny - 1). Row 0 is ymin (flip for a canvas).
//
// Scales:
//  * Linear: F = f(x, y).
//  * Log:    F = log10(max(f - fref, 0) + eps), where fref is the lowest reported
//            minimum value (or, for a landscape without minima, the lowest
//            sampled value) and eps = 1e-6 (fmax - fref) (1 if the range is 0):
//            six decades of dynamic range below the highest sample. Use the
//            same fref/eps (returned in SampleStats) to map runner losses.
// Non-finite samples are written as they are and ignored by the statistics.
#pragma once

#include <cmath>
#include <cstddef>
#include <span>

#include "landscapes/landscape.hpp"

namespace optlab {

enum class ValueScale { Linear = 0, Log = 1 };

struct SampleStats {
  double min = 0, max = 0;        // of the written (scaled) values
  double rawMin = 0, rawMax = 0;  // of f itself
  double fref = 0, eps = 1;       // log-scale transform (also filled for Linear)
};

// Throws std::invalid_argument for nx < 2 or ny < 2 ("a grid of 0 cells"), an
// empty or non-finite domain, or out.size() != nx*ny.
SampleStats sampleGrid(const Landscape& f, const Domain& domain, int nx, int ny, ValueScale scale,
                       std::span<double> out);

// The log scale of an already sampled *linear* grid (same transform and fref/eps
// as sampleGrid's Log scale, without evaluating the landscape again). `out` may be
// `linear` itself. Returns linearStats with min/max of the written values.
SampleStats toLogScale(std::span<const double> linear, const SampleStats& linearStats, std::span<double> out);

// Throws std::invalid_argument unless nx, ny >= 2, the domain is a finite,
// non-empty box and bufferSize == nx*ny. Shared with contourLines().
void validateGrid(const Domain& domain, int nx, int ny, std::size_t bufferSize);

// The log-scale transform of one value (same formula as sampleGrid's).
inline double logScaled(double value, const SampleStats& s) {
  const double d = value - s.fref;
  return std::log10((d > 0 ? d : 0) + s.eps);
}
}  // namespace optlab
