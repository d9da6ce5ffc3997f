// The real data sets compiled into the library (see README.md here for provenance and licence;
// build-scripts/embed-data.py writes the *_data.cpp files from ../shared/data).
#pragma once

namespace descent {
namespace data {

constexpr int kDigitsCount = 1797;
constexpr int kDigitsPixels = 64;                     // 8x8, row by row
constexpr int kDigitsRowChars = kDigitsPixels + 2;    // the pixels, the label digit, the terminating NUL
// Pixel p of image i is the digit value of kDigitsRows[i][p] ("0".."9", "a".."g" for 0..16); the
// label is kDigitsRows[i][64] - '0'.
extern const char kDigitsRows[kDigitsCount][kDigitsRowChars];

constexpr int kIrisCount = 150;
constexpr int kIrisFeatureCount = 4;
constexpr int kIrisClasses = 3;
extern const char* const kIrisClassNames[kIrisClasses];
extern const double kIrisFeatures[kIrisCount][kIrisFeatureCount];
extern const unsigned char kIrisLabels[kIrisCount];

}  // namespace data
}  // namespace descent
