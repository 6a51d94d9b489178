/** @file export_test.cc  @brief Unit tests of the statement export (searcher/export.h): CSV fields, batches, the row cap, a sink that stops, JSON Lines rows. */
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <xapian.h>

#include "indexer/index_run.h"
#include "searcher/export.h"
#include "temp_dir.h"

namespace saywho {
namespace {

TEST(CsvField, QuotesOnlyWhatMustBeQuotedAndDoublesQuotes) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"", ""},
        {"plain words", "plain words"},
        {"a, b", "\"a, b\""},
        {"say \"no\"", "\"say \"\"no\"\"\""},
        {"\"", "\"\"\"\""},
        {"two\nlines", "\"two\nlines\""},
        {"carriage\rreturn", "\"carriage\rreturn\""},
        {"Zelenskyý 'single'", "Zelenskyý 'single'"},
    };
    for (const auto& [value, expected] : cases) {
        std::string out = "x";
        append_csv_field(out, value);
        EXPECT_EQ(out, "x" + expected) << value;
    }
}

TEST(ExportFormatNames, ParseExactly) {
    EXPECT_EQ(parse_export_format("csv"), ExportFormat::CSV);
    EXPECT_EQ(parse_export_format("jsonl"), ExportFormat::JSONL);
    EXPECT_FALSE(parse_export_format("CSV").has_value());
    EXPECT_FALSE(parse_export_format("json").has_value());
}

class IgnoringObserver : public IndexObserver {
  public:
    void on_problem(const InputProblem&) override {}
    void on_progress(const IndexProgress&) override {}
};

/// The checked-in corpus, indexed once for every test of the suite.
class StatementExportTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new test::TempDir();
        IndexOptions options;
        options.db_path = *dir_ / "db";
        options.inputs = {std::string(SAYWHO_SOURCE_DIR) + "/corpus"};
        IgnoringObserver observer;
        std::istringstream no_stdin;
        run_index(options, observer, no_stdin);
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }

    /// Everything an export of @p query writes with @p options, and its row count in @p rows.
    static std::string exported(const std::string& query, const ExportOptions& options, std::size_t* rows = nullptr,
                                bool* truncated = nullptr, SortOrder sort = SortOrder::OLDEST) {
        Xapian::Database db(*dir_ / "db");
        SearchOptions search;
        search.query = query;
        search.sort = sort;
        StatementExport exporter(db, search, options);
        if (truncated) *truncated = exporter.truncated();
        std::string out;
        const std::size_t n = exporter.write([&](std::string_view piece) {
            out += piece;
            return true;
        });
        if (rows) *rows = n;
        return out;
    }

    /// The number of statements @p query matches, as search() counts them.
    static std::size_t statements_matching(const std::string& query) {
        Xapian::Database db(*dir_ / "db");
        SearchOptions search;
        search.query = query + " type:statement";
        search.limit = 0;
        search.exact_count_up_to = 100000;
        return saywho::search(db, search).estimate;
    }

    static test::TempDir* dir_;
};

test::TempDir* StatementExportTest::dir_ = nullptr;

TEST_F(StatementExportTest, SmallBatchesWriteWhatOneBatchWrites) {
    ExportOptions one_batch;
    std::size_t rows = 0;
    const std::string whole = exported("type:statement", one_batch, &rows);
    ASSERT_GT(rows, 100u);
    EXPECT_EQ(rows, statements_matching(""));
    ExportOptions small = one_batch;
    small.batch_size = 7;  // not a divisor of the row count: the last batch is short
    small.piece_bytes = 100;
    std::size_t small_rows = 0;
    EXPECT_EQ(exported("type:statement", small, &small_rows), whole);
    EXPECT_EQ(small_rows, rows);
}

// Batches follow the stored order key when it alone orders the list (a
// query of filters only, or a date order) and offsets when words weigh:
// each way, small batches must write what one batch does.
TEST_F(StatementExportTest, SmallBatchesWriteWhatOneBatchWritesInEveryOrder) {
    for (const char* query : {"type:statement", "said", "minister OR ceasefire", "speaker:Kettunen"}) {
        for (const auto& order : SORT_ORDERS) {
            std::size_t rows = 0, small_rows = 0;
            const std::string whole = exported(query, ExportOptions{}, &rows, nullptr, order.order);
            EXPECT_GT(rows, 3u) << query;
            ExportOptions small;
            small.batch_size = 3;
            EXPECT_EQ(exported(query, small, &small_rows, nullptr, order.order), whole) << query << " " << order.name;
            EXPECT_EQ(small_rows, rows);
        }
    }
}

