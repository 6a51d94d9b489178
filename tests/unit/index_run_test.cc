/** @file index_run_test.cc  @brief Unit tests of run_index, database opening (schema version, locks) and DocumentBuilder. */
#include "indexer/index_run.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <xapian.h>

#include "common/database.h"
#include "common/errors.h"
#include "common/schema.h"
#include "indexer/document_builder.h"
#include "indexer/index_pieces.h"
#include "temp_dir.h"

namespace saywho {
namespace {

namespace fs = std::filesystem;
using test::TempDir;
using test::write_file;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// Records every problem and progress report of a run.
class RecordingObserver : public IndexObserver {
  public:
    void on_problem(const InputProblem& problem) override { problems.push_back(problem); }
    void on_progress(const IndexProgress& progress) override { reports.push_back(progress); }
    void on_stage(const std::string& stage, double) override {
        stages += stage + "; ";
        if (stage == stop_at_stage) throw std::runtime_error("stopped before " + stage);
    }

    /// The problems whose message contains @p part.
    std::vector<InputProblem> matching(const std::string& part) const {
        std::vector<InputProblem> out;
        for (const auto& p : problems)
            if (contains(p.message, part)) out.push_back(p);
        return out;
    }
    std::string describe() const {
        std::string out;
        for (const auto& p : problems) out += p.to_string() + (p.skipped ? " [skipped]\n" : " [warning]\n");
        return out;
    }

    std::vector<InputProblem> problems;
    std::vector<IndexProgress> reports;
    std::string stages;
    std::string stop_at_stage;  ///< a run that reaches it stops there, as if killed
};

std::string article_text(const std::string& date, const std::string& title, const std::string& body) {
    return "date " + date + " " + title + "\n\n" + body + "\n";
}

std::string jsonl_line(const std::string& id, const std::string& body) {
    return R"({"id":")" + id + R"(","date":"2025-03-19","title":"T )" + id + R"(","body":")" + body + "\"}\n";
}

/// A temporary archive directory and database path, with a helper to index.
class IndexRunTest : public ::testing::Test {
  protected:
    IndexRunTest() : archive_(dir_.path() / "archive"), db_path_(dir_ / "db") { fs::create_directories(archive_); }

    void write_article(const std::string& name, const std::string& date, const std::string& title,
                       const std::string& body) {
        write_file(archive_ / name, article_text(date, title, body));
    }

    void write_three_articles() {
        write_article("one.txt", "2025-03-17", "First talks", "The first round of talks.");
        write_article("two.txt", "2025-03-18", "Second talks", "The second round of talks.");
        write_article("three.txt", "2025-03-19", "Third talks", "The third round of talks.");
    }

    IndexSummary index(std::vector<std::string> inputs, bool prune = false, const std::string& stdin_text = "") {
        IndexOptions options;
        options.db_path = db_path_;
        options.inputs = std::move(inputs);
        options.prune = prune;
        options.statements = extract_statements_;
        options.writers = writers_;
        options.jobs = jobs_;
        options.piece_bytes = piece_bytes_;
        observer_ = RecordingObserver();
        std::istringstream in(stdin_text);
        return run_index(options, observer_, in);
    }
    IndexSummary index_archive(bool prune = false) { return index({archive_.string()}, prune); }
    /// Builds @p corpus into a new database as the fixture is set up now,
    /// and fails unless it is the database at @p one_path, built by one
    /// writer with the summary @p one; @p what names the build.
    void expect_same_build(const std::string& corpus, const IndexSummary& one, const std::string& one_path,
                           const std::string& what);

    Xapian::Database open_db() const { return Xapian::Database(db_path_); }

    bool has_id(const std::string& id) const {
        Xapian::Database db = open_db();
        return db.term_exists(schema::article_id_term(id));
    }

    /// The number of documents with @p term.
    Xapian::doccount count(const std::string& term) const { return open_db().get_termfreq(term); }
    /// The number of statement documents of the article @p id.
    Xapian::doccount statements_of(const std::string& id) const { return count(schema::statement_article_term(id)); }

