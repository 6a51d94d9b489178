/** @file request_test.cc
 *  @brief Service requests: whole-number parameters and their ranges; filters by name.
 */
#include "searcher/request.h"

#include "common/errors.h"

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

TEST(RequestCounts, ALimitOfZeroAsksForTotalsAndFacetsOnly) {
    EXPECT_EQ(parse_request_line(R"({"q":"talks","limit":0})").options.limit, 0u);
    EXPECT_EQ(request_from_parameters({{"q", "talks"}, {"limit", "0"}}).options.limit, 0u);
    EXPECT_THROW(request_from_parameters({{"q", "talks"}, {"limit", "101"}}), RequestError);
}

// Issue 19 ("lean queries"): a request counts facets only when it asks.
TEST(RequestFacets, AreCountedOnlyWhenAsked) {
    EXPECT_FALSE(parse_request_line(R"({"q":"talks"})").options.facets);
    EXPECT_TRUE(parse_request_line(R"({"q":"talks","facets":true})").options.facets);
    EXPECT_FALSE(parse_request_line(R"({"q":"talks","facets":false})").options.facets);
    EXPECT_FALSE(request_from_parameters({{"q", "talks"}}).options.facets);
    EXPECT_TRUE(request_from_parameters({{"q", "talks"}, {"facets", "1"}}).options.facets);
    EXPECT_FALSE(request_from_parameters({{"q", "talks"}, {"facets", "0"}}).options.facets);
    EXPECT_FALSE(cluster_request_from_parameters({{"id", "abc"}}).options.facets);
    EXPECT_THROW(request_from_parameters({{"q", "talks"}, {"facets", "maybe"}}), RequestError);
}

TEST(RequestFilters, TheKindOfSpeakerIsAFilterLikeTheOthers) {
    const SearchRequest r = parse_request_line(R"({"q":"oil","filters":{"kind":"anonymous","quote":"none"}})");
    const std::vector<Filter> filters = request_filters(r);
    ASSERT_EQ(filters.size(), 2u);
    bool kind_found = false;
    for (const Filter& f : filters)
        if (f.kind == Filter::Kind::SPEAKER_KIND) {
            kind_found = true;
            EXPECT_EQ(f.values, std::vector<std::string>{"anonymous"});
        }
    EXPECT_TRUE(kind_found);
    EXPECT_THROW(request_filters(parse_request_line(R"({"q":"oil","filters":{"kind":"martian"}})")), QueryError);
    try {
        parse_request_line(R"({"q":"oil","filters":{"mood":"calm"}})");
        ADD_FAILURE() << "an unknown filter was taken";
    } catch (const RequestError& e) {
        EXPECT_NE(std::string(e.what()).find("kind"), std::string::npos)
            << "the error lists every filter: " << e.what();
    }
}

}  // namespace
}  // namespace saywho
