/** @file export_test.cc
 *  @brief End to end (issue 18, "Export"): `saywho-search --format csv|jsonl` and /api/export write every statement
 *         a query matches, past one page and past one batch; the CSV read back by Python's csv module equals the
 *         statements; exit statuses; the HTTP answer's headers and chunked body.
 */
#include <signal.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "tests/e2e/e2e_support.h"
#include "tests/e2e/run_command.h"

namespace saywho::testing {
namespace {

/// The columns docs/export.md promises, in order.
const std::vector<std::string> COLUMNS = {"date", "speaker", "speaker_kind", "role",  "location", "country", "quote",
                                          "text", "cluster", "article_id",   "title", "url",      "source"};

/// Articles enough for more statements than one export batch (10,000 is
/// too many for a quick test, so more than the default page and the
/// search's largest --limit matter here; the unit tests cut batches
/// small). Titles, sources and urls hold commas and quotes; statements
/// hold commas, quotes and, across paragraphs, line ends.
std::string archive(int articles) {
    std::string lines;
    for (int i = 0; i < articles; ++i) {
        const std::string n = std::to_string(i);
        const std::string day = std::to_string(10 + i % 19);
        lines += "{\"id\": \"harbour-" + n + "\", \"date\": \"2025-03-" + day + "\", \"title\": \"Harbour, \\\"phase " +
                 n + "\\\", reopens\", \"url\": \"https://example.org/h?i=" + n +
                 ",x\", \"source\": \"Saywho Wire, Helsinki\", \"body\": \"HELSINKI (Saywho Wire) — Mayor Anna Berg "
                 "said the harbour, closed since May, would reopen in week " +
                 n + ".\\n\\n\\\"The cranes are here, the crews are ready for phase " + n +
                 ",\\n\\n\\\"and the ships will come back,\\\" Berg told reporters.\\n\\nTreasurer Omar Vik said the "
                 "plan was \\\"very much on track\\\", adding that costs for phase " +
                 n + " would fall.\"}\n";
    }
    return lines;
}

/// Python's csv module, strict, reading stdin as RFC 4180 (newline=''): the
/// rows as a JSON array of arrays of strings.
const char PARSE_CSV[] =
    "import csv, io, json, sys\n"
    "rows = list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8', newline=''), strict=True))\n"
    "json.dump(rows, sys.stdout)\n";

/// The body of a chunked HTTP answer, put together again.
std::string dechunk(const std::string& chunked) {
    std::string body;
    for (std::size_t at = 0;;) {
        const std::size_t line_end = chunked.find("\r\n", at);
        if (line_end == std::string::npos) return body + "<no final chunk>";
        const std::size_t size = std::stoul(chunked.substr(at, line_end - at), nullptr, 16);
        if (size == 0) return body;
        body += chunked.substr(line_end + 2, size);
        at = line_end + 2 + size + 2;
    }
}

class Export : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new ScratchDir();
        db_ = (dir_->path() / "db").string();
        write_file(dir_->path() / "archive.jsonl", archive(400));
        const CommandResult r =
            run_command({INDEX, "--db", db_, "--no-progress", (dir_->path() / "archive.jsonl").string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }

    static CommandResult search(std::vector<std::string> args) {
        args.insert(args.begin(), {SEARCH, "--db", db_});
        return run_command(args);
    }

    static ScratchDir* dir_;
    static std::string db_;
};

ScratchDir* Export::dir_ = nullptr;
std::string Export::db_;

TEST_F(Export, CsvReadBackByPythonEqualsTheStatementsAndTheJsonLines) {
    const CommandResult csv = search({"--format", "csv", "type:statement"});
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    const CommandResult parsed = run_command({"/usr/bin/env", "python3", "-c", PARSE_CSV}, csv.out);
    ASSERT_EQ(parsed.exit_code, 0) << parsed.err;
    const rapidjson::Document rows = parse_json(parsed.out);
    ASSERT_TRUE(rows.IsArray());

    // Every statement, in the order of a search, not one page of them.
    // An export lists every copy of a statement, as --all-copies does.
    const CommandResult all = search({"--json", "--all-copies", "--limit", "10000", "type:statement"});
    ASSERT_EQ(all.exit_code, 0) << all.err;
    const rapidjson::Document hits = parse_json(all.out);
    ASSERT_TRUE(hits["total"]["exact"].GetBool());
    const std::size_t statements = hits["total"]["estimate"].GetUint();
    ASSERT_GT(statements, 1000u) << "more than the search's largest page, so an export must go past pages";
    ASSERT_EQ(hits["results"].Size(), statements);
    ASSERT_EQ(rows.Size(), statements + 1) << "a header row and a row per statement";

    ASSERT_EQ(rows[0].Size(), COLUMNS.size());
    for (std::size_t c = 0; c < COLUMNS.size(); ++c) EXPECT_EQ(rows[0][c].GetString(), COLUMNS[c]);
    EXPECT_EQ(csv.out.rfind(COLUMNS[0] + ",", 0), 0u);
    EXPECT_EQ(csv.out.substr(csv.out.size() - 2), "\r\n") << "RFC 4180 ends lines with CRLF";

    const CommandResult jsonl = search({"--format", "jsonl", "type:statement"});
    ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
    std::size_t line_start = 0;
    bool comma = false, quote = false, newline = false;
    for (std::size_t i = 0; i < statements; ++i) {
        const auto& row = rows[static_cast<rapidjson::SizeType>(i + 1)];
        const auto& hit = hits["results"][static_cast<rapidjson::SizeType>(i)];
        ASSERT_EQ(row.Size(), COLUMNS.size()) << i;
        const std::string text = row[7].GetString();
        EXPECT_EQ(text, hit["text"].GetString()) << i;
        EXPECT_EQ(std::string(row[0].GetString()), hit["date"].GetString()) << i;
        EXPECT_EQ(std::string(row[1].GetString()), hit["speaker"].IsNull() ? "" : hit["speaker"].GetString()) << i;
        EXPECT_EQ(std::string(row[9].GetString()), hit["article"].GetString()) << i;
        EXPECT_EQ(std::string(row[10].GetString()), hit["title"].GetString()) << i;
        const std::string n = std::string(row[9].GetString()).substr(std::string("harbour-").size());
        EXPECT_EQ(std::string(row[11].GetString()), "https://example.org/h?i=" + n + ",x") << i;
        EXPECT_EQ(std::string(row[12].GetString()), "Saywho Wire, Helsinki") << i;
        EXPECT_EQ(std::string(row[8].GetString()), hit["cluster"]["id"].GetString()) << i;
        comma = comma || contains(text, ",");
        quote = quote || contains(text, "\"");
        newline = newline || contains(text, "\n");

        // The JSON Lines row of the same statement: the same values, null for empty.
        const std::size_t line_end = jsonl.out.find('\n', line_start);
        ASSERT_NE(line_end, std::string::npos) << "fewer JSON lines than CSV rows";
        const rapidjson::Document line = parse_json(jsonl.out.substr(line_start, line_end - line_start));
        line_start = line_end + 1;
        ASSERT_TRUE(line.IsObject());
        ASSERT_EQ(line.MemberCount(), COLUMNS.size());
        for (std::size_t c = 0; c < COLUMNS.size(); ++c) {
            const auto& value = line[COLUMNS[c].c_str()];
            EXPECT_EQ(value.IsNull() ? std::string() : std::string(value.GetString()),
                      row[static_cast<rapidjson::SizeType>(c)].GetString())
                << i << " " << COLUMNS[c];
        }
    }
    EXPECT_EQ(line_start, jsonl.out.size()) << "more JSON lines than CSV rows";
    EXPECT_TRUE(comma && quote && newline) << "the statements must put CSV quoting to the test";
}

TEST_F(Export, ArticlesAreNotRowsAndAWordQueryExportsItsStatements) {
    const CommandResult csv = search({"--format", "csv", "cranes"});
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    const CommandResult count = search({"--json", "--all-copies", "--limit", "0", "cranes type:statement"});
    const rapidjson::Document doc = parse_json(count.out);
    const CommandResult parsed = run_command({"/usr/bin/env", "python3", "-c", PARSE_CSV}, csv.out);
    ASSERT_EQ(parsed.exit_code, 0) << parsed.err;
    EXPECT_EQ(parse_json(parsed.out).Size(), doc["total"]["estimate"].GetUint() + 1);
}

TEST_F(Export, ExitStatuses) {
    CommandResult r = search({"--format", "csv", "zebra"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out,
              "date,speaker,speaker_kind,role,location,country,quote,text,cluster,article_id,title,url,source\r\n");
    EXPECT_TRUE(contains(r.err, "no statements match 'zebra'")) << r.err;
    r = search({"--format", "jsonl", "type:article"});
    EXPECT_EQ(r.exit_code, 1) << "articles are not rows";
    EXPECT_EQ(r.out, "");
    r = search({"--format", "csv", "date:2025-02-30"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "2025-02-30")) << r.err;
    r = search({"--format", "xml", "harbour"});
    EXPECT_EQ(r.exit_code, 2);
    for (const char* other : {"--limit", "--offset"}) {
        r = search({"--format", "csv", other, "5", "harbour"});
        EXPECT_EQ(r.exit_code, 2) << other;
        EXPECT_TRUE(contains(r.err, std::string(other) + " does not apply")) << r.err;
    }
    r = search({"--format", "csv", "--json", "harbour"});
    EXPECT_EQ(r.exit_code, 2);
    r = run_command({SEARCH, "--db", (dir_->path() / "missing").string(), "--format", "csv", "harbour"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
}

TEST_F(Export, HttpStreamsTheSameRowsWithTheirHeaders) {
    HttpServer http({"--db", db_}, (dir_->path() / "http.err").string());
    const int port = http.port();
    HttpAnswer a = http_request(port, "GET /api/export?q=type%3Astatement&format=csv");
    ASSERT_EQ(a.status, 200) << "server did not answer: " << a.body;
    EXPECT_TRUE(contains(a.headers, "Content-Type: text/csv; charset=utf-8")) << a.headers;
    EXPECT_TRUE(contains(a.headers, "Content-Disposition: attachment; filename=\"saywho-export.csv\"")) << a.headers;
    EXPECT_TRUE(contains(a.headers, "Transfer-Encoding: chunked")) << "streamed, not built whole: " << a.headers;
    EXPECT_FALSE(contains(a.headers, "X-Saywho-Truncated")) << "fewer rows than the cap";
    EXPECT_EQ(dechunk(a.body), search({"--format", "csv", "type:statement"}).out);

    a = http_request(port, "GET /api/export?q=cranes&format=jsonl");
    ASSERT_EQ(a.status, 200);
    EXPECT_TRUE(contains(a.headers, "Content-Type: application/x-ndjson")) << a.headers;
    EXPECT_TRUE(contains(a.headers, "filename=\"saywho-export.jsonl\"")) << a.headers;
    EXPECT_EQ(dechunk(a.body), search({"--format", "jsonl", "cranes"}).out);

    a = http_request(port, "GET /api/export?q=harbour&format=xml");
    EXPECT_EQ(a.status, 400);
    EXPECT_TRUE(contains(a.body, "'format' must be csv or jsonl")) << a.body;
    a = http_request(port, "GET /api/export?q=harbour&limit=5");
    EXPECT_EQ(a.status, 400);
    EXPECT_TRUE(contains(a.body, "'limit' does not apply")) << a.body;
    a = http_request(port, "GET /api/export?q=date%3A2025-02-30");
    EXPECT_EQ(a.status, 400);
    EXPECT_TRUE(contains(a.body, "bad_query")) << a.body;
    http.process().signal(SIGTERM);
    EXPECT_EQ(http.process().wait(10000), 0);
}

}  // namespace
}  // namespace saywho::testing