    TempDir dir_;
    fs::path archive_;
    std::string db_path_;
    RecordingObserver observer_;
    bool extract_statements_ = true;                   ///< IndexOptions::statements for index()
    std::size_t writers_ = 0;                          ///< IndexOptions::writers for index()
    std::size_t jobs_ = 0;                             ///< IndexOptions::jobs for index()
    std::uint64_t piece_bytes_ = DEFAULT_PIECE_BYTES;  ///< IndexOptions::piece_bytes for index()
};

TEST_F(IndexRunTest, IndexesThreeNewArticles) {
    write_three_articles();
    IndexSummary summary = index_archive();
    EXPECT_EQ(summary.added, 3u) << observer_.describe();
    EXPECT_EQ(summary.updated, 0u);
    EXPECT_EQ(summary.unchanged, 0u);
    EXPECT_EQ(summary.skipped, 0u);
    EXPECT_EQ(summary.failed, 0u);
    EXPECT_EQ(summary.warnings, 0u);
    EXPECT_TRUE(observer_.problems.empty()) << observer_.describe();
    Xapian::Database db = open_db();
    EXPECT_EQ(db.get_doccount(), 3u);
    EXPECT_TRUE(db.term_exists(schema::article_id_term("one")));
    EXPECT_TRUE(db.term_exists(schema::article_id_term("two")));
    EXPECT_TRUE(db.term_exists(schema::article_id_term("three")));
    EXPECT_EQ(db.get_termfreq(schema::type_term(schema::TYPE_ARTICLE)), 3u);
}

TEST_F(IndexRunTest, ReportsProgressAfterEachFile) {
    write_three_articles();
    IndexSummary summary = index_archive();
    ASSERT_EQ(observer_.reports.size(), 3u);
    EXPECT_EQ(observer_.reports.back().articles, 3u);
    EXPECT_EQ(observer_.reports.back().bytes_done, observer_.reports.back().bytes_total);
    EXPECT_EQ(summary.bytes_read, observer_.reports.back().bytes_done);
    EXPECT_GT(summary.bytes_read, 0u);
}

TEST_F(IndexRunTest, SetsTheSchemaVersionMetadata) {
    write_three_articles();
    index_archive();
    Xapian::Database db = open_db();
    EXPECT_EQ(db.get_metadata(schema::METADATA_SCHEMA_VERSION), std::to_string(schema::SCHEMA_VERSION));
    EXPECT_EQ(db.get_metadata(schema::METADATA_FEATURES), schema::FEATURES);
}

TEST_F(IndexRunTest, ReindexingAnUnchangedArchiveChangesNothing) {
    write_three_articles();
    index_archive();
    IndexSummary again = index_archive();
    EXPECT_EQ(again.added, 0u);
    EXPECT_EQ(again.updated, 0u);
    EXPECT_EQ(again.unchanged, 3u);
    EXPECT_EQ(open_db().get_doccount(), 3u);
}

TEST_F(IndexRunTest, AChangedBodyUpdatesThatArticleOnly) {
    write_three_articles();
    index_archive();
    write_article("two.txt", "2025-03-18", "Second talks", "The second round of talks, corrected.");
    IndexSummary again = index_archive();
    EXPECT_EQ(again.added, 0u);
    EXPECT_EQ(again.updated, 1u);
    EXPECT_EQ(again.unchanged, 2u);
    Xapian::Database db = open_db();
    EXPECT_EQ(db.get_doccount(), 3u);
    EXPECT_TRUE(db.term_exists("corrected"));
}

TEST_F(IndexRunTest, IndexingSequenceGrowsForWhatIsWrittenOnly) {
    // The order alerts rely on (schema.h, "Indexing order").
    auto sequence_of = [&](const std::string& id) {
        Xapian::Database db = open_db();
        const std::string term = schema::article_id_term(id);
        const std::string value = db.get_document(*db.postlist_begin(term)).get_value(schema::SLOT_INDEX_SEQUENCE);
        return value.empty() ? 0.0 : Xapian::sortable_unserialise(value);
    };
    // One writer: the lanes of a parallel build (only ever of a new
    // database, which has no saved searches yet) each count on their own.
    writers_ = 1;
    write_three_articles();
    index_archive();
    // Files are read in name order: one, three, two.
    const double one = sequence_of("one"), two = sequence_of("two"), three = sequence_of("three");
    EXPECT_GT(one, 0);
    EXPECT_LT(one, three);
    EXPECT_LT(three, two);
    EXPECT_EQ(schema::last_index_sequence(open_db()), static_cast<std::uint64_t>(two));
    write_article("two.txt", "2025-03-18", "Second talks", "The second round of talks, corrected.");
    write_article("four.txt", "2025-01-01", "Old talks", "An old round of talks.");
    index_archive();
    EXPECT_EQ(sequence_of("one"), one);  // unchanged: not written again
    EXPECT_EQ(sequence_of("three"), three);
    EXPECT_GT(sequence_of("four"), two);                 // an old date, but new
    EXPECT_GT(sequence_of("two"), sequence_of("four"));  // changed: written again
}

TEST_F(IndexRunTest, ABadFileIsSkippedAndReported) {
    write_three_articles();
    write_article("bad.txt", "2025-02-30", "Impossible", "Body.");
    IndexSummary summary = index_archive();
    EXPECT_EQ(summary.added, 3u);
    EXPECT_EQ(summary.skipped, 1u);
    auto bad = observer_.matching("2025-02-30");
    ASSERT_EQ(bad.size(), 1u) << observer_.describe();
    EXPECT_TRUE(bad[0].skipped);
    EXPECT_EQ(bad[0].line, 1u);
    EXPECT_EQ(fs::path(bad[0].path).filename(), "bad.txt") << bad[0].path;
    EXPECT_FALSE(has_id("bad"));
}

TEST_F(IndexRunTest, AMissingInputIsSkippedAndTheRunGoesOn) {
    write_three_articles();
    IndexSummary summary = index({archive_.string(), dir_ / "no-such-dir"});
    EXPECT_EQ(summary.added, 3u);
    EXPECT_EQ(summary.skipped, 1u);
    EXPECT_EQ(observer_.matching("no such file").size(), 1u) << observer_.describe();
}

TEST_F(IndexRunTest, CountsIgnoredFilesAndRepairWarnings) {
    write_three_articles();
    write_file(archive_ / "README.md", "not an article");
    write_file(archive_ / "broken.txt", "date 2025-03-19 Broken\n\nbad \xFF byte\n");
    IndexSummary summary = index_archive();
    EXPECT_EQ(summary.added, 4u);
    EXPECT_EQ(summary.warnings, 1u);
    EXPECT_EQ(summary.ignored_files, 1u);
    EXPECT_EQ(observer_.matching("invalid UTF-8").size(), 1u) << observer_.describe();
}

TEST_F(IndexRunTest, DuplicateIdsAcrossInputsGiveAWarning) {
    write_file(dir_.path() / "a" / "same.txt", article_text("2025-03-19", "From a", "Body a."));
    write_file(dir_.path() / "b" / "same.txt", article_text("2025-03-19", "From b", "Body b."));
    IndexSummary summary = index({dir_ / "a", dir_ / "b"});
    auto duplicates = observer_.matching("duplicate");
    ASSERT_EQ(duplicates.size(), 1u) << observer_.describe();
    EXPECT_FALSE(duplicates[0].skipped);
    EXPECT_TRUE(contains(duplicates[0].message, "same")) << duplicates[0].message;
    EXPECT_GE(summary.warnings, 1u);
    Xapian::Database db = open_db();
    EXPECT_EQ(db.get_doccount(), 1u);
    EXPECT_TRUE(db.term_exists("Sb"));  // the later input wins
}

TEST_F(IndexRunTest, DuplicateIdsOnStdinAreReportedUnderTheStdinName) {
    // Every other problem with standard input is reported as "<stdin>:LINE: ...".
    IndexSummary summary = index({"-"}, false, jsonl_line("s1", "first") + "{bad json\n" + jsonl_line("s1", "second"));
    EXPECT_EQ(summary.skipped, 1u);
    auto bad = observer_.matching("invalid JSON");
    ASSERT_EQ(bad.size(), 1u) << observer_.describe();
    EXPECT_EQ(bad[0].path, "<stdin>");
    auto duplicates = observer_.matching("duplicate");
    ASSERT_EQ(duplicates.size(), 1u) << observer_.describe();
    EXPECT_EQ(duplicates[0].line, 3u);
    EXPECT_EQ(duplicates[0].path, bad[0].path) << duplicates[0].to_string() << " vs " << bad[0].to_string();
}

TEST_F(IndexRunTest, PruneRemovesTheArticleOfADeletedFile) {
    write_three_articles();
    index_archive();
    fs::remove(archive_ / "two.txt");
    IndexSummary summary = index_archive(/*prune=*/true);
    EXPECT_EQ(summary.pruned, 1u) << observer_.describe();
    EXPECT_EQ(summary.unchanged, 2u);
    Xapian::Database db = open_db();
    EXPECT_EQ(db.get_doccount(), 2u);
    EXPECT_FALSE(db.term_exists(schema::article_id_term("two")));
    EXPECT_TRUE(db.term_exists(schema::article_id_term("one")));
    EXPECT_TRUE(db.term_exists(schema::article_id_term("three")));
}

TEST_F(IndexRunTest, WithoutPruneADeletedFileStaysIndexed) {
    write_three_articles();
    index_archive();
    fs::remove(archive_ / "two.txt");
    IndexSummary summary = index_archive(/*prune=*/false);
    EXPECT_EQ(summary.pruned, 0u);
    EXPECT_EQ(open_db().get_doccount(), 3u);
    EXPECT_TRUE(has_id("two"));
}

TEST_F(IndexRunTest, PruneRemovesALineDeletedFromAJsonLinesFile) {
    const fs::path feed = dir_.path() / "feed.jsonl";
    write_file(feed, jsonl_line("j1", "one") + jsonl_line("j2", "two") + jsonl_line("j3", "three"));
    EXPECT_EQ(index({feed.string()}).added, 3u);
    write_file(feed, jsonl_line("j1", "one") + jsonl_line("j3", "three"));
    IndexSummary summary = index({feed.string()}, /*prune=*/true);
    EXPECT_EQ(summary.pruned, 1u) << observer_.describe();
    Xapian::Database db = open_db();
    EXPECT_EQ(db.get_doccount(), 2u);
    EXPECT_FALSE(db.term_exists(schema::article_id_term("j2")));
    EXPECT_TRUE(db.term_exists(schema::article_id_term("j1")));
    EXPECT_TRUE(db.term_exists(schema::article_id_term("j3")));
}

TEST_F(IndexRunTest, PruneKeepsAJsonLinesFileWithAnUnreadableLine) {
    const fs::path feed = dir_.path() / "feed.jsonl";
    write_file(feed, jsonl_line("j1", "one") + jsonl_line("j2", "two"));
    index({feed.string()});
    write_file(feed, jsonl_line("j1", "one") + "{not json\n");
    IndexSummary summary = index({feed.string()}, /*prune=*/true);
    EXPECT_EQ(summary.pruned, 0u);
    EXPECT_EQ(summary.skipped, 1u);
    EXPECT_TRUE(has_id("j2"));
    EXPECT_EQ(observer_.matching("--prune").size(), 1u) << observer_.describe();
}

TEST_F(IndexRunTest, PruneLeavesArticlesFromStdinAlone) {
    index({"-"}, false, jsonl_line("s1", "from stdin"));
    EXPECT_TRUE(has_id("s1"));
    write_three_articles();
    IndexSummary summary = index_archive(/*prune=*/true);
    EXPECT_EQ(summary.pruned, 0u);
    EXPECT_TRUE(has_id("s1"));
}

TEST_F(IndexRunTest, EveryArticleLandsInExactlyOneOutcome) {
    write_three_articles();
    index_archive();
    write_article("two.txt", "2025-03-18", "Second talks", "Changed.");
    write_article("four.txt", "2025-03-20", "Fourth", "New.");
    write_article("bad.txt", "2025-13-01", "Bad", "Body.");
    IndexSummary summary = index_archive();
    EXPECT_EQ(summary.added, 1u);
    EXPECT_EQ(summary.updated, 1u);
    EXPECT_EQ(summary.unchanged, 2u);
    EXPECT_EQ(summary.skipped, 1u);
    EXPECT_EQ(summary.added + summary.updated + summary.unchanged + summary.skipped + summary.failed, 5u);
}

TEST_F(IndexRunTest, SmallBatchesCommitEverything) {
    write_three_articles();
    write_article("four.txt", "2025-03-20", "Fourth", "Body four.");
    IndexOptions options;
    options.db_path = db_path_;
    options.inputs = {archive_.string()};
    options.batch_size = 1;
    std::istringstream in;
    IndexSummary summary = run_index(options, observer_, in);
    EXPECT_EQ(summary.added, 4u);
    EXPECT_EQ(open_db().get_doccount(), 4u);
}

TEST_F(IndexRunTest, StoresTheAbsolutePathInTheData) {
    write_three_articles();
    index_archive();
    Xapian::Database db = open_db();
    auto it = db.postlist_begin(schema::article_id_term("one"));
    ASSERT_NE(it, db.postlist_end(schema::article_id_term("one")));
    rapidjson::Document data;
    std::string raw = db.get_document(*it).get_data();
    data.Parse(raw.c_str(), raw.size());
    ASSERT_FALSE(data.HasParseError());
    ASSERT_TRUE(data.HasMember(schema::DATA_PATH));
    fs::path stored = data[schema::DATA_PATH].GetString();
    EXPECT_TRUE(stored.is_absolute()) << stored;
    EXPECT_TRUE(fs::equivalent(stored, archive_ / "one.txt")) << stored;
}

// --- Statements -------------------------------------------------------------

// Articles whose statements the extractor finds without doubt: a named
// speaker with a title, a speech verb and a dateline.
const char KETTUNEN_BODY[] =
    "HELSINKI, Finland (Saywho Wire) — Foreign Minister Aino Kettunen said on Wednesday that the talks "
    "would continue.\n\n\"We will not wait for the next incident,\" Kettunen told reporters.";
const char HOLMQVIST_BODY[] =
    "OSLO, Norway (Saywho Wire) — Grid director Lars Holmqvist said on Wednesday that the cables were repaired.";

TEST_F(IndexRunTest, EveryStatementBecomesADocumentOfItsArticle) {
    write_article("kettunen.txt", "2025-03-19", "Talks", KETTUNEN_BODY);
    IndexSummary summary = index_archive();
    EXPECT_EQ(summary.added, 1u) << observer_.describe();
    ASSERT_GE(summary.statements, 2u);
    EXPECT_EQ(statements_of("kettunen"), summary.statements);
    EXPECT_EQ(count(schema::type_term(schema::TYPE_STATEMENT)), summary.statements);
    EXPECT_EQ(count(schema::type_term(schema::TYPE_ARTICLE)), 1u);
    EXPECT_EQ(open_db().get_doccount(), 1u + summary.statements);
    EXPECT_EQ(count("XSPEAKER:kettunen"), summary.statements);
    EXPECT_EQ(count("XLOC:helsinki"), summary.statements);
    EXPECT_EQ(count("XPERSON:kettunen"), 1u) << "the article names the person";
    EXPECT_EQ(count("XPLACE:helsinki"), 1u) << "the article names the place";
}

TEST_F(IndexRunTest, AnUnchangedArticleKeepsItsStatements) {
    write_article("kettunen.txt", "2025-03-19", "Talks", KETTUNEN_BODY);
    const std::size_t first = index_archive().statements;
    IndexSummary again = index_archive();
    EXPECT_EQ(again.unchanged, 1u);
    EXPECT_EQ(again.statements, 0u) << "nothing was extracted again";
    EXPECT_EQ(statements_of("kettunen"), first);
}

// Regression (schema 3): statement n of article X had the id term
// Q<X>#<n>, the same as an article whose id is "X#<n>", so re-indexing that
// article replaced X's statement. Statements have no id term since schema 4.
TEST_F(IndexRunTest, AnArticleWhoseIdLooksLikeAStatementsLeavesThatStatementAlone) {
    write_article("kettunen.txt", "2025-03-19", "Talks", KETTUNEN_BODY);
    index_archive();
    const Xapian::doccount statements = statements_of("kettunen");
    ASSERT_GE(statements, 2u);
    for (const char* body : {"First version.", "Second version, changed."}) {
        IndexSummary summary = index({"-"}, false, jsonl_line("kettunen#0", body));
        EXPECT_EQ(summary.failed, 0u) << observer_.describe();
        EXPECT_EQ(statements_of("kettunen"), statements) << body;
        EXPECT_EQ(count(schema::type_term(schema::TYPE_STATEMENT)), statements) << body;
        EXPECT_TRUE(has_id("kettunen#0"));
        EXPECT_TRUE(has_id("kettunen"));
        EXPECT_EQ(open_db().get_doccount(), 2u + statements) << body;
    }
}

TEST_F(IndexRunTest, AChangedBodyReplacesAllItsStatements) {
    write_article("kettunen.txt", "2025-03-19", "Talks", KETTUNEN_BODY);
    write_article("holmqvist.txt", "2025-03-19", "Cables", HOLMQVIST_BODY);
    index_archive();
    ASSERT_GE(statements_of("kettunen"), 2u);
    const Xapian::doccount holmqvist = statements_of("holmqvist");
    ASSERT_GE(holmqvist, 1u);

    // Fewer statements, by someone else: none of the old ones may remain.
    write_article("kettunen.txt", "2025-03-19", "Talks", HOLMQVIST_BODY);
    IndexSummary summary = index_archive();
    EXPECT_EQ(summary.updated, 1u);
    EXPECT_EQ(summary.unchanged, 1u);
    EXPECT_EQ(statements_of("kettunen"), summary.statements);
    EXPECT_EQ(statements_of("kettunen"), holmqvist);
    EXPECT_EQ(count("XSPEAKER:kettunen"), 0u);
    EXPECT_EQ(statements_of("holmqvist"), holmqvist) << "the other article's statements are untouched";
    EXPECT_EQ(open_db().get_doccount(), 2u + 2 * holmqvist);

    // No statements at all.
    write_article("kettunen.txt", "2025-03-19", "Talks", "The weather was mild.");
    summary = index_archive();
    EXPECT_EQ(summary.updated, 1u);
    EXPECT_EQ(statements_of("kettunen"), 0u);
    EXPECT_EQ(open_db().get_doccount(), 2u + holmqvist);
}

TEST_F(IndexRunTest, PruneRemovesTheStatementsOfADeletedFile) {
    write_article("kettunen.txt", "2025-03-19", "Talks", KETTUNEN_BODY);
    write_article("holmqvist.txt", "2025-03-19", "Cables", HOLMQVIST_BODY);
    index_archive();
    ASSERT_GT(statements_of("kettunen"), 0u);
    const Xapian::doccount holmqvist = statements_of("holmqvist");
    fs::remove(archive_ / "kettunen.txt");
    IndexSummary summary = index_archive(/*prune=*/true);
    EXPECT_EQ(summary.pruned, 1u);
    EXPECT_EQ(statements_of("kettunen"), 0u);
    EXPECT_EQ(count("XSPEAKER:kettunen"), 0u);
    EXPECT_EQ(statements_of("holmqvist"), holmqvist);
    EXPECT_EQ(open_db().get_doccount(), 1u + holmqvist);
}

TEST_F(IndexRunTest, NoStatementsIndexesArticlesOnlyAndSwitchingBackAddsThem) {
    write_article("kettunen.txt", "2025-03-19", "Talks", KETTUNEN_BODY);
    extract_statements_ = false;
    IndexSummary summary = index_archive();
    EXPECT_EQ(summary.added, 1u);
    EXPECT_EQ(summary.statements, 0u);
    EXPECT_EQ(count(schema::type_term(schema::TYPE_STATEMENT)), 0u);
    EXPECT_EQ(count("XPERSON:kettunen"), 0u) << "no extraction at all";
    EXPECT_EQ(open_db().get_doccount(), 1u);

    // The article did not change, but what is indexed for it does.
    extract_statements_ = true;
    summary = index_archive();
    EXPECT_EQ(summary.updated, 1u);
    EXPECT_GE(summary.statements, 2u);
    EXPECT_EQ(statements_of("kettunen"), summary.statements);

    extract_statements_ = false;
    summary = index_archive();
    EXPECT_EQ(summary.updated, 1u);
    EXPECT_EQ(statements_of("kettunen"), 0u) << "--no-statements removes what an earlier run extracted";
}

TEST_F(IndexRunTest, StatementsOfADuplicateIdAreThoseOfTheLaterArticle) {
    write_file(dir_.path() / "a" / "same.txt", article_text("2025-03-19", "From a", KETTUNEN_BODY));
    write_file(dir_.path() / "b" / "same.txt", article_text("2025-03-19", "From b", HOLMQVIST_BODY));
    IndexSummary summary = index({dir_ / "a", dir_ / "b"});
    EXPECT_EQ(count("XSPEAKER:kettunen"), 0u) << observer_.describe();
    EXPECT_GE(count("XSPEAKER:holmqvist"), 1u);
    EXPECT_EQ(open_db().get_doccount(), 1u + statements_of("same"));
    EXPECT_GT(summary.statements, statements_of("same")) << "both were extracted; the first was replaced";
}

// --- Building a new database with several writers ---------------------------

/// Everything stored for one document: data, values, and each term with its
/// wdf and positions.
std::string describe_document(const Xapian::Database& db, Xapian::docid id) {
    Xapian::Document doc = db.get_document(id);
    std::string out = doc.get_data() + "\n";
    // Left out: the indexing sequence number, which each writer of a
    // parallel build counts on its own (schema.h, "Indexing order").
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
        if (v.get_valueno() != schema::SLOT_INDEX_SEQUENCE)
            out += "value " + std::to_string(v.get_valueno()) + " " + *v + "\n";
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        out += *t + " " + std::to_string(t.get_wdf());
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) out += " " + std::to_string(*p);
        out += "\n";
    }
    return out;
}

