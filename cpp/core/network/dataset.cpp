#include "dataset.hpp"

#include <cmath>
#include <numeric>
#include <stdexcept>

#include "random/rng.hpp"
#include "util/portable_math.hpp"

namespace optlab {
namespace {

// A standard normal from the portable generator (polar method with pmath::log,
// so no libm function decides a bit).
double normal(Xoshiro256ss& rng) {
  double u, v, s;
  do {
    u = 2.0 * rng.uniform() - 1.0;
    v = 2.0 * rng.uniform() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  return u * std::sqrt(-2.0 * pmath::log(s) / s);
}

struct Raw {
  std::vector<double> x;
  std::vector<int> y;
  void add(double a, double b, int label) {
    x.push_back(a);
    x.push_back(b);
    y.push_back(label);
  }
};

void spirals(Raw& out, int count, int classes, Xoshiro256ss& rng) {
  for (int i = 0; i < count; ++i) {
    const int c = i % classes;
    const double t = rng.uniform();  // position along the arm
    const double r = 0.1 + 1.1 * t;
    const double angle = 2.0 * pmath::kPi * c / classes + 3.0 * pmath::kPi * t;
    out.add(r * pmath::cos(angle), r * pmath::sin(angle), c);
  }
}

void moons(Raw& out, int count, Xoshiro256ss& rng) {
  for (int i = 0; i < count; ++i) {
    const int c = i % 2;
    const double a = pmath::kPi * rng.uniform();
    const double x = c == 0 ? pmath::cos(a) : 1.0 - pmath::cos(a);
    const double y = c == 0 ? pmath::sin(a) : 0.5 - pmath::sin(a);
    out.add(0.9 * (x - 0.5), 0.9 * (y - 0.25), c);  // centred, inside [-1.35, 1.35] x [-0.9, 0.9]
  }
}

void circles(Raw& out, int count, Xoshiro256ss& rng) {
  for (int i = 0; i < count; ++i) {
    const int c = i % 2;
    const double a = 2.0 * pmath::kPi * rng.uniform();
    const double r = c == 0 ? 0.5 : 1.0;
    out.add(r * pmath::cos(a), r * pmath::sin(a), c);
  }
}

void xorSquares(Raw& out, int count, Xoshiro256ss& rng) {
  for (int i = 0; i < count; ++i) {
    double x = 0, y = 0;
    do {  // keep a small gap around the axes so the clean labels are unambiguous
      x = 2.0 * rng.uniform() - 1.0;
      y = 2.0 * rng.uniform() - 1.0;
    } while (std::fabs(x) < 0.05 || std::fabs(y) < 0.05);
    out.add(x, y, (x > 0) != (y > 0) ? 1 : 0);
  }
}

}  // namespace

const std::vector<DatasetInfo>& datasetInfos() {
  static const std::vector<DatasetInfo> infos = {
      {"spirals", "Spirals", "Interleaved spiral arms: needs a curved, winding boundary.", 3},
      {"moons", "Moons", "Two interleaving half circles.", 2},
      {"circles", "Circles", "A disc inside a ring: the boundary is a circle.", 2},
      {"xor", "XOR", "Four quadrants, opposite ones share a class: not linearly separable.", 2},
  };
  return infos;
}

Dataset makeDataset(const DatasetOptions& o) {
  const DatasetInfo* info = nullptr;
  for (const DatasetInfo& d : datasetInfos())
    if (d.id == o.id) info = &d;
  if (!info) throw std::invalid_argument("Unknown dataset: " + o.id);
  if (o.count < 8 || o.count > 20000) throw std::invalid_argument("Invalid point count: " + std::to_string(o.count) + " (8 to 20000)");
  if (!(o.noise >= 0 && o.noise <= 1)) throw std::invalid_argument("Invalid noise: must be in [0, 1]");
  if (!(o.validationFraction >= 0 && o.validationFraction <= 0.9))
    throw std::invalid_argument("Invalid validation fraction: must be in [0, 0.9]");
  const int classes = o.id == "spirals" ? o.classes : 2;
  if (classes < 2 || classes > info->maxClasses)
    throw std::invalid_argument("Invalid class count for " + o.id + ": " + std::to_string(o.classes));

  Xoshiro256ss rng(o.seed);
  Raw raw;
  raw.x.reserve(2 * static_cast<std::size_t>(o.count));
  raw.y.reserve(static_cast<std::size_t>(o.count));
  if (o.id == "spirals") spirals(raw, o.count, classes, rng);
  else if (o.id == "moons") moons(raw, o.count, rng);
  else if (o.id == "circles") circles(raw, o.count, rng);
  else xorSquares(raw, o.count, rng);
  if (o.noise > 0)
    for (double& v : raw.x) v += o.noise * normal(rng);

  // Fisher-Yates shuffle, then split.
  std::vector<int> order(static_cast<std::size_t>(o.count));
  std::iota(order.begin(), order.end(), 0);
  for (int i = o.count - 1; i > 0; --i) {
    const int j = static_cast<int>(rng.uniform() * (i + 1));
    std::swap(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(j)]);
  }
  const int nTrain = static_cast<int>(std::lround(o.count * (1.0 - o.validationFraction)));

  Dataset d;
  d.id = o.id;
  d.classes = classes;
  for (int k = 0; k < o.count; ++k) {
    const auto i = static_cast<std::size_t>(order[static_cast<std::size_t>(k)]);
    auto& xs = k < nTrain ? d.trainX : d.valX;
    auto& ys = k < nTrain ? d.trainY : d.valY;
    xs.push_back(raw.x[2 * i]);
    xs.push_back(raw.x[2 * i + 1]);
    ys.push_back(raw.y[i]);
  }
  return d;
}

}  // namespace optlab
