/** @file extract_place_time_test.cc
 *  @brief Extraction stage 7: PlaceTime finds days, places and the dateline.
 */
#include <string>

#include <gtest/gtest.h>

#include "extract/place_time.h"
#include "extract_model.h"

namespace saywho::extraction {
namespace {

TEST(ExtractPlaceTime, WeekdaysResolveBackFromTheArticleDate) {
    // 2025-03-19 was a Wednesday.
    ModelFixture f("The minister said Monday that talks would go on.");
    auto day = PlaceTime(*f.model).day_near(0, f.model->tokens.size() - 1, NONE, NONE);
    ASSERT_TRUE(day);
    EXPECT_EQ(day->iso(), "2025-03-17");
}

TEST(ExtractPlaceTime, YesterdayDatesAndSkippedContent) {
    ModelFixture f("The minister said yesterday that talks end on Friday.");
    const PlaceTime pt(*f.model);
    auto day = pt.day_near(0, f.model->tokens.size() - 1, NONE, NONE);
    ASSERT_TRUE(day);
    EXPECT_EQ(day->iso(), "2025-03-18");
    // The content's own words ("on Friday") are skipped when asked.
    const std::size_t that = f.token("that");
    EXPECT_FALSE(pt.day_near(that, f.model->tokens.size() - 1, that, f.model->tokens.size() - 1));

    ModelFixture dated("The minister said on March 4 that talks end.");
    auto on = PlaceTime(*dated.model).day_near(0, dated.model->tokens.size() - 1, NONE, NONE);
    ASSERT_TRUE(on);
    EXPECT_EQ(on->iso(), "2025-03-04");
}

TEST(ExtractPlaceTime, PlaceAfterInButNotAnInstitution) {
    ModelFixture f("She spoke to reporters in Helsinki after the vote.");
    const Place* place = PlaceTime(*f.model).place_near(0, f.model->tokens.size() - 1, NONE, NONE);
    ASSERT_NE(place, nullptr);
    EXPECT_EQ(place->name, "Helsinki");

    ModelFixture school("She spoke at the University of Helsinki on Monday.");
    EXPECT_EQ(PlaceTime(*school.model).place_near(0, school.model->tokens.size() - 1, NONE, NONE), nullptr);
}

TEST(ExtractPlaceTime, TheDateline) {
    ModelFixture f("OSLO, Norway (Example Wire) \u2014 The council met.");
    ASSERT_NE(f.model->dateline, nullptr);
    EXPECT_EQ(f.model->dateline->name, "Oslo");
    EXPECT_EQ(f.model->tokens[f.model->dateline_end].lower, "the");

    ModelFixture none("The council met in Oslo.");
    EXPECT_EQ(none.model->dateline, nullptr);
    EXPECT_EQ(none.model->dateline_end, 0u);
}

}  // namespace
}  // namespace saywho::extraction
