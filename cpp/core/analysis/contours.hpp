// Contour lines by marching squares, returned as flat arrays that cross to
// JavaScript as two typed arrays.
//
// Input: a grid laid out as sampleGrid() writes it (nx x ny nodes, row-major,
// row 0 at ymin) and the levels, in the same scale as the grid values (sample
// linear values for levels of f, log values for levels of log10(f - fref + eps)).
// Each cell's crossings are found by linear interpolation along its edges; the
// two ambiguous saddle cases are resolved by the cell-centre average. Segments
// are joined into maximal polylines: open ones end on the grid boundary (or at
// a non-finite sample), closed ones repeat their first point at the end.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "landscapes/landscape.hpp"

namespace optlab {

struct ContourSet {
  std::vector<double> levels;
  // Polyline k has the points [offsets[k], offsets[k+1]) of `points` (x, y
  // pairs in domain coordinates): its coordinates are points[2*offsets[k] ..
  // 2*offsets[k+1]). offsets has polylineCount()+1 entries.
  std::vector<double> points;
  std::vector<std::uint32_t> offsets{0};
  std::vector<std::uint32_t> lineLevel;  // index into `levels` of each polyline
  std::size_t polylineCount() const { return lineLevel.size(); }
};

// Throws std::invalid_argument for an invalid grid (see sampleGrid).
ContourSet contourLines(std::span<const double> values, int nx, int ny, const Domain& domain,
                        std::span<const double> levels);

// n levels fref + delta_k with delta_k log-spaced from lowDelta to highDelta
// (both > 0), i.e. equally spaced in log10(f - fref).
std::vector<double> logSpacedLevels(double fref, double lowDelta, double highDelta, int n);

// n log-spaced levels suited to a *linear* grid: deltas from the 0.5% to the
// 99.5% quantile of the positive (value - fref) samples.
std::vector<double> autoLogLevels(std::span<const double> linearValues, double fref, int n);

}  // namespace optlab
