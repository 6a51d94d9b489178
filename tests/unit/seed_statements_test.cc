/** @file seed_statements_test.cc
 *  @brief The statements of the article saywho was specified from (../shared/seed), read in place.
 */
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/archive_reader.h"
#include "extract/extract.h"

namespace saywho {
namespace {

const std::filesystem::path SEED =
    std::filesystem::path(SAYWHO_SOURCE_DIR) / ".." / "shared" / "seed" / "2025-03-19-trump-ukraine-peace-talks.txt";

class SeedArticle : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!std::filesystem::exists(SEED)) GTEST_SKIP() << SEED << " is absent; skipping the seed article test";
        std::ifstream in(SEED, std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        file_ = bytes.str();
        ParseResult parsed = parse_text_article(SEED.string(), "seed", file_, ReaderOptions{});
        ASSERT_TRUE(parsed.article.has_value());
        statements_ = extract_statements(*parsed.article);
    }

    /// The one statement whose text holds @p words; fails the test otherwise.
    const Statement* find(const std::string& words) {
        const Statement* found = nullptr;
        for (const auto& st : statements_) {
            if (st.text.find(words) == std::string::npos) continue;
            EXPECT_EQ(found, nullptr) << "two statements hold '" << words << "'";
            found = &st;
        }
        EXPECT_NE(found, nullptr) << "no statement holds '" << words << "'";
        return found;
    }

    std::string file_;
    std::vector<Statement> statements_;
};

struct Expected {
    const char* words;
    const char* speaker;
    const char* location;        ///< "" for none
    const char* location_basis;  ///< "" for none
    const char* date_basis;
};

const Expected EXPECTED[] = {
    {"very much on track", "Donald Trump", "", "", "text"},  // "said Wednesday"
    {"very good", "Donald Trump", "", "", "article"},
    {"Much of the discussion", "Donald Trump", "", "", "article"},                     // "the president said"
    {"Additional details about the conversation", "Donald Trump", "", "", "article"},  // "said Trump"
    {"negotiations would commence quickly", "Donald Trump", "", "", "article"},        // "Trump maintained"
    {"a number of significant issues", "Kremlin", "", "", "article"},
    {"at odds with reality", "Volodymyr Zelenskyy", "Helsinki", "inferred", "text"},  // "earlier Wednesday"
    {"150 drones overnight", "Volodymyr Zelenskyy", "Helsinki", "explicit", "article"},
    {"Putin's words are very different from reality", "Volodymyr Zelenskyy", "Helsinki", "inferred", "article"},
    {"Otherwise, Putin will come again with war", "Volodymyr Zelenskyy", "Helsinki", "inferred", "article"},
    {"The conditions listed by Putin", "Volodymyr Zelenskyy", "Helsinki", "inferred", "article"},
};

TEST_F(SeedArticle, GivesEachExpectedStatementWithSpeakerPlaceAndDay) {
    for (const auto& e : EXPECTED) {
        SCOPED_TRACE(e.words);
        const Statement* st = find(e.words);
        if (!st) continue;
        EXPECT_EQ(st->speaker, e.speaker);
        EXPECT_EQ(st->location, e.location);
        EXPECT_EQ(st->location_basis, e.location_basis);
        EXPECT_EQ(st->date.iso(), "2025-03-19");
        EXPECT_EQ(st->date_basis, e.date_basis);
        // Offsets point at the text in the file itself.
        EXPECT_EQ(file_.substr(st->start, st->end - st->start), st->text);
    }
}

TEST_F(SeedArticle, TrumpHasTheRoleOfPresident) {
    const Statement* st = find("very much on track");
    ASSERT_NE(st, nullptr);
    EXPECT_EQ(st->role, "President");
}

TEST_F(SeedArticle, NoneOfTrumpsStatementsIsPlacedInHelsinki) {
    for (const auto& st : statements_)
        if (st.speaker == "Donald Trump") {
            EXPECT_NE(st.location, "Helsinki") << st.text;
        }
}

TEST_F(SeedArticle, TheCallBetweenPutinAndTrumpIsNotAStatement) {
    for (const auto& st : statements_) {
        EXPECT_EQ(st.text.find("a call Tuesday between"), std::string::npos) << st.text;
        EXPECT_NE(st.speaker, "Vladimir Putin") << st.text;
    }
}

TEST_F(SeedArticle, DirectQuotesAreMarkedDirect) {
    const Statement* st = find("Putin's words are very different from reality");
    ASSERT_NE(st, nullptr);
    EXPECT_TRUE(st->direct);
    EXPECT_EQ(st->quote, "direct");
    const Statement* reported = find("The conditions listed by Putin");
    ASSERT_NE(reported, nullptr);
    EXPECT_FALSE(reported->direct);
}

}  // namespace
}  // namespace saywho
