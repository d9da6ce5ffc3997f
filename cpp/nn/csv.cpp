#include "nn/csv.hpp"

#include <cmath>
#include <string_view>

#include "core/decimal.hpp"
#include "core/error.hpp"

namespace descent {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// [+-] (digits [. digits?] | . digits) [(e|E) [+-] digits]: what the page documents, and what
// parse_decimal reads (strtod would also take "inf", "nan" and hex floats).
bool is_number(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < s.size() && is_digit(s[i])) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && is_digit(s[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t exponent_digits = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++exponent_digits;
    if (exponent_digits == 0) return false;
  }
  return i == s.size();
}

// A short piece of a cell for a message: long cells are cut, so a pasted paragraph stays readable.
std::string quote(std::string_view cell) {
  constexpr std::size_t kMax = 20;
  if (cell.size() <= kMax) return "'" + std::string(cell) + "'";
  return "'" + std::string(trim(cell.substr(0, kMax - 3))) + "...'";
}

std::string where(int line, std::size_t column) {
  return "csv: line " + std::to_string(line) + ", column " + std::to_string(column);
}

double parse_cell(std::string_view cell, int line, std::size_t column) {
  if (cell.empty()) fail(where(line, column) + " is empty; every cell needs a number");
  if (!is_number(cell)) {
    const bool other_separator = cell.find_first_of(";\t|") != std::string_view::npos;
    fail(where(line, column) + ": " + quote(cell) + " is not a number" +
         (other_separator ? " (columns must be separated by commas)" : ""));
  }
  const double value = parse_decimal(cell);  // the grammar is checked above
  if (!std::isfinite(value)) fail(where(line, column) + ": " + quote(cell) + " is too large for a number");
  return value;
}

std::vector<std::string_view> split_cells(std::string_view line) {
  std::vector<std::string_view> cells;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = line.find(',', start);
    cells.push_back(trim(line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start)));
    if (comma == std::string_view::npos) return cells;
    start = comma + 1;
  }
}

// Auto mode: a header has a cell that is neither empty nor a number (an empty cell in an
// otherwise numeric first row is a data error, reported as such).
bool looks_like_header(const std::vector<std::string_view>& cells) {
  for (auto cell : cells)
    if (!cell.empty() && !is_number(cell)) return true;
  return false;
}

std::string column_name(std::string_view cell, std::size_t column) {
  if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"') cell = trim(cell.substr(1, cell.size() - 2));
  return cell.empty() ? "column " + std::to_string(column) : std::string(cell);
}

}  // namespace

CsvTable parse_csv(const std::string& text, HeaderMode header) {
  if (text.size() > kCsvMaxBytes)
    fail("csv: the text is larger than 20 MB (" + std::to_string(text.size()) + " bytes); use a smaller table");
  std::string_view rest(text);
  if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);  // a UTF-8 byte order mark (Excel)

  CsvTable table;
  std::size_t width = 0;  // columns of the first row
  int first_line = 0;     // its line number
  std::size_t cells_read = 0;
  for (int line = 1; !rest.empty(); ++line) {
    const std::size_t end = rest.find('\n');
    std::string_view content = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
    if (trim(content).empty()) continue;

    const std::vector<std::string_view> cells = split_cells(content);
    if (width == 0) {
      width = cells.size();
      first_line = line;
      if (width < 2)
        fail("csv: needs at least 2 columns (features, then the label); line " + std::to_string(line) +
             " has 1 (columns are separated by commas)");
      table.has_header = header == HeaderMode::Yes || (header == HeaderMode::Auto && looks_like_header(cells));
      for (std::size_t c = 0; c < width; ++c)
        table.columns.push_back(table.has_header ? column_name(cells[c], c + 1) : "column " + std::to_string(c + 1));
      if (table.has_header) continue;
    } else if (cells.size() != width) {
      fail("csv: line " + std::to_string(line) + " has " + std::to_string(cells.size()) + " columns but line " +
           std::to_string(first_line) + " has " + std::to_string(width));
    }
    cells_read += width;
    if (cells_read > kCsvMaxCells)
      fail("csv: more than " + std::to_string(kCsvMaxCells) + " cells (rows x columns) by line " +
           std::to_string(line) + "; use a smaller table");
    std::vector<double> row(width);
    for (std::size_t c = 0; c < width; ++c) row[c] = parse_cell(cells[c], line, c + 1);
    table.rows.push_back(std::move(row));
    table.lines.push_back(line);
  }

  if (table.rows.size() < 2) {
    std::string why = width == 0 ? "the text has no rows"
                                 : "got " + std::to_string(table.rows.size());
    if (table.has_header) why += " (line " + std::to_string(first_line) + " was read as a header)";
    fail("csv: needs at least 2 data rows; " + why);
  }
  return table;
}

}  // namespace descent
