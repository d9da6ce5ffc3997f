// The objects JavaScript holds: thin wrappers that convert arguments and results around the
// library's Optimizer and Objective. Each method body runs under guarded() (js_error.hpp).
#pragma once

#include <emscripten/val.h>

#include <memory>
#include <string>

#include "objectives/objective.hpp"
#include "optim/optimizer.hpp"

namespace descent::bindings {

using emscripten::val;

class OptimizerHandle {
 public:
  explicit OptimizerHandle(std::unique_ptr<Optimizer> optimizer) : optimizer_(std::move(optimizer)) {}
  val step(val params, val grads, val hessian);
  void reset();
  val state() const;
  std::string type() const;
  val options() const;
  double currentLr() const;
  double stepsTaken() const;

 private:
  std::unique_ptr<Optimizer> optimizer_;
};

class ObjectiveHandle {
 public:
  explicit ObjectiveHandle(std::unique_ptr<Objective> objective, std::string type)
      : objective_(std::move(objective)), type_(std::move(type)) {}
  double value(val x) const;
  val gradient(val x) const;
  val hessian(val x) const;
  int dimension() const;
  val minimum() const;
  val window() const;
  val valuesOnGrid(val grid) const;
  std::string type() const { return type_; }

 private:
  Vec point(const val& x) const;
  std::unique_ptr<Objective> objective_;
  std::string type_;
};

}  // namespace descent::bindings
