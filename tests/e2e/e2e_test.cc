/** @file e2e_test.cc
 *  @brief End-to-end: the real saywho-index and saywho-search binaries on real files.
 *
 *  Runs on the repository's corpus/ always, and on ../shared/seed and
 *  ../shared/corpus/sample when they exist beside the repository (skipped with
 *  a message otherwise). Each test works in its own temporary directory.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <regex>
#include <set>
#include <thread>

#include <rapidjson/document.h>
#include <xapian.h>

#include "tests/e2e/e2e_support.h"
#include "tests/e2e/run_command.h"

namespace fs = std::filesystem;
using saywho::testing::CommandResult;
using saywho::testing::run_command;

namespace {

using namespace saywho::testing;

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
    /// The string members of each hit of a --json search (null members are absent).
    std::vector<std::map<std::string, std::string>> hit_strings(std::vector<std::string> args) {
        rapidjson::Document doc = search_json(args);
        std::vector<std::map<std::string, std::string>> hits;
        if (!doc.IsObject() || !doc.HasMember("results")) return hits;
        for (const auto& hit : doc["results"].GetArray()) {
            std::map<std::string, std::string> fields;
            for (const auto& m : hit.GetObject())
                if (m.value.IsString()) fields[m.name.GetString()] = m.value.GetString();
            hits.push_back(std::move(fields));
        }
        return hits;
    }
    /// The number of documents in the database that have @p term.
    Xapian::doccount term_count(const std::string& term) const { return Xapian::Database(db_).get_termfreq(term); }
    void index_corpus() {
        CommandResult r = index({CORPUS.string()});
        ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    }

    fs::path dir_;
    std::string db_;
};

/// The statement count of a saywho-index summary line ("..., 226 statements in ..."), or -1.
long statements_reported(const std::string& summary) {
    std::smatch m;
    if (!std::regex_search(summary, m, std::regex(", ([0-9]+) statements?[ ,]"))) return -1;
    return std::stol(m[1]);
}

TEST_F(EndToEnd, IndexesTheCorpusAndFindsTheCeasefireArticleFirst) {
    CommandResult r = index({CORPUS.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "24 added, 0 updated, 0 unchanged, 0 skipped, 0 failed, ")) << r.out;
    EXPECT_GT(statements_reported(r.out), 24) << r.out;
    EXPECT_EQ(statements_reported(r.out), static_cast<long>(term_count("XTYPE:statement"))) << r.out;
    auto ids = result_ids({"ceasefire", "type:article"});
    ASSERT_FALSE(ids.empty());
    EXPECT_EQ(ids[0], "2025-03-18-geneva-ceasefire-talks");
}

TEST_F(EndToEnd, TextOutputShowsRankDateTitleIdAndSnippet) {
    index_corpus();
    CommandResult r = search({"drought", "type:article", "--limit", "1"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "1. 2025-03-03  ")) << r.out;
    EXPECT_TRUE(contains(r.out, "id: 2025-03-03-nairobi-drought-water-rationing")) << r.out;
    EXPECT_TRUE(contains(r.out, "drought")) << r.out;
    EXPECT_FALSE(contains(r.out, "\033[")) << "no terminal escapes when stdout is not a TTY";
    EXPECT_TRUE(contains(r.out, "results 1-1 of 2")) << r.out;
}

TEST_F(EndToEnd, RanksCountFromTheFirstResultAfterAnOffset) {
    index_corpus();
    // Regression: the rank of a page past the first counted the offset twice.
    CommandResult r = search({"drought", "--offset", "2", "--limit", "2"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("3. ", 0), 0u) << r.out;
    EXPECT_TRUE(contains(r.out, "\n4. ")) << r.out;
    EXPECT_TRUE(contains(r.out, "results 3-4 of ")) << r.out;
}

TEST_F(EndToEnd, PhraseQueryMatchesOnlyTheExactPhrase) {
    index_corpus();
    EXPECT_EQ(result_ids({"\"security guarantees\"", "type:article"}),
              std::vector<std::string>{"2025-03-26-brussels-security-guarantees-ukraine"});
    // The same words apart match more articles than the phrase does.
    EXPECT_GT(result_ids({"security", "guarantees", "type:article", "--match", "any"}).size(), 1u);
}

TEST_F(EndToEnd, DateRangeExcludesArticlesOutsideIt) {
    index_corpus();
    auto all = result_ids({"ceasefire", "type:article"});
    auto late_march = result_ids({"ceasefire", "type:article", "date:2025-03-10..2025-03-31"});
    EXPECT_EQ(all.size(), 3u);
    EXPECT_EQ(std::set<std::string>(late_march.begin(), late_march.end()),
              (std::set<std::string>{"2025-03-18-geneva-ceasefire-talks",
                                     "2025-03-26-brussels-security-guarantees-ukraine"}));
    auto open_end = result_ids({"ceasefire", "type:article", "date:..2025-03-05"});
    EXPECT_EQ(open_end, std::vector<std::string>{"2025-03-04-helsinki-energy-summit"});
    auto june = result_ids({"date:2025-06", "type:article", "--sort", "oldest"});
    EXPECT_EQ(june,
              (std::vector<std::string>{"2025-06-03-sao-paulo-eu-mercosur-trade-deal", "2025-06-30-europe-heatwave"}));
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
    const Xapian::doccount statements = term_count("XTYPE:statement");
    ASSERT_GT(statements, 0u);
    CommandResult r = index({CORPUS.string()});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_TRUE(contains(r.out, "0 added, 0 updated, 24 unchanged")) << r.out;
    EXPECT_EQ(statements_reported(r.out), 0) << "nothing extracted again: " << r.out;
    EXPECT_EQ(term_count("XTYPE:statement"), statements) << "the statements are kept as they were";
}

TEST_F(EndToEnd, ChangedFileReplacesItsArticleAndPruneRemovesDeletedOnes) {
    fs::path archive = dir_ / "archive";
    fs::copy(CORPUS, archive, fs::copy_options::recursive);
    ASSERT_EQ(index({archive.string()}).exit_code, 0);

    ASSERT_GT(term_count("XARTICLE:2025-01-28-jakarta-flood"), 0u);
    ASSERT_EQ(search({"speaker:Wibisono"}).exit_code, 0);
    ASSERT_GT(term_count("XARTICLE:2025-03-03-nairobi-drought-water-rationing"), 0u);
    const Xapian::doccount statements = term_count("XTYPE:statement");

    // The new body has no statements: the old ones must all go.
    write_file(archive / "2025-01-28-jakarta-flood.txt",
               "date 2025-01-28 Jakarta flood update\n\nThe marmalade warehouse reopened.\n");
    CommandResult r = index({archive.string()});
    EXPECT_TRUE(contains(r.out, "0 added, 1 updated, 23 unchanged")) << r.out;
    EXPECT_EQ(result_ids({"marmalade"}), std::vector<std::string>{"2025-01-28-jakarta-flood"});
    EXPECT_EQ(term_count("XARTICLE:2025-01-28-jakarta-flood"), 0u);
    EXPECT_EQ(search({"speaker:Wibisono"}).exit_code, 1) << "the flood article's spokesman is gone";
    const Xapian::doccount nairobi = term_count("XARTICLE:2025-03-03-nairobi-drought-water-rationing");
    EXPECT_LT(term_count("XTYPE:statement"), statements);

    fs::remove(archive / "2025-03-03-nairobi-drought-water-rationing.txt");
    r = index({archive.string()});
    EXPECT_FALSE(contains(r.out, "pruned")) << r.out;
    // Without --prune nothing is removed.
    EXPECT_EQ(result_ids({"id:2025-03-03-nairobi-drought-water-rationing"}).size(), 1u);
    const Xapian::doccount before_prune = term_count("XTYPE:statement");
    r = index({"--prune", archive.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "1 pruned")) << r.out;
    EXPECT_EQ(search({"id:2025-03-03-nairobi-drought-water-rationing"}).exit_code, 1);
    EXPECT_EQ(term_count("XARTICLE:2025-03-03-nairobi-drought-water-rationing"), 0u) << "pruned with its article";
    EXPECT_EQ(term_count("XTYPE:statement"), before_prune - nairobi) << "and nothing else";
}

TEST_F(EndToEnd, JsonOutputHoldsTheDocumentedFields) {
    index_corpus();
    rapidjson::Document doc = search_json({"drought", "type:article"});
    ASSERT_TRUE(doc.IsObject());
    EXPECT_EQ(doc["version"].GetInt(), 7);
    EXPECT_STREQ(doc["type"].GetString(), "results");
    EXPECT_STREQ(doc["query"].GetString(), "drought type:article");
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
    EXPECT_EQ(error["version"].GetInt(), 7);
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
    write_file(archive / "crlf.txt",
               "\xEF\xBB\xBF"
               "date 2025-03-20 Windows\r\n\r\nA parsnip line.\r\n");
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
    auto ids = result_ids({"Zelenskyy", "Helsinki", "date:2025-03-19", "type:article"});
    EXPECT_EQ(ids, std::vector<std::string>{"2025-03-19-trump-ukraine-peace-talks"});
    EXPECT_EQ(result_ids({"\"very much on track\"", "type:article"}).size(), 1u);
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
    auto coffee = result_ids({"coffee", "type:article"});
    auto coffee_march = result_ids({"coffee", "type:article", "date:1987-03-01..1987-03-31"});
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
    const Xapian::doccount statements = db.get_termfreq("XTYPE:statement");
    EXPECT_GT(statements, 24u);
    EXPECT_EQ(db.get_doccount(), 24u + statements);
    EXPECT_EQ(db.get_metadata("saywho:schema-version"), "8");
    EXPECT_EQ(db.get_metadata("saywho:features"), "articles statements");
    EXPECT_EQ(db.get_termfreq("XTYPE:article"), 24u);
    // Counted over articles: statements carry the date terms of their own day.
    auto articles_with = [&](const std::string& term) {
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(term), Xapian::Query("XTYPE:article")));
        return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
    };
    EXPECT_EQ(articles_with("M202503"), 7u);
    EXPECT_EQ(articles_with("Y2025"), 24u);
    EXPECT_EQ(db.get_termfreq("Y2025"), 24u + statements) << "every statement is dated";
    Xapian::doccount with_kind = 0;
    for (auto it = db.allterms_begin("XKIND:"); it != db.allterms_end("XKIND:"); ++it) with_kind += it.get_termfreq();
    EXPECT_EQ(with_kind, statements) << "every statement of the corpus has a speaker, and it has a kind";
    const std::string id_term = "Q2025-03-18-geneva-ceasefire-talks";
    ASSERT_EQ(db.get_termfreq(id_term), 1u);
    Xapian::Document doc = db.get_document(*db.postlist_begin(id_term));
    EXPECT_EQ(doc.get_value(0), "20250318");
    EXPECT_EQ(doc.get_value(1).size(), 16u) << "content hash";
    std::set<std::string> terms(doc.termlist_begin(), doc.termlist_end());
    EXPECT_TRUE(terms.count("D20250318"));
    EXPECT_TRUE(terms.count("ZSceasefir")) << "title words are S-prefixed";
    EXPECT_FALSE(terms.count("D20250319")) << "no other day";
    EXPECT_TRUE(terms.count("XPERSON:imhof")) << "the Swiss envoy is named";
    EXPECT_TRUE(terms.count("XPLACE:geneva"));
    EXPECT_TRUE(terms.count("XCOUNTRY:ch"));
    EXPECT_FALSE(terms.count("XSPEAKER:imhof")) << "speakers are on statements";

    // Statement documents: the absent terms matter as much as the present ones.
    const std::string article_term = "XARTICLE:2025-03-18-geneva-ceasefire-talks";
    ASSERT_GT(db.get_termfreq(article_term), 0u);
    for (auto it = db.postlist_begin(article_term); it != db.postlist_end(article_term); ++it) {
        Xapian::Document st = db.get_document(*it);
        std::set<std::string> st_terms(st.termlist_begin(), st.termlist_end());
        EXPECT_TRUE(st_terms.count("XTYPE:statement"));
        EXPECT_FALSE(st_terms.count("XTYPE:article"));
        EXPECT_FALSE(st_terms.count(id_term)) << "id: finds the article alone";
        EXPECT_FALSE(st_terms.count("ZSceasefir")) << "no title terms";
        EXPECT_EQ(st.get_value(0).size(), 8u) << "the statement's day";
        EXPECT_EQ(st.get_value(1), "") << "no content hash";
        EXPECT_EQ(std::count_if(st_terms.begin(), st_terms.end(), [](const std::string& t) { return t[0] == 'Q'; }), 0)
            << "no id term (schema 4)";
        EXPECT_EQ(std::count_if(st_terms.begin(), st_terms.end(),
                                [](const std::string& t) {
                                    return t.rfind("XLOCBASIS:", 0) == 0 || t.rfind("XDATEBASIS:", 0) == 0;
                                }),
                  0)
            << "the bases are in the record only";
        EXPECT_EQ(st.get_data(), "") << "no document data";
        const std::string record = st.get_value(6);
        EXPECT_NE(record.find("\"id\":\"2025-03-18-geneva-ceasefire-talks#"), std::string::npos) << record;
        EXPECT_NE(record.find("\"location_basis\":"), std::string::npos) << record;
    }
}

// --- Statements ---------------------------------------------------------------

/// The article ids of corpus/README.md's recurring speaker Aino Kettunen.
const std::set<std::string> KETTUNEN_ARTICLES = {
    "2025-03-04-helsinki-energy-summit", "2025-03-18-geneva-ceasefire-talks",
    "2025-03-26-brussels-security-guarantees-ukraine", "2025-05-14-oslo-nordic-energy-security-meeting"};

TEST_F(EndToEnd, SpeakerFindsTheStatementsOfThatPersonOnly) {
    index_corpus();
    auto hits = hit_strings({"type:statement", "speaker:Kettunen", "--limit", "1000"});
    ASSERT_GE(hits.size(), 4u);
    std::set<std::string> articles;
    for (auto& hit : hits) {
        EXPECT_EQ(hit["type"], "statement");
        EXPECT_TRUE(contains(hit["speaker"], "Kettunen")) << hit["id"] << ": " << hit["speaker"];
        articles.insert(hit["article"]);
    }
    EXPECT_EQ(articles, KETTUNEN_ARTICLES);
    // Case, accents and the full name make no difference.
    auto ids = result_ids({"type:statement", "speaker:Kettunen", "--limit", "1000"});
    EXPECT_EQ(result_ids({"type:statement", "speaker:KETTUNEN", "--limit", "1000"}), ids);
    EXPECT_EQ(result_ids({"type:statement", "speaker:Kettünen", "--limit", "1000"}), ids);
    EXPECT_EQ(result_ids({"speaker:\"Aino Kettunen\"", "--limit", "1000"}), ids);
}

TEST_F(EndToEnd, StatementsMixWithWordsDatesAndOtherFields) {
    index_corpus();
    // A word of the text and a word of the speaker's name, together.
    auto hits = hit_strings({"kettunen", "paper", "type:statement"});
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0]["article"], "2025-03-26-brussels-security-guarantees-ukraine");
    // date: filters by the day a statement was said.
    for (auto& hit : hit_strings({"speaker:kettunen", "date:2025-03", "--limit", "1000"})) {
        EXPECT_EQ(hit["date"].substr(0, 7), "2025-03") << hit["id"];
    }
    EXPECT_EQ(search({"speaker:kettunen", "date:2025-06"}).exit_code, 1);
    for (auto& hit : hit_strings({"quote:direct", "--limit", "1000"})) EXPECT_EQ(hit["quote"], "direct") << hit["id"];
    for (auto& hit : hit_strings({"country:FI", "type:statement", "--limit", "1000"}))
        EXPECT_EQ(hit["country"], "FI") << hit["id"];
    EXPECT_EQ(result_ids({"country:Finland", "type:statement", "--limit", "1000"}),
              result_ids({"country:fi", "type:statement", "--limit", "1000"}));
}

TEST_F(EndToEnd, LocationFindsAPlaceByAnyNameAndACountryByItsPlaces) {
    index_corpus();
    auto helsinki = hit_strings({"location:Helsinki", "type:statement", "--limit", "1000"});
    ASSERT_FALSE(helsinki.empty());
    std::set<std::string> helsinki_ids;
    for (auto& hit : helsinki) {
        EXPECT_EQ(hit["location"], "Helsinki") << hit["id"];
        helsinki_ids.insert(hit["id"]);
    }
    auto finland = result_ids({"location:Finland", "--limit", "1000"});
    std::set<std::string> finland_ids(finland.begin(), finland.end());
    EXPECT_TRUE(std::includes(finland_ids.begin(), finland_ids.end(), helsinki_ids.begin(), helsinki_ids.end()))
        << "location:Finland includes every statement made in Helsinki";

    auto kyiv = result_ids({"location:Kyiv", "type:statement", "--limit", "1000"});
    ASSERT_FALSE(kyiv.empty());
    EXPECT_EQ(result_ids({"location:Kiev", "type:statement", "--limit", "1000"}), kyiv);
}

TEST_F(EndToEnd, StatementJsonHitHoldsTheDocumentedFields) {
    index_corpus();
    rapidjson::Document doc = search_json({"type:statement", "speaker:Kettunen", "location:Helsinki"});
    ASSERT_TRUE(doc.IsObject());
    EXPECT_EQ(doc["version"].GetInt(), 7);
    ASSERT_GT(doc["results"].Size(), 0u);
    for (const auto& hit : doc["results"].GetArray()) {
        for (const char* field : {"type", "id", "date", "title", "snippet", "path", "article", "article_date",
                                  "speaker", "role", "speaker_kind", "speaker_mention", "text", "quote", "cue",
                                  "location", "country", "location_basis", "date_basis"})
            EXPECT_TRUE(hit.HasMember(field) && hit[field].IsString()) << field;
        EXPECT_STREQ(hit["type"].GetString(), "statement");
        EXPECT_STREQ(hit["location"].GetString(), "Helsinki");
        EXPECT_STREQ(hit["country"].GetString(), "FI");
        EXPECT_TRUE(hit["rank"].IsUint());
        EXPECT_TRUE(hit["direct"].IsBool());
        EXPECT_TRUE(hit["highlights"].IsArray());
        const std::string article = hit["article"].GetString();
        EXPECT_TRUE(KETTUNEN_ARTICLES.count(article)) << article;
        EXPECT_EQ(std::string(hit["id"].GetString()).rfind(article + "#", 0), 0u) << hit["id"].GetString();
        // start and end locate the text in the article file.
        ASSERT_TRUE(hit["start"].IsUint64() && hit["end"].IsUint64());
        std::ifstream file(hit["path"].GetString(), std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
        std::size_t start = hit["start"].GetUint64(), end = hit["end"].GetUint64();
        ASSERT_LT(start, end);
        ASSERT_LE(end, bytes.size());
        EXPECT_EQ(bytes.substr(start, end - start), hit["text"].GetString());
    }
}

TEST_F(EndToEnd, StatementTextOutputShowsSpeakerQuoteAndArticle) {
    index_corpus();
    CommandResult r = search({"type:statement", "speaker:Kettunen", "paper", "--limit", "1"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "1. 2025-03-26  Aino Kettunen")) << r.out;
    EXPECT_TRUE(contains(r.out, "\n   “")) << "the statement, quoted: " << r.out;
    EXPECT_TRUE(contains(r.out, "paper")) << r.out;
    EXPECT_TRUE(contains(r.out, "\n   in: ")) << r.out;
    EXPECT_TRUE(contains(r.out, "  [2025-03-26-brussels-security-guarantees-ukraine]\n")) << r.out;
    EXPECT_FALSE(contains(r.out, "\033[")) << "no terminal escapes when stdout is not a TTY";
}

TEST_F(EndToEnd, NoStatementsIndexesArticlesOnly) {
    CommandResult r = index({"--no-statements", CORPUS.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "24 added")) << r.out;
    EXPECT_TRUE(contains(r.out, ", no statements (--no-statements) in ")) << r.out;
    EXPECT_EQ(term_count("XTYPE:statement"), 0u);
    EXPECT_EQ(Xapian::Database(db_).get_doccount(), 24u);
    EXPECT_EQ(search({"speaker:Kettunen"}).exit_code, 1);
    // Without the option, the same archive gets its statements.
    r = index({CORPUS.string()});
    EXPECT_TRUE(contains(r.out, "0 added, 24 updated")) << r.out;
    EXPECT_GT(statements_reported(r.out), 0) << r.out;
    EXPECT_EQ(search({"speaker:Kettunen"}).exit_code, 0);
}

TEST_F(EndToEnd, ADatabaseBuiltByTwoWritersFindsWhatOneWriterFinds) {
    // Two writers build shards of a new database and merge them; one writer
    // builds it directly. Every search must give the same output: the same
    // hits in the same order (ties go by document id), weights and counts.
    const std::string one_writer = (dir_ / "one.db").string();
    const std::string two_writers = db_;
    db_ = one_writer;
    CommandResult one = index({"--writers", "1", CORPUS.string()});
    ASSERT_EQ(one.exit_code, 0) << one.err;
    db_ = two_writers;
    CommandResult two = index({"--writers", "2", CORPUS.string()});
    ASSERT_EQ(two.exit_code, 0) << two.err;
    EXPECT_EQ(statements_reported(two.out), statements_reported(one.out));
    EXPECT_FALSE(fs::exists(two_writers + ".saywho-build"));
    const std::vector<std::vector<std::string>> queries = {
        {"ceasefire"},
        {"\"security guarantees\""},
        {"type:statement"},
        {"type:article", "--sort", "newest"},
        {"speaker:Zelenskyy"},
        {"location:Kyiv", "--sort", "oldest"},
        {"country:FI"},
        {"water", "date:2025-03"},
        {"quote:direct", "--limit", "100"},
    };
    for (const auto& query : queries) {
        std::vector<std::string> args = query;
        args.push_back("--json");
        db_ = one_writer;
        CommandResult expected = search(args);
        db_ = two_writers;
        CommandResult actual = search(args);
        EXPECT_EQ(actual.exit_code, expected.exit_code) << query[0];
        // Everything but the time the search took.
        const std::regex timing("\"timing_ms\":[0-9.e+-]+");
        EXPECT_EQ(std::regex_replace(actual.out, timing, ""), std::regex_replace(expected.out, timing, "")) << query[0];
    }
    // A second run updates the merged database in place, incrementally.
    CommandResult again = index({"--writers", "2", CORPUS.string()});
    EXPECT_TRUE(contains(again.out, "0 added, 0 updated, 24 unchanged")) << again.out;
}

TEST_F(EndToEnd, ADatabaseOfSchemaVersionOneIsRefused) {
    index_corpus();
    {
        Xapian::WritableDatabase db(db_);
        db.set_metadata("saywho:schema-version", "1");
        db.commit();
    }
    CommandResult r = index({CORPUS.string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "schema version 1 but this saywho uses version 8")) << r.err;
    EXPECT_TRUE(contains(r.err, "rebuild")) << r.err;
}

TEST_F(EndToEnd, SeedArticleGivesZelenskyysStatementsInHelsinki) {
    fs::path seed = SHARED / "seed";
    if (!fs::exists(seed)) GTEST_SKIP() << "../shared/seed is absent; skipping the seed statement test";
    ASSERT_EQ(index({seed.string()}).exit_code, 0);
    auto hits = hit_strings({"speaker:zelenskyy", "location:helsinki"});
    ASSERT_FALSE(hits.empty());
    for (auto& hit : hits) {
        EXPECT_EQ(hit["speaker"], "Volodymyr Zelenskyy") << hit["id"];
        EXPECT_EQ(hit["location"], "Helsinki") << hit["id"];
        EXPECT_EQ(hit["article"], "2025-03-19-trump-ukraine-peace-talks");
    }
    // His words about the drones, by a word of the text and his name.
    auto drones = hit_strings({"zelenskyy", "drones", "type:statement"});
    ASSERT_EQ(drones.size(), 1u);
    EXPECT_EQ(drones[0]["type"], "statement");
    EXPECT_TRUE(contains(drones[0]["text"], "150 drones")) << drones[0]["text"];
}

TEST_F(EndToEnd, PlainPhrasesBecomeFiltersShownByExplainAndInJson) {
    ASSERT_EQ(index({CORPUS.string()}).exit_code, 0);
    CommandResult r = search({"--explain", "--now", "2025-03-26", "statements by kettunen in Geneva last week"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "speaker: Aino Kettunen   from \"by kettunen\"")) << r.out;
    EXPECT_TRUE(contains(r.out, "location: Geneva [CH]   from \"in Geneva\"")) << r.out;
    EXPECT_TRUE(contains(r.out, "date: 2025-03-17 to 2025-03-23   from \"last week\"")) << r.out;
    rapidjson::Document doc = search_json({"--now", "2025-03-26", "statements by kettunen in Geneva last week"});
    ASSERT_TRUE(doc.HasMember("interpretation"));
    const auto& filters = doc["interpretation"]["filters"];
    ASSERT_EQ(filters.Size(), 4u);
    for (const auto& f : filters.GetArray()) {
        // Each filter's offsets point at its words in the query.
        const std::string q = doc["query"].GetString();
        std::string source = f["source"].GetString();
        EXPECT_EQ(q.substr(f["start"].GetUint(), f["end"].GetUint() - f["start"].GetUint()), source);
    }
    for (const auto& hit : doc["results"].GetArray()) {
        EXPECT_STREQ(hit["speaker"].GetString(), "Aino Kettunen");
        EXPECT_STREQ(hit["location"].GetString(), "Geneva");
        EXPECT_STREQ(hit["date"].GetString(), "2025-03-18");
    }
    EXPECT_GT(doc["results"].Size(), 0u);
    // --literal searches the words as typed.
    EXPECT_EQ(search({"--literal", "statements by kettunen in Geneva last week"}).exit_code, 1);
}

TEST_F(EndToEnd, FacetsCountTheWholeMatchSet) {
    ASSERT_EQ(index({CORPUS.string()}).exit_code, 0);
    rapidjson::Document doc = search_json({"--facets", "type:statement", "--limit", "1"});
    ASSERT_TRUE(doc["facets_exact"].GetBool());
    const auto& months = doc["facets"]["month"]["values"];
    unsigned counted = 0;
    for (const auto& v : months.GetArray()) counted += v["count"].GetUint();
    EXPECT_EQ(counted, doc["total"]["with_copies"].GetUint()) << "every statement has a day, and every copy counts";
    EXPECT_EQ(doc["results"].Size(), 1u);
    CommandResult r = search({"--facets", "type:statement", "--limit", "1"});
    EXPECT_TRUE(contains(r.out, "speaker (")) << r.out;
    EXPECT_TRUE(contains(r.out, "month (")) << r.out;
}

/// Whether @p doc, a results document, carries the facets: the members
/// facets and facets_exact both, with the five facets (fails the test when
/// only one of the two members is there).
bool has_facets(const rapidjson::Document& doc) {
    EXPECT_TRUE(doc.IsObject() && doc.HasMember("results"));
    if (!doc.IsObject()) return false;
    EXPECT_EQ(doc.HasMember("facets"), doc.HasMember("facets_exact")) << "facets and facets_exact go together";
    if (!doc.HasMember("facets")) return false;
    for (const char* name : {"speaker", "speaker_kind", "location", "country", "month"})
        EXPECT_TRUE(doc["facets"].HasMember(name)) << name;
    return true;
}

// Issue 19 ("lean queries"): facets are counted only when asked, in --json
// (--facets), --serve ("facets": true) and /api/search (facets=1) alike,
// and an answer without them has no facets member at all.
TEST_F(EndToEnd, Issue19FacetsOnlyWhenAsked) {
    ASSERT_EQ(index({CORPUS.string()}).exit_code, 0);
    const std::string query = "statements by Kettunen";
    rapidjson::Document plain = search_json({query});
    EXPECT_FALSE(has_facets(plain)) << "--json alone counts no facets";
    rapidjson::Document asked = search_json({"--facets", query});
    ASSERT_TRUE(has_facets(asked));
    EXPECT_STREQ(asked["facets"]["speaker"]["values"][0]["value"].GetString(), "Aino Kettunen");
    EXPECT_EQ(asked["total"]["estimate"].GetUint(), plain["total"]["estimate"].GetUint());
    EXPECT_EQ(asked["results"].Size(), plain["results"].Size());
    // Text: the facet lines only with --facets.
    EXPECT_FALSE(contains(search({query}).out, "speaker ("));
    EXPECT_TRUE(contains(search({"--facets", query}).out, "speaker ("));

    bool ok = false;
    saywho::testing::BackgroundProcess serve({SEARCH, "--db", db_, "--serve"}, (dir_ / "serve.err").string());
    const std::pair<const char*, bool> lines[] = {{R"({"q": "statements by Kettunen"})", false},
                                                  {R"({"q": "statements by Kettunen", "facets": true})", true},
                                                  {R"({"q": "statements by Kettunen", "facets": false})", false},
                                                  {R"({"q": "statements by Kettunen", "facets": "1"})", true}};
    for (const auto& [line, facets] : lines) {
        serve.write_line(line);
        rapidjson::Document doc = parse_json(serve.read_line(10000, ok));
        ASSERT_TRUE(ok) << line;
        EXPECT_EQ(has_facets(doc), facets) << line;
        EXPECT_EQ(doc["total"]["estimate"].GetUint(), plain["total"]["estimate"].GetUint()) << line;
    }
    serve.close_stdin();
    EXPECT_EQ(serve.wait(10000), 0);

    saywho::testing::HttpServer http({"--db", db_}, (dir_ / "http.err").string());
    const std::pair<const char*, bool> targets[] = {
        {"", false}, {"&facets=1", true}, {"&facets=0", false}, {"&facets=true", true}};
    for (const auto& [extra, facets] : targets) {
        HttpAnswer a = http_request(http.port(), "GET /api/search?q=statements%20by%20Kettunen" + std::string(extra));
        ASSERT_EQ(a.status, 200) << extra;
        rapidjson::Document doc = parse_json(a.body);
        EXPECT_EQ(has_facets(doc), facets) << extra;
    }
    http.process().signal(SIGTERM);
    EXPECT_EQ(http.process().wait(10000), 0);
}

TEST_F(EndToEnd, DidYouMeanAndWhyNothingMatched) {
    ASSERT_EQ(index({CORPUS.string()}).exit_code, 0);
    CommandResult r = search({"ceasfire"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.out, "did you mean: ceasefire")) << r.out << r.err;
    rapidjson::Document doc = search_json({"ceasfire"}, 1);
    EXPECT_STREQ(doc["suggestion"].GetString(), "ceasefire");
    r = search({"statements by Kettunen in Lagos"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "without 'in Lagos'")) << r.err;
}

TEST_F(EndToEnd, PerArticleKeepsAtMostNResultsFromEachArticle) {
    ASSERT_EQ(index({CORPUS.string()}).exit_code, 0);
    rapidjson::Document doc = search_json({"drought", "--per-article", "1", "--limit", "50"});
    std::set<std::string> articles;
    for (const auto& hit : doc["results"].GetArray()) {
        std::string article = hit.HasMember("article") ? hit["article"].GetString() : hit["id"].GetString();
        EXPECT_TRUE(articles.insert(article).second) << "two results from " << article;
    }
    EXPECT_GT(articles.size(), 1u);
    EXPECT_EQ(search({"--now", "2025-02-30", "drought"}).exit_code, 2);
}

TEST_F(EndToEnd, SeedArticleBySpellingVariantsAndScript) {
    fs::path seed = SHARED / "seed";
    if (!fs::exists(seed)) GTEST_SKIP() << "../shared/seed is absent; skipping the seed speaker-variant test";
    ASSERT_EQ(index({seed.string()}).exit_code, 0);
    for (const char* q : {"statements by Zelensky in Helsinki", "statements by ZELENSKIY in Helsinki",
                          "statements by Зеленський in Helsinki", "quotes of Zelenskyy in Finland"}) {
        rapidjson::Document doc = search_json({q});
        ASSERT_GT(doc["results"].Size(), 0u) << q;
        for (const auto& hit : doc["results"].GetArray()) {
            EXPECT_STREQ(hit["speaker"].GetString(), "Volodymyr Zelenskyy") << q;
            EXPECT_STREQ(hit["location"].GetString(), "Helsinki") << q;
        }
    }
}

TEST_F(EndToEnd, ServeAnswersEachLineSurvivesBadOnesAndSeesNewCommits) {
    ASSERT_EQ(index({CORPUS.string()}).exit_code, 0);
    saywho::testing::BackgroundProcess serve({SEARCH, "--db", db_, "--serve"}, (dir_ / "serve.err").string());
    bool ok = false;
    serve.write_line(R"({"q": "drought", "limit": 2, "id": "first"})");
    rapidjson::Document first = parse_json(serve.read_line(10000, ok));
    ASSERT_TRUE(ok);
    EXPECT_STREQ(first["type"].GetString(), "results");
    EXPECT_STREQ(first["id"].GetString(), "first");
    EXPECT_EQ(first["results"].Size(), 2u);
    serve.write_line("this is not json");
    rapidjson::Document bad = parse_json(serve.read_line(10000, ok));
    ASSERT_TRUE(ok);
    EXPECT_STREQ(bad["error"]["code"].GetString(), "bad_request");
    serve.write_line(R"({"q": "zyxquuxword"})");
    EXPECT_EQ(parse_json(serve.read_line(10000, ok))["total"]["estimate"].GetUint(), 0u);
    // The indexer commits a new article while the service runs: the next
    // request sees it without a restart.
    write_file(dir_ / "new" / "new.txt", "date 2025-06-01 A new word\n\nThe zyxquuxword appeared today.\n");
    ASSERT_EQ(index({(dir_ / "new").string()}).exit_code, 0);
    serve.write_line(R"({"q": "zyxquuxword", "filters": {"type": "article"}})");
    rapidjson::Document after = parse_json(serve.read_line(10000, ok));
    ASSERT_TRUE(ok);
    EXPECT_EQ(after["total"]["estimate"].GetUint(), 1u);
    serve.close_stdin();
    EXPECT_EQ(serve.wait(10000), 0);
}

TEST_F(EndToEnd, HttpServesTheApiThePageAndJsonErrorsAndStopsOnSigterm) {
    ASSERT_EQ(index({CORPUS.string()}).exit_code, 0);
    const fs::path log = dir_ / "http.err";
    saywho::testing::HttpServer http({"--db", db_, "--cors", "https://example.org"}, log.string());
    const int port = http.port();
    HttpAnswer a = http_request(port, "GET /api/search?q=statements%20by%20kettunen&limit=3");
    ASSERT_EQ(a.status, 200) << "server did not answer";
    EXPECT_TRUE(contains(a.headers, "application/json")) << a.headers;
    EXPECT_TRUE(contains(a.headers, "Access-Control-Allow-Origin: https://example.org")) << a.headers;
    rapidjson::Document doc = parse_json(a.body);
    ASSERT_EQ(doc["results"].Size(), 3u);
    for (const auto& hit : doc["results"].GetArray()) EXPECT_STREQ(hit["speaker"].GetString(), "Aino Kettunen");

    a = http_request(port, "GET /api/suggest?q=kett");
    ASSERT_EQ(a.status, 200);
    EXPECT_TRUE(contains(a.body, R"({"kind":"speaker","value":"Aino Kettunen")")) << a.body;
    a = http_request(port, "GET /api/suggest?q=kett&limit=51");
    EXPECT_EQ(a.status, 400);
    EXPECT_TRUE(contains(a.body, "'limit' must be from 1 to 50")) << a.body;

    const std::string article_id = doc["results"][0]["article"].GetString();
    a = http_request(port, "GET /api/article?id=" + article_id);
    ASSERT_EQ(a.status, 200);
    rapidjson::Document article = parse_json(a.body);
    const std::string body = article["body"].GetString();
    ASSERT_GT(article["statements"].Size(), 0u);
    for (const auto& st : article["statements"].GetArray()) {
        if (st["body_start"].IsNull()) continue;
        EXPECT_EQ(body.substr(st["body_start"].GetUint(), st["body_end"].GetUint() - st["body_start"].GetUint()),
                  st["text"].GetString());
    }

    a = http_request(port, "GET /");
    EXPECT_EQ(a.status, 200);
    EXPECT_TRUE(contains(a.headers, "text/html")) << a.headers;

    // Bad requests: JSON errors with 4xx, never a file outside the page.
    for (const char* line :
         {"GET /../../etc/passwd", "GET /%2e%2e/%2e%2e/etc/passwd", "GET /web/index.html", "GET /api/nothing"}) {
        a = http_request(port, line);
        EXPECT_EQ(a.status, 404) << line;
        EXPECT_FALSE(contains(a.body, "root:")) << line;
        EXPECT_TRUE(contains(a.body, R"("type":"error")")) << line << ": " << a.body;
    }
    a = http_request(port, "POST /api/search?q=x");
    EXPECT_EQ(a.status, 405);
    a = http_request(port, "GET /api/search?q=x&limit=abc");
    EXPECT_EQ(a.status, 400);
    EXPECT_TRUE(contains(a.body, "bad_request")) << a.body;
    a = http_request(port, "GET /api/search?q=date:2025-02-30");
    EXPECT_EQ(a.status, 400);
    EXPECT_TRUE(contains(a.body, "bad_query")) << a.body;
    a = http_request(port, "GET /api/article?id=no-such-article");
    EXPECT_EQ(a.status, 404);
    a = http_request(port, "GET /api/search?q=" + std::string(9000, 'a'));
    EXPECT_EQ(a.status, 414);

    http.process().signal(SIGTERM);
    EXPECT_EQ(http.process().wait(10000), 0);
    std::ifstream in(log);
    std::string logged((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_TRUE(contains(logged, "GET /api/suggest?q=kett 200")) << logged;
    EXPECT_TRUE(contains(logged, "stopping on SIGTERM")) << logged;
}

TEST_F(EndToEnd, HttpRefusesAPortInUseAndABadAddress) {
    ASSERT_EQ(index({CORPUS.string()}).exit_code, 0);
    CommandResult r = search({"--http", "nonsense:port"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "expected [ADDR:]PORT")) << r.err;
    r = search({"--serve", "--http", "8080"});
    EXPECT_EQ(r.exit_code, 2);
}

/// Member names documented in the tables of docs/json.md ("| `name` | ...").
std::set<std::string> documented_members() {
    std::ifstream in(SOURCE_DIR / "docs" / "json.md");
    std::set<std::string> names;
    std::regex cell(R"(^\| ([^|]+) \|)");
    std::regex name(R"(`([a-z_.\[\]]+)`)");
    for (std::string line; std::getline(in, line);) {
        std::smatch m;
        if (!std::regex_search(line, m, cell)) continue;
        std::string first = m[1];
        for (std::sregex_iterator it(first.begin(), first.end(), name), end; it != end; ++it) {
            std::string n = (*it)[1];
            if (n.size() > 2 && n.compare(n.size() - 2, 2, "[]") == 0) n.resize(n.size() - 2);  // "results[]"
            names.insert(n);
            if (n.find('.') != std::string::npos) {
                names.insert(n.substr(0, n.find('.')));    // "total.exact" -> "total"
                names.insert(n.substr(n.rfind('.') + 1));  // "error.message" -> "message"
            }
        }
    }
    return names;
}

/// Every member of @p value, as documented names: "total.exact",
/// "interpretation.filters[]" children by their own name, hits by theirs.
void collect_members(const rapidjson::Value& value, const std::string& path, std::set<std::string>& out) {
    if (!value.IsObject()) return;
    for (const auto& m : value.GetObject()) {
        const std::string name = m.name.GetString();
        const std::string full = path.empty() ? name : path + "." + name;
        if (path == "facets" || path.rfind("facets.", 0) == 0) continue;  // facet names are values
        out.insert(path == "total" || path == "interpretation" ? full : name);
        if (m.value.IsObject() && (name == "total" || name == "interpretation" || name == "error"))
            collect_members(m.value, name, out);
        if (m.value.IsArray())
            for (const auto& item : m.value.GetArray()) collect_members(item, "", out);
    }
}

TEST_F(EndToEnd, EveryJsonMemberOfRealOutputIsDocumented) {
    fs::path seed = SHARED / "seed";
    ASSERT_EQ(index({CORPUS.string()}).exit_code, 0);
    std::set<std::string> documented = documented_members();
    std::set<std::string> seen;
    auto check = [&](std::vector<std::string> args, int exit_code) {
        CommandResult r = search(args);
        EXPECT_EQ(r.exit_code, exit_code) << r.err;
        rapidjson::Document doc = parse_json(r.out);
        std::set<std::string> members;
        collect_members(doc, "", members);
        for (const auto& m : members) {
            EXPECT_TRUE(documented.count(m) || m == "error")
                << "'" << m << "' is in the output of '" << args.front() << "' but not in docs/json.md";
            seen.insert(m);
        }
    };
    check({"--json", "--now", "2025-03-26", "statements by Kettunen in Geneva last week"}, 0);
    check({"--json", "drought", "type:article"}, 0);
    check({"--json", "--facets", "drought"}, 0);
    check({"--json", "ceasfire"}, 1);
    check({"--json", "date:2025-02-30"}, 2);
    // And the documented members of results show up in real output.
    for (const char* m : {"version",
                          "type",
                          "query",
                          "interpretation.text",
                          "interpretation.filters",
                          "interpretation.stopwords",
                          "parsed",
                          "total.estimate",
                          "total.exact",
                          "offset",
                          "limit",
                          "sort",
                          "results",
                          "facets",
                          "facets_exact",
                          "suggestion",
                          "why_nothing",
                          "timing_ms",
                          "rank",
                          "snippet",
                          "snippet_html",
                          "highlights",
                          "speaker",
                          "role",
                          "location",
                          "kind",
                          "source",
                          "values",
                          "from",
                          "to",
                          "code",
                          "message"})
        EXPECT_TRUE(seen.count(m)) << m << " is documented but was not in any output";
}

/// A search's answer reduced to what must not depend on how the database is
/// split: totals, facets, and the hits as (id, weight) pairs in the order
/// listed (ties in weight too: issue 17).
std::string shard_invariant(const std::string& json) {
    rapidjson::Document doc = parse_json(json);
    if (!doc.IsObject() || !doc.HasMember("results")) return json;
    std::vector<std::string> hits;
    for (const auto& hit : doc["results"].GetArray()) {
        char weight[32];
        std::snprintf(weight, sizeof weight, "%.6f", hit["weight"].GetDouble());
        hits.push_back(std::string(hit["id"].GetString()) + "@" + weight);
    }
    std::string out = std::to_string(doc["total"]["estimate"].GetUint()) + "|";
    for (const auto& h : hits) out += h + ",";
    for (const auto& facet : doc["facets"].GetObject()) {
        out += std::string("|") + facet.name.GetString() + ":";
        for (const auto& v : facet.value["values"].GetArray())
            out += std::string(v["value"].GetString()) + "=" + std::to_string(v["count"].GetUint()) + ",";
    }
    return out;
}

TEST_F(EndToEnd, ShardsSearchedTogetherLocallyRemotelyOrCompactedAnswerAsOneDatabase) {
    const std::string one = (dir_ / "one.db").string(), s1 = (dir_ / "s1.db").string(), s2 = (dir_ / "s2.db").string();
    ASSERT_EQ(run_command({INDEX, "--no-progress", "--db", one, CORPUS.string()}).exit_code, 0);
    CommandResult a = run_command({INDEX, "--no-progress", "--db", s1, "--shard", "1/2", CORPUS.string()});
    CommandResult b = run_command({INDEX, "--no-progress", "--db", s2, "--shard", "2/2", CORPUS.string()});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    ASSERT_EQ(b.exit_code, 0) << b.err;
    EXPECT_TRUE(contains(a.out, "left to other shards")) << a.out;
    EXPECT_EQ(run_command({INDEX, "--db", s1, "--shard", "3/2", CORPUS.string()}).exit_code, 2);

    // Two xapian-tcpsrv, one per shard, as on two machines.
    const int p1 = free_port(), p2 = free_port();
    saywho::testing::BackgroundProcess tcp1(
        {"/usr/bin/xapian-tcpsrv", "--quiet", "--port", std::to_string(p1), "--interface", "127.0.0.1", s1},
        (dir_ / "tcp1.err").string());
    saywho::testing::BackgroundProcess tcp2(
        {"/usr/bin/xapian-tcpsrv", "--quiet", "--port", std::to_string(p2), "--interface", "127.0.0.1", s2},
        (dir_ / "tcp2.err").string());
    const std::string r1 = "tcp://127.0.0.1:" + std::to_string(p1), r2 = "tcp://127.0.0.1:" + std::to_string(p2);
    write_file(dir_ / "shards.stub",
               "remote 127.0.0.1:" + std::to_string(p1) + "\nremote 127.0.0.1:" + std::to_string(p2) + "\n");
    const std::string merged = (dir_ / "merged.db").string();
    ASSERT_EQ(run_command({INDEX, "--db", merged, "compact", s1, s2}).exit_code, 0);
    for (int tries = 0; tries < 100; ++tries) {  // until both servers listen
        if (run_command({SEARCH, "--db", r1, "--db", r2, "x"}).exit_code != 2) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    for (const char* q : {"drought", "statements by Kettunen", "type:statement", "ceasefire in Geneva", "energy"}) {
        auto run = [&](std::vector<std::string> dbs) {
            std::vector<std::string> argv{SEARCH};
            for (const auto& d : dbs) {
                argv.push_back("--db");
                argv.push_back(d);
            }
            for (const char* arg : {"--json", "--facets", "--limit", "1000", "--now", "2025-03-26"})
                argv.push_back(arg);
            argv.push_back(q);
            CommandResult r = run_command(argv);
            EXPECT_NE(r.exit_code, 2) << r.err;
            return shard_invariant(r.out);
        };
        const std::string expected = run({one});
        EXPECT_EQ(run({s1, s2}), expected) << q << " over two local shards";
        EXPECT_EQ(run({r1, r2}), expected) << q << " over two remote shards";
        EXPECT_EQ(run({(dir_ / "shards.stub").string()}), expected) << q << " through a stub file";
        EXPECT_EQ(run({merged}), expected) << q << " compacted";
    }
    // The service works over shards too.
    CommandResult serve = run_command({SEARCH, "--db", r1, "--db", r2, "--serve"}, "{\"q\": \"drought\"}\n");
    EXPECT_EQ(serve.exit_code, 0);
    EXPECT_TRUE(contains(serve.out, "\"type\":\"results\"")) << serve.out << serve.err;
    tcp1.signal(SIGTERM);
    tcp2.signal(SIGTERM);
}

TEST_F(EndToEnd, HelpTeachesUsage) {
    CommandResult r = run_command({INDEX, "--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_TRUE(contains(r.out, "Examples:")) << r.out;
    EXPECT_TRUE(contains(r.out, "--no-statements")) << r.out;
    r = run_command({SEARCH, "--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_TRUE(contains(r.out, "date:2025-03-01..2025-03-31")) << r.out;
    for (const char* field : {"speaker:", "location:", "country:", "role:", "quote:", "type:statement",
                              "statements by Zelensky in Helsinki", "--explain", "--facets", "--per-article", "--now"})
        EXPECT_TRUE(contains(r.out, field)) << field << " in " << r.out;
    EXPECT_EQ(run_command({INDEX}).exit_code, 2) << "no paths is a usage error";
}

}  // namespace
