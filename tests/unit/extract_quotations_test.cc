/** @file extract_quotations_test.cc
 *  @brief Extraction stage 2: find_quotations() on hand-written sentences.
 */
#include <string>

#include <gtest/gtest.h>

#include "extract/text_model.h"

namespace saywho::extraction {
namespace {

TEST(ExtractQuotations, PairsStraightMarks) {
    const std::string body = "\"We are ready,\" Mira said, \"and rested.\"";
    auto tokens = tokenize(body);
    auto quotes = find_quotations(body, tokens);
    ASSERT_EQ(quotes.size(), 2u);
    EXPECT_EQ(tokens[quotes[0].first_token].lower, "we");
    EXPECT_EQ(tokens[quotes[0].last_token].lower, ",");
    EXPECT_TRUE(tokens[quotes[0].open_token].opening);
    EXPECT_FALSE(tokens[quotes[0].close_token].opening);
    EXPECT_EQ(tokens[quotes[1].first_token].lower, "and");
    // Words inside know their quotation; words outside do not.
    EXPECT_EQ(tokens[quotes[0].first_token].quote, 0u);
    for (const Token& t : tokens) {
        if (t.lower == "mira") {
            EXPECT_EQ(t.quote, NONE);
        }
    }
}

TEST(ExtractQuotations, CurlyMarksSayWhichWayTheyFace) {
    const std::string body = "She called it \u201Ca plan\u201D today.";
    auto tokens = tokenize(body);
    auto quotes = find_quotations(body, tokens);
    ASSERT_EQ(quotes.size(), 1u);
    EXPECT_EQ(quotes[0].last_token - quotes[0].first_token, 1u);
}

TEST(ExtractQuotations, RunsOnIntoAParagraphThatOpensWithAMark) {
    const std::string body = "\"The first part of the speech.\n\n\"The second part,\" he said.";
    auto tokens = tokenize(body);
    auto quotes = find_quotations(body, tokens);
    ASSERT_EQ(quotes.size(), 1u);
    EXPECT_EQ(tokens[quotes[0].first_token].lower, "the");
    EXPECT_EQ(tokens[quotes[0].last_token].lower, ",");
    EXPECT_EQ(tokens[quotes[0].last_token].paragraph, 1u);
}

TEST(ExtractQuotations, AnUnclosedMarkEndsAtTheParagraph) {
    const std::string body = "He said \"it will pass\n\nNext paragraph without marks.";
    auto tokens = tokenize(body);
    auto quotes = find_quotations(body, tokens);
    ASSERT_EQ(quotes.size(), 1u);
    EXPECT_EQ(quotes[0].close_token, NONE);
    EXPECT_EQ(tokens[quotes[0].last_token].lower, "pass");
    EXPECT_EQ(tokens.back().quote, NONE);
}

}  // namespace
}  // namespace saywho::extraction
