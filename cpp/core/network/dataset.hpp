// Two-dimensional classification datasets for the small-network lab (the
// chapter's exercise 2), generated from a seed with the portable RNG, so the
// same seed gives the same points natively and in WebAssembly.
//
//   spirals  `classes` (2 or 3) interleaved arms, 1.5 turns each
//   moons    two interleaving half circles (scikit-learn's make_moons, rescaled)
//   circles  a disc inside a ring (make_circles with factor 0.5)
//   xor      uniform points in the square, label = sign(x) != sign(y)
//
// Every point lies well inside [-kDatasetExtent, kDatasetExtent]^2 (the decision-
// boundary view uses that square). Gaussian noise of `noise` (in the same units)
// is added to each coordinate. Points are shuffled, then split: the first
// round(count (1 - validationFraction)) are the training set, the rest validation.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace optlab {

inline constexpr double kDatasetExtent = 1.5;

struct DatasetOptions {
  std::string id = "spirals";       // spirals | moons | circles | xor
  int count = 400;                   // points in total, 8 .. 20000
  double noise = 0.05;               // standard deviation of the coordinate noise, 0 .. 1
  double validationFraction = 0.25;  // in [0, 0.9]
  int classes = 2;                   // spirals only: 2 or 3; other datasets have 2
  std::uint64_t seed = 1;
};

struct Dataset {
  std::string id;
  int classes = 2;
  std::vector<double> trainX;  // (x, y) pairs, interleaved
  std::vector<int> trainY;     // labels 0 .. classes-1
  std::vector<double> valX;
  std::vector<int> valY;
};

struct DatasetInfo {
  std::string id;
  std::string displayName;
  std::string description;
  int maxClasses = 2;
};

const std::vector<DatasetInfo>& datasetInfos();

// Throws std::invalid_argument("Unknown dataset: foo") or a message naming the bad option.
Dataset makeDataset(const DatasetOptions& options);

}  // namespace optlab
