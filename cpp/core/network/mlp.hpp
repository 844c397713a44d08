// A small multilayer perceptron for 2-D classification, with its forward and
// backward passes on a flat weight vector (the vector the optimizers update).
//
// Layout of the flat vector, layer by layer (input -> hidden... -> output):
//   W_l  (out_l x in_l, row-major: W_l[j][i] at offset + j*in_l + i), then b_l (out_l).
// Hidden layers use tanh or ReLU. The output is either
//   * softmax + cross-entropy over `classes` logits (any classes >= 2), or
//   * one logit + sigmoid + binary cross-entropy (classes == 2 only),
// and the loss is the mean over the samples. Both losses are computed in their
// stable forms (log-sum-exp with the max subtracted; BCE with logits as
// max(z, 0) - z y + log(1 + e^{-|z|})), with portable exp/log/tanh (see
// util/portable_math.hpp) so that training is bit-identical in WebAssembly.
//
// Initialisation (seeded, portable RNG): weights ~ N(0, s^2) with s = sqrt(1/in)
// for tanh (LeCun/Xavier-style) and sqrt(2/in) for ReLU (He); biases 0.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace optlab {

enum class Activation { Tanh, Relu };
enum class OutputKind { Softmax, Sigmoid };

struct MlpSpec {
  int inputs = 2;                    // the datasets are 2-D: must be 2
  std::vector<int> hidden = {8, 8};  // 0 to 4 hidden layers of 1 to 64 units
  int classes = 2;
  Activation activation = Activation::Tanh;
  OutputKind output = OutputKind::Softmax;
};

// "tanh"/"relu" and "softmax"/"sigmoid"; throw std::invalid_argument otherwise.
Activation parseActivation(const std::string& name);
OutputKind parseOutputKind(const std::string& name);

class Mlp {
 public:
  // Throws std::invalid_argument for an invalid spec (message names the field).
  explicit Mlp(MlpSpec spec);

  const MlpSpec& spec() const { return spec_; }
  std::size_t parameterCount() const { return parameterCount_; }
  int outputCount() const { return sizes_.back(); }

  std::vector<double> initialWeights(std::uint64_t seed) const;

  // Mean loss over the samples listed in `indices` (into X as (x, y) pairs and
  // labels y), and its gradient with respect to every weight, written to
  // `grad` (size parameterCount()). Allocation-free after construction.
  double lossAndGradient(std::span<const double> w, std::span<const double> X, std::span<const int> y,
                         std::span<const int> indices, std::span<double> grad);

  // Mean loss and accuracy over the whole set.
  struct Evaluation {
    double loss = 0;
    double accuracy = 0;
  };
  Evaluation evaluate(std::span<const double> w, std::span<const double> X, std::span<const int> y);

  // Class probabilities at one input point into `out` (size spec().classes).
  void probabilities(std::span<const double> w, double x0, double x1, std::span<double> out);

 private:
  // Forward pass of one input; fills acts_. Returns a pointer to the logits.
  const double* forward(std::span<const double> w, const double* input);
  // Loss of the current logits for label `label`; if dlogits, writes dLoss/dlogits.
  double lossOfLogits(int label, double* dlogits) const;
  int predicted() const;

  MlpSpec spec_;
  std::vector<int> sizes_;                 // inputs, hidden..., outputs
  std::vector<std::size_t> offsets_;       // start of W_l in the flat vector (l = 0 .. layers-1)
  std::size_t parameterCount_ = 0;
  std::vector<std::vector<double>> acts_;  // acts_[0] = input, acts_[l+1] = layer l output (logits last)
  std::vector<std::vector<double>> deltas_;
};

}  // namespace optlab
