/** @file timeline_test.cc
 *  @brief The timeline: buckets of day, week (from Monday), month and year, their ends, the chosen interval, empty
 *         buckets between the first and last, its text bars, its JSON member and its request parameters.
 */
#include "searcher/timeline.h"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "searcher/printers.h"
#include "searcher/request.h"

namespace saywho {
namespace {

CivilDate day(const char* iso) { return *CivilDate::parse_iso(iso); }

/// "START..END=COUNT" for each bucket, to compare whole timelines at a glance.
std::vector<std::string> spelt(const Timeline& timeline) {
    std::vector<std::string> out;
    for (const auto& b : timeline.buckets)
        out.push_back(b.start.iso() + ".." + b.end.iso() + "=" + std::to_string(b.count));
    return out;
}

TEST(TimelineBuckets, AWeekStartsOnMonday) {
    EXPECT_EQ(bucket_start(day("2025-03-19"), TimelineInterval::WEEK), day("2025-03-17")) << "a Wednesday";
    EXPECT_EQ(bucket_start(day("2025-03-23"), TimelineInterval::WEEK), day("2025-03-17")) << "a Sunday";
    EXPECT_EQ(bucket_start(day("2025-03-24"), TimelineInterval::WEEK), day("2025-03-24")) << "a Monday";
    // Across the turn of a year: the week of Wednesday 1 January 2025 began in 2024.
    EXPECT_EQ(bucket_start(day("2025-01-01"), TimelineInterval::WEEK), day("2024-12-30"));
    EXPECT_EQ(next_bucket_start(day("2024-12-30"), TimelineInterval::WEEK), day("2025-01-06"));
}

TEST(TimelineBuckets, MonthsAndYearsEndOnTheirLastDay) {
    const Timeline leap = make_timeline({{"20240210", 1}, {"20240315", 2}}, TimelineInterval::MONTH);
    EXPECT_EQ(spelt(leap), (std::vector<std::string>{"2024-02-01..2024-02-29=1", "2024-03-01..2024-03-31=2"}));
    const Timeline common = make_timeline({{"20250228", 1}, {"20250401", 1}}, TimelineInterval::MONTH);
    EXPECT_EQ(spelt(common), (std::vector<std::string>{"2025-02-01..2025-02-28=1", "2025-03-01..2025-03-31=0",
                                                       "2025-04-01..2025-04-30=1"}));
    const Timeline december = make_timeline({{"20241231", 3}, {"20250101", 4}}, TimelineInterval::MONTH);
    EXPECT_EQ(spelt(december), (std::vector<std::string>{"2024-12-01..2024-12-31=3", "2025-01-01..2025-01-31=4"}));
    const Timeline years = make_timeline({{"20231231", 1}, {"20250101", 2}}, TimelineInterval::YEAR);
    EXPECT_EQ(spelt(years), (std::vector<std::string>{"2023-01-01..2023-12-31=1", "2024-01-01..2024-12-31=0",
                                                      "2025-01-01..2025-12-31=2"}));
}

TEST(TimelineBuckets, EmptyBucketsBetweenTheFirstAndLastAreListed) {
    const Timeline days = make_timeline({{"20250303", 2}, {"20250306", 1}}, TimelineInterval::DAY);
    EXPECT_EQ(spelt(days), (std::vector<std::string>{"2025-03-03..2025-03-03=2", "2025-03-04..2025-03-04=0",
                                                     "2025-03-05..2025-03-05=0", "2025-03-06..2025-03-06=1"}));
    // Days of one week add up; the week before the last is empty.
    const Timeline weeks =
        make_timeline({{"20250303", 2}, {"20250309", 1}, {"20250317", 5}, {"20250323", 1}}, TimelineInterval::WEEK);
    EXPECT_EQ(spelt(weeks), (std::vector<std::string>{"2025-03-03..2025-03-09=3", "2025-03-10..2025-03-16=0",
                                                      "2025-03-17..2025-03-23=6"}));
    EXPECT_TRUE(make_timeline({}, std::nullopt).buckets.empty()) << "nothing matched: no buckets";
}

TEST(TimelineBuckets, TheIntervalFollowsTheSpanOfTheMatches) {
    const CivilDate first = day("2025-01-01");
    EXPECT_EQ(choose_interval(first, first), TimelineInterval::DAY);
    EXPECT_EQ(choose_interval(first, first.plus_days(59)), TimelineInterval::DAY) << "60 days";
    EXPECT_EQ(choose_interval(first, first.plus_days(60)), TimelineInterval::WEEK) << "61 days";
    EXPECT_EQ(choose_interval(first, first.plus_days(365)), TimelineInterval::WEEK) << "366 days";
    EXPECT_EQ(choose_interval(first, first.plus_days(366)), TimelineInterval::MONTH) << "367 days";
    EXPECT_EQ(choose_interval(first, first.plus_days(2921)), TimelineInterval::MONTH) << "8 years";
    EXPECT_EQ(choose_interval(first, first.plus_days(2922)), TimelineInterval::YEAR) << "8 years and a day";
    EXPECT_EQ(make_timeline({{"20250301", 1}, {"20250429", 1}}, std::nullopt).interval, TimelineInterval::DAY);
    EXPECT_EQ(make_timeline({{"20250301", 1}, {"20250430", 1}}, std::nullopt).interval, TimelineInterval::WEEK);
    EXPECT_EQ(make_timeline({{"19870301", 1}, {"19881020", 1}}, std::nullopt).interval, TimelineInterval::MONTH);
    EXPECT_EQ(make_timeline({{"19870301", 1}, {"20250101", 1}}, std::nullopt).interval, TimelineInterval::YEAR);
    // A forced interval is kept unless it would need too many buckets.
    EXPECT_EQ(make_timeline({{"20250301", 1}, {"20250302", 1}}, TimelineInterval::YEAR).interval,
              TimelineInterval::YEAR);
    const Timeline century = make_timeline({{"19250301", 1}, {"20250301", 1}}, TimelineInterval::DAY);
    EXPECT_EQ(century.interval, TimelineInterval::MONTH);
    EXPECT_LE(century.buckets.size(), TIMELINE_MAX_BUCKETS);
}

TEST(TimelineBuckets, ValuesThatAreNoDayAreNotCounted) {
    const Timeline t =
        make_timeline({{"", 1}, {"2025031", 1}, {"20250230", 1}, {"2025x301", 1}, {"20250301", 4}}, std::nullopt);
    EXPECT_EQ(spelt(t), (std::vector<std::string>{"2025-03-01..2025-03-01=4"}));
}

TEST(TimelineNames, IntervalsAreNamedAsOptionsSpellThem) {
    for (const auto& entry : TIMELINE_INTERVALS) {
        EXPECT_EQ(parse_timeline_interval(entry.name), entry.interval);
        EXPECT_STREQ(timeline_interval_name(entry.interval), entry.name);
    }
    EXPECT_EQ(parse_timeline_interval("weekly"), std::nullopt);
    EXPECT_EQ(bucket_label(day("2025-03-17"), TimelineInterval::WEEK), "2025-03-17");
    EXPECT_EQ(bucket_label(day("2025-03-01"), TimelineInterval::MONTH), "2025-03");
    EXPECT_EQ(bucket_label(day("2025-01-01"), TimelineInterval::YEAR), "2025");
}

ResultSet with_timeline(const DayCounts& days, TimelineInterval interval) {
    ResultSet results;
    results.timeline = make_timeline(days, interval);
    return results;
}

TEST(PrintTimeline, OneLinePerBucketWithABarScaledToTheLargest) {
    std::ostringstream out;
    print_timeline(out, with_timeline({{"20250101", 40}, {"20250301", 10}, {"20250415", 1}}, TimelineInterval::MONTH));
    EXPECT_EQ(out.str(),
              "timeline by month (4 buckets):\n"
              "2025-01  40  ████████████████████████████████████████\n"
              "2025-02   0\n"
              "2025-03  10  ██████████\n"
              "2025-04   1  █\n");
    std::ostringstream small;
    print_timeline(small, with_timeline({{"20250317", 1000}, {"20250324", 1}}, TimelineInterval::WEEK));
    EXPECT_EQ(small.str(),
              "timeline by week (2 buckets, from Mondays):\n"
              "2025-03-17  1000  ████████████████████████████████████████\n"
              "2025-03-24     1  ▏\n")
        << "a bucket with matches shows at least an eighth of a cell";
    std::ostringstream none;
    print_timeline(none, ResultSet{});
    EXPECT_EQ(none.str(), "") << "no timeline asked for";
}

TEST(PrintJson, TheTimelineMemberListsEachBucketOnlyWhenAsked) {
    std::ostringstream out;
    print_json(out, with_timeline({{"20250303", 2}, {"20250318", 1}}, TimelineInterval::WEEK));
    rapidjson::Document doc;
    doc.Parse(out.str().c_str());
    ASSERT_FALSE(doc.HasParseError()) << out.str();
    ASSERT_TRUE(doc.HasMember("timeline")) << out.str();
    const auto& t = doc["timeline"];
    EXPECT_STREQ(t["interval"].GetString(), "week");
    EXPECT_TRUE(t["exact"].GetBool());
    ASSERT_EQ(t["buckets"].Size(), 3u);
    EXPECT_STREQ(t["buckets"][1]["start"].GetString(), "2025-03-10");
    EXPECT_STREQ(t["buckets"][1]["end"].GetString(), "2025-03-16");
    EXPECT_EQ(t["buckets"][1]["count"].GetUint(), 0u);
    EXPECT_EQ(t["buckets"][2]["count"].GetUint(), 1u);

    std::ostringstream plain;
    print_json(plain, ResultSet{});
    EXPECT_EQ(plain.str().find("\"timeline\""), std::string::npos) << "a timeline costs; none unless asked";
}

TEST(RequestTimeline, TimelineAndIntervalAreParameters) {
    EXPECT_FALSE(parse_request_line(R"({"q":"talks"})").options.timeline) << "off unless asked";
    EXPECT_TRUE(parse_request_line(R"({"q":"talks","timeline":true})").options.timeline);
    const SearchRequest weekly = request_from_parameters({{"q", "talks"}, {"interval", "week"}});
    EXPECT_TRUE(weekly.options.timeline) << "an interval asks for the timeline";
    EXPECT_EQ(weekly.options.timeline_interval, TimelineInterval::WEEK);
    EXPECT_EQ(request_from_parameters({{"timeline", "1"}, {"interval", ""}}).options.timeline_interval, std::nullopt);
    try {
        request_from_parameters({{"q", "talks"}, {"interval", "fortnight"}});
        ADD_FAILURE() << "an unknown interval was accepted";
    } catch (const RequestError& e) {
        EXPECT_STREQ(e.what(), "'interval' must be day, week, month or year, not 'fortnight'");
    }
}

}  // namespace
}  // namespace saywho
