// Adadelta (Zeiler 2012): r <- rho r + (1 - rho) g*g, delta = sqrt(a + eps) / sqrt(r + eps) * g,
// a <- rho a + (1 - rho) delta*delta, u <- delta. Its "units" match the parameters', so
// PyTorch's default lr is 1.
#pragma once

#include "optim/transform.hpp"

namespace descent {

class ScaleByAdadelta final : public Transform {
 public:
  ScaleByAdadelta(double rho, double eps) : rho_(rho), eps_(eps) {}

  void init(Index dim) override {
    square_avg_.setZero(dim);
    acc_delta_.setZero(dim);
  }

  void update(Vec& u, const Vec&, const StepContext&) override {
    square_avg_ = rho_ * square_avg_ + (1 - rho_) * u.cwiseProduct(u);
    u = ((acc_delta_.array() + eps_).sqrt() / (square_avg_.array() + eps_).sqrt() * u.array()).matrix();
    acc_delta_ = rho_ * acc_delta_ + (1 - rho_) * u.cwiseProduct(u);
  }

  void append_state(std::vector<StateEntry>& out) const override {
    out.push_back({"square_avg", "\\mathbf{r}", square_avg_});
    out.push_back({"acc_delta", "\\Delta", acc_delta_});
  }

 private:
  double rho_, eps_;
  Vec square_avg_, acc_delta_;
};

}  // namespace descent
