// The real data sets of the library (see README.md here for provenance and licence;
// build-scripts/embed-data.py writes the *_data.cpp files from ../shared/data).
#pragma once

#include <cstddef>

namespace descent {
namespace data {

// The digits, packed: kDigitsCount records of kDigitsRecordBytes characters back to back, one per
// image: its 64 pixels row by row ("0".."9", "a".."g" for 0..16), then its label ("0".."9").
constexpr int kDigitsCount = 1797;
constexpr int kDigitsPixels = 64;                       // 8x8, row by row
constexpr int kDigitsRecordBytes = kDigitsPixels + 1;   // the pixels, then the label
constexpr std::size_t kDigitsBytes = static_cast<std::size_t>(kDigitsCount) * kDigitsRecordBytes;
// Compiled in natively only (digits_data.cpp): the WebAssembly module is supplied the same bytes
// at run time (nn/datasets/digits.cpp).
extern const char kDigitsPacked[kDigitsBytes + 1];

constexpr int kIrisCount = 150;
constexpr int kIrisFeatureCount = 4;
constexpr int kIrisClasses = 3;
extern const char* const kIrisClassNames[kIrisClasses];
extern const double kIrisFeatures[kIrisCount][kIrisFeatureCount];
extern const unsigned char kIrisLabels[kIrisCount];

}  // namespace data
}  // namespace descent