/// Fails unless @p a and @p b hold the same documents under the same ids,
/// and the same schema metadata.
void expect_same_databases(const std::string& a_path, const std::string& b_path) {
    Xapian::Database a(a_path), b(b_path);
    ASSERT_EQ(a.get_doccount(), b.get_doccount());
    ASSERT_EQ(a.get_lastdocid(), b.get_lastdocid());
    EXPECT_EQ(a.get_total_length(), b.get_total_length());
    EXPECT_EQ(a.get_metadata(schema::METADATA_SCHEMA_VERSION), b.get_metadata(schema::METADATA_SCHEMA_VERSION));
    EXPECT_EQ(a.get_metadata(schema::METADATA_FEATURES), b.get_metadata(schema::METADATA_FEATURES));
    for (auto it = a.postlist_begin(""); it != a.postlist_end(""); ++it) {
        ASSERT_EQ(describe_document(a, *it), describe_document(b, *it)) << "document " << *it;
    }
}

void IndexRunTest::expect_same_build(const std::string& corpus, const IndexSummary& one, const std::string& one_path,
                                     const std::string& what) {
    fs::remove_all(db_path_);
    IndexSummary again = index({corpus});
    EXPECT_EQ(again.added, one.added) << what;
    EXPECT_EQ(again.statements, one.statements) << what;
    EXPECT_EQ(again.bytes_read, one.bytes_read) << what;
    EXPECT_EQ(again.ignored_files, one.ignored_files) << what;
    EXPECT_EQ(again.linked, one.linked) << what;
    EXPECT_EQ(again.copies, one.copies) << what;
    expect_same_databases(one_path, db_path_);
    EXPECT_FALSE(fs::exists(db_path_ + ".saywho-build")) << "the pieces are removed; " << what;
}

