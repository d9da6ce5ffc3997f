// The recipes: each optimizer of the registry as a chain of transforms. They live apart from the
// registry's table because they instantiate the transforms, whose update() is the optimizers' hot
// path: this file is compiled for speed, the table (text, option specs) for size (CMakeLists.txt).
#pragma once

#include "core/params.hpp"
#include "optim/transform.hpp"

namespace descent {
namespace recipes {

Chain gd(const Params& p);
Chain heavy_ball(const Params& p);
Chain nesterov_accelerated(const Params& p);
Chain newton(const Params& p);
Chain adagrad_full(const Params& p);
Chain sgd(const Params& p);
Chain sgdw(const Params& p);
Chain adagrad(const Params& p);
Chain rmsprop(const Params& p);
Chain adam(const Params& p);
Chain adamw(const Params& p);
Chain nadam(const Params& p);
Chain radam(const Params& p);
Chain adamax(const Params& p);
Chain adadelta(const Params& p);

}  // namespace recipes
}  // namespace descent
