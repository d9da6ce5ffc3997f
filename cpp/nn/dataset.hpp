// Data sets for the network lab: 2-D toys whose decision boundary the page can draw, small
// regression curves and surfaces, two real data sets (iris compiled into the library; digits
// compiled in natively, supplied at run time to the WebAssembly module, which loads them from its
// companion file), and the student's own CSV text.
//
// Examples are COLUMNS (features x examples), as the network code multiplies W x. The 2-D toys lie
// roughly in [-2, 2]^2 and are not standardised, so the page draws their decision boundary over
// [-2.5, 2.5]^2 in the data's own coordinates. Real and CSV features are standardised with the
// training split's mean and standard deviation (a constant feature is only centred).
//
// Everything random comes from Rng(seed): fork(streams::kData) draws the examples and
// fork(streams::kSplit) the train/test split, so the same spec and seed give the same data bit for
// bit, and changing testFraction does not change the examples drawn.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/params.hpp"
#include "core/random.hpp"
#include "core/spec.hpp"
#include "core/types.hpp"

namespace descent {

enum class Task { Classification, Regression };

const char* task_name(Task task);  // "classification" or "regression"

struct Dataset {
  std::string type;                      // "spiral", "digits", "csv", ...
  Task task = Task::Classification;
  Index features = 0;                    // inputs per example
  Index outputs = 0;                     // classes (classification) or targets (regression)
  Mat x_train, x_test;                   // features x examples: one COLUMN per example
  Eigen::VectorXi y_train, y_test;       // class labels 0..classes-1 (classification; empty otherwise)
  Mat t_train, t_test;                   // outputs x examples targets (regression; empty otherwise)
  std::vector<std::string> class_names;  // "0".."9", iris species, or "class 0".. for toys
  std::string description;               // one line with size and provenance for the page
};

struct DatasetInfo {
  std::string type;
  std::string label;
  Task task;           // csv: its default; its 'task' option chooses
  std::string notes;   // one or two sentences for the page
  std::vector<ParamSpec> params;
  // csv only: the spec also needs 'text', a string (the CSV itself). ParamKind has no string kind,
  // so it is not in `params`; make_dataset reads and checks it.
  bool needs_text = false;
  // Builds all examples (unsplit) into the *_train members; make_dataset splits and standardises.
  Dataset (*make)(const Params& params, const Spec& spec, Rng& rng);
  bool standardise = false;  // standardise features with the training statistics
  // Data supplied at run time where it is not compiled in (digits in WebAssembly): whether it is
  // there, and supplying it (checked first; throws InvalidArgument). Null for all other data sets.
  bool (*loaded)() = nullptr;
  void (*provide)(std::string bytes) = nullptr;
};

const std::vector<DatasetInfo>& dataset_registry();

// False only for a data set whose data must be supplied first (provide_dataset).
bool dataset_loaded(const DatasetInfo& info);
// Supplies the data of a data set that takes it at run time (digits: the packed bytes of
// nn/data/embedded.hpp); throws InvalidArgument for another type or bytes that fail the checks.
void provide_dataset(const std::string& type, std::string bytes);

// Validates `spec` ({type: 'spiral', n: 300, ...}) and builds the data set; throws InvalidArgument
// naming the field otherwise.
Dataset make_dataset(const Spec& spec, std::uint64_t seed);

}  // namespace descent