TEST_F(IndexRunTest, SeveralWritersBuildTheDocumentsOfOneWriter) {
    const std::string corpus = std::string(SAYWHO_SOURCE_DIR) + "/corpus";
    writers_ = 1;
    IndexSummary one = index({corpus});
    const std::string one_path = dir_ / "one-writer.db";
    fs::rename(db_path_, one_path);
    for (std::size_t writers : {2u, 3u, 7u}) {
        writers_ = writers;
        expect_same_build(corpus, one, one_path, std::to_string(writers) + " writers");
    }
}

TEST_F(IndexRunTest, PiecesOfAnySizeBuildTheDocumentsOfOneWriterInOnePiece) {
    const std::string corpus = std::string(SAYWHO_SOURCE_DIR) + "/corpus";
    writers_ = 1;
    IndexSummary one = index({corpus});
    const std::string one_path = dir_ / "one-piece.db";
    fs::rename(db_path_, one_path);
    // 1 byte: every file a piece; 4 KiB: a few files each.
    for (std::uint64_t piece_bytes : {std::uint64_t{1}, std::uint64_t{4096}}) {
        for (std::size_t writers : {1u, 2u}) {
            piece_bytes_ = piece_bytes;
            writers_ = writers;
            expect_same_build(corpus, one, one_path,
                              std::to_string(piece_bytes) + " bytes, " + std::to_string(writers) + " writers");
        }
    }
}

TEST_F(IndexRunTest, TheStagesAfterWritingAreAnnounced) {
    write_three_articles();
    writers_ = 1;
    piece_bytes_ = 1;
    index_archive();
    EXPECT_EQ(observer_.stages, "merging 3 pieces; linking speakers; clustering statements; ");
    write_article("four.txt", "2025-03-20", "Fourth talks", "The fourth round of talks.");
    index_archive();  // in place
    EXPECT_EQ(observer_.stages, "linking speakers; clustering statements; ");
}

