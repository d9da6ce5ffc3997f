// The real data sets, from ../shared/data (see cpp/nn/data/README.md): iris compiled into the
// library, digits compiled in natively and supplied at run time in WebAssembly (digits.cpp). Only
// the split is random; the features are standardised with the training statistics afterwards.
#include "nn/data/embedded.hpp"
#include "nn/datasets/builders.hpp"

namespace descent {
namespace datasets {
namespace {

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
      digits_info(),
      {"iris", "Iris flowers", Task::Classification,
       "Fisher's 150 iris flowers: 4 measurements, 3 species (setosa, versicolor, virginica); setosa is "
       "linearly separable from the others, the other two overlap a little. Features are standardised.",
       {test_fraction_param()}, false, &make_iris, true},
  };
}

}  // namespace datasets
}  // namespace descent
