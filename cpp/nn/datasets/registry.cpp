// The data set registry and make_dataset: validation, then the seeded split and standardisation
// that every data set shares.
#include "core/error.hpp"
#include "nn/datasets/builders.hpp"

namespace descent {
namespace {

std::vector<DatasetInfo> build_registry() {
  std::vector<DatasetInfo> all = datasets::toy_infos();
  for (auto& info : datasets::regression_infos()) all.push_back(std::move(info));
  for (auto& info : datasets::real_infos()) all.push_back(std::move(info));
  all.push_back(datasets::csv_info());
  return all;
}

// csv's header is 'auto', true or false in JavaScript; the table lists it as a choice of strings
// (ParamKind has no "string or boolean"), so a boolean becomes the string of the same name.
Spec booleans_as_choices(const Spec& spec, const std::vector<ParamSpec>& table) {
  Spec out = spec;
  for (const auto& p : table) {
    const Spec* value = spec.find(p.name);
    if (p.kind != ParamKind::Choice || value == nullptr || value->kind() != Spec::Kind::Boolean) continue;
    const std::string text = value->as_boolean() ? "true" : "false";
    for (const auto& choice : p.choices)
      if (choice == text) out.set(p.name, Spec::string(text));
  }
  return out;
}

}  // namespace

const char* task_name(Task task) { return task == Task::Classification ? "classification" : "regression"; }

const std::vector<DatasetInfo>& dataset_registry() {
  static const std::vector<DatasetInfo> registry = build_registry();
  return registry;
}

bool dataset_loaded(const DatasetInfo& info) { return info.loaded == nullptr || info.loaded(); }

void provide_dataset(const std::string& type, std::string bytes) {
  std::vector<std::string> takers;
  const DatasetInfo* info = nullptr;
  for (const auto& candidate : dataset_registry()) {
    if (candidate.provide != nullptr) takers.push_back(candidate.type);
    if (candidate.type == type) info = &candidate;
  }
  if (info == nullptr)
    fail("provideDataset: unknown data set '" + type + "'; data sets that take their data: " + join_names(takers));
  if (info->provide == nullptr)
    fail("provideDataset: data set '" + type + "' is part of the module and takes no data; data sets that take "
         "their data: " + join_names(takers));
  info->provide(std::move(bytes));
}

Dataset make_dataset(const Spec& spec, std::uint64_t seed) {
  std::vector<std::string> types;
  for (const auto& info : dataset_registry()) types.push_back(info.type);
  const std::string type = read_type(spec, "dataset", types);
  const DatasetInfo* info = nullptr;
  for (const auto& candidate : dataset_registry())
    if (candidate.type == type) info = &candidate;
  if (info == nullptr) fail("internal: dataset '" + type + "' not registered");

  const std::string context = "dataset '" + type + "'";
  if (!dataset_loaded(*info))
    fail(context + ": its data is not loaded yet: call await loadDataset('" + type + "') first (it travels beside "
         "the WebAssembly module)");
  const Spec prepared = booleans_as_choices(spec, info->params);
  const Params params = read_params(prepared, info->params, context,
                                    info->needs_text ? std::vector<std::string>{"type", "text"}
                                                     : std::vector<std::string>{"type"});
  // Separate streams: the examples do not depend on testFraction, nor the split on n's draws.
  const Rng root(seed);
  Rng data = root.fork(streams::kData), split = root.fork(streams::kSplit);
  Dataset d = info->make(params, prepared, data);
  datasets::split_examples(d, params.number("testFraction"), split);
  if (info->standardise) datasets::standardise(d);
  d.description += "; " + std::to_string(d.x_train.cols()) + " train / " + std::to_string(d.x_test.cols()) +
                   " test (seed " + std::to_string(seed) + ")" +
                   (info->standardise ? "; features standardised with the training mean and std" : "");
  return d;
}

}  // namespace descent