TEST_F(IndexRunTest, AnArchiveGrownRunByRunIsTheArchiveIndexedAtOnce) {
    // Each later run links again only the short names its statements touch;
    // the result must be a single run's.
    write_article("1.txt", "1987-03-02", "Dollar talks", "\"The dollar will find its level,\" Baker told reporters.");
    write_article("2.txt", "1987-03-02", "Oil", "\"Prices will rise,\" Opec said in a statement.");
    write_article("3.txt", "1987-03-03", "Trade talks",
                  "Treasury Secretary James Baker said on Monday that the trade deficit would shrink this year.");
    writers_ = 1;
    IndexSummary at_once = index_archive();
    ASSERT_EQ(at_once.linked, 1u) << "Baker is James Baker";
    const std::string at_once_path = dir_ / "at-once.db";
    fs::rename(db_path_, at_once_path);

    fs::rename(archive_ / "3.txt", dir_ / "3.txt");
    EXPECT_EQ(index_archive().linked, 0u);
    fs::rename(dir_ / "3.txt", archive_ / "3.txt");
    EXPECT_EQ(index_archive().linked, 1u);
    expect_same_databases(at_once_path, db_path_);

    // A run stopped after writing, before its link pass: the next run links
    // what it left, though it adds nothing itself.
    fs::remove(archive_ / "3.txt");
    EXPECT_EQ(index_archive(/*prune=*/true).linked, 1u);
    write_article("3.txt", "1987-03-03", "Trade talks",
                  "Treasury Secretary James Baker said on Monday that the trade deficit would shrink this year.");
    IndexOptions options;
    options.db_path = db_path_;
    options.inputs = {archive_.string()};
    RecordingObserver stopping;
    stopping.stop_at_stage = "linking speakers";
    std::istringstream no_stdin;
    EXPECT_THROW(run_index(options, stopping, no_stdin), std::runtime_error);
    EXPECT_EQ(count(schema::bounded_term(schema::PREFIX_SPEAKER, "james baker")), 1u) << "not linked yet";
    EXPECT_EQ(index_archive().linked, 1u);
    EXPECT_EQ(count(schema::bounded_term(schema::PREFIX_SPEAKER, "james baker")), 2u);

    // Removing the full name undoes the link, as a build without it would.
    fs::remove(archive_ / "3.txt");
    EXPECT_EQ(index_archive(/*prune=*/true).linked, 1u);
    EXPECT_EQ(count(schema::bounded_term(schema::PREFIX_SPEAKER, "james baker")), 0u);
}

TEST_F(IndexRunTest, ABuildInPiecesStoppedBeforeItsLinksIsLinkedByTheNextRun) {
    write_article("1.txt", "1987-03-02", "Dollar talks", "\"The dollar will find its level,\" Baker told reporters.");
    write_article("2.txt", "1987-03-03", "Trade talks",
                  "Treasury Secretary James Baker said on Monday that the trade deficit would shrink this year.");
    IndexOptions options;
    options.db_path = db_path_;
    options.inputs = {archive_.string()};
    options.writers = 1;
    options.piece_bytes = 1;
    RecordingObserver stopping;
    stopping.stop_at_stage = "linking speakers";
    std::istringstream no_stdin;
    EXPECT_THROW(run_index(options, stopping, no_stdin), std::runtime_error);
    EXPECT_EQ(open_db().get_metadata(schema::METADATA_LINKS_PENDING), "1") << "the merged pieces carry the mark";
    EXPECT_EQ(index_archive().linked, 1u);
    EXPECT_EQ(open_db().get_metadata(schema::METADATA_LINKS_PENDING), "");
    EXPECT_EQ(index_archive().linked, 0u);
}

TEST_F(IndexRunTest, SplitPiecesKeepsOrderAndBoundsEachPieceButTheLargeFiles) {
    std::vector<InputFile> files(6);
    const std::uint64_t sizes[] = {30, 50, 10, 200, 60, 40};
    for (std::size_t i = 0; i < files.size(); ++i) {
        files[i].path = std::to_string(i);
        files[i].size = sizes[i];
    }
    std::string split;
    for (const auto& piece : split_pieces(files, 100)) {
        split += "[";
        for (const auto& file : piece) split += file.path;
        split += "]";
    }
    EXPECT_EQ(split, "[012][3][45]");
    EXPECT_TRUE(split_pieces({}, 100).empty());
}

// --- Several worker threads (--jobs) ---------------------------------------

TEST_F(IndexRunTest, AnyNumberOfWorkersBuildsTheDocumentsOfOne) {
    // Workers finish in any order; the writer must still add the documents
    // in input order, so every document id is the same.
    const std::string corpus = std::string(SAYWHO_SOURCE_DIR) + "/corpus";
    writers_ = 1;
    jobs_ = 1;
    IndexSummary one = index({corpus});
    const std::string one_path = dir_ / "one-worker.db";
    fs::rename(db_path_, one_path);
    for (std::size_t writers : {1u, 2u}) {
        for (std::size_t jobs : {2u, 5u, 16u}) {
            writers_ = writers;
            jobs_ = jobs;
            fs::remove_all(db_path_);
            IndexSummary many = index({corpus});
            EXPECT_EQ(many.added, one.added) << jobs;
            EXPECT_EQ(many.statements, one.statements) << jobs;
            expect_same_databases(one_path, db_path_);
        }
    }
}

TEST_F(IndexRunTest, WorkersReportProblemsInInputOrderWhenUpdatingInPlace) {
    // Bad records, articles and a JSON Lines file with bad lines between
    // good ones: problems come out in input order whatever the workers do.
    std::string lines;
    for (int i = 0; i < 40; ++i)
        lines +=
            i % 7 == 3 ? "{not json\n" : jsonl_line("j" + std::to_string(i), "Body number " + std::to_string(i) + ".");
    write_file(archive_ / "a.jsonl", lines);
    write_article("b.txt", "2025-03-17", "First", "The first body.");
    write_file(archive_ / "c.txt", "no date line\n");
    write_article("d.txt", "2025-03-18", "Third", "The third body.");
    writers_ = 1;
    jobs_ = 1;
    IndexSummary one = index_archive();
    const std::string one_problems = observer_.describe();
    ASSERT_FALSE(one_problems.empty());
    for (std::size_t jobs : {3u, 8u}) {
        fs::remove_all(db_path_);
        jobs_ = jobs;
        IndexSummary many = index_archive();
        EXPECT_EQ(observer_.describe(), one_problems) << jobs;
        EXPECT_EQ(many.added, one.added);
        EXPECT_EQ(many.skipped, one.skipped);
    }
    // Unchanged on a second run, whatever the number of workers.
    IndexSummary again = index_archive();
    EXPECT_EQ(again.unchanged, one.added);
    EXPECT_EQ(again.added, 0u);
}

