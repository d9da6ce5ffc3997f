// AdaGrad's diagonal preconditioner (the lecture's Algorithm 8.4): r <- r + g*g,
// u <- g / (delta + sqrt(r)). r starts at PyTorch's initial_accumulator_value.
#pragma once

#include "optim/transform.hpp"

namespace descent {

class ScaleByRss final : public Transform {
 public:
  ScaleByRss(double initial_accumulator, double eps) : initial_(initial_accumulator), eps_(eps) {}
  void init(Index dim) override { sum_.setConstant(dim, initial_); }
  void update(Vec& u, const Vec&, const StepContext&) override {
    sum_ += u.cwiseProduct(u);
    u = (u.array() / (sum_.array().sqrt() + eps_)).matrix();
  }
  void append_state(std::vector<StateEntry>& out) const override { out.push_back({"sum", "\\mathbf{r}", sum_}); }

 private:
  double initial_, eps_;
  Vec sum_;
};

}  // namespace descent
