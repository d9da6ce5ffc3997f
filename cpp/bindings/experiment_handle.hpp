// JavaScript's handle on an Experiment: converts specs in and histories out (Float64Array
// copies; a value that does not exist, such as accuracy on a regression task, is null, never NaN).
#pragma once

#include <emscripten/val.h>

#include <memory>

#include "nn/experiment.hpp"

namespace descent::bindings {

using emscripten::val;

class ExperimentHandle {
 public:
  explicit ExperimentHandle(std::unique_ptr<Experiment> experiment) : experiment_(std::move(experiment)) {}
  val run(val options);
  // Every optimizer's record; {from, stepsFrom} (one number, or one per optimizer) returns only the
  // epoch points and steps from those indices on, so a live page reads what is new in O(new).
  val history(val options) const;
  val predictGrid(val index, val grid) const;
  val layerStats(val index) const;
  val layerHistograms(val index, val bins) const;
  val weights(val index) const;
  val optimizerState(val index) const;
  val predictions(val index, val split) const;
  val data() const;
  val info() const;

 private:
  std::size_t index(const val& i, const std::string& what) const;
  std::unique_ptr<Experiment> experiment_;
};

std::unique_ptr<ExperimentHandle> create_experiment(val spec);
val list_datasets();
// provideDataset(type, bytes): a Uint8Array of the data a data set takes at run time (digits).
void provide_dataset_bytes(val type, val bytes);

}  // namespace descent::bindings