TEST_F(IndexRunTest, SeveralWritersReportProblemsAndProgressInInputOrder) {
    write_article("1.txt", "2025-03-17", "First", "The first body.");
    write_file(archive_ / "2.txt", "no date line\n");
    write_article("3.txt", "2025-03-18", "Third", "The third body.");
    write_file(archive_ / "4.txt", "date 2025-99-99 Bad date\n\nBody.\n");
    write_article("5.txt", "2025-03-19", "Fifth", "The fifth body.");
    writers_ = 1;
    IndexSummary one = index_archive();
    const std::string one_problems = observer_.describe();
    const std::size_t one_reports = observer_.reports.size();
    fs::remove_all(db_path_);
    // Three writers; then two writing a piece a file.
    for (std::uint64_t piece_bytes : {DEFAULT_PIECE_BYTES, std::uint64_t{1}}) {
        fs::remove_all(db_path_);
        writers_ = piece_bytes == 1 ? 2 : 3;
        piece_bytes_ = piece_bytes;
        IndexSummary many = index_archive();
        EXPECT_EQ(observer_.describe(), one_problems) << piece_bytes;
        EXPECT_EQ(many.skipped, one.skipped);
        EXPECT_EQ(many.added, 3u);
        ASSERT_EQ(observer_.reports.size(), one_reports);
        EXPECT_EQ(observer_.reports.back().articles, 5u);
        EXPECT_EQ(observer_.reports.back().bytes_done, observer_.reports.back().bytes_total);
    }
}

TEST_F(IndexRunTest, SeveralWritersKeepTheLaterCopyOfAnIdReadInTwoParts) {
    write_file(dir_.path() / "a" / "same.txt", article_text("2025-03-19", "From a", KETTUNEN_BODY));
    write_file(dir_.path() / "b" / "same.txt", article_text("2025-03-19", "From b", HOLMQVIST_BODY));
    writers_ = 1;
    IndexSummary one = index({dir_ / "a", dir_ / "b"});
    const std::string one_problems = observer_.describe();
    const std::string one_path = dir_ / "one-writer.db";
    fs::rename(db_path_, one_path);
    writers_ = 2;
    IndexSummary two = index({dir_ / "a", dir_ / "b"});
    EXPECT_EQ(observer_.describe(), one_problems);
    EXPECT_EQ(two.added, one.added);
    EXPECT_EQ(two.updated, one.updated);
    EXPECT_EQ(two.warnings, one.warnings);
    EXPECT_EQ(two.statements, one.statements);
    EXPECT_TRUE(open_db().term_exists("Sb"));
    EXPECT_EQ(count("XSPEAKER:kettunen"), 0u);
    EXPECT_EQ(open_db().get_doccount(), Xapian::Database(one_path).get_doccount());
}

TEST_F(IndexRunTest, PiecesOfOneWriterKeepTheLastCopyOfAnIdReadInThree) {
    write_file(dir_.path() / "a" / "same.txt", article_text("2025-03-19", "From a", KETTUNEN_BODY));
    write_file(dir_.path() / "b" / "same.txt", article_text("2025-03-19", "From b", HOLMQVIST_BODY));
    write_file(dir_.path() / "c" / "same.txt", article_text("2025-03-20", "From c", KETTUNEN_BODY));
    const std::vector<std::string> inputs{dir_ / "a", dir_ / "b", dir_ / "c"};
    writers_ = 1;
    IndexSummary one = index(inputs);
    const std::string one_problems = observer_.describe();
    const std::string one_path = dir_ / "one-piece.db";
    fs::rename(db_path_, one_path);
    piece_bytes_ = 1;  // a piece each
    IndexSummary pieces = index(inputs);
    EXPECT_EQ(observer_.describe(), one_problems);
    EXPECT_EQ(pieces.added, one.added);
    EXPECT_EQ(pieces.updated, one.updated);
    EXPECT_EQ(pieces.warnings, 2u);
    EXPECT_EQ(pieces.statements, one.statements);
    EXPECT_TRUE(open_db().term_exists("Sc"));
    EXPECT_FALSE(open_db().term_exists("Sb"));
    EXPECT_EQ(count("XSPEAKER:holmqvist"), 0u);
    EXPECT_EQ(open_db().get_doccount(), Xapian::Database(one_path).get_doccount());
}

TEST_F(IndexRunTest, AnExistingDatabaseIsUpdatedInPlaceByOneWriter) {
    write_three_articles();
    writers_ = 2;
    index_archive();
    write_article("four.txt", "2025-03-20", "Fourth talks", "The fourth round of talks.");
    write_article("two.txt", "2025-03-18", "Second talks", "The second round of talks, changed.");
    const Xapian::docid last = open_db().get_lastdocid();
    IndexSummary summary = index_archive();
    EXPECT_EQ(summary.added, 1u);
    EXPECT_EQ(summary.updated, 1u);
    EXPECT_EQ(summary.unchanged, 2u);
    // Updated in place: the new document ids follow the old ones.
    EXPECT_GT(open_db().get_lastdocid(), last);
    EXPECT_FALSE(fs::exists(db_path_ + ".saywho-build"));
}

TEST_F(IndexRunTest, ABuildDirectoryLeftByAnInterruptedRunIsReplaced) {
    write_three_articles();
    write_file(fs::path(db_path_ + ".saywho-build") / "piece-0" / "junk", "left over\n");
    writers_ = 2;
    IndexSummary summary = index_archive();
    EXPECT_EQ(summary.added, 3u) << observer_.describe();
    EXPECT_EQ(open_db().get_doccount(), 3u + count(schema::type_term(schema::TYPE_STATEMENT)));
    EXPECT_FALSE(fs::exists(db_path_ + ".saywho-build"));
}

// --- Opening databases ------------------------------------------------------

TEST(DefaultDatabasePath, OptionThenEnvironmentThenDefault) {
    const char* saved = std::getenv("SAYWHO_DB");
    std::string saved_value = saved ? saved : "";
    ::unsetenv("SAYWHO_DB");
    EXPECT_EQ(default_database_path(""), "saywho.db");
    EXPECT_EQ(default_database_path("/data/news.db"), "/data/news.db");
    ::setenv("SAYWHO_DB", "/env/news.db", 1);
    EXPECT_EQ(default_database_path(""), "/env/news.db");
    EXPECT_EQ(default_database_path("/data/news.db"), "/data/news.db");
    ::setenv("SAYWHO_DB", "", 1);
    EXPECT_EQ(default_database_path(""), "saywho.db");
    if (saved)
        ::setenv("SAYWHO_DB", saved_value.c_str(), 1);
    else
        ::unsetenv("SAYWHO_DB");
}

TEST(OpenDatabase, RefusesAnotherSchemaVersionForWriting) {
    TempDir dir;
    const std::string path = dir / "db";
    {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
        db.set_metadata(schema::METADATA_SCHEMA_VERSION, "999");
        db.commit();
    }
    try {
        open_for_writing(path);
        FAIL() << "open_for_writing accepted schema version 999";
    } catch (const DatabaseError& e) {
        EXPECT_TRUE(contains(e.what(), "schema version")) << e.what();
        EXPECT_TRUE(contains(e.what(), "999")) << e.what();
    }
    // The refusal must not leave the database locked.
    EXPECT_NO_THROW(Xapian::WritableDatabase(path, Xapian::DB_OPEN));
}

TEST(OpenDatabase, RefusesAnotherSchemaVersionForReading) {
    TempDir dir;
    const std::string path = dir / "db";
    {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
        db.set_metadata(schema::METADATA_SCHEMA_VERSION, "999");
        db.commit();
    }
    try {
        open_for_reading(path);
        FAIL() << "open_for_reading accepted schema version 999";
    } catch (const DatabaseError& e) {
        EXPECT_TRUE(contains(e.what(), "schema version")) << e.what();
    }
}

