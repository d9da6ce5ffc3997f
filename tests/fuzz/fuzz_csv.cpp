// Fuzz target: CSV text, the student's own table, through parse_csv (nn/csv.hpp) and the data set
// built from it (make_dataset with type 'csv': labels, targets, the split, standardisation).
// The first byte chooses the options (header auto / true / false, task classification /
// regression, test fraction 0 or 0.2); the rest is the text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "nn/csv.hpp"
#include "nn/dataset.hpp"

using namespace descent;
using descent::fuzz::accepted;
using descent::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t options = data[0];
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  static const char* const kHeader[] = {"auto", "true", "false"};
  const char* header = kHeader[options % 3];
  const HeaderMode mode = options % 3 == 0 ? HeaderMode::Auto : options % 3 == 1 ? HeaderMode::Yes : HeaderMode::No;
  const bool regression = (options / 3) % 2 == 1;
  const double test_fraction = (options / 6) % 2 == 1 ? 0.0 : 0.2;

  CsvTable table;
  if (accepted("parse_csv", [&] { table = parse_csv(text, mode); })) {
    require(table.rows.size() >= 2, "parse_csv", "fewer than 2 rows accepted");
    require(table.columns.size() >= 2, "parse_csv", "fewer than 2 columns accepted");
    require(table.lines.size() == table.rows.size(), "parse_csv", "lines and rows differ in number");
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      require(table.rows[r].size() == table.columns.size(), "parse_csv", "a row of the wrong width");
      require(fuzz::all_finite(table.rows[r]), "parse_csv", "a non-finite cell accepted");
      require(r == 0 || table.lines[r] > table.lines[r - 1], "parse_csv", "line numbers not increasing");
    }
  }

  Spec spec = Spec::object({{"type", Spec::string("csv")},
                            {"text", Spec::string(text)},
                            {"header", Spec::string(header)},
                            {"task", Spec::string(regression ? "regression" : "classification")},
                            {"testFraction", Spec::number(test_fraction)}});
  Dataset d;
  if (accepted("make_dataset csv", [&] { d = make_dataset(spec, 7); })) {
    const Index n = d.x_train.cols() + d.x_test.cols();
    require(n == static_cast<Index>(table.rows.size()), "make_dataset csv", "examples lost or added");
    require(d.x_train.rows() == d.features && d.x_test.rows() == d.features, "make_dataset csv", "feature count");
    require(d.x_train.cols() >= 1, "make_dataset csv", "an empty training split");
    require(d.x_train.allFinite() && d.x_test.allFinite(), "make_dataset csv", "non-finite standardised features");
    if (regression) {
      require(d.t_train.cols() == d.x_train.cols() && d.t_test.cols() == d.x_test.cols(), "make_dataset csv",
              "targets and examples differ in number");
    } else {
      require(d.y_train.size() == d.x_train.cols() && d.y_test.size() == d.x_test.cols(), "make_dataset csv",
              "labels and examples differ in number");
      for (Index i = 0; i < d.y_train.size(); ++i)
        require(d.y_train[i] >= 0 && d.y_train[i] < d.outputs, "make_dataset csv", "a label out of range");
      require(static_cast<Index>(d.class_names.size()) == d.outputs, "make_dataset csv", "class names");
    }
    require(!d.description.empty(), "make_dataset csv", "an empty description");
  }
  return 0;
}
