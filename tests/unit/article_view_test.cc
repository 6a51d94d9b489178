/** @file article_view_test.cc  @brief Unit tests of where the article view (/api/article) and search hits place a statement: the offsets extraction found, stored in the database. */
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "indexer/index_run.h"
#include "searcher/search.h"
#include "searcher/service.h"
#include "temp_dir.h"

namespace saywho {
namespace {

using test::TempDir;
using test::write_file;

class IgnoringObserver : public IndexObserver {
  public:
    void on_problem(const InputProblem&) override {}
    void on_progress(const IndexProgress&) override {}
};

/// The statement's words stand first on a poster, which is no statement,
/// then in the minister's mouth.
const std::string POSTER_BODY =
    "Posters in the hall read \"We will not give up\" in three languages.\n\n"
    "\"We will not give up,\" Finnish Foreign Minister Aino Kettunen told reporters in Helsinki on Wednesday.";
const std::string QUOTE = "We will not give up";

class ArticleView : public ::testing::Test {
  protected:
    void index(const std::string& input) {
        IndexOptions options;
        options.db_path = db_;
        options.inputs = {input};
        IgnoringObserver observer;
        std::istringstream no_stdin;
        IndexSummary summary = run_index(options, observer, no_stdin);
        ASSERT_EQ(summary.added, 1u);
        ASSERT_EQ(summary.statements, 1u) << "the poster must not be a statement, the minister's words must";
    }

    /// The /api/article document of @p id.
    rapidjson::Document article(const std::string& id) {
        SearchService service({db_});
        rapidjson::Document doc;
        const std::string json = service.article(id);
        doc.Parse(json.c_str(), json.size());
        EXPECT_FALSE(doc.HasParseError()) << json;
        return doc;
    }

    /// Checks that the one statement of article @p id is marked at the
    /// second occurrence of QUOTE in its body.
    void expect_marked_at_the_minister(const std::string& id) {
        rapidjson::Document doc = article(id);
        const std::string body = doc["body"].GetString();
        const std::size_t poster = body.find(QUOTE);
        const std::size_t minister = body.find(QUOTE, poster + 1);
        ASSERT_NE(minister, std::string::npos) << body;
        ASSERT_EQ(doc["statements"].Size(), 1u);
        const auto& st = doc["statements"][0];
        ASSERT_EQ(std::string(st["text"].GetString()), QUOTE);
        ASSERT_TRUE(st["body_start"].IsUint64());
        EXPECT_EQ(st["body_start"].GetUint64(), minister) << "the poster is at " << poster;
        EXPECT_EQ(st["body_end"].GetUint64(), minister + QUOTE.size());
    }

    TempDir dir_;
    const std::string db_ = dir_ / "db";
};

// Regression: /api/article searched the body for each statement's words and
// marked the poster, the first place they occur.
TEST_F(ArticleView, RegressionAStatementWhoseWordsOccurEarlierIsMarkedWhereItWasSaid) {
    const std::string path = dir_ / "archive/helsinki.txt";
    write_file(path, "date 2025-03-19 Talks in Helsinki\n\n" + POSTER_BODY + "\n");
    index(dir_ / "archive");
    expect_marked_at_the_minister("helsinki");
}

TEST_F(ArticleView, RegressionTheSameInJsonLines) {
    std::string escaped;
    for (char c : POSTER_BODY) {
        if (c == '"')
            escaped += "\\\"";
        else if (c == '\n')
            escaped += "\\n";
        else
            escaped += c;
    }
    write_file(dir_ / "news.jsonl",
               R"({"id":"helsinki","date":"2025-03-19","title":"Talks in Helsinki","body":")" + escaped + "\"}\n");
    index(dir_ / "news.jsonl");
    expect_marked_at_the_minister("helsinki");
}

TEST_F(ArticleView, ASearchHitKeepsTheStatementsOffsetsInTheFile) {
    const std::string file = "date 2025-03-19 Talks in Helsinki\n\n" + POSTER_BODY + "\n";
    write_file(dir_ / "archive/helsinki.txt", file);
    index(dir_ / "archive");
    SearchOptions options;
    options.query = "type:statement";
    ResultSet results = search(Xapian::Database(db_), options);
    ASSERT_EQ(results.hits.size(), 1u);
    const Statement& st = results.hits[0].statement;
    const std::size_t minister = file.find(QUOTE, file.find(QUOTE) + 1);
    EXPECT_EQ(st.start, minister);
    EXPECT_EQ(st.end, minister + QUOTE.size());
    EXPECT_EQ(file.substr(st.start, st.end - st.start), st.text);
}

}  // namespace
}  // namespace saywho