TEST(OpenDatabase, RefusesASchema4DatabaseWithTheRebuildMessage) {
    // Schema 5 stores a statement's offsets in the body: a schema 4
    // database's statement records have file offsets instead.
    ASSERT_GT(schema::SCHEMA_VERSION, 4);
    TempDir dir;
    const std::string path = dir / "db";
    {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
        db.set_metadata(schema::METADATA_SCHEMA_VERSION, "4");
        Xapian::Document statement;
        statement.add_value(schema::SLOT_STATEMENT_RECORD, R"({"type":"statement","id":"a#0","start":40,"end":84})");
        db.add_document(statement);
        db.commit();
    }
    const std::string expected = path + " has saywho schema version 4 but this saywho uses version " +
                                 std::to_string(schema::SCHEMA_VERSION) +
                                 "; rebuild it: "
                                 "remove " +
                                 path + " and run saywho-index again on your archive";
    for (int mode = 0; mode < 3; ++mode) {
        try {
            if (mode == 0) open_for_reading(path);
            if (mode == 1) open_for_writing(path);
            if (mode == 2) open_for_searching({path});
            FAIL() << "mode " << mode << " accepted schema version 4";
        } catch (const DatabaseError& e) {
            EXPECT_EQ(std::string(e.what()), expected) << "mode " << mode;
        }
    }
}

TEST(OpenDatabase, RefusesAXapianDatabaseSaywhoDidNotBuild) {
    TempDir dir;
    const std::string path = dir / "db";
    {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
        db.add_document(Xapian::Document());
        db.commit();
    }
    EXPECT_THROW(open_for_writing(path), DatabaseError);
    EXPECT_THROW(open_for_reading(path), DatabaseError);
}

TEST(OpenDatabase, ANewDatabaseGetsTheCurrentVersion) {
    TempDir dir;
    const std::string path = dir / "db";
    {
        Xapian::WritableDatabase db = open_for_writing(path);
        db.commit();
    }
    Xapian::Database db = open_for_reading(path);
    EXPECT_EQ(db.get_metadata(schema::METADATA_SCHEMA_VERSION), std::to_string(schema::SCHEMA_VERSION));
}

TEST(OpenDatabase, ReadingAMissingDatabaseSaysHowToBuildOne) {
    TempDir dir;
    const std::string path = dir / "missing.db";
    try {
        open_for_reading(path);
        FAIL() << "open_for_reading opened a missing database";
    } catch (const DatabaseError& e) {
        EXPECT_TRUE(contains(e.what(), "saywho-index")) << e.what();
        EXPECT_TRUE(contains(e.what(), path)) << e.what();
    }
    EXPECT_FALSE(fs::exists(path));  // reading must not create it
}

TEST(OpenDatabase, ReadingSomethingThatIsNotADatabaseThrowsDatabaseError) {
    TempDir dir;
    const std::string path = dir / "not-a-db";
    fs::create_directories(path);
    write_file(fs::path(path) / "junk", "junk");
    EXPECT_THROW(open_for_reading(path), DatabaseError);
}

TEST(OpenDatabase, ARegularFileIsNotADatabase) {
    TempDir dir;
    const std::string path = dir / "file.txt";
    write_file(path, "date 2025-03-19 Not a database\n\nBody.\n");
    EXPECT_THROW(open_for_reading(path), DatabaseError);
    EXPECT_THROW(open_for_writing(path), DatabaseError);
}

TEST(OpenDatabase, ASecondWriterIsRefusedAsLocked) {
    TempDir dir;
    const std::string path = dir / "db";
    {
        Xapian::WritableDatabase db = open_for_writing(path);
        db.commit();
    }
    // Xapian holds its lock through fcntl (an OFD lock, or a lock held by a
    // forked helper), so a second writer in this same process is refused too.
    Xapian::WritableDatabase holder(path, Xapian::DB_OPEN);
    try {
        open_for_writing(path);
        FAIL() << "open_for_writing opened a database another writer holds";
    } catch (const DatabaseError& e) {
        EXPECT_TRUE(contains(e.what(), "locked")) << e.what();
    }
}

TEST(OpenDatabase, ASecondWriterInAnotherProcessIsRefusedAsLocked) {
    TempDir dir;
    const std::string path = dir / "db";
    {
        Xapian::WritableDatabase db = open_for_writing(path);
        db.commit();
    }
    int ready[2], done[2];
    ASSERT_EQ(pipe(ready), 0);
    ASSERT_EQ(pipe(done), 0);
    pid_t child = fork();
    ASSERT_NE(child, -1);
    if (child == 0) {
        // Child: hold the lock until the parent says it has tried.
        close(ready[0]);
        close(done[1]);
        char status = 'x';
        try {
            Xapian::WritableDatabase holder(path, Xapian::DB_OPEN);
            status = 'y';
            (void)!write(ready[1], &status, 1);
            char c;
            (void)!read(done[0], &c, 1);
        } catch (...) {
            (void)!write(ready[1], &status, 1);
        }
        _exit(0);
    }
    close(ready[1]);
    close(done[0]);
    char status = 0;
    ASSERT_EQ(read(ready[0], &status, 1), 1);
    ASSERT_EQ(status, 'y') << "the child could not open the database";
    std::string error;
    try {
        open_for_writing(path);
    } catch (const DatabaseError& e) {
        error = e.what();
    }
    char go = 'g';
    (void)!write(done[1], &go, 1);
    close(done[1]);
    close(ready[0]);
    int wstatus = 0;
    waitpid(child, &wstatus, 0);
    EXPECT_TRUE(contains(error, "locked")) << "error: '" << error << "'";
}

TEST_F(IndexRunTest, RunIndexOnALockedDatabaseThrowsDatabaseError) {
    write_three_articles();
    index_archive();
    Xapian::WritableDatabase holder(db_path_, Xapian::DB_OPEN);
    EXPECT_THROW(index_archive(), DatabaseError);
}

// --- DocumentBuilder --------------------------------------------------------

Article sample_article() {
    Article a;
    a.id = "2025-03-19-helsinki";
    a.date = *CivilDate::make(2025, 3, 19);
    a.title = "Leaders meet in Helsinki";
    a.body = "The talks began on Monday.\n\nBoth sides spoke.";
    a.path = "/archive/2025-03-19-helsinki.txt";
    return a;
}

std::set<std::string> all_terms(const Xapian::Document& doc) {
    std::set<std::string> terms;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) terms.insert(*it);
    return terms;
}

TEST(DocumentBuilder, BuildsTheSchemaTermsValuesAndData) {
    DocumentBuilder builder;
    Article article = sample_article();
    Xapian::Document doc = builder.build_article(article, "0123456789abcdef");
    auto terms = all_terms(doc);
    for (const char* term : {"Q2025-03-19-helsinki", "XTYPE:article", "D20250319", "M202503", "Y2025", "Shelsinki",
                             "helsinki", "talks", "monday"})
        EXPECT_TRUE(terms.count(term)) << term;
    EXPECT_EQ(std::count_if(terms.begin(), terms.end(), [](const std::string& t) { return t[0] == 'G'; }), 0)
        << "no source term without a source";
    EXPECT_EQ(doc.get_value(schema::SLOT_DATE), "20250319");
    EXPECT_EQ(doc.get_value(schema::SLOT_CONTENT_HASH), "0123456789abcdef");

    rapidjson::Document data;
    std::string raw = doc.get_data();
    data.Parse(raw.c_str(), raw.size());
    ASSERT_FALSE(data.HasParseError()) << raw;
    ASSERT_TRUE(data.IsObject());
    EXPECT_STREQ(data[schema::DATA_TYPE].GetString(), "article");
    EXPECT_STREQ(data[schema::DATA_ID].GetString(), "2025-03-19-helsinki");
    EXPECT_STREQ(data[schema::DATA_DATE].GetString(), "2025-03-19");
    EXPECT_STREQ(data[schema::DATA_TITLE].GetString(), "Leaders meet in Helsinki");
    EXPECT_STREQ(data[schema::DATA_BODY].GetString(), article.body.c_str());
    EXPECT_STREQ(data[schema::DATA_PATH].GetString(), article.path.c_str());
    EXPECT_FALSE(data.HasMember(schema::DATA_LINE));
    EXPECT_FALSE(data.HasMember(schema::DATA_SOURCE));
    EXPECT_FALSE(data.HasMember(schema::DATA_URL));
}

