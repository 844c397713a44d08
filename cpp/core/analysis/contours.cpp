#include "contours.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "sampling.hpp"

namespace optlab {
namespace {

// Edges of cell (i, j) by marching-squares corner code
// (bit 0 = (i,j), bit 1 = (i+1,j), bit 2 = (i+1,j+1), bit 3 = (i,j+1) at or above the level).
enum Edge : int { B = 0, R = 1, T = 2, L = 3 };

struct Linker {
  std::vector<std::int32_t> adj;      // 2 neighbours per edge, -1 = none
  std::vector<std::int32_t> touched;  // edges with a neighbour, to reset and to start walks

  void link(std::int32_t a, std::int32_t b) {
    add(a, b);
    add(b, a);
  }
  void add(std::int32_t e, std::int32_t other) {
    std::int32_t* s = &adj[2 * static_cast<std::size_t>(e)];
    if (s[0] < 0 && s[1] < 0) touched.push_back(e);
    (s[0] < 0 ? s[0] : s[1]) = other;
  }
  void unlink(std::int32_t a, std::int32_t b) {
    std::int32_t* s = &adj[2 * static_cast<std::size_t>(a)];
    if (s[0] == b) s[0] = -1; else if (s[1] == b) s[1] = -1;
    std::int32_t* t = &adj[2 * static_cast<std::size_t>(b)];
    if (t[0] == a) t[0] = -1; else if (t[1] == a) t[1] = -1;
  }
  int degree(std::int32_t e) const {
    const std::int32_t* s = &adj[2 * static_cast<std::size_t>(e)];
    return (s[0] >= 0) + (s[1] >= 0);
  }
  std::int32_t any(std::int32_t e) const {
    const std::int32_t* s = &adj[2 * static_cast<std::size_t>(e)];
    return s[0] >= 0 ? s[0] : s[1];
  }
};

}  // namespace

ContourSet contourLines(std::span<const double> values, int nx, int ny, const Domain& d,
                        std::span<const double> levels) {
  validateGrid(d, nx, ny, values.size());
  ContourSet out;
  out.levels.assign(levels.begin(), levels.end());
  const double dx = (d.xmax - d.xmin) / (nx - 1), dy = (d.ymax - d.ymin) / (ny - 1);
  const std::int32_t nH = (nx - 1) * ny;            // horizontal edges: id j*(nx-1) + i
  const std::int32_t nE = nH + nx * (ny - 1);       // vertical edges: nH + j*nx + i
  Linker lk;
  lk.adj.assign(2 * static_cast<std::size_t>(nE), -1);
  const double* v = values.data();
  auto at = [&](int i, int j) { return v[static_cast<std::size_t>(j) * nx + i]; };

  // Min/max of the finite node values of each kBlock x kBlock block of cells
  // (including its border nodes): a level outside [min, max) crosses no cell of it.
  constexpr int kBlock = 16;
  const int nbi = (nx - 1 + kBlock - 1) / kBlock, nbj = (ny - 1 + kBlock - 1) / kBlock;
  std::vector<double> blockMin(static_cast<std::size_t>(nbi) * nbj, INFINITY);
  std::vector<double> blockMax(static_cast<std::size_t>(nbi) * nbj, -INFINITY);
  for (int bj = 0; bj < nbj; ++bj)
    for (int bi = 0; bi < nbi; ++bi) {
      const std::size_t b = static_cast<std::size_t>(bj) * nbi + bi;
      const int jEnd = std::min(ny - 1, (bj + 1) * kBlock), iEnd = std::min(nx - 1, (bi + 1) * kBlock);
      for (int j = bj * kBlock; j <= jEnd; ++j)
        for (int i = bi * kBlock; i <= iEnd; ++i) {
          const double w = at(i, j);
          if (!std::isfinite(w)) continue;
          blockMin[b] = std::min(blockMin[b], w);
          blockMax[b] = std::max(blockMax[b], w);
        }
    }

  for (std::size_t li = 0; li < levels.size(); ++li) {
    const double level = levels[li];
    if (!std::isfinite(level)) continue;
    // 1. Segments between edge ids, visiting only the blocks the level crosses.
    for (int bj = 0; bj < nbj; ++bj) {
      for (int bi = 0; bi < nbi; ++bi) {
        const std::size_t b = static_cast<std::size_t>(bj) * nbi + bi;
        if (!(blockMax[b] >= level && blockMin[b] < level)) continue;
        const int jEnd = std::min(ny - 1, (bj + 1) * kBlock), iEnd = std::min(nx - 1, (bi + 1) * kBlock);
        for (int j = bj * kBlock; j < jEnd; ++j) {
          for (int i = bi * kBlock; i < iEnd; ++i) {
            const double a = at(i, j), bb = at(i + 1, j), c = at(i + 1, j + 1), e = at(i, j + 1);
            const int code = (a >= level) | ((bb >= level) << 1) | ((c >= level) << 2) | ((e >= level) << 3);
            if (code == 0 || code == 15) continue;
            if (!std::isfinite(a) || !std::isfinite(bb) || !std::isfinite(c) || !std::isfinite(e)) continue;
            const std::int32_t id[4] = {j * (nx - 1) + i, nH + j * nx + i + 1, (j + 1) * (nx - 1) + i,
                                        nH + j * nx + i};
            auto seg = [&](Edge p, Edge q) { lk.link(id[p], id[q]); };
            switch (code) {
              case 1: case 14: seg(L, B); break;
              case 2: case 13: seg(B, R); break;
              case 3: case 12: seg(L, R); break;
              case 4: case 11: seg(R, T); break;
              case 6: case 9: seg(B, T); break;
              case 7: case 8: seg(L, T); break;
              case 5:
              case 10: {
                const bool centreAbove = 0.25 * (a + bb + c + e) >= level;
                if ((code == 5) == centreAbove) { seg(B, R); seg(T, L); }
                else { seg(L, B); seg(R, T); }
                break;
              }
              default: break;
            }
          }
        }
      }
    }
    // 2. Walk the chains: open ones from their ends first, then the closed loops.
    auto point = [&](std::int32_t e) {
      int i, j, i2, j2;
      if (e < nH) { j = e / (nx - 1); i = e % (nx - 1); i2 = i + 1; j2 = j; }
      else { const std::int32_t k = e - nH; j = k / nx; i = k % nx; i2 = i; j2 = j + 1; }
      const double v0 = at(i, j), v1 = at(i2, j2);
      const double t = v1 != v0 ? (level - v0) / (v1 - v0) : 0.5;
      const double x0 = d.xmin + i * dx, y0 = d.ymin + j * dy;
      out.points.push_back(x0 + t * (i2 - i) * dx);
      out.points.push_back(y0 + t * (j2 - j) * dy);
    };
    auto walk = [&](std::int32_t start) {
      std::int32_t cur = start;
      point(cur);
      while (lk.degree(cur) > 0) {
        const std::int32_t next = lk.any(cur);
        lk.unlink(cur, next);
        cur = next;
        point(cur);
      }
      out.offsets.push_back(static_cast<std::uint32_t>(out.points.size() / 2));
      out.lineLevel.push_back(static_cast<std::uint32_t>(li));
    };
    for (std::size_t k = 0; k < lk.touched.size(); ++k)
      if (lk.degree(lk.touched[k]) == 1) walk(lk.touched[k]);
    for (std::size_t k = 0; k < lk.touched.size(); ++k)
      if (lk.degree(lk.touched[k]) == 2) walk(lk.touched[k]);
    for (std::int32_t e : lk.touched) lk.adj[2 * static_cast<std::size_t>(e)] = lk.adj[2 * static_cast<std::size_t>(e) + 1] = -1;
    lk.touched.clear();
  }
  return out;
}

std::vector<double> logSpacedLevels(double fref, double lowDelta, double highDelta, int n) {
  if (n < 1) throw std::invalid_argument("Invalid level count: " + std::to_string(n) + " (must be >= 1)");
  if (!(lowDelta > 0) || !(highDelta >= lowDelta) || !std::isfinite(highDelta) || !std::isfinite(fref))
    throw std::invalid_argument("Invalid level range: need finite 0 < lowDelta <= highDelta");
  std::vector<double> out(static_cast<std::size_t>(n));
  const double a = std::log10(lowDelta), b = std::log10(highDelta);
  for (int k = 0; k < n; ++k) out[static_cast<std::size_t>(k)] = fref + std::pow(10.0, n == 1 ? a : a + (b - a) * k / (n - 1));
  return out;
}

std::vector<double> autoLogLevels(std::span<const double> values, double fref, int n) {
  std::vector<double> deltas;
  deltas.reserve(values.size());
  for (double v : values)
    if (std::isfinite(v) && v - fref > 0) deltas.push_back(v - fref);
  if (deltas.empty()) return logSpacedLevels(fref, 1, 1, n);
  auto quantile = [&](double q) {
    const auto k = static_cast<std::ptrdiff_t>(q * static_cast<double>(deltas.size() - 1));
    std::nth_element(deltas.begin(), deltas.begin() + k, deltas.end());
    return deltas[static_cast<std::size_t>(k)];
  };
  const double lo = quantile(0.005), hi = quantile(0.995);
  return logSpacedLevels(fref, lo, std::max(lo, hi), n);
}

}  // namespace optlab