TEST_F(StatementExportTest, RowsFollowTheSearchOrder) {
    // The first rows of an export are the first statement hits of a search.
    Xapian::Database db(*dir_ / "db");
    SearchOptions search;
    search.query = "ceasefire type:statement";
    search.limit = 5;
    const ResultSet results = saywho::search(db, search);
    ASSERT_EQ(results.hits.size(), 5u);
    ExportOptions jsonl;
    jsonl.format = ExportFormat::JSONL;
    jsonl.max_rows = 5;
    std::istringstream lines(exported("ceasefire", jsonl, nullptr, nullptr, SortOrder::RELEVANCE));
    std::string line;
    for (const Hit& hit : results.hits) {
        ASSERT_TRUE(std::getline(lines, line));
        rapidjson::Document doc;
        doc.Parse(line.c_str());
        ASSERT_TRUE(doc.IsObject()) << line;
        EXPECT_EQ(std::string(doc["text"].GetString()), hit.statement.text);
        EXPECT_EQ(std::string(doc["article_id"].GetString()), hit.article_id);
    }
}

TEST_F(StatementExportTest, ArticlesTheQueryMatchesAreNotRows) {
    std::size_t rows = 0;
    exported("drought", ExportOptions{}, &rows);
    EXPECT_GT(rows, 0u);
    EXPECT_EQ(rows, statements_matching("drought"));
    exported("type:article", ExportOptions{}, &rows);
    EXPECT_EQ(rows, 0u);
}

TEST_F(StatementExportTest, TheCapStopsTheRowsAndSaysSoBeforehand) {
    const std::size_t all = statements_matching("");
    ExportOptions capped;
    capped.max_rows = 5;
    capped.batch_size = 2;
    std::size_t rows = 0;
    bool truncated = false;
    const std::string out = exported("type:statement", capped, &rows, &truncated);
    EXPECT_EQ(rows, 5u);
    EXPECT_TRUE(truncated);
    capped.max_rows = all;
    exported("type:statement", capped, &rows, &truncated);
    EXPECT_EQ(rows, all);
    EXPECT_FALSE(truncated) << "exactly the cap is not truncated";
}

TEST_F(StatementExportTest, StopsWhenTheSinkStops) {
    Xapian::Database db(*dir_ / "db");
    SearchOptions search;
    search.query = "type:statement";
    ExportOptions options;
    options.piece_bytes = 1;  // a piece a row
    options.batch_size = 3;
    StatementExport exporter(db, search, options);
    int pieces = 0;
    const std::size_t rows = exporter.write([&](std::string_view) { return ++pieces < 4; });
    EXPECT_EQ(pieces, 4);
    EXPECT_EQ(rows, 4u) << "the header and the first row went together, then three rows";
}

TEST_F(StatementExportTest, JsonLinesHaveTheColumnsInOrderWithNullForEmpty) {
    ExportOptions jsonl;
    jsonl.format = ExportFormat::JSONL;
    std::size_t rows = 0;
    std::istringstream lines(exported("kettunen", jsonl, &rows));
    ASSERT_GT(rows, 0u);
    std::size_t seen = 0;
    for (std::string line; std::getline(lines, line); ++seen) {
        rapidjson::Document doc;
        doc.Parse(line.c_str());
        ASSERT_FALSE(doc.HasParseError()) << line;
        ASSERT_TRUE(doc.IsObject());
        ASSERT_EQ(doc.MemberCount(), EXPORT_COLUMNS.size());
        std::size_t i = 0;
        for (const auto& member : doc.GetObject()) EXPECT_STREQ(member.name.GetString(), EXPORT_COLUMNS[i++]);
        EXPECT_TRUE(doc["cluster"].IsNull());
        EXPECT_TRUE(doc["url"].IsNull()) << "corpus/ articles are text files, without a url";
        EXPECT_TRUE(doc["text"].IsString());
    }
    EXPECT_EQ(seen, rows);
}

}  // namespace
}  // namespace saywho
