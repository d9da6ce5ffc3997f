// parse_csv: good tables parse to the right numbers (header detection, CRLF, blank lines, spaces,
// exponents), and a table of malformed inputs gives messages with the right line and column.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "nn/csv.hpp"
#include "test_helpers.hpp"

namespace descent {
namespace {

using Rows = std::vector<std::vector<double>>;

TEST(Csv, ParsesNumbersInEveryAllowedForm) {
  const CsvTable t = parse_csv("1,-2.5,+3\n.5,5.,1e3\n-1.5E-2, 7 ,\t0\n", HeaderMode::Auto);
  EXPECT_FALSE(t.has_header);
  EXPECT_EQ(t.rows, (Rows{{1, -2.5, 3}, {0.5, 5, 1000}, {-0.015, 7, 0}}));
  EXPECT_EQ(t.columns, (std::vector<std::string>{"column 1", "column 2", "column 3"}));
  EXPECT_EQ(t.lines, (std::vector<int>{1, 2, 3}));
  // Decimal text is read as the nearest double, as JavaScript's Number() does.
  EXPECT_EQ(parse_csv("0.1,0.2\n0.3,1e-300\n", HeaderMode::No).rows, (Rows{{0.1, 0.2}, {0.3, 1e-300}}));
}

TEST(Csv, AutoDetectsAHeader) {
  const CsvTable t = parse_csv("sepal length, \"width\" ,label\n5.1,3.5,0\n4.9,3.0,1\n", HeaderMode::Auto);
  EXPECT_TRUE(t.has_header);
  EXPECT_EQ(t.columns, (std::vector<std::string>{"sepal length", "width", "label"}));
  EXPECT_EQ(t.rows, (Rows{{5.1, 3.5, 0}, {4.9, 3.0, 1}}));
  EXPECT_EQ(t.lines, (std::vector<int>{2, 3}));
  // One non-numeric cell is enough.
  EXPECT_TRUE(parse_csv("1,2,y\n1,2,3\n4,5,6\n", HeaderMode::Auto).has_header);
}

TEST(Csv, AutoTakesANumericFirstRowAsData) {
  // A header whose names look like numbers cannot be told apart: 'auto' reads it as data, and
  // header: true is how to say otherwise.
  const std::string text = "1,2,3\n4,5,6\n7,8,9\n";
  EXPECT_EQ(parse_csv(text, HeaderMode::Auto).rows.size(), 3u);
  const CsvTable forced = parse_csv(text, HeaderMode::Yes);
  EXPECT_TRUE(forced.has_header);
  EXPECT_EQ(forced.columns, (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_EQ(forced.rows, (Rows{{4, 5, 6}, {7, 8, 9}}));
  EXPECT_EQ(forced.lines, (std::vector<int>{2, 3}));
  // An empty header name becomes "column k".
  EXPECT_EQ(parse_csv("a,,c\n1,2,3\n4,5,6\n", HeaderMode::Yes).columns,
            (std::vector<std::string>{"a", "column 2", "c"}));
}

TEST(Csv, CrlfBlankLinesTrailingNewlineAndByteOrderMark) {
  const Rows expected = {{1, 2}, {3, 4}, {5, 6}};
  for (const std::string text : {"1,2\r\n3,4\r\n5,6\r\n", "1,2\n\n3,4\n   \n5,6", "\n\n1,2\n3,4\n5,6\n\n\n",
                                 "\xEF\xBB\xBF" "1,2\n3,4\n5,6\n", "1,2\r\n\r\n3,4\n5,6"}) {
    EXPECT_EQ(parse_csv(text, HeaderMode::Auto).rows, expected) << text;
  }
  EXPECT_EQ(parse_csv("\n\n1,2\n3,4\n\n5,6\n", HeaderMode::Auto).lines, (std::vector<int>{3, 4, 6}));
  EXPECT_EQ(parse_csv("x,y\r\n1,2\r\n3,4\r\n", HeaderMode::Auto).columns, (std::vector<std::string>{"x", "y"}));
}

struct BadCase {
  const char* text;
  HeaderMode header;
  const char* message;  // a fragment the message must contain
};

TEST(Csv, MalformedInputsNameTheLineAndColumn) {
  const std::vector<BadCase> cases = {
      {"1,2,3\n4,5,6\n7,8,9\n1,2,3\n5,6,7\n3,3,3\n1,2,abc\n", HeaderMode::Auto,
       "csv: line 7, column 3: 'abc' is not a number"},
      {"a,b,c,d,e\n1,2,3,4,5\n1,2,3,4,5\n1,2,3\n", HeaderMode::Auto, "csv: line 4 has 3 columns but line 1 has 5"},
      {"\n\n1,2\n3,4,5\n", HeaderMode::Auto, "csv: line 4 has 3 columns but line 3 has 2"},
      {"1,2\n3,4\n5,6,\n", HeaderMode::Auto, "csv: line 3 has 3 columns but line 1 has 2"},
      {"1\n2\n3\n", HeaderMode::Auto, "csv: needs at least 2 columns (features, then the label); line 1 has 1"},
      {"label\n1\n2\n", HeaderMode::Auto, "csv: needs at least 2 columns (features, then the label)"},
      {"1,2\n", HeaderMode::Auto, "csv: needs at least 2 data rows; got 1"},
      {"a,b\n1,2\n", HeaderMode::Auto, "csv: needs at least 2 data rows; got 1 (line 1 was read as a header)"},
      {"1,2\n3,4\n", HeaderMode::Yes, "csv: needs at least 2 data rows; got 1 (line 1 was read as a header)"},
      {"", HeaderMode::Auto, "csv: needs at least 2 data rows; the text has no rows"},
      {"\n \r\n\t\n", HeaderMode::Auto, "csv: needs at least 2 data rows; the text has no rows"},
      {"a,b\n1,2\n3,4\n", HeaderMode::No, "csv: line 1, column 1: 'a' is not a number"},
      {"1,2\n3,\n", HeaderMode::Auto, "csv: line 2, column 2 is empty"},
      {"1,,3\n4,5,6\n", HeaderMode::Auto, "csv: line 1, column 2 is empty"},  // not taken for a header
      {"x,y\r\n1,2\r\n3,four\r\n", HeaderMode::Auto, "csv: line 3, column 2: 'four' is not a number"},
      {"1,2\n3,1.2.3\n", HeaderMode::Auto, "csv: line 2, column 2: '1.2.3' is not a number"},
      {"1,2\n3,1e\n", HeaderMode::Auto, "csv: line 2, column 2: '1e' is not a number"},
      {"1,2\n3,NaN\n", HeaderMode::Auto, "csv: line 2, column 2: 'NaN' is not a number"},
      {"1,2\n3,inf\n", HeaderMode::Auto, "csv: line 2, column 2: 'inf' is not a number"},
      {"1,2\n3,0x10\n", HeaderMode::Auto, "csv: line 2, column 2: '0x10' is not a number"},
      {"1,2\n3,\"4\"\n", HeaderMode::Auto, "csv: line 2, column 2: '\"4\"' is not a number"},
      {"1,2\n-,2\n", HeaderMode::Auto, "csv: line 2, column 1: '-' is not a number"},
      {"1,2\n1 2,3\n", HeaderMode::Auto, "csv: line 2, column 1: '1 2' is not a number"},
      {"1,2\n3,1e999\n", HeaderMode::Auto, "csv: line 2, column 2: '1e999' is too large for a number"},
      {"1;2;3\n4;5;6\n", HeaderMode::No,
       "csv: needs at least 2 columns (features, then the label); line 1 has 1 (columns are separated by commas)"},
      {"1,2\n3,4;5\n", HeaderMode::Auto, "csv: line 2, column 2: '4;5' is not a number (columns must be separated"},
      {"1,2\n3,this cell is far too long to quote\n", HeaderMode::Auto,
       "csv: line 2, column 2: 'this cell is far...' is not a number"},
  };
  for (const auto& c : cases) {
    const std::string message = test::error_of([&] { parse_csv(c.text, c.header); });
    EXPECT_NE(message.find(c.message), std::string::npos)
        << "text: \"" << c.text << "\"\nmessage: \"" << message << "\"\nexpected: \"" << c.message << "\"";
  }
}

TEST(Csv, RefusesHugeInputs) {
  EXPECT_THROW_WITH(parse_csv(std::string(kCsvMaxBytes + 1, '1'), HeaderMode::Auto),
                    "csv: the text is larger than 20 MB (20971521 bytes)");
  // 500,001 rows of 2 cells: over a million cells, under 20 MB.
  std::string text;
  for (int i = 0; i < 500001; ++i) text += "1,2\n";
  EXPECT_THROW_WITH(parse_csv(text, HeaderMode::Auto), "csv: more than 1000000 cells (rows x columns) by line 500001");
  text.resize(text.size() - 4);  // exactly a million cells is fine
  EXPECT_EQ(parse_csv(text, HeaderMode::Auto).rows.size(), 500000u);
}

}  // namespace
}  // namespace descent
