/** @file e2e_test.cc
 *  @brief End-to-end: the real saywho-index and saywho-search binaries on real files.
 *
 *  Runs on the repository's corpus/ always, and on ../shared/seed and
 *  ../shared/corpus/sample when they exist beside the repository (skipped with
 *  a message otherwise). Each test works in its own temporary directory.
 */
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include <rapidjson/document.h>
#include <xapian.h>

#include "tests/e2e/run_command.h"

namespace fs = std::filesystem;
using saywho::testing::CommandResult;
using saywho::testing::run_command;

namespace {

const fs::path SOURCE_DIR = SAYWHO_SOURCE_DIR;
const fs::path CORPUS = SOURCE_DIR / "corpus";
const fs::path SHARED = SOURCE_DIR / ".." / "shared";
const std::string INDEX = std::string(SAYWHO_BINARY_DIR) + "/saywho-index";
const std::string SEARCH = std::string(SAYWHO_BINARY_DIR) + "/saywho-search";

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

void write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
}

class EndToEnd : public ::testing::Test {
  protected:
    void SetUp() override {
        std::random_device rd;
        dir_ = fs::temp_directory_path() / ("saywho-e2e-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(dir_);
        db_ = (dir_ / "test.db").string();
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }

    CommandResult index(std::vector<std::string> args, const std::string& input = "") {
        std::vector<std::string> argv{INDEX, "--db", db_, "--no-progress"};
        argv.insert(argv.end(), args.begin(), args.end());
        return run_command(argv, input);
    }
    CommandResult search(std::vector<std::string> args) {
        std::vector<std::string> argv{SEARCH, "--db", db_};
        argv.insert(argv.end(), args.begin(), args.end());
        return run_command(argv);
    }
    /// Runs a --json search and parses its output; fails the test if it does not parse.
    rapidjson::Document search_json(std::vector<std::string> args, int expected_exit = 0) {
        args.push_back("--json");
        CommandResult r = search(args);
        EXPECT_EQ(r.exit_code, expected_exit) << r.err;
        rapidjson::Document doc;
        doc.Parse(r.out.c_str());
        EXPECT_FALSE(doc.HasParseError()) << r.out;
        return doc;
    }
    std::vector<std::string> result_ids(std::vector<std::string> args) {
        rapidjson::Document doc = search_json(args);
        std::vector<std::string> ids;
        if (doc.IsObject() && doc.HasMember("results"))
            for (const auto& hit : doc["results"].GetArray()) ids.push_back(hit["id"].GetString());
        return ids;
    }
    void index_corpus() {
        CommandResult r = index({CORPUS.string()});
        ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    }

    fs::path dir_;
    std::string db_;
};

TEST_F(EndToEnd, IndexesTheCorpusAndFindsTheCeasefireArticleFirst) {
    CommandResult r = index({CORPUS.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "24 added, 0 updated, 0 unchanged, 0 skipped, 0 failed")) << r.out;
    auto ids = result_ids({"ceasefire"});
    ASSERT_FALSE(ids.empty());
    EXPECT_EQ(ids[0], "2025-03-18-geneva-ceasefire-talks");
}

TEST_F(EndToEnd, TextOutputShowsRankDateTitleIdAndSnippet) {
    index_corpus();
    CommandResult r = search({"drought", "--limit", "1"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "1. 2025-03-03  ")) << r.out;
    EXPECT_TRUE(contains(r.out, "id: 2025-03-03-nairobi-drought-water-rationing")) << r.out;
    EXPECT_TRUE(contains(r.out, "drought")) << r.out;
    EXPECT_FALSE(contains(r.out, "\033[")) << "no terminal escapes when stdout is not a TTY";
    EXPECT_TRUE(contains(r.out, "results 1-1 of 2")) << r.out;
}

TEST_F(EndToEnd, PhraseQueryMatchesOnlyTheExactPhrase) {
    index_corpus();
    EXPECT_EQ(result_ids({"\"security guarantees\""}),
              std::vector<std::string>{"2025-03-26-brussels-security-guarantees-ukraine"});
    // The same words apart match more articles than the phrase does.
    EXPECT_GT(result_ids({"security", "guarantees", "--match", "any"}).size(), 1u);
}

TEST_F(EndToEnd, DateRangeExcludesArticlesOutsideIt) {
    index_corpus();
    auto all = result_ids({"ceasefire"});
    auto late_march = result_ids({"ceasefire", "date:2025-03-10..2025-03-31"});
    EXPECT_EQ(all.size(), 3u);
    EXPECT_EQ(std::set<std::string>(late_march.begin(), late_march.end()),
              (std::set<std::string>{"2025-03-18-geneva-ceasefire-talks",
                                     "2025-03-26-brussels-security-guarantees-ukraine"}));
    auto open_end = result_ids({"ceasefire", "date:..2025-03-05"});
    EXPECT_EQ(open_end, std::vector<std::string>{"2025-03-04-helsinki-energy-summit"});
    auto june = result_ids({"date:2025-06", "--sort", "oldest"});
    EXPECT_EQ(june, (std::vector<std::string>{"2025-06-03-sao-paulo-eu-mercosur-trade-deal", "2025-06-30-europe-heatwave"}));
}

TEST_F(EndToEnd, SortAndPagination) {
    index_corpus();
    auto newest = result_ids({"type:article", "--sort", "newest", "--limit", "3"});
    ASSERT_EQ(newest.size(), 3u);
    EXPECT_EQ(newest[0], "2025-06-30-europe-heatwave");
    auto second_page = result_ids({"type:article", "--sort", "newest", "--limit", "1", "--offset", "1"});
    EXPECT_EQ(second_page, std::vector<std::string>{newest[1]});
}

TEST_F(EndToEnd, ReindexingReportsEverythingUnchanged) {
    index_corpus();
    CommandResult r = index({CORPUS.string()});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_TRUE(contains(r.out, "0 added, 0 updated, 24 unchanged")) << r.out;
}

TEST_F(EndToEnd, ChangedFileReplacesItsArticleAndPruneRemovesDeletedOnes) {
    fs::path archive = dir_ / "archive";
    fs::copy(CORPUS, archive, fs::copy_options::recursive);
    ASSERT_EQ(index({archive.string()}).exit_code, 0);

    write_file(archive / "2025-01-28-jakarta-flood.txt",
               "date 2025-01-28 Jakarta flood update\n\nThe marmalade warehouse reopened.\n");
    CommandResult r = index({archive.string()});
    EXPECT_TRUE(contains(r.out, "0 added, 1 updated, 23 unchanged")) << r.out;
    EXPECT_EQ(result_ids({"marmalade"}), std::vector<std::string>{"2025-01-28-jakarta-flood"});

    fs::remove(archive / "2025-03-03-nairobi-drought-water-rationing.txt");
    r = index({archive.string()});
    EXPECT_FALSE(contains(r.out, "pruned")) << r.out;
    // Without --prune nothing is removed.
    EXPECT_EQ(result_ids({"id:2025-03-03-nairobi-drought-water-rationing"}).size(), 1u);
    r = index({"--prune", archive.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "1 pruned")) << r.out;
    EXPECT_EQ(search({"id:2025-03-03-nairobi-drought-water-rationing"}).exit_code, 1);
}

TEST_F(EndToEnd, JsonOutputHoldsTheDocumentedFields) {
    index_corpus();
    rapidjson::Document doc = search_json({"drought"});
    ASSERT_TRUE(doc.IsObject());
    EXPECT_EQ(doc["version"].GetInt(), 1);
    EXPECT_STREQ(doc["type"].GetString(), "results");
    EXPECT_STREQ(doc["query"].GetString(), "drought");
    EXPECT_TRUE(doc["parsed"].IsString());
    EXPECT_EQ(doc["total"]["estimate"].GetUint(), 2u);
    EXPECT_TRUE(doc["total"]["exact"].GetBool());
    EXPECT_TRUE(doc["total"]["lower_bound"].IsUint());
    EXPECT_TRUE(doc["total"]["upper_bound"].IsUint());
    EXPECT_EQ(doc["offset"].GetUint(), 0u);
    EXPECT_EQ(doc["limit"].GetUint(), 10u);
    EXPECT_STREQ(doc["sort"].GetString(), "relevance");
    EXPECT_TRUE(doc["timing_ms"].IsNumber());
    ASSERT_EQ(doc["results"].Size(), 2u);
    for (const auto& hit : doc["results"].GetArray()) {
        for (const char* field : {"type", "id", "date", "title", "snippet", "path"})
            EXPECT_TRUE(hit.HasMember(field) && hit[field].IsString()) << field;
        EXPECT_STREQ(hit["type"].GetString(), "article");
        EXPECT_TRUE(hit["rank"].IsUint());
        EXPECT_TRUE(hit["weight"].IsNumber());
        EXPECT_TRUE(hit["percent"].IsInt());
        // Every highlight is a [start, end) byte range of the snippet that
        // covers a form of the query word.
        std::string snippet = hit["snippet"].GetString();
        ASSERT_GT(hit["highlights"].Size(), 0u);
        for (const auto& range : hit["highlights"].GetArray()) {
            std::size_t start = range[0].GetUint64(), end = range[1].GetUint64();
            ASSERT_LT(start, end);
            ASSERT_LE(end, snippet.size());
            std::string word = snippet.substr(start, end - start);
            for (auto& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            EXPECT_EQ(word.rfind("drought", 0), 0u) << word;
        }
    }
}

TEST_F(EndToEnd, ExitCodesFoundNothingFoundAndError) {
    index_corpus();
    EXPECT_EQ(search({"ceasefire"}).exit_code, 0);
    CommandResult none = search({"zzyzxqq"});
    EXPECT_EQ(none.exit_code, 1);
    EXPECT_TRUE(contains(none.err, "no results for 'zzyzxqq'")) << none.err;
    EXPECT_EQ(none.out, "");

    CommandResult bad_date = search({"date:2025-02-30"});
    EXPECT_EQ(bad_date.exit_code, 2);
    EXPECT_TRUE(contains(bad_date.err, "'2025-02-30'")) << bad_date.err;
    CommandResult bad_range = search({"date:2025-03-31..2025-03-01"});
    EXPECT_EQ(bad_range.exit_code, 2);
    EXPECT_TRUE(contains(bad_range.err, "ends before it begins")) << bad_range.err;

    rapidjson::Document error = search_json({"date:2025-02-30"}, 2);
    ASSERT_TRUE(error.IsObject());
    EXPECT_EQ(error["version"].GetInt(), 1);
    EXPECT_STREQ(error["error"]["code"].GetString(), "bad_query");
    EXPECT_TRUE(contains(error["error"]["message"].GetString(), "2025-02-30"));

    rapidjson::Document empty = search_json({"zzyzxqq"}, 1);
    EXPECT_EQ(empty["results"].Size(), 0u);

    CommandResult bad_option = search({"--sort", "sideways", "x"});
    EXPECT_EQ(bad_option.exit_code, 2);
}

TEST_F(EndToEnd, MissingDatabaseIsAnErrorThatSaysWhatToDo) {
    CommandResult r = run_command({SEARCH, "--db", (dir_ / "nowhere.db").string(), "x"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "no database at")) << r.err;
    EXPECT_TRUE(contains(r.err, "saywho-index")) << r.err;
}

TEST_F(EndToEnd, DatabaseFromEnvironmentVariable) {
    CommandResult r = run_command({INDEX, "--no-progress", CORPUS.string()}, "", {{"SAYWHO_DB", db_}});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(fs::exists(db_));
    r = run_command({SEARCH, "drought"}, "", {{"SAYWHO_DB", db_}});
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(EndToEnd, SchemaVersionMismatchIsRefusedWithAMessage) {
    index_corpus();
    {
        Xapian::WritableDatabase db(db_);
        db.set_metadata("saywho:schema-version", "999");
        db.commit();
    }
    CommandResult r = search({"drought"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "schema version 999")) << r.err;
    EXPECT_TRUE(contains(r.err, "rebuild")) << r.err;
    r = index({CORPUS.string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "schema version 999")) << r.err;
}

TEST_F(EndToEnd, BadInputIsReportedCountedAndNeverStopsTheRun) {
    fs::path archive = dir_ / "bad";
    write_file(archive / "good.txt", "date 2025-03-19 Good\n\nThe turnip harvest was large.\n");
    write_file(archive / "impossible.txt", "date 2025-02-30 Bad date\n\nBody.\n");
    write_file(archive / "nodate.txt", "Just a title\n\nBody.\n");
    write_file(archive / "empty-body.txt", "date 2025-03-19 Nothing\n\n\n");
    write_file(archive / "binary.txt", std::string("date 2025-03-19 Bin\n\n\0\0\x01\x02", 25));
    write_file(archive / "latin1.txt", "date 2025-03-19 Caf\xe9\n\nThe caf\xe9 served turnip soup.\n");
    write_file(archive / "crlf.txt", "\xEF\xBB\xBF" "date 2025-03-20 Windows\r\n\r\nA parsnip line.\r\n");
    write_file(archive / "feed.jsonl",
               "{\"id\":\"j1\",\"date\":\"2025-03-21\",\"title\":\"J\",\"body\":\"A rutabaga story.\"}\n"
               "{\"id\":\"j2\",\"date\":\"2025-03-21\",\"title\":\"J\"\n"
               "{\"id\":\"j3\",\"date\":\"2025-03-21\",\"title\":\"J\",\"body\":\"\"}\n");
    write_file(archive / "big.txt", "date 2025-03-19 Big\n\n" + std::string(5000, 'a') + "\n");
    CommandResult r = index({"--max-size", "4K", archive.string()});
    EXPECT_EQ(r.exit_code, 1) << "some inputs skipped";
    EXPECT_TRUE(contains(r.out, "4 added, 0 updated, 0 unchanged, 7 skipped")) << r.out;
    EXPECT_TRUE(contains(r.err, "impossible.txt:1: bad date '2025-02-30'")) << r.err;
    EXPECT_TRUE(contains(r.err, "nodate.txt:1: missing date line")) << r.err;
    EXPECT_TRUE(contains(r.err, "empty-body.txt: empty body")) << r.err;
    EXPECT_TRUE(contains(r.err, "binary.txt: binary file")) << r.err;
    EXPECT_TRUE(contains(r.err, "latin1.txt:1: invalid UTF-8")) << r.err;
    EXPECT_TRUE(contains(r.err, "feed.jsonl:2: invalid JSON")) << r.err;
    EXPECT_TRUE(contains(r.err, "feed.jsonl:3: empty body")) << r.err;
    EXPECT_TRUE(contains(r.err, "big.txt: file is")) << r.err;
    EXPECT_TRUE(contains(r.err, "--max-size")) << r.err;
    // A missing argument is reported too, and does not stop the others.
    r = index({archive.string(), (dir_ / "missing").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "missing: no such file or directory")) << r.err;
    // What was repaired or read through CRLF/BOM is searchable.
    EXPECT_EQ(result_ids({"turnip"}).size(), 2u);
    EXPECT_EQ(result_ids({"parsnip"}), std::vector<std::string>{"crlf"});
    EXPECT_EQ(result_ids({"rutabaga"}), std::vector<std::string>{"j1"});
}

TEST_F(EndToEnd, JsonLinesOnStdin) {
    std::string input =
        "{\"id\":\"wire-1\",\"date\":\"2025-04-01\",\"title\":\"Wire one\",\"body\":\"Kohlrabi prices rose.\","
        "\"url\":\"https://example.org/1\",\"source\":\"Example Wire\"}\n"
        "not json\n";
    CommandResult r = index({"-"}, input);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.out, "1 added")) << r.out;
    EXPECT_TRUE(contains(r.err, "<stdin>:2: invalid JSON")) << r.err;
    rapidjson::Document doc = search_json({"kohlrabi", "source:\"example wire\""});
    ASSERT_EQ(doc["results"].Size(), 1u);
    EXPECT_STREQ(doc["results"][0]["url"].GetString(), "https://example.org/1");
    EXPECT_STREQ(doc["results"][0]["source"].GetString(), "Example Wire");
}

TEST_F(EndToEnd, SecondWriterFailsAtOnceWithAClearMessage) {
    index_corpus();
    Xapian::WritableDatabase holder(db_);  // holds the write lock
    CommandResult r = index({CORPUS.string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "is locked")) << r.err;
}

TEST_F(EndToEnd, SeedArticleIsFoundByItsWordsAndDate) {
    fs::path seed = SHARED / "seed";
    if (!fs::exists(seed)) GTEST_SKIP() << "../shared/seed is absent; skipping the seed article test";
    ASSERT_EQ(index({seed.string()}).exit_code, 0);
    auto ids = result_ids({"Zelenskyy", "Helsinki", "date:2025-03-19"});
    EXPECT_EQ(ids, std::vector<std::string>{"2025-03-19-trump-ukraine-peace-talks"});
    EXPECT_EQ(result_ids({"\"very much on track\""}).size(), 1u);
    EXPECT_EQ(search({"Helsinki", "date:2025-03-20.."}).exit_code, 1);
}

TEST_F(EndToEnd, SharedSampleCorpus) {
    fs::path sample = SHARED / "corpus" / "sample";
    if (!fs::exists(sample)) GTEST_SKIP() << "../shared/corpus/sample is absent; skipping the Reuters sample test";
    CommandResult r = index({sample.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "50 added")) << r.out;
    auto quebecor = result_ids({"title:quebecor"});
    ASSERT_FALSE(quebecor.empty());
    EXPECT_EQ(quebecor[0], "reuters21578-00079");
    auto coffee = result_ids({"coffee"});
    auto coffee_march = result_ids({"coffee", "date:1987-03-01..1987-03-31"});
    EXPECT_LT(coffee_march.size(), coffee.size()) << "the April coffee article is outside the range";
    for (const auto& id : coffee_march) EXPECT_NE(id, "reuters21578-12701") << "April article leaked into March";
    r = index({sample.string()});
    EXPECT_TRUE(contains(r.out, "0 added, 0 updated, 50 unchanged")) << r.out;
}

TEST_F(EndToEnd, DatabasePassesXapianCheckAndHoldsTheSchemaTerms) {
    index_corpus();
    const std::string xapian_check = "/usr/bin/xapian-check";
    ASSERT_TRUE(fs::exists(xapian_check)) << "xapian-tools is missing: scripts/test.sh installs it";
    CommandResult r = run_command({xapian_check, db_});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_TRUE(contains(r.out, "No errors found")) << r.out;

    Xapian::Database db(db_);
    EXPECT_EQ(db.get_doccount(), 24u);
    EXPECT_EQ(db.get_metadata("saywho:schema-version"), "1");
    EXPECT_EQ(db.get_termfreq("XTYPE:article"), 24u);
    EXPECT_EQ(db.get_termfreq("M202503"), 7u);
    EXPECT_EQ(db.get_termfreq("Y2025"), 24u);
    const std::string id_term = "Q2025-03-18-geneva-ceasefire-talks";
    ASSERT_EQ(db.get_termfreq(id_term), 1u);
    Xapian::Document doc = db.get_document(*db.postlist_begin(id_term));
    EXPECT_EQ(doc.get_value(0), "20250318");
    EXPECT_EQ(doc.get_value(1).size(), 16u) << "content hash";
    std::set<std::string> terms(doc.termlist_begin(), doc.termlist_end());
    EXPECT_TRUE(terms.count("D20250318"));
    EXPECT_TRUE(terms.count("ZSceasefir")) << "title words are S-prefixed";
    EXPECT_FALSE(terms.count("D20250319")) << "no other day";
}

TEST_F(EndToEnd, HelpTeachesUsage) {
    CommandResult r = run_command({INDEX, "--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_TRUE(contains(r.out, "Examples:")) << r.out;
    r = run_command({SEARCH, "--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_TRUE(contains(r.out, "date:2025-03-01..2025-03-31")) << r.out;
    EXPECT_EQ(run_command({INDEX}).exit_code, 2) << "no paths is a usage error";
}

}  // namespace
