/** @file civil_date_test.cc  @brief Unit tests of CivilDate parsing, validation, day arithmetic and formatting. */
#include "common/civil_date.h"

#include <cstdio>

#include <gtest/gtest.h>

namespace saywho {
namespace {

TEST(CivilDateParseIso, AcceptsAnOrdinaryDate) {
    auto date = CivilDate::parse_iso("2025-03-19");
    ASSERT_TRUE(date.has_value());
    EXPECT_EQ(date->year, 2025);
    EXPECT_EQ(date->month, 3);
    EXPECT_EQ(date->day, 19);
}

TEST(CivilDateParseIso, AcceptsLeapDayOfLeapYearsOnly) {
    EXPECT_TRUE(CivilDate::parse_iso("2024-02-29").has_value());
    EXPECT_TRUE(CivilDate::parse_iso("2000-02-29").has_value());   // divisible by 400
    EXPECT_FALSE(CivilDate::parse_iso("1900-02-29").has_value());  // divisible by 100 only
    EXPECT_FALSE(CivilDate::parse_iso("2025-02-29").has_value());
}

TEST(CivilDateParseIso, RejectsImpossibleDays) {
    EXPECT_FALSE(CivilDate::parse_iso("2025-02-30").has_value());
    EXPECT_FALSE(CivilDate::parse_iso("2025-04-31").has_value());
    EXPECT_FALSE(CivilDate::parse_iso("2025-01-32").has_value());
    EXPECT_FALSE(CivilDate::parse_iso("2025-01-00").has_value());
}

TEST(CivilDateParseIso, RejectsImpossibleMonths) {
    EXPECT_FALSE(CivilDate::parse_iso("2025-13-01").has_value());
    EXPECT_FALSE(CivilDate::parse_iso("2025-00-01").has_value());
}

TEST(CivilDateParseIso, RejectsYearZero) { EXPECT_FALSE(CivilDate::parse_iso("0000-01-01").has_value()); }

TEST(CivilDateParseIso, RejectsMalformedText) {
    for (const char* text : {"2025-3-1", "", "2025-03-19x", "2025-03-19 ", " 2025-03-19", "2025/03/19", "20250319",
                             "2025-03-1a", "+025-03-19", "2025-03", "abcd-ef-gh", "2025--3-19"}) {
        EXPECT_FALSE(CivilDate::parse_iso(text).has_value()) << "'" << text << "'";
    }
}

TEST(CivilDateMake, ValidatesItsArguments) {
    EXPECT_TRUE(CivilDate::make(2025, 12, 31).has_value());
    EXPECT_FALSE(CivilDate::make(2025, 2, 29).has_value());
    EXPECT_FALSE(CivilDate::make(0, 1, 1).has_value());
    EXPECT_FALSE(CivilDate::make(10000, 1, 1).has_value());
    EXPECT_FALSE(CivilDate::make(2025, 0, 1).has_value());
    EXPECT_FALSE(CivilDate::make(2025, 1, 0).has_value());
}

TEST(CivilDateDaysInMonth, KnowsEveryMonthAndLeapYears) {
    const int expected[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int month = 1; month <= 12; ++month) EXPECT_EQ(days_in_month(2025, month), expected[month - 1]) << month;
    EXPECT_EQ(days_in_month(2024, 2), 29);
    EXPECT_EQ(days_in_month(1900, 2), 28);
    EXPECT_EQ(days_in_month(2000, 2), 29);
    EXPECT_TRUE(is_leap_year(2024));
    EXPECT_FALSE(is_leap_year(2100));
}

TEST(ExplainBadIsoDate, IsEmptyForAValidDate) { EXPECT_EQ(explain_bad_iso_date("2025-03-19"), ""); }

TEST(ExplainBadIsoDate, NamesTheLengthOfTheMonthForAnImpossibleDay) {
    std::string message = explain_bad_iso_date("2025-02-30");
    EXPECT_NE(message.find("28 days"), std::string::npos) << message;
    EXPECT_NE(message.find("February"), std::string::npos) << message;
    EXPECT_NE(explain_bad_iso_date("2024-02-30").find("29 days"), std::string::npos);
    EXPECT_NE(explain_bad_iso_date("2025-04-31").find("30 days"), std::string::npos);
}

TEST(ExplainBadIsoDate, NamesABadMonth) {
    std::string message = explain_bad_iso_date("2025-13-01");
    EXPECT_NE(message.find("month 13"), std::string::npos) << message;
}

TEST(ExplainBadIsoDate, AsksForTheFormatWhenMalformed) {
    for (const char* text : {"2025-3-1", "", "2025-03-19x", "March 19"}) {
        std::string message = explain_bad_iso_date(text);
        EXPECT_NE(message.find("YYYY-MM-DD"), std::string::npos) << "'" << text << "': " << message;
    }
}

TEST(ExplainBadIsoDate, NamesYearZero) {
    std::string message = explain_bad_iso_date("0000-01-01");
    EXPECT_FALSE(message.empty());
    EXPECT_NE(message.find("year 0"), std::string::npos) << message;
}

TEST(ExplainBadIsoDate, AgreesWithParseIsoOnEveryDayOfTwoYears) {
    for (int year : {2024, 2025})
        for (int month = 0; month <= 13; ++month)
            for (int day = 0; day <= 32; ++day) {
                char text[16];
                std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
                bool valid = CivilDate::parse_iso(text).has_value();
                EXPECT_EQ(explain_bad_iso_date(text).empty(), valid) << text;
            }
}

TEST(CivilDateEpoch, EpochIsDayZero) {
    EXPECT_EQ(CivilDate{}.days_since_epoch(), 0);
    EXPECT_EQ(CivilDate::make(1970, 1, 2)->days_since_epoch(), 1);
    EXPECT_EQ(CivilDate::make(1969, 12, 31)->days_since_epoch(), -1);
    EXPECT_EQ(CivilDate::make(2000, 1, 1)->days_since_epoch(), 10957);
    EXPECT_EQ(CivilDate::make(2025, 3, 19)->days_since_epoch(), 20166);
}

TEST(CivilDateEpoch, EveryDayFrom1900To2100RoundTripsAndCountsByOne) {
    CivilDate date = *CivilDate::make(1900, 1, 1);
    long days = date.days_since_epoch();
    int checked = 0;
    while (date.year <= 2100) {
        ASSERT_EQ(date.days_since_epoch(), days) << date.iso();
        ASSERT_EQ(CivilDate::from_days_since_epoch(days), date) << date.iso();
        // Walk the calendar by hand so the check does not rely on the code under test.
        CivilDate next = date;
        if (++next.day > days_in_month(next.year, next.month)) {
            next.day = 1;
            if (++next.month > 12) {
                next.month = 1;
                ++next.year;
            }
        }
        date = next;
        ++days;
        ++checked;
    }
    // 201 years, 49 of them leap years (1900 and 2100 are not).
    EXPECT_EQ(checked, 201 * 365 + 49);
}

TEST(CivilDateWeekday, KnownWeekdays) {
    EXPECT_EQ(CivilDate::make(2025, 3, 19)->weekday(), 2);   // Wednesday
    EXPECT_EQ(CivilDate::make(1970, 1, 1)->weekday(), 3);    // Thursday
    EXPECT_EQ(CivilDate::make(1969, 12, 29)->weekday(), 0);  // Monday, before the epoch
    EXPECT_EQ(CivilDate::make(1900, 1, 1)->weekday(), 0);    // Monday
    EXPECT_EQ(CivilDate::make(2000, 1, 1)->weekday(), 5);    // Saturday
    EXPECT_EQ(CivilDate::make(2024, 12, 29)->weekday(), 6);  // Sunday
}

TEST(CivilDateWeekday, AdvancesByOneEachDayAcrossTheEpoch) {
    CivilDate date = *CivilDate::make(1969, 12, 1);
    for (int i = 0; i < 60; ++i) {
        CivilDate next = date.plus_days(1);
        EXPECT_EQ(next.weekday(), (date.weekday() + 1) % 7) << next.iso();
        EXPECT_GE(next.weekday(), 0);
        EXPECT_LE(next.weekday(), 6);
        date = next;
    }
}

TEST(CivilDatePlusDays, CrossesMonthYearAndLeapBoundaries) {
    EXPECT_EQ(CivilDate::make(2025, 1, 31)->plus_days(1), *CivilDate::make(2025, 2, 1));
    EXPECT_EQ(CivilDate::make(2024, 12, 31)->plus_days(1), *CivilDate::make(2025, 1, 1));
    EXPECT_EQ(CivilDate::make(2025, 1, 1)->plus_days(-1), *CivilDate::make(2024, 12, 31));
    EXPECT_EQ(CivilDate::make(2024, 2, 28)->plus_days(1), *CivilDate::make(2024, 2, 29));
    EXPECT_EQ(CivilDate::make(2024, 2, 29)->plus_days(1), *CivilDate::make(2024, 3, 1));
    EXPECT_EQ(CivilDate::make(2025, 2, 28)->plus_days(1), *CivilDate::make(2025, 3, 1));
    EXPECT_EQ(CivilDate::make(2024, 3, 1)->plus_days(-1), *CivilDate::make(2024, 2, 29));
    EXPECT_EQ(CivilDate::make(2024, 1, 1)->plus_days(366), *CivilDate::make(2025, 1, 1));
    EXPECT_EQ(CivilDate::make(2025, 1, 1)->plus_days(365), *CivilDate::make(2026, 1, 1));
    EXPECT_EQ(CivilDate::make(2025, 3, 19)->plus_days(0), *CivilDate::make(2025, 3, 19));
}

TEST(CivilDateOrdering, LessThanFollowsTheCalendar) {
    EXPECT_TRUE(*CivilDate::make(2024, 12, 31) < *CivilDate::make(2025, 1, 1));
    EXPECT_FALSE(*CivilDate::make(2025, 1, 1) < *CivilDate::make(2025, 1, 1));
    EXPECT_FALSE(*CivilDate::make(2025, 2, 1) < *CivilDate::make(2025, 1, 31));
}

TEST(CivilDateFormat, IsoAndCompactArePadded) {
    CivilDate date = *CivilDate::make(2025, 3, 9);
    EXPECT_EQ(date.iso(), "2025-03-09");
    EXPECT_EQ(date.compact(), "20250309");
    CivilDate early = *CivilDate::make(7, 1, 1);
    EXPECT_EQ(early.iso(), "0007-01-01");
    EXPECT_EQ(early.compact(), "00070101");
    // make() refuses years past 9999; one built directly prints as printf would.
    CivilDate far{12025, 11, 30};
    EXPECT_EQ(far.iso(), "12025-11-30");
    EXPECT_EQ(far.compact(), "120251130");
}

TEST(CivilDateFormat, IsoRoundTripsThroughParseIso) {
    CivilDate date = *CivilDate::make(2024, 2, 29);
    auto parsed = CivilDate::parse_iso(date.iso());
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(*parsed, date);
}

}  // namespace
}  // namespace saywho
