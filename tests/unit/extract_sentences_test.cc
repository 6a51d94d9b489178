/** @file extract_sentences_test.cc
 *  @brief Extraction stage 3: split_sentences() on hand-written sentences.
 */
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract/text_model.h"

namespace saywho::extraction {
namespace {

/// The sentences of @p body as text.
std::vector<std::string> sentences(const std::string& body) {
    auto tokens = tokenize(body);
    find_quotations(body, tokens);
    std::vector<std::string> out;
    for (const Sentence& s : split_sentences(tokens))
        out.push_back(body.substr(tokens[s.first].start, tokens[s.last].end - tokens[s.first].start));
    return out;
}

TEST(ExtractSentences, StopsAndParagraphs) {
    EXPECT_EQ(sentences("Rain fell. Roads closed!\n\nSchools opened late"),
              (std::vector<std::string>{"Rain fell.", "Roads closed!", "Schools opened late"}));
}

TEST(ExtractSentences, AbbreviationsAndInitialsDoNotEndOne) {
    EXPECT_EQ(sentences("Dr. Ines Varga met Gov. Hale and John Q. Public. Then they left."),
              (std::vector<std::string>{"Dr. Ines Varga met Gov. Hale and John Q. Public.", "Then they left."}));
}

TEST(ExtractSentences, AQuotationStaysWhole) {
    EXPECT_EQ(sentences("\"It works. It really does,\" Tomas said. Nobody replied."),
              (std::vector<std::string>{"\"It works. It really does,\" Tomas said.", "Nobody replied."}));
}

TEST(ExtractSentences, AQuestionRunsOnIntoItsAttribution) {
    EXPECT_EQ(sentences("\"Who pays for it?\" Lena Fischer asked. The room went quiet."),
              (std::vector<std::string>{"\"Who pays for it?\" Lena Fischer asked.", "The room went quiet."}));
    // A full stop closing the quotation ends the sentence there.
    EXPECT_EQ(sentences("\"It is paid for.\" Lena Fischer said so.").size(), 2u);
}

TEST(ExtractSentences, NoStopInsideParentheses) {
    EXPECT_EQ(sentences("Sen. Ada Moss (D-N.Y.) Spoke first. Others waited.").size(), 2u);
}

TEST(ExtractSentences, EveryTokenKnowsItsSentence) {
    const std::string body = "One. Two three.";
    auto tokens = tokenize(body);
    find_quotations(body, tokens);
    auto found = split_sentences(tokens);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(tokens[0].sentence, 0u);
    EXPECT_EQ(tokens.back().sentence, 1u);
}

}  // namespace
}  // namespace saywho::extraction
