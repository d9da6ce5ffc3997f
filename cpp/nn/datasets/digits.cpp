// The digits data set. Its 117 KB of pixels are compiled in natively (nn/data/digits_data.cpp);
// the WebAssembly module leaves them out, a sixth of its size, and is given the same bytes at run
// time (in JavaScript, loadDataset('digits') reads them from the companion descent-digits.mjs).
// Whoever supplies them, check_digits vets them and make_digits reads them.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "nn/data/digits_checksum.hpp"
#include "nn/data/embedded.hpp"
#include "nn/datasets/builders.hpp"

namespace descent {
namespace datasets {
namespace {

using data::kDigitsBytes;
using data::kDigitsPixels;
using data::kDigitsRecordBytes;

std::string& supplied() {
  static std::string bytes;
  return bytes;
}

// The bytes in use: the supplied ones, else the compiled-in copy (native builds), else none.
std::string_view digits_bytes() {
  if (!supplied().empty()) return supplied();
#ifdef DESCENT_DIGITS_COMPILED_IN
  return {data::kDigitsPacked, kDigitsBytes};
#else
  return {};
#endif
}

bool is_pixel(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'g'); }
int pixel_value(char c) { return c <= '9' ? c - '0' : c - 'a' + 10; }

// "0x" and `digits` hexadecimal digits of value.
std::string hex(std::uint32_t value, int digits = 8) {
  std::string out = "0x";
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out += "0123456789abcdef"[(value >> shift) & 0xf];
  return out;
}

std::string describe_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 32 && u < 127) return std::string("'") + c + "'";
  return "byte " + hex(u, 2);
}

bool digits_loaded() { return !digits_bytes().empty(); }

void provide_digits(std::string bytes) {
  check_digits(bytes);
  supplied() = std::move(bytes);
}

Dataset make_digits(const Params&, const Spec&, Rng&) {
  const std::string_view bytes = digits_bytes();
  Dataset d;
  d.type = "digits";
  d.task = Task::Classification;
  d.features = kDigitsPixels;
  d.outputs = 10;
  d.x_train.resize(kDigitsPixels, data::kDigitsCount);
  d.y_train.resize(data::kDigitsCount);
  for (int i = 0; i < data::kDigitsCount; ++i) {
    const char* record = bytes.data() + static_cast<std::size_t>(i) * kDigitsRecordBytes;
    for (int p = 0; p < kDigitsPixels; ++p) d.x_train(p, i) = pixel_value(record[p]);
    d.y_train[i] = record[kDigitsPixels] - '0';
  }
  for (int k = 0; k < 10; ++k) d.class_names.push_back(std::to_string(k));
  d.description = "Digits: 1797 handwritten digits, 8x8 pixels 0..16 (UCI Optical Recognition of Handwritten "
                  "Digits, Alpaydin and Kaynak 1998, test set; CC BY 4.0)";
  return d;
}

}  // namespace

std::uint32_t fnv1a(std::string_view bytes) {
  std::uint32_t h = 0x811c9dc5u;
  for (char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 0x01000193u;
  return h;
}

void check_digits(std::string_view bytes) {
  if (bytes.size() != kDigitsBytes)
    fail("dataset 'digits': the data has " + std::to_string(bytes.size()) + " bytes, expected " +
         std::to_string(kDigitsBytes) + " (1797 images of 64 pixels and a label)");
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const std::size_t at = i % kDigitsRecordBytes;
    const bool pixel = at < static_cast<std::size_t>(kDigitsPixels);
    if (pixel ? is_pixel(bytes[i]) : bytes[i] >= '0' && bytes[i] <= '9') continue;
    fail("dataset 'digits': byte " + std::to_string(i) + " (image " + std::to_string(i / kDigitsRecordBytes) + ", " +
         (pixel ? "pixel " + std::to_string(at) : std::string("label")) + ") is " + describe_byte(bytes[i]) +
         (pixel ? ", expected a pixel '0'..'9' or 'a'..'g' (0..16)" : ", expected a label '0'..'9'"));
  }
  const std::uint32_t sum = fnv1a(bytes);
  if (sum != data::kDigitsChecksum)
    fail("dataset 'digits': the data's checksum is " + hex(sum) + ", expected " + hex(data::kDigitsChecksum) +
         ": these are not the library's digits (a descent-digits.mjs from another build?)");
}

DatasetInfo digits_info() {
  DatasetInfo info{"digits", "Handwritten digits (8x8)", Task::Classification,
                   "1797 scanned digits as 8x8 images with pixels 0..16: 64 inputs, 10 classes. Pixels are "
                   "standardised with the training split's statistics (pixels that are always 0 stay 0).",
                   {test_fraction_param()}, false, &make_digits, true};
  info.loaded = &digits_loaded;
  info.provide = &provide_digits;
  return info;
}

}  // namespace datasets
}  // namespace descent