/// Terms and their wdf, positions aside.
std::map<std::string, Xapian::termcount> terms_with_wdf(const Xapian::Document& doc) {
    std::map<std::string, Xapian::termcount> terms;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) terms[*it] = it.get_wdf();
    return terms;
}

// The builder remembers stems (MemoizedStem) and forgets them all when it
// holds 2^17 words: every stem must still be the one Xapian's own English
// stemmer gives, before and after that, and on a second build.
TEST(DocumentBuilder, StemsAsXapiansEnglishStemmerDoesBeyondItsMemory) {
    Article article = sample_article();
    article.title.clear();
    const char* endings[] = {"ing", "ed", "s", "ations", "ly", "ness"};
    std::string body = "Running runners ran; the nations' nationalism. ";
    for (std::size_t i = 0; i < 140000; ++i) {
        std::string word = "w";
        for (std::size_t n = i, k = 0; k < 4; ++k, n /= 26) word += static_cast<char>('a' + n % 26);
        body += word + endings[i % 6] + (i % 7 ? " " : ". Running runners ran. ");
    }
    article.body = body;

    Xapian::TermGenerator reference;
    reference.set_stemmer(Xapian::Stem("english"));
    reference.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    Xapian::Document expected;
    reference.set_document(expected);
    reference.index_text(article.body);

    DocumentBuilder builder;
    for (int build = 0; build < 2; ++build) {
        auto got = terms_with_wdf(builder.build_article(article, "h"));
        std::size_t compared = 0;
        for (const auto& [term, wdf] : terms_with_wdf(expected)) {
            auto it = got.find(term);
            ASSERT_NE(it, got.end()) << "build " << build << ": missing " << term;
            EXPECT_EQ(it->second, wdf) << term;
            ++compared;
        }
        EXPECT_GT(compared, 140000u) << "every word, unstemmed and stemmed";
        EXPECT_TRUE(got.count("Zrun") && got.count("Znation")) << "stems of the repeated words";
    }
}

TEST(DocumentBuilder, JsonLinesFieldsGoInTermsAndData) {
    DocumentBuilder builder;
    Article article = sample_article();
    article.source = "AP";
    article.url = "https://example.com/a?x=1&y=\"2\"";
    article.line = 12;
    Xapian::Document doc = builder.build_article(article, "h");
    EXPECT_TRUE(all_terms(doc).count(schema::source_term("ap")));
    rapidjson::Document data;
    std::string raw = doc.get_data();
    data.Parse(raw.c_str(), raw.size());
    ASSERT_FALSE(data.HasParseError()) << raw;
    EXPECT_EQ(data[schema::DATA_LINE].GetUint64(), 12u);
    EXPECT_STREQ(data[schema::DATA_SOURCE].GetString(), "AP");
    EXPECT_STREQ(data[schema::DATA_URL].GetString(), article.url.c_str());
}

TEST(DocumentBuilder, ABodyPhraseCannotSpanIntoTheTitle) {
    DocumentBuilder builder;
    Article article = sample_article();
    article.title = "alpha";
    article.body = "beta";
    Xapian::Document doc = builder.build_article(article, "h");
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.add_document(doc);
    Xapian::Enquire enquire(db);
    const std::vector<std::string> words = {"alpha", "beta"};
    enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end()));
    EXPECT_EQ(enquire.get_mset(0, 10).size(), 0u);
    enquire.set_query(Xapian::Query("beta"));
    EXPECT_EQ(enquire.get_mset(0, 10).size(), 1u);
}

TEST(DocumentBuilder, ReusingTheBuilderGivesTheSameDocument) {
    DocumentBuilder builder;
    Article other = sample_article();
    other.title = "Something else entirely with many words";
    other.body = "A long body. " + std::string(50, 'w');
    Xapian::Document first = builder.build_article(sample_article(), "h");
    builder.build_article(other, "h");
    Xapian::Document again = builder.build_article(sample_article(), "h");
    auto a = first.termlist_begin(), b = again.termlist_begin();
    for (; a != first.termlist_end() && b != again.termlist_end(); ++a, ++b) {
        ASSERT_EQ(*a, *b);
        std::vector<Xapian::termpos> pa(a.positionlist_begin(), a.positionlist_end());
        std::vector<Xapian::termpos> pb(b.positionlist_begin(), b.positionlist_end());
        EXPECT_EQ(pa, pb) << *a;
    }
    EXPECT_TRUE(a == first.termlist_end() && b == again.termlist_end());
    EXPECT_EQ(first.get_data(), again.get_data());
}

TEST(DocumentBuilder, AVeryLongIdStillMakesAnAcceptableDocument) {
    DocumentBuilder builder;
    Article article = sample_article();
    article.id = std::string(1000, 'x');
    article.source = std::string(1000, 's');
    Xapian::Document doc = builder.build_article(article, "h");
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    EXPECT_NO_THROW(db.replace_document(schema::article_id_term(article.id), doc));
    EXPECT_EQ(db.get_termfreq(schema::article_id_term(article.id)), 1u);
}

TEST(ArticleContentHash, IsStableForTheSameArticle) {
    Article a = sample_article();
    Article b = sample_article();
    EXPECT_EQ(article_content_hash(a), article_content_hash(b));
    EXPECT_EQ(article_content_hash(a).size(), 16u);
}

TEST(ArticleContentHash, ChangesWhenAnyStoredFieldChanges) {
    const std::string base = article_content_hash(sample_article());
    auto changed = [&](auto change) {
        Article a = sample_article();
        change(a);
        return article_content_hash(a);
    };
    EXPECT_NE(changed([](Article& a) { a.id += "x"; }), base) << "id";
    EXPECT_NE(changed([](Article& a) { a.date = a.date.plus_days(1); }), base) << "date";
    EXPECT_NE(changed([](Article& a) { a.title += "x"; }), base) << "title";
    EXPECT_NE(changed([](Article& a) { a.body += "x"; }), base) << "body";
    EXPECT_NE(changed([](Article& a) { a.url = "https://example.com/"; }), base) << "url";
    EXPECT_NE(changed([](Article& a) { a.source = "AP"; }), base) << "source";
    EXPECT_NE(changed([](Article& a) { a.path += "x"; }), base) << "path";
    EXPECT_NE(changed([](Article& a) { a.line = 3; }), base) << "line";
}

TEST(ArticleContentHash, FieldBoundariesMatter) {
    Article a = sample_article(), b = sample_article();
    a.id = "ab";
    a.title = "c";
    b.id = "a";
    b.title = "bc";
    EXPECT_NE(article_content_hash(a), article_content_hash(b));
    Article c = sample_article(), d = sample_article();
    c.url = "x";
    d.source = "x";
    EXPECT_NE(article_content_hash(c), article_content_hash(d));
}

}  // namespace
}  // namespace saywho
