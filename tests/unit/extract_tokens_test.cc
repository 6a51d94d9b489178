/** @file extract_tokens_test.cc
 *  @brief Extraction stage 1: tokenize() on hand-written sentences.
 */
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract/text_model.h"

namespace saywho::extraction {
namespace {

std::vector<std::string> lowers(const std::vector<Token>& tokens) {
    std::vector<std::string> out;
    for (const Token& t : tokens) out.push_back(t.lower);
    return out;
}

TEST(ExtractTokens, WordsKeepTheirJoiners) {
    auto tokens = tokenize("The 30-day plan costs 1,250.5 euros, Anna's aide didn't say.");
    EXPECT_EQ(lowers(tokens), (std::vector<std::string>{"the", "30-day", "plan", "costs", "1,250.5", "euros", ",",
                                                        "anna's", "aide", "didn't", "say", "."}));
}

TEST(ExtractTokens, InitialismsKeepTheirDots) {
    auto tokens = tokenize("The U.S. envoy left.");
    ASSERT_EQ(tokens.size(), 5u);
    EXPECT_EQ(tokens[1].lower, "u.s.");
    EXPECT_TRUE(tokens[1].all_caps);
    EXPECT_EQ(tokens[4].kind, TokenKind::PUNCT);
}

TEST(ExtractTokens, OffsetsCapitalsAndKinds) {
    const std::string body = "Mira \u201Cwaved\u201D";
    auto tokens = tokenize(body);
    ASSERT_EQ(tokens.size(), 4u);
    EXPECT_TRUE(tokens[0].cap);
    EXPECT_FALSE(tokens[0].all_caps);
    EXPECT_EQ(tokens[1].kind, TokenKind::QUOTE);
    EXPECT_EQ(body.substr(tokens[2].start, tokens[2].end - tokens[2].start), "waved");
    EXPECT_FALSE(tokens[2].cap);
    EXPECT_EQ(tokens[3].kind, TokenKind::QUOTE);
}

TEST(ExtractTokens, TwoApostrophesAreOneQuoteMark) {
    auto tokens = tokenize("He said ''no'' twice, and ``yes'' once.");
    std::size_t quotes = 0;
    for (const Token& t : tokens)
        if (t.kind == TokenKind::QUOTE) ++quotes;
    EXPECT_EQ(quotes, 4u);
}

TEST(ExtractTokens, BlankLinesStartParagraphs) {
    auto tokens = tokenize("One line\nstill one.\n\nTwo here.\n\n\nThree.");
    ASSERT_FALSE(tokens.empty());
    EXPECT_EQ(tokens.front().paragraph, 0u);
    EXPECT_EQ(tokens[2].paragraph, 0u);  // "still": a single newline is no break
    EXPECT_EQ(tokens[5].paragraph, 1u);  // "Two"
    EXPECT_EQ(tokens.back().paragraph, 2u);
}

TEST(ExtractTokens, EmptyAndSpaceOnlyBodies) {
    EXPECT_TRUE(tokenize("").empty());
    EXPECT_TRUE(tokenize(" \n\n\t ").empty());
}

TEST(ExtractTokens, WireMarkupOfCompaniesIsTakenOut) {
    // "<Name>" keeps the name, marked as a company's; "<SYMBOL>" after a name goes.
    const auto tokens = tokenize("<Tallow Ridge Mills Inc> said Brightwater Foods Corp <BWF.N> would pay.");
    EXPECT_EQ(lowers(tokens), (std::vector<std::string>{"tallow", "ridge", "mills", "inc", "said", "brightwater",
                                                        "foods", "corp", "would", "pay", "."}));
    EXPECT_TRUE(tokens[0].company_mark && tokens[3].company_mark);
    EXPECT_FALSE(tokens[4].company_mark || tokens[5].company_mark);
    EXPECT_EQ(tokens[0].start, 1u) << "offsets stay those of the body";
}

TEST(ExtractTokens, AngleBracketsThatAreNoMarkupStay) {
    EXPECT_EQ(lowers(tokenize("if a < b and c > d")),
              (std::vector<std::string>{"if", "a", "<", "b", "and", "c", ">", "d"}));
    EXPECT_EQ(lowers(tokenize("the <b>bold</b> text")),
              (std::vector<std::string>{"the", "<", "b", ">", "bold", "<", "/", "b", ">", "text"}));
}

TEST(ExtractTokens, AHeadlineSymbolMarksTheCompanyItFollows) {
    auto tokens = tokenize("Harrow Instruments said sales rose. Harrow added more.");
    mark_headline_companies("HARROW INSTRUMENTS <HRW> SEES GAIN", tokens);
    EXPECT_TRUE(tokens[0].company_mark && tokens[1].company_mark);
    // Only a whole run that is the headline's name: "Harrow" alone is not.
    EXPECT_FALSE(tokens[7].company_mark);
}

}  // namespace
}  // namespace saywho::extraction
