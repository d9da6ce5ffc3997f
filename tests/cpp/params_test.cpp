// read_params and friends: the one validator behind every option table (optimizers, schedules,
// objectives, runs). Defaults, given(), JavaScript's undefined, each kind's checks and messages,
// and the range texts that messages and tooltips show.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/params.hpp"
#include "test_helpers.hpp"

namespace descent {
namespace {

using test::arr;
using test::boolean;
using test::nums;
using test::num;
using test::obj;
using test::str;

// A table with one option of every kind.
const std::vector<ParamSpec>& table() {
  static const std::vector<ParamSpec> t = {
      param::number("rate", 0.5).above(0).at_most(1).help("a number in (0, 1]"),
      param::integer("count", 3).at_least(1).help("a whole number >= 1"),
      param::boolean("flag", true).help("a switch"),
      param::pair("betas", 0.9, 0.999).at_least(0).below(1).help("two numbers in [0, 1)"),
      param::numbers("x0").optional().help("a list of numbers"),
      param::choice("mode", "fanIn", {"fanIn", "fanOut"}).help("one of two"),
      param::object("nested").optional().help("an object"),
      param::number("required", 0).required().help("must be given"),
  };
  return t;
}

Params read(std::vector<Spec::Field> fields) {
  fields.push_back({"required", num(7)});
  return read_params(obj(std::move(fields)), table(), "thing 'x'");
}

std::string error_reading(std::vector<Spec::Field> fields) {
  return test::error_of([&] { read(std::move(fields)); });
}

// ---------------------------------------------------------------------------------------------
// Defaults, given(), has(), and what counts as "left out".

TEST(ReadParams, DefaultsApplyAndGivenTellsThemApart) {
  const Params p = read({{"type", str("whatever")}, {"rate", num(0.25)}});
  EXPECT_EQ(p.number("rate"), 0.25);
  EXPECT_TRUE(p.given("rate"));
  EXPECT_EQ(p.integer("count"), 3);
  EXPECT_FALSE(p.given("count"));
  EXPECT_TRUE(p.has("count"));
  EXPECT_TRUE(p.flag("flag"));
  EXPECT_EQ(p.pair("betas")[0], 0.9);
  EXPECT_EQ(p.pair("betas")[1], 0.999);
  EXPECT_EQ(p.choice("mode"), "fanIn");
  EXPECT_FALSE(p.has("x0")) << "an optional option left out has no value";
  EXPECT_FALSE(p.has("nested"));
  EXPECT_FALSE(p.given("type")) << "ignored keys are not options";
  EXPECT_EQ(p.number("required"), 7);
  EXPECT_TRUE(p.given("required"));
}

TEST(ReadParams, UndefinedAndNullFieldsCountAsLeftOut) {
  const Params p = read({{"rate", Spec()}, {"count", Spec::null()}, {"x0", Spec()}, {"bogus", Spec()}});
  EXPECT_EQ(p.number("rate"), 0.5);
  EXPECT_FALSE(p.given("rate"));
  EXPECT_EQ(p.integer("count"), 3);
  EXPECT_FALSE(p.given("count"));
  EXPECT_FALSE(p.has("x0"));
  // A required option given as undefined is still missing.
  EXPECT_THROW_WITH(read_params(obj({{"required", Spec()}}), table(), "thing 'x'"),
                    "thing 'x': option 'required' is required (must be given)");
}

TEST(ReadParams, IgnoredKeysAndUnknownKeys) {
  EXPECT_NE(error_reading({{"rte", num(0.1)}}).find(
                "thing 'x': unknown option 'rte'; allowed: 'rate', 'count', 'flag', 'betas', 'x0', 'mode', 'nested' "
                "or 'required'"),
            std::string::npos);
  // "type" is ignored by default, other keys only when listed; an empty ignore list refuses "type".
  EXPECT_NO_THROW(read_params(obj({{"type", str("a")}, {"required", num(1)}}), table(), "c"));
  EXPECT_NO_THROW(read_params(obj({{"kind", str("a")}, {"required", num(1)}}), table(), "c", {"kind"}));
  EXPECT_THROW_WITH(read_params(obj({{"type", str("a")}, {"required", num(1)}}), table(), "c", {}),
                    "c: unknown option 'type'");
  EXPECT_THROW_WITH(read_params(obj({{"a", num(1)}}), {}, "empty"), "empty: unknown option 'a'; allowed: none");
  // Listed ignored keys are valid keys read elsewhere, so the message offers them too ("type" aside).
  EXPECT_THROW_WITH(read_params(obj({{"kinds", str("a")}}), {}, "c", {"type", "kind"}),
                    "c: unknown option 'kinds'; allowed: 'kind'");
  // A required option without help text ends the sentence there (no empty "()").
  const std::string bare = ::descent::test::error_of(
      [] { read_params(obj({}), {param::number("xMin", 0).required()}, "predictGrid"); });
  EXPECT_EQ(bare, "predictGrid: option 'xMin' is required");
  EXPECT_THROW_WITH(read_params(num(3), table(), "thing"), "thing must be an object, got 3");
  EXPECT_THROW_WITH(read_params(arr({}), table(), "thing"), "thing must be an object, got an array");
}

// ---------------------------------------------------------------------------------------------
// Each kind's checks.

TEST(ReadParams, NumbersAndIntegers) {
  EXPECT_NE(error_reading({{"rate", num(0)}}).find("thing 'x': option 'rate' must be in (0, 1], got 0"),
            std::string::npos);
  EXPECT_NE(error_reading({{"rate", num(1.5)}}).find("must be in (0, 1], got 1.5"), std::string::npos);
  EXPECT_EQ(read({{"rate", num(1)}}).number("rate"), 1) << "a closed bound is allowed";
  EXPECT_NE(error_reading({{"rate", num(NAN)}}).find("option 'rate' must be a finite number, got NaN"),
            std::string::npos);
  EXPECT_NE(error_reading({{"rate", num(-INFINITY)}}).find("must be a finite number, got -Infinity"),
            std::string::npos);
  EXPECT_NE(error_reading({{"rate", str("0.5")}}).find("option 'rate' must be a number, got '0.5'"),
            std::string::npos);
  EXPECT_NE(error_reading({{"rate", nums({0.5})}}).find("must be a number, got an array"), std::string::npos);
  EXPECT_NE(error_reading({{"count", num(2.5)}}).find("option 'count' must be a whole number, got 2.5"),
            std::string::npos);
  EXPECT_NE(error_reading({{"count", num(0)}}).find("option 'count' must be >= 1, got 0"), std::string::npos);
  EXPECT_NE(error_reading({{"count", str("2")}}).find("option 'count' must be an integer, got '2'"),
            std::string::npos);
  EXPECT_EQ(read({{"count", num(12)}}).integer("count"), 12);
}

TEST(ReadParams, Boolean) {
  EXPECT_FALSE(read({{"flag", boolean(false)}}).flag("flag"));
  EXPECT_NE(error_reading({{"flag", num(0)}}).find("option 'flag' must be true or false, got 0"), std::string::npos);
  EXPECT_NE(error_reading({{"flag", str("false")}}).find("must be true or false, got 'false'"), std::string::npos);
}

TEST(ReadParams, Pair) {
  const auto betas = read({{"betas", nums({0, 0.5})}}).pair("betas");
  EXPECT_EQ(betas[0], 0);
  EXPECT_EQ(betas[1], 0.5);
  EXPECT_NE(error_reading({{"betas", nums({0.5, 1})}}).find("option 'betas' must have both entries in [0, 1), got [0.5, 1]"),
            std::string::npos);
  EXPECT_NE(error_reading({{"betas", nums({NAN, 0.5})}}).find("got [NaN, 0.5]"), std::string::npos);
  EXPECT_NE(error_reading({{"betas", nums({0.5})}}).find("must be an array of two numbers, got an array of length 1"),
            std::string::npos);
  EXPECT_NE(error_reading({{"betas", arr({num(0.5), boolean(true)})}}).find("must be an array of two numbers"),
            std::string::npos);
  EXPECT_NE(error_reading({{"betas", str("0.9,0.99")}}).find("got '0.9,0.99'"), std::string::npos);
}

TEST(ReadParams, NumbersList) {
  EXPECT_EQ(read({{"x0", nums({1, -2, 3.5})}}).numbers("x0"), (std::vector<double>{1, -2, 3.5}));
  EXPECT_TRUE(read({{"x0", nums({})}}).numbers("x0").empty());
  EXPECT_NE(error_reading({{"x0", nums({1, NAN, 3})}}).find("option 'x0': entry 1 must be a finite number, got NaN"),
            std::string::npos);
  EXPECT_NE(error_reading({{"x0", nums({1, 2, INFINITY})}}).find("entry 2 must be a finite number, got Infinity"),
            std::string::npos);
  EXPECT_NE(error_reading({{"x0", arr({num(1), str("2")})}}).find("option 'x0' must hold only numbers; entry 1 is a string"),
            std::string::npos);
  EXPECT_NE(error_reading({{"x0", num(1)}}).find("option 'x0' must be an array of numbers, got 1"), std::string::npos);
  // A range on a Numbers option applies to every entry.
  const std::vector<ParamSpec> positive = {param::numbers("eig").above(0).help("positive entries")};
  EXPECT_THROW_WITH(read_params(obj({{"eig", nums({1, 0})}}), positive, "q"), "q: option 'eig': entry 1 must be > 0, got 0");
}

TEST(ReadParams, ChoiceAndObject) {
  EXPECT_EQ(read({{"mode", str("fanOut")}}).choice("mode"), "fanOut");
  EXPECT_NE(error_reading({{"mode", str("fan_in")}}).find("option 'mode' must be one of 'fanIn' or 'fanOut', got 'fan_in'"),
            std::string::npos);
  EXPECT_NE(error_reading({{"mode", num(1)}}).find("must be one of 'fanIn' or 'fanOut', got 1"), std::string::npos);
  const Params p = read({{"nested", obj({{"type", str("cosine")}, {"tMax", num(3)}})}});
  ASSERT_TRUE(p.has("nested"));
  EXPECT_EQ(p.object("nested").find("tMax")->as_number(), 3);
  EXPECT_NE(error_reading({{"nested", str("cosine")}}).find("option 'nested' must be an object, got 'cosine'"),
            std::string::npos);
}

TEST(ReadParams, AskingForAnUndeclaredOptionIsAnInternalError) {
  const Params p = read({});
  EXPECT_THROW_WITH(p.number("nope"), "internal: option 'nope' was not declared with this kind");
  EXPECT_THROW_WITH(p.flag("rate"), "internal: option 'rate'");
}

// ---------------------------------------------------------------------------------------------
// The texts messages are built from.

TEST(ParamTexts, DescribeRange) {
  EXPECT_EQ(describe_range(param::number("a", 1).above(0)), "> 0");
  EXPECT_EQ(describe_range(param::number("a", 1).at_least(1)), ">= 1");
  EXPECT_EQ(describe_range(param::number("a", 1).below(5)), "< 5");
  EXPECT_EQ(describe_range(param::number("a", 1).at_most(2.5)), "<= 2.5");
  EXPECT_EQ(describe_range(param::number("a", 0.5).at_least(0).below(1)), "in [0, 1)");
  EXPECT_EQ(describe_range(param::number("a", 0.5).above(0).at_most(1)), "in (0, 1]");
  EXPECT_EQ(describe_range(param::number("a", 0.5).above(-1).below(1)), "in (-1, 1)");
  EXPECT_EQ(describe_range(param::number("a", 0)), "finite");
}

TEST(ParamTexts, FluentBuilderFillsTheSpec) {
  const ParamSpec p = param::number("lr", 0.01).above(0).log_scale().symbol("\\eta").torch("lr").help("step size");
  EXPECT_EQ(p.name, "lr");
  EXPECT_EQ(p.kind, ParamKind::Number);
  EXPECT_EQ(p.number, 0.01);
  EXPECT_EQ(p.min, 0);
  EXPECT_TRUE(p.min_open);
  EXPECT_TRUE(std::isinf(p.max));
  EXPECT_TRUE(p.log_scale);
  EXPECT_EQ(p.symbol, "\\eta");
  EXPECT_EQ(p.torch, "lr");
  EXPECT_EQ(p.help, "step size");
  EXPECT_STREQ(param_kind_name(ParamKind::Pair), "pair");
  EXPECT_STREQ(param_kind_name(ParamKind::Choice), "choice");
}

TEST(ParamTexts, FormatNumberAndJoinNames) {
  EXPECT_EQ(format_number(3), "3");
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(-2.5), "-2.5");
  EXPECT_EQ(format_number(1e-8), "1e-08");
  EXPECT_EQ(format_number(NAN), "NaN");
  EXPECT_EQ(format_number(INFINITY), "Infinity");
  EXPECT_EQ(format_number(-INFINITY), "-Infinity");
  EXPECT_EQ(join_names({"a"}), "'a'");
  EXPECT_EQ(join_names({"a", "b"}), "'a' or 'b'");
  EXPECT_EQ(join_names({"a", "b", "c"}), "'a', 'b' or 'c'");
  EXPECT_EQ(Spec::string(std::string(50, 'x')).describe(), "'" + std::string(40, 'x') + "...'");
}

TEST(ParamTexts, ReadType) {
  const std::vector<std::string> allowed = {"a", "b"};
  EXPECT_EQ(read_type(obj({{"type", str("b")}}), "thing", allowed), "b");
  EXPECT_THROW_WITH(read_type(obj({{"type", str("c")}}), "thing", allowed), "thing: unknown type 'c'; allowed: 'a' or 'b'");
  EXPECT_THROW_WITH(read_type(obj({}), "thing", allowed), "thing needs a 'type'; one of 'a' or 'b'");
  EXPECT_THROW_WITH(read_type(obj({{"type", Spec()}}), "thing", allowed), "thing needs a 'type'");
  EXPECT_THROW_WITH(read_type(obj({{"type", num(1)}}), "thing", allowed),
                    "thing: 'type' must be a string, one of 'a' or 'b'; got 1");
  EXPECT_THROW_WITH(read_type(str("a"), "thing", allowed), "thing must be an object, got 'a'");
  EXPECT_THROW_WITH(require_object(Spec::null(), "arg"), "arg must be an object, got null");
}

}  // namespace
}  // namespace descent
