/** @file questions_test.cc
 *  @brief End to end: questions in plain words on the repository's corpus/ (the real binaries): function
 *         words never narrow a search, and a question names its speaker with or without "by" (issue 17).
 */
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "tests/e2e/e2e_support.h"
#include "tests/e2e/run_command.h"

namespace saywho::testing {
namespace {

class Questions : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new ScratchDir;
        CommandResult r = run_command({INDEX, "--db", db(), "--no-progress", CORPUS.string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    static void TearDownTestSuite() { delete dir_; }

    static std::string db() { return (dir_->path() / "db").string(); }

    /// The --json answer to @p query, the words given as one argument.
    static rapidjson::Document ask(const std::string& query, std::vector<std::string> options = {},
                                   int expected_exit = 0) {
        std::vector<std::string> argv{SEARCH, "--db", db(), "--json", "--limit", "100", "--now", "2025-06-01"};
        argv.insert(argv.end(), options.begin(), options.end());
        argv.push_back(query);
        CommandResult r = run_command(argv);
        EXPECT_EQ(r.exit_code, expected_exit) << query << ": " << r.err;
        return parse_json(r.out);
    }

    /// The ids of every hit of @p query, in result order.
    static std::vector<std::string> ids(const std::string& query, std::vector<std::string> options = {}) {
        rapidjson::Document doc = ask(query, std::move(options));
        std::vector<std::string> out;
        for (const auto& hit : doc["results"].GetArray()) out.emplace_back(hit["id"].GetString());
        return out;
    }

    static std::vector<std::string> strings(const rapidjson::Value& array) {
        std::vector<std::string> out;
        for (const auto& v : array.GetArray()) out.emplace_back(v.GetString());
        return out;
    }

    static ScratchDir* dir_;
};

ScratchDir* Questions::dir_ = nullptr;

// Issue 17: "statements by Baker on the dollar" found 4 where "statements by
// Baker dollar" found 32, because "on" and "the" had to occur too.
TEST_F(Questions, Issue17FunctionWordsNeverNarrowAStatementSearch) {
    const std::vector<std::string> plain = ids("statements by Kettunen meeting");
    ASSERT_FALSE(plain.empty());
    EXPECT_EQ(ids("statements by Kettunen on the meeting"), plain);
    EXPECT_EQ(ids("statements by Kettunen about the meeting"), plain);
    EXPECT_EQ(ids("statements by Kettunen on the cables"), ids("statements by Kettunen cables"));
}

TEST_F(Questions, FunctionWordsAreNotHighlighted) {
    rapidjson::Document doc = ask("drought in the north of the country");
    ASSERT_GT(doc["results"].Size(), 0u);
    for (const auto& hit : doc["results"].GetArray()) {
        const std::string snippet = hit["snippet"].GetString();
        for (const auto& range : hit["highlights"].GetArray()) {
            std::string word = snippet.substr(range[0].GetUint(), range[1].GetUint() - range[0].GetUint());
            std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
            EXPECT_TRUE(word != "the" && word != "in" && word != "of") << hit["id"].GetString() << ": " << word;
        }
    }
}

TEST_F(Questions, ExplainAndJsonSayWhichFunctionWordsWereLeftOut) {
    CommandResult r = run_command({SEARCH, "--db", db(), "--explain", "statements by Kettunen on the meeting"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "  words: on the meeting\n  function words left out: on, the\n")) << r.out;
    rapidjson::Document doc = ask("statements by Kettunen on the meeting");
    EXPECT_EQ(doc["version"].GetInt(), 7);
    EXPECT_EQ(strings(doc["interpretation"]["stopwords"]), (std::vector<std::string>{"on", "the"}));
    // Nothing left out: an empty list, never a missing member.
    doc = ask("statements by Kettunen meeting");
    EXPECT_TRUE(doc["interpretation"]["stopwords"].IsArray());
    EXPECT_EQ(doc["interpretation"]["stopwords"].Size(), 0u);
}

TEST_F(Questions, LiteralQueriesLeaveFunctionWordsOutToo) {
    // --literal reads no phrase as a filter, but "on the" still narrows nothing.
    const std::vector<std::string> plain = ids("Kettunen meeting", {"--literal"});
    ASSERT_FALSE(plain.empty());
    EXPECT_EQ(ids("Kettunen on the meeting", {"--literal"}), plain);
    rapidjson::Document doc = ask("by Kettunen", {"--literal"});
    EXPECT_EQ(doc["interpretation"]["filters"].Size(), 0u);
    EXPECT_EQ(strings(doc["interpretation"]["stopwords"]), std::vector<std::string>{"by"});
}

TEST_F(Questions, AQueryOfFunctionWordsOnlySearchesThem) {
    // Neither nothing nor everything: the documents with the word.
    rapidjson::Document doc = ask("the");
    const unsigned with_the = doc["total"]["estimate"].GetUint();
    EXPECT_GT(with_the, 0u);
    ASSERT_TRUE(doc["interpretation"]["stopwords"].IsArray());
    EXPECT_EQ(doc["interpretation"]["stopwords"].Size(), 0u) << "nothing was left out";
    EXPECT_LT(with_the, ask("type:article OR type:statement")["total"]["estimate"].GetUint());
    // A phrase keeps its function words: fewer than its words apart.
    EXPECT_LT(ask("\"in the north\"")["total"]["estimate"].GetUint(), ask("north")["total"]["estimate"].GetUint());
}

TEST_F(Questions, FunctionWordsBesideFiltersOnlyLinkedThem) {
    // "on it" is no topic: the filters are the whole query.
    rapidjson::Document doc = ask("statements by Kettunen on it");
    EXPECT_STREQ(doc["interpretation"]["text"].GetString(), "");
    EXPECT_EQ(strings(doc["interpretation"]["stopwords"]), (std::vector<std::string>{"on", "it"}));
    EXPECT_EQ(ids("statements by Kettunen on it"), ids("statements by Kettunen"));
}

/// The speakers of every hit of @p doc, each once.
std::vector<std::string> speakers_of(const rapidjson::Document& doc) {
    std::vector<std::string> out;
    for (const auto& hit : doc["results"].GetArray()) {
        const std::string speaker =
            hit.HasMember("speaker") && hit["speaker"].IsString() ? hit["speaker"].GetString() : "";
        if (std::find(out.begin(), out.end(), speaker) == out.end()) out.push_back(speaker);
    }
    return out;
}

TEST_F(Questions, WhatDidTheOrganisationSayFindsItsStatements) {
    // "did the" were required words, so this found nothing.
    rapidjson::Document doc = ask("what did the Kremlin say");
    ASSERT_GT(doc["results"].Size(), 0u);
    EXPECT_EQ(speakers_of(doc), std::vector<std::string>{"Kremlin"});
    EXPECT_STREQ(doc["interpretation"]["filters"][0]["source"].GetString(), "what did the Kremlin say");
}

TEST_F(Questions, AKnownNameWithoutByIsTheSpeaker) {
    EXPECT_EQ(ids("Kettunen meeting"), ids("statements by Kettunen meeting"));
    EXPECT_EQ(ids("Kettunen on the meeting"), ids("statements by Kettunen meeting"));
    EXPECT_EQ(ids("did Kettunen say anything about the meeting"), ids("statements by Kettunen meeting"));
    EXPECT_EQ(ids("Kettunen in Oslo"), ids("statements by Kettunen in Oslo"));
    EXPECT_EQ(ids("Hrytsenko statements"), ids("statements by Hrytsenko"));
    CommandResult r = run_command({SEARCH, "--db", db(), "--explain", "Kettunen meeting"});
    EXPECT_TRUE(contains(r.out, "speaker: Aino Kettunen   from \"Kettunen\"")) << r.out;
    // A name alone, or after "about", stays a word to search.
    rapidjson::Document doc = ask("Kettunen");
    EXPECT_EQ(doc["interpretation"]["filters"].Size(), 0u);
    doc = ask("talks about Kettunen");
    EXPECT_EQ(doc["interpretation"]["filters"].Size(), 0u);
}

}  // namespace
}  // namespace saywho::testing
