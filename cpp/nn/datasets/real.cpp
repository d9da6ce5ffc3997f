// The real data sets, compiled into the library from ../shared/data (see cpp/nn/data/README.md):
// nothing to fetch, so they work in WebAssembly and from a single HTML file. Only the split is
// random; the features are standardised with the training statistics afterwards.
#include "nn/data/embedded.hpp"
#include "nn/datasets/builders.hpp"

namespace descent {
namespace datasets {
namespace {

int pixel_value(char c) { return c <= '9' ? c - '0' : c - 'a' + 10; }

Dataset make_digits(const Params&, const Spec&, Rng&) {
  Dataset d;
  d.type = "digits";
  d.task = Task::Classification;
  d.features = data::kDigitsPixels;
  d.outputs = 10;
  d.x_train.resize(data::kDigitsPixels, data::kDigitsCount);
  d.y_train.resize(data::kDigitsCount);
  for (int i = 0; i < data::kDigitsCount; ++i) {
    const char* row = data::kDigitsRows[i];
    for (int p = 0; p < data::kDigitsPixels; ++p) d.x_train(p, i) = pixel_value(row[p]);
    d.y_train[i] = row[data::kDigitsPixels] - '0';
  }
  for (int k = 0; k < 10; ++k) d.class_names.push_back(std::to_string(k));
  d.description = "Digits: 1797 handwritten digits, 8x8 pixels 0..16 (UCI Optical Recognition of Handwritten "
                  "Digits, Alpaydin and Kaynak 1998, test set; CC BY 4.0)";
  return d;
}

Dataset make_iris(const Params&, const Spec&, Rng&) {
  Dataset d;
  d.type = "iris";
  d.task = Task::Classification;
  d.features = data::kIrisFeatureCount;
  d.outputs = data::kIrisClasses;
  d.x_train.resize(data::kIrisFeatureCount, data::kIrisCount);
  d.y_train.resize(data::kIrisCount);
  for (int i = 0; i < data::kIrisCount; ++i) {
    for (int f = 0; f < data::kIrisFeatureCount; ++f) d.x_train(f, i) = data::kIrisFeatures[i][f];
    d.y_train[i] = data::kIrisLabels[i];
  }
  d.class_names.assign(data::kIrisClassNames, data::kIrisClassNames + data::kIrisClasses);
  d.description = "Iris: 150 flowers, 4 measurements (sepal and petal length and width, cm), 3 species "
                  "(UCI Iris, Fisher 1936; CC BY 4.0)";
  return d;
}

}  // namespace

std::vector<DatasetInfo> real_infos() {
  return {
      {"digits", "Handwritten digits (8x8)", Task::Classification,
       "1797 scanned digits as 8x8 images with pixels 0..16: 64 inputs, 10 classes. Pixels are "
       "standardised with the training split's statistics (pixels that are always 0 stay 0).",
       {test_fraction_param()}, false, &make_digits, true},
      {"iris", "Iris flowers", Task::Classification,
       "Fisher's 150 iris flowers: 4 measurements, 3 species (setosa, versicolor, virginica); setosa is "
       "linearly separable from the others, the other two overlap a little. Features are standardised.",
       {test_fraction_param()}, false, &make_iris, true},
  };
}

}  // namespace datasets
}  // namespace descent
