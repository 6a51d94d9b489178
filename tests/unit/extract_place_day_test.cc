/** @file extract_place_day_test.cc
 *  @brief Where and when a statement was made: the phrases that say so, and
 *         the words that only look like them. One pattern per test, in
 *         sentences written for these tests.
 */
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/archive_reader.h"
#include "extract/extract.h"

namespace saywho {
namespace {

/// The statements of an article with @p body, dated @p date (a Thursday by default).
std::vector<Statement> extract(const std::string& body, const std::string& date = "2024-03-07") {
    ParseResult parsed = parse_text_article("t.txt", "t", "date " + date + " Title\n\n" + body + "\n", ReaderOptions{});
    EXPECT_TRUE(parsed.article.has_value());
    return parsed.article ? extract_statements(*parsed.article) : std::vector<Statement>{};
}

/// The one statement of @p body whose text holds @p words (fails the test when none).
Statement one(const std::string& body, const std::string& words, const std::string& date = "2024-03-07") {
    for (const auto& st : extract(body, date))
        if (st.text.find(words) != std::string::npos) return st;
    ADD_FAILURE() << "no statement holds '" << words << "' in: " << body;
    return {};
}

TEST(ExtractPlaceDay, AnOpeningPhraseSetsThePlaceAndTheDay) {
    Statement st =
        one("Speaking at a rally in Lyon on Tuesday, farm union leader Marine Dupont said the tax was unfair.",
            "tax was unfair");
    EXPECT_EQ(st.location, "Lyon");
    EXPECT_EQ(st.location_basis, "explicit");
    EXPECT_EQ(st.date.iso(), "2024-03-05");
    EXPECT_EQ(st.date_basis, "text");

    EXPECT_EQ(
        one("Arriving in Tokyo, Prime Minister Carl Heden said the trade deal was close.", "deal was close").location,
        "Tokyo");
    EXPECT_EQ(one("After talks in Ankara, Foreign Minister Ana Ruiz said both sides wanted a truce.", "wanted a truce")
                  .location,
              "Ankara");
    EXPECT_EQ(
        one("In a speech at the university in Leeds, Joan Brask said students deserved better.", "deserved better")
            .location,
        "Leeds");
}

TEST(ExtractPlaceDay, AnOpeningPhraseAboutAPlaceIsATopic) {
    // Gaza is what she was asked about, not where she was.
    Statement st =
        one("Asked about the shelling in Gaza, Ana Ruiz said the army had acted lawfully.", "acted lawfully");
    EXPECT_EQ(st.location, "");
    EXPECT_EQ(st.location_basis, "");
}

TEST(ExtractPlaceDay, AnotherClauseBeforeTheSpeakerIsNotItsOpening) {
    // "yesterday" dates the buyback, not what the analysts said.
    Statement st = one("Shares rose after a buyback announced yesterday, but analysts said the outlook was poor.",
                       "outlook was poor");
    EXPECT_EQ(st.date.iso(), "2024-03-07");
    EXPECT_EQ(st.date_basis, "article");
}

TEST(ExtractPlaceDay, AnAsideSetsThePlaceUnlessItIsARelativeClause) {
    EXPECT_EQ(one("Ana Ruiz, speaking on the sidelines of the climate talks in Dubai, said the goal was within reach.",
                  "within reach")
                  .location,
              "Dubai");
    // What she did before, not where she is now.
    EXPECT_EQ(one("Ana Ruiz, who hosted a summit in Helsinki last year, said the group was united.", "group was united")
                  .location,
              "");
}

TEST(ExtractPlaceDay, AVisitOrTripNamesWhereTheTravellerIs) {
    Statement st =
        one("Ana Ruiz said on Saturday during a visit to Kyiv that aid would continue.", "aid would continue");
    EXPECT_EQ(st.location, "Kyiv");
    EXPECT_EQ(st.date.iso(), "2024-03-02");
    EXPECT_EQ(one("Carl Heden told reporters on a trip to Nairobi that exports were growing.", "exports were growing")
                  .location,
              "Nairobi");
    // Travel still to come says nothing of where the words were said.
    EXPECT_EQ(one("Carl Heden said he would travel to Rome on Friday.", "travel to Rome").location, "");
}

TEST(ExtractPlaceDay, AMonthIsNotAPlaceWithoutEvidence) {
    // March is also a town in England.
    EXPECT_EQ(one("Joan Brask said in March that the plan had worked.", "plan had worked").location, "");
    // Nice, with its country after it, is the place.
    Statement nice = one("Speaking in Nice, France, Ana Ruiz said the coast was at risk.", "coast was at risk");
    EXPECT_EQ(nice.location, "Nice");
    EXPECT_EQ(nice.country, "FR");
}

TEST(ExtractPlaceDay, AGivenNameBeforeASurnameIsAPersonNotAPlace) {
    // Chester is a town, and here the first name of the person told.
    Statement st = one("Joan Brask said at Chester Smith's farm that taxes would fall.", "taxes would fall");
    EXPECT_EQ(st.location, "");
}

TEST(ExtractPlaceDay, TheWithAOneWordCityOrRegionIsACommonNoun) {
    // "the Gulf" is no province of Papua New Guinea.
    EXPECT_EQ(one("Ana Ruiz told traders in the Gulf that prices would rise.", "prices would rise").location, "");
    EXPECT_EQ(one("Ana Ruiz told traders in the Netherlands that prices would rise.", "prices would rise").location,
              "Netherlands");
}

TEST(ExtractPlaceDay, AbbreviatedMonthsWithAndWithoutYear) {
    Statement dec = one("Joan Brask said on Dec. 30 that the plan had worked.", "plan had worked", "2025-01-02");
    EXPECT_EQ(dec.date.iso(), "2024-12-30");
    EXPECT_EQ(dec.date_basis, "text");
    EXPECT_EQ(
        one("The mayor, Ivo Kranjc, said on Sept. 4 that the bridge would reopen.", "bridge would reopen").date.iso(),
        "2023-09-04");
    EXPECT_EQ(one("Ivo Kranjc said on Jan 5, 2023 that the bridge would reopen.", "bridge would reopen").date.iso(),
              "2023-01-05");
}

TEST(ExtractPlaceDay, ADayAfterTheArticlesIsNoDayOfSpeech) {
    // Wire copy of a bond issue: the words run on past their content, and
    // the bond's maturity is ten years after the story.
    Statement st =
        one("The city of Oslo is issuing a 100 mln dlr bond due April 7, 1997 carrying a 7-5/8 pct coupon, Kredit Bank "
            "International Ltd said as sole lead manager for the issue.",
            "lead manager", "1987-03-07");
    EXPECT_EQ(st.date.iso(), "1987-03-07");
    EXPECT_EQ(st.date_basis, "article");
}

TEST(ExtractPlaceDay, WeekendAndThisWeek) {
    // 2024-03-07 is a Thursday: the weekend before was 2 and 3 March.
    Statement weekend = one("Ana Ruiz said over the weekend that talks would resume.", "talks would resume");
    EXPECT_EQ(weekend.text, "talks would resume.");
    EXPECT_EQ(weekend.date.iso(), "2024-03-03");
    EXPECT_EQ(one("Ana Ruiz said earlier this week that talks would resume.", "talks would resume").date.iso(),
              "2024-03-04");
    EXPECT_EQ(one("Ana Ruiz said last week that talks would resume.", "talks would resume").date.iso(), "2024-02-26");
}

TEST(ExtractPlaceDay, TheEveOfAnEventTheArticleDates) {
    // 2024-03-06 is a Wednesday.
    const std::string body =
        "On the eve of Thursday's summit, Ana Ruiz said the talks would be hard.\n\n"
        "The summit opens in Brussels on Thursday.\n\n"
        "Carl Heden said on the eve of the summit that a deal was near.\n\n"
        "Joan Brask said on the eve of the vote that she was confident.";
    EXPECT_EQ(one(body, "talks would be hard", "2024-03-07").date.iso(), "2024-03-06");
    // The summit's day is in another paragraph.
    Statement heden = one(body, "deal was near", "2024-03-07");
    EXPECT_EQ(heden.date.iso(), "2024-03-06");
    EXPECT_EQ(heden.date_basis, "text");
    // No day for the vote anywhere: the article's.
    EXPECT_EQ(one(body, "she was confident", "2024-03-07").date_basis, "article");
    EXPECT_EQ(
        one("Ivo Kranjc said on the eve of the March 4 election that turnout would be high.", "turnout").date.iso(),
        "2024-03-03");
}

TEST(ExtractPlaceDay, TheDatelineDatesTheStoryNotTheWords) {
    Statement st =
        one("LONDON, March 6 (Example Wire) - Oil Minister Carl Heden said output would be cut.", "output would");
    EXPECT_EQ(st.date.iso(), "2024-03-07");
    EXPECT_EQ(st.date_basis, "article");
}

TEST(ExtractPlaceDay, ASpeakersPlaceHoldsForTheirNextWordsThatDay) {
    auto st = extract(
        "Arriving in Tokyo, Carl Heden said the deal was close.\n\n"
        "Heden later told a news conference in Osaka that the vote was fair.\n\n"
        "\"We will not wait,\" Heden said.");
    ASSERT_EQ(st.size(), 3u);
    EXPECT_EQ(st[2].location, "Osaka");  // the latest place said before, not the first
    EXPECT_EQ(st[2].location_basis, "inferred");
}

TEST(ExtractPlaceDay, ASpeakersNextWordsKeepTheirDay) {
    auto st = extract(
        "Ana Ruiz said on Monday during a visit to Vienna that fees were lost.\n\n"
        "\"We did not choose this,\" she said.\n\n"
        "Carl Heden said the plan was sound.\n\n"
        "Ruiz said the talks would go on.");
    ASSERT_EQ(st.size(), 4u);
    EXPECT_EQ(st[1].date.iso(), "2024-03-04");
    EXPECT_EQ(st[1].date_basis, "inferred");
    EXPECT_EQ(st[1].location, "Vienna");  // the place of that day follows
    // Someone else spoke between: Ruiz's last words have no day of their own.
    EXPECT_EQ(st[3].date_basis, "article");
}

TEST(ExtractPlaceDay, AGovernmentOfAnotherCountrySpeaksFromHome) {
    auto st = extract(
        "LONDON, March 7 (Example Wire) - Iran said its oil exports would rise.\n\n"
        "British Energy Secretary Peter Walker said prices were too low.");
    ASSERT_EQ(st.size(), 2u);
    EXPECT_EQ(st[0].location, "");  // Iran spoke in Iran
    EXPECT_EQ(st[1].location, "London");
    EXPECT_EQ(st[1].location_basis, "dateline");
}

}  // namespace
}  // namespace saywho
