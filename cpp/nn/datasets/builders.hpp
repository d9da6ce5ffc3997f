// Internal to cpp/nn/datasets: each file describes its data sets as DatasetInfo entries; the
// registry collects them, validates the spec and then splits and standardises what they build.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nn/dataset.hpp"

namespace descent {
namespace datasets {

std::vector<DatasetInfo> toy_infos();         // spiral, circles, xor, gaussians, moons
std::vector<DatasetInfo> regression_infos();  // sine, surface
std::vector<DatasetInfo> real_infos();        // digits, iris
DatasetInfo digits_info();
DatasetInfo csv_info();

// Vets packed digits (nn/data/embedded.hpp's layout) before they are used: the length, every
// character, and the FNV-1a checksum of nn/data/digits_checksum.hpp; throws InvalidArgument.
void check_digits(std::string_view bytes);
std::uint32_t fnv1a(std::string_view bytes);  // FNV-1a, 32 bits

// Option builders shared by the tables, so the same option reads the same everywhere.
ParamSpec n_param(double default_n);
ParamSpec noise_param(double default_std, double max_std, const char* help);
ParamSpec test_fraction_param();

// "class 0", "class 1", ...: names for classes that have no other.
std::vector<std::string> numbered_classes(int classes);

// sin and cos from + and * only (Cody-Waite reduction, then Taylor polynomials), so the toys'
// coordinates are the same bit for bit in every build; libm's sin/cos may differ in the last bit
// between platforms. Within 1e-15 of the exact values for |x| <= 1e5.
void sin_cos(double x, double& sin_x, double& cos_x);

// Moves a random round(n * fraction) of the examples (at most n - 1) from *_train to *_test;
// the training examples stay in the shuffled order.
void split_examples(Dataset& d, double test_fraction, Rng& rng);

// Standardises every feature with the training split's mean and (population) standard deviation;
// a feature constant over the training split is only shifted to 0.
void standardise(Dataset& d);

}  // namespace datasets
}  // namespace descent
