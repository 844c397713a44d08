#include "mlp.hpp"

#include <cmath>
#include <stdexcept>

#include "random/rng.hpp"
#include "util/portable_math.hpp"

namespace optlab {

Activation parseActivation(const std::string& name) {
  if (name == "tanh") return Activation::Tanh;
  if (name == "relu") return Activation::Relu;
  throw std::invalid_argument("Unknown activation: " + name + " (tanh or relu)");
}

OutputKind parseOutputKind(const std::string& name) {
  if (name == "softmax") return OutputKind::Softmax;
  if (name == "sigmoid") return OutputKind::Sigmoid;
  throw std::invalid_argument("Unknown output: " + name + " (softmax or sigmoid)");
}

Mlp::Mlp(MlpSpec spec) : spec_(std::move(spec)) {
  if (spec_.inputs != 2) throw std::invalid_argument("Invalid input count: " + std::to_string(spec_.inputs) + " (the datasets are 2-D)");
  if (spec_.hidden.size() > 4) throw std::invalid_argument("Invalid hidden layer count: at most 4");
  for (int h : spec_.hidden)
    if (h < 1 || h > 64) throw std::invalid_argument("Invalid hidden layer width: " + std::to_string(h) + " (1 to 64)");
  if (spec_.classes < 2 || spec_.classes > 8) throw std::invalid_argument("Invalid class count: " + std::to_string(spec_.classes));
  if (spec_.output == OutputKind::Sigmoid && spec_.classes != 2)
    throw std::invalid_argument("A sigmoid output needs exactly 2 classes");

  sizes_.push_back(spec_.inputs);
  for (int h : spec_.hidden) sizes_.push_back(h);
  sizes_.push_back(spec_.output == OutputKind::Sigmoid ? 1 : spec_.classes);
  for (std::size_t l = 0; l + 1 < sizes_.size(); ++l) {
    offsets_.push_back(parameterCount_);
    const auto in = static_cast<std::size_t>(sizes_[l]);
    const auto out = static_cast<std::size_t>(sizes_[l + 1]);
    parameterCount_ += out * in + out;
  }
  for (int s : sizes_) {
    acts_.emplace_back(static_cast<std::size_t>(s), 0.0);
    deltas_.emplace_back(static_cast<std::size_t>(s), 0.0);
  }
}

std::vector<double> Mlp::initialWeights(std::uint64_t seed) const {
  std::vector<double> w(parameterCount_, 0.0);
  Xoshiro256ss rng(seed);
  for (std::size_t l = 0; l + 1 < sizes_.size(); ++l) {
    const auto in = static_cast<std::size_t>(sizes_[l]);
    const auto out = static_cast<std::size_t>(sizes_[l + 1]);
    const double gain = spec_.activation == Activation::Relu && l + 2 < sizes_.size() ? 2.0 : 1.0;
    const double scale = std::sqrt(gain / static_cast<double>(in));
    for (std::size_t k = 0; k < out * in; ++k) {
      double u, v, s;  // polar method with the portable log
      do {
        u = 2.0 * rng.uniform() - 1.0;
        v = 2.0 * rng.uniform() - 1.0;
        s = u * u + v * v;
      } while (s >= 1.0 || s == 0.0);
      w[offsets_[l] + k] = scale * u * std::sqrt(-2.0 * pmath::log(s) / s);
    }
  }
  return w;
}

const double* Mlp::forward(std::span<const double> w, const double* input) {
  for (int i = 0; i < sizes_[0]; ++i) acts_[0][static_cast<std::size_t>(i)] = input[i];
  const std::size_t layers = sizes_.size() - 1;
  for (std::size_t l = 0; l < layers; ++l) {
    const auto in = static_cast<std::size_t>(sizes_[l]);
    const auto out = static_cast<std::size_t>(sizes_[l + 1]);
    const double* W = w.data() + offsets_[l];
    const double* b = W + out * in;
    const double* a = acts_[l].data();
    double* z = acts_[l + 1].data();
    const bool hidden = l + 1 < layers;
    for (std::size_t j = 0; j < out; ++j) {
      double s = b[j];
      const double* row = W + j * in;
      for (std::size_t i = 0; i < in; ++i) s += row[i] * a[i];
      if (hidden) s = spec_.activation == Activation::Tanh ? pmath::tanh(s) : (s > 0 ? s : 0.0);
      z[j] = s;
    }
  }
  return acts_.back().data();
}

double Mlp::lossOfLogits(int label, double* dlogits) const {
  const std::vector<double>& z = acts_.back();
  if (spec_.output == OutputKind::Sigmoid) {
    const double t = label == 1 ? 1.0 : 0.0;
    const double zz = z[0];
    const double e = pmath::exp(-std::fabs(zz));  // in (0, 1]
    const double loss = (zz > 0 ? zz : 0.0) - zz * t + pmath::log1p(e);
    if (dlogits) {
      const double p = zz >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
      dlogits[0] = p - t;
    }
    return loss;
  }
  double m = z[0];
  for (double v : z) m = v > m ? v : m;
  double sum = 0;
  for (double v : z) sum += pmath::exp(v - m);
  const double lse = m + pmath::log(sum);
  if (dlogits) {
    for (std::size_t k = 0; k < z.size(); ++k)
      dlogits[k] = pmath::exp(z[k] - lse) - (static_cast<int>(k) == label ? 1.0 : 0.0);
  }
  return lse - z[static_cast<std::size_t>(label)];
}

int Mlp::predicted() const {
  const std::vector<double>& z = acts_.back();
  if (spec_.output == OutputKind::Sigmoid) return z[0] >= 0 ? 1 : 0;
  int best = 0;
  for (std::size_t k = 1; k < z.size(); ++k)
    if (z[k] > z[static_cast<std::size_t>(best)]) best = static_cast<int>(k);
  return best;
}

double Mlp::lossAndGradient(std::span<const double> w, std::span<const double> X, std::span<const int> y,
                            std::span<const int> indices, std::span<double> grad) {
  for (double& g : grad) g = 0;
  if (indices.empty()) return 0;
  const double invN = 1.0 / static_cast<double>(indices.size());
  const std::size_t layers = sizes_.size() - 1;
  double total = 0;
  for (int idx : indices) {
    const auto s = static_cast<std::size_t>(idx);
    forward(w, X.data() + 2 * s);
    total += lossOfLogits(y[s], deltas_.back().data());
    for (double& d : deltas_.back()) d *= invN;
    for (std::size_t l = layers; l-- > 0;) {
      const auto in = static_cast<std::size_t>(sizes_[l]);
      const auto out = static_cast<std::size_t>(sizes_[l + 1]);
      const double* W = w.data() + offsets_[l];
      double* gW = grad.data() + offsets_[l];
      double* gb = gW + out * in;
      const double* a = acts_[l].data();
      const double* delta = deltas_[l + 1].data();
      for (std::size_t j = 0; j < out; ++j) {
        double* grow = gW + j * in;
        for (std::size_t i = 0; i < in; ++i) grow[i] += delta[j] * a[i];
        gb[j] += delta[j];
      }
      if (l == 0) break;
      double* prev = deltas_[l].data();  // dLoss/d(pre-activation) of layer l-1's units
      for (std::size_t i = 0; i < in; ++i) {
        double back = 0;
        for (std::size_t j = 0; j < out; ++j) back += W[j * in + i] * delta[j];
        const double act = a[i];
        prev[i] = spec_.activation == Activation::Tanh ? back * (1.0 - act * act) : (act > 0 ? back : 0.0);
      }
    }
  }
  return total * invN;
}

Mlp::Evaluation Mlp::evaluate(std::span<const double> w, std::span<const double> X, std::span<const int> y) {
  Evaluation e;
  if (y.empty()) return e;
  double total = 0;
  std::size_t correct = 0;
  for (std::size_t s = 0; s < y.size(); ++s) {
    forward(w, X.data() + 2 * s);
    total += lossOfLogits(y[s], nullptr);
    if (predicted() == y[s]) ++correct;
  }
  e.loss = total / static_cast<double>(y.size());
  e.accuracy = static_cast<double>(correct) / static_cast<double>(y.size());
  return e;
}

void Mlp::probabilities(std::span<const double> w, double x0, double x1, std::span<double> out) {
  const double input[2] = {x0, x1};
  const double* z = forward(w, input);
  if (spec_.output == OutputKind::Sigmoid) {
    const double e = pmath::exp(-std::fabs(z[0]));
    const double p = z[0] >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    out[0] = 1.0 - p;
    out[1] = p;
    return;
  }
  const std::size_t n = static_cast<std::size_t>(spec_.classes);
  double m = z[0];
  for (std::size_t k = 1; k < n; ++k) m = z[k] > m ? z[k] : m;
  double sum = 0;
  for (std::size_t k = 0; k < n; ++k) {
    out[k] = pmath::exp(z[k] - m);
    sum += out[k];
  }
  for (std::size_t k = 0; k < n; ++k) out[k] /= sum;
}

}  // namespace optlab
