// The student's own table: feature columns, then the label (classification) or the target
// (regression) in the last column. parse_csv checks the text; this checks what the task needs.
#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "nn/csv.hpp"
#include "nn/datasets/builders.hpp"

namespace descent {
namespace datasets {
namespace {

constexpr int kMaxClasses = 1000;
const std::string kContext = "dataset 'csv'";

const std::string& read_text(const Spec& spec) {
  const Spec* text = spec.find("text");
  if (text == nullptr || text->is_undefined() || text->kind() == Spec::Kind::Null)
    fail(kContext + ": option 'text' is required (the CSV text: feature columns, then the label or target)");
  if (text->kind() != Spec::Kind::String)
    fail(kContext + ": option 'text' must be a string, got " + text->describe());
  return text->as_string();
}

std::string line_of(const CsvTable& table, std::size_t row) { return std::to_string(table.lines[row]); }

// Labels must be 0, 1, ..., K-1 with every class present.
int check_labels(const CsvTable& table, std::size_t label_column) {
  int classes = 0;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const double label = table.rows[r][label_column];
    if (!(label >= 0) || std::floor(label) != label)
      fail("csv: classification labels must be whole numbers >= 0; line " + line_of(table, r) + " has " +
           format_number(label) + " (for a numeric target, use task 'regression')");
    if (label >= kMaxClasses)
      fail("csv: at most " + std::to_string(kMaxClasses) + " classes (labels 0.." + std::to_string(kMaxClasses - 1) +
           "); line " + line_of(table, r) + " has " + format_number(label));
    classes = std::max(classes, static_cast<int>(label) + 1);
  }
  if (classes < 2) fail("csv: classification needs at least 2 classes; every label is 0");
  std::vector<bool> seen(static_cast<std::size_t>(classes), false);
  for (const auto& row : table.rows) seen[static_cast<std::size_t>(row[label_column])] = true;
  std::vector<std::string> missing;
  for (int k = 0; k < classes; ++k)
    if (!seen[static_cast<std::size_t>(k)]) missing.push_back(std::to_string(k));
  if (!missing.empty()) {
    const std::size_t count = missing.size();
    std::string list;  // "1", "1 and 2", "1, 2 and 3", "1, 2, ..., 10 and 9 more"
    const std::size_t shown = std::min<std::size_t>(count, 10);
    for (std::size_t i = 0; i < shown; ++i) list += (i == 0 ? "" : i + 1 == count ? " and " : ", ") + missing[i];
    if (count > shown) list += " and " + std::to_string(count - shown) + " more";
    fail("csv: classes are numbered 0.." + std::to_string(classes - 1) + " (the largest label is " +
         std::to_string(classes - 1) + "), but " + (count == 1 ? "class " : "classes ") + list +
         (count == 1 ? " never appears" : " never appear") + "; every class needs at least one row");
  }
  return classes;
}

std::string feature_list(const CsvTable& table, std::size_t features) {
  if (!table.has_header) return "";
  std::string out = " (";
  for (std::size_t c = 0; c < std::min<std::size_t>(features, 6); ++c) out += (c ? ", " : "") + table.columns[c];
  return out + (features > 6 ? ", ...)" : ")");
}

Dataset make_csv(const Params& p, const Spec& spec, Rng&) {
  const std::string& header = p.choice("header");
  const HeaderMode mode = header == "true" ? HeaderMode::Yes : header == "false" ? HeaderMode::No : HeaderMode::Auto;
  const CsvTable table = parse_csv(read_text(spec), mode);
  const bool classification = p.choice("task") == "classification";
  const std::size_t features = table.columns.size() - 1;
  const Index n = static_cast<Index>(table.rows.size());

  Dataset d;
  d.type = "csv";
  d.task = classification ? Task::Classification : Task::Regression;
  d.features = static_cast<Index>(features);
  d.x_train.resize(d.features, n);
  for (Index i = 0; i < n; ++i)
    for (std::size_t f = 0; f < features; ++f) d.x_train(static_cast<Index>(f), i) = table.rows[static_cast<std::size_t>(i)][f];
  std::string what;
  if (classification) {
    const int classes = check_labels(table, features);
    d.outputs = classes;
    d.y_train.resize(n);
    for (Index i = 0; i < n; ++i) d.y_train[i] = static_cast<int>(table.rows[static_cast<std::size_t>(i)][features]);
    d.class_names = numbered_classes(classes);
    what = std::to_string(classes) + " classes in column '" + table.columns[features] + "'";
  } else {
    d.outputs = 1;
    d.t_train.resize(1, n);
    for (Index i = 0; i < n; ++i) d.t_train(0, i) = table.rows[static_cast<std::size_t>(i)][features];
    what = "target column '" + table.columns[features] + "'";
  }
  d.description = "CSV: " + std::to_string(n) + " rows, " + std::to_string(features) +
                  (features == 1 ? " feature" : " features") + feature_list(table, features) + ", " + what +
                  "; your data";
  return d;
}

}  // namespace

DatasetInfo csv_info() {
  return {"csv", "Your CSV", Task::Classification,
          "Paste a table of numbers: feature columns, then the label (whole numbers 0, 1, ..., every class "
          "present) or, for regression, the target. Give it as the option 'text'. Features are standardised "
          "with the training split's statistics.",
          {param::choice("header", "auto", {"auto", "true", "false"})
               .help("is the first row column names? 'auto': yes when it has a cell that is not a number"),
           param::choice("task", "classification", {"classification", "regression"})
               .help("is the last column a class label or a number to predict?"),
           test_fraction_param()},
          true, &make_csv, true};
}

}  // namespace datasets
}  // namespace descent
