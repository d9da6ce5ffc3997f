// A strict, small CSV reader for the student's own data: numbers only, comma separated, one
// optional header row. Every error names the line (1-based, as a text editor counts) and the
// column, and quotes a short piece of the bad cell, so a student can find it in the text box.
#pragma once

#include <string>
#include <vector>

namespace descent {

enum class HeaderMode { Auto, Yes, No };  // Auto: a first row with any non-numeric cell is a header

struct CsvTable {
  std::vector<std::string> columns;       // the header's names, or "column 1", "column 2", ...
  bool has_header = false;
  std::vector<std::vector<double>> rows;  // data rows, each with columns.size() numbers
  std::vector<int> lines;                 // the 1-based text line of each data row
};

constexpr std::size_t kCsvMaxBytes = 20u * 1024 * 1024;  // 20 MB of text
constexpr std::size_t kCsvMaxCells = 1'000'000;

// Parses `text`: blank (or all-space) lines are skipped; "\n" or "\r\n" line ends; spaces and tabs
// around a cell are ignored; a number is [+-]digits[.digits][e[+-]digits] (also ".5", "5."). Throws
// InvalidArgument ("csv: line 7, column 3: 'abc' is not a number").
CsvTable parse_csv(const std::string& text, HeaderMode header);

}  // namespace descent
