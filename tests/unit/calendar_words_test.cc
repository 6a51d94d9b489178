/** @file calendar_words_test.cc
 *  @brief The month and weekday words of common/calendar_words.h.
 */
#include <gtest/gtest.h>

#include "common/calendar_words.h"
#include "common/civil_date.h"

namespace saywho {
namespace {

TEST(CalendarWords, MonthNamesAndAbbreviations) {
    EXPECT_EQ(month_number("january"), 1);
    EXPECT_EQ(month_number("jan"), 1);
    EXPECT_EQ(month_number("may"), 5);
    EXPECT_EQ(month_number("sept"), 9);
    EXPECT_EQ(month_number("sep"), 9);
    EXPECT_EQ(month_number("september"), 9);
    EXPECT_EQ(month_number("dec"), 12);
    EXPECT_EQ(month_number("december"), 12);
}

TEST(CalendarWords, OtherWordsAreNoMonth) {
    EXPECT_EQ(month_number("janu"), 0);
    EXPECT_EQ(month_number(""), 0);
    EXPECT_EQ(month_number("monday"), 0);
    EXPECT_EQ(month_number("March"), 0) << "lower-case input only";
}

TEST(CalendarWords, WeekdaysNumberedAsCivilDate) {
    EXPECT_EQ(weekday_number("monday"), 0);
    EXPECT_EQ(weekday_number("sunday"), 6);
    EXPECT_EQ(weekday_number("mon"), -1);
    EXPECT_EQ(weekday_number("march"), -1);
    // 2025-03-19 was a Wednesday.
    EXPECT_EQ(weekday_number("wednesday"), (CivilDate{2025, 3, 19}.weekday()));
}

}  // namespace
}  // namespace saywho
