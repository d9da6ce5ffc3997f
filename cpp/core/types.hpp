// Numeric types shared by the whole library: every optimizer, objective and network works on
// flat float64 vectors, so one alias keeps the signatures short and the choice in one place.
#pragma once

#include <Eigen/Dense>
#include <cstdint>

namespace descent {

using Vec = Eigen::VectorXd;
using Mat = Eigen::MatrixXd;
using Index = Eigen::Index;

}  // namespace descent
