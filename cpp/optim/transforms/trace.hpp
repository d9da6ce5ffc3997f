// Momentum: b <- mu b + (1 - dampening) u, then u <- b (or u + mu b with Nesterov's look-ahead).
// Matches PyTorch's SGD buffer, which starts as the first update itself (no dampening on step
// 1); with dampening 0 that equals starting from b = 0, as Polyak's heavy ball, RMSprop's
// momentum and the lecture's SGDW do.
#pragma once

#include "optim/transform.hpp"

namespace descent {

class Trace final : public Transform {
 public:
  Trace(double momentum, double dampening = 0, bool nesterov = false, std::string symbol = "\\mathbf{b}")
      : momentum_(momentum), dampening_(dampening), nesterov_(nesterov), symbol_(std::move(symbol)) {}

  void init(Index dim) override {
    buffer_.setZero(dim);
    started_ = false;
  }

  void update(Vec& u, const Vec&, const StepContext&) override {
    if (momentum_ == 0) return;
    if (!started_) {
      buffer_ = u;
      started_ = true;
    } else {
      buffer_ = momentum_ * buffer_ + (1 - dampening_) * u;
    }
    if (nesterov_)
      u += momentum_ * buffer_;
    else
      u = buffer_;
  }

  void append_state(std::vector<StateEntry>& out) const override {
    if (momentum_ != 0) out.push_back({"momentum_buffer", symbol_, buffer_});
  }

 private:
  double momentum_, dampening_;
  bool nesterov_;
  std::string symbol_;
  Vec buffer_;
  bool started_ = false;
};

}  // namespace descent
