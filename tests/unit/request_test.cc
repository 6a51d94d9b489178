/** @file request_test.cc
 *  @brief Service requests: whole-number parameters and their ranges.
 */
#include "searcher/request.h"

#include <gtest/gtest.h>

namespace saywho {
namespace {

std::string count_error(const std::string& text, std::size_t min, std::size_t max) {
    try {
        parse_count("limit", text, min, max);
    } catch (const RequestError& e) {
        return e.what();
    }
    return "";
}

TEST(RequestCounts, WholeNumbersInRangeAreRead) {
    EXPECT_EQ(parse_count("limit", "0", 0, 100), 0u);
    EXPECT_EQ(parse_count("limit", "100", 0, 100), 100u);
    EXPECT_EQ(parse_count("limit", "007", 1, 50), 7u);
}

TEST(RequestCounts, AnythingElseNamesTheParameterAndTheRange) {
    EXPECT_EQ(count_error("", 1, 50), "'limit' must be a whole number from 1 to 50, not ''");
    EXPECT_EQ(count_error("-3", 1, 50), "'limit' must be a whole number from 1 to 50, not '-3'");
    EXPECT_EQ(count_error("2.5", 1, 50), "'limit' must be a whole number from 1 to 50, not '2.5'");
    EXPECT_EQ(count_error("9999999999", 1, 50), "'limit' must be a whole number from 1 to 50, not '9999999999'");
    EXPECT_EQ(count_error("0", 1, 50), "'limit' must be from 1 to 50");
    EXPECT_EQ(count_error("51", 1, 50), "'limit' must be from 1 to 50");
}

TEST(RequestCounts, ServiceLinesUseThem) {
    EXPECT_EQ(parse_request_line(R"({"q":"talks","limit":"5","offset":"20"})").options.limit, 5u);
    EXPECT_THROW(parse_request_line(R"({"q":"talks","limit":"101"})"), RequestError);
}

}  // namespace
}  // namespace saywho
