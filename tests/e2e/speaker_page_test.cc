/** @file speaker_page_test.cc
 *  @brief End to end (issue 18): speaker pages from `saywho-search --speaker` (text and JSON), --serve and
 *         /api/speaker, a name that fits two speakers or none, and the same page from one database, two local
 *         shards and two shards served by xapian-tcpsrv.
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

/// James Baker as Treasury Secretary in March and October 1987 (the second
/// article names him "Treasury Secretary Baker" only, which the link pass
/// gives his full name) and as Secretary of State in August 1988; Howard
/// Baker, another Baker; and two people talking of other things.
const char ARCHIVE[] =
    R"({"id": "baker-dollar", "date": "1987-03-02", "title": "Baker says dollar has fallen enough", "body": "WASHINGTON, March 2 - Treasury Secretary James Baker said the dollar had fallen far enough against the yen.\n\n\"The dollar has fallen enough against the yen and the mark,\" Baker told reporters in Washington."}
{"id": "baker-currency", "date": "1987-10-20", "title": "Baker wants stable currencies", "body": "Treasury Secretary Baker said on Tuesday currencies must be stable.\n\n\"The dollar should not fall further against the yen,\" Baker told a news conference in Washington."}
{"id": "baker-arms", "date": "1988-08-15", "title": "Baker in Moscow", "body": "Secretary of State James Baker said in Moscow that arms talks would go on.\n\n\"We will keep talking to the Soviet Union about arms control,\" Baker told reporters in Moscow."}
{"id": "harvest", "date": "1987-04-02", "title": "Harvest good", "body": "\"The weather was fine and the harvest was good,\" farmer Mary Smith said in London."}
{"id": "trains", "date": "1987-04-03", "title": "Trains on time", "body": "\"The trains will run on time this summer and the weather will help,\" rail chief Peter Jones told reporters in Paris."}
{"id": "veto", "date": "1987-04-01", "title": "Veto threat", "body": "\"The president will veto the budget if it reaches him,\" White House Chief of Staff Howard Baker told reporters in Washington."}
)";

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    for (std::size_t at = 0, nl; (nl = text.find('\n', at)) != std::string::npos; at = nl + 1)
        lines.push_back(text.substr(at, nl - at));
    return lines;
}

class SpeakerPage : public ::testing::Test {
  protected:
    void SetUp() override {
        write_file(wire(), ARCHIVE);
        CommandResult r = run_command({INDEX, "--db", db(), "--no-progress", wire()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }

    std::string db() const { return (dir_.path() / "db").string(); }
    std::string wire() const { return (dir_.path() / "wire.jsonl").string(); }

    /// saywho-search over @p dbs with @p args.
    static CommandResult search(const std::vector<std::string>& dbs, const std::vector<std::string>& args) {
        return search_over(dbs, {}, args);
    }

    ScratchDir dir_;
};

TEST_F(SpeakerPage, TextNamesRolesWithTheirMonthsPlacesWordsAndLatestStatements) {
    const CommandResult r = search({db()}, {"--speaker", "James Baker", "-n", "2"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::vector<std::string> lines = lines_of(r.out);
    ASSERT_GE(lines.size(), 8u) << r.out;
    EXPECT_EQ(lines[0], "James Baker (person; key: james baker)");
    EXPECT_EQ(lines[1], "6 statements, 1987-03-02 to 1988-08-15");
    EXPECT_EQ(lines[2], "named: James Baker 6, Baker 4") << "the linked article's own name and the cue's";
    EXPECT_EQ(lines[3], "roles:");
    EXPECT_EQ(lines[4], "  Treasury Secretary, Mar–Oct 1987 (4 statements)");
    EXPECT_EQ(lines[5], "  Secretary of State, Aug 1988 (2 statements)");
    EXPECT_EQ(lines[6], "places (2 places, 6 statements with a place): Washington 4, Moscow 2");
    EXPECT_TRUE(contains(lines[7], "distinctive words (of the latest 6 statements against the archive): ")) << lines[7];
    EXPECT_TRUE(contains(lines[7], "dollar")) << lines[7];
    EXPECT_FALSE(contains(lines[7], "baker")) << "the speaker's own name is no word of theirs: " << lines[7];
    EXPECT_FALSE(contains(lines[7], "weather")) << "others' words: " << lines[7];
    EXPECT_TRUE(contains(r.out, "timeline by month (18 buckets):\n1987-03  2  ")) << r.out;
    EXPECT_TRUE(contains(r.out, "latest statements:\n1988-08-15  James Baker (Secretary of State), Moscow\n")) << r.out;
    EXPECT_FALSE(contains(r.out, "1987-10-20  James Baker")) << "-n 2: the two latest only";
    EXPECT_FALSE(contains(r.out, "Howard")) << r.out;

    // The key, any case, or the only speaker a surname fits: the same page.
    EXPECT_EQ(search({db()}, {"--speaker", "JAMES BAKER", "-n", "2"}).out, r.out);
    EXPECT_EQ(search({db()}, {"--speaker", "Smith"}).exit_code, 0);
}

TEST_F(SpeakerPage, JsonIsTheSpeakerDocument) {
    const CommandResult r = search({db()}, {"--json", "--speaker", "james baker", "-n", "3"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    rapidjson::Document doc = parse_json(r.out);
    ASSERT_TRUE(doc.IsObject()) << r.out;
    EXPECT_STREQ(doc["type"].GetString(), "speaker");
    EXPECT_STREQ(doc["key"].GetString(), "james baker");
    EXPECT_STREQ(doc["name"].GetString(), "James Baker");
    EXPECT_STREQ(doc["kind"].GetString(), "person");
    EXPECT_EQ(doc["statements"].GetUint(), 6u);
    ASSERT_EQ(doc["roles"].Size(), 2u);
    EXPECT_STREQ(doc["roles"][0]["role"].GetString(), "Treasury Secretary");
    EXPECT_STREQ(doc["roles"][0]["first"].GetString(), "1987-03-02");
    EXPECT_STREQ(doc["roles"][0]["last"].GetString(), "1987-10-20");
    EXPECT_STREQ(doc["roles"][0]["span"].GetString(), "Mar–Oct 1987");
    EXPECT_EQ(doc["roles"][0]["count"].GetUint(), 4u);
    EXPECT_STREQ(doc["timeline"]["interval"].GetString(), "month");
    EXPECT_EQ(doc["places"]["distinct"].GetUint(), 2u);
    EXPECT_STREQ(doc["places"]["values"][0]["value"].GetString(), "Washington");
    EXPECT_GT(doc["words"]["values"].Size(), 3u);
    EXPECT_EQ(doc["words"]["sample"].GetUint(), 6u);
    ASSERT_EQ(doc["latest"].Size(), 3u);
    EXPECT_STREQ(doc["latest"][0]["date"].GetString(), "1988-08-15");
    EXPECT_STREQ(doc["latest"][0]["article"].GetString(), "baker-arms");
    EXPECT_STREQ(doc["latest"][0]["speaker"].GetString(), "James Baker");
    // The interval may be forced, as for a search's timeline.
    rapidjson::Document yearly =
        parse_json(search({db()}, {"--json", "--speaker", "james baker", "--interval", "year"}).out);
    EXPECT_STREQ(yearly["timeline"]["interval"].GetString(), "year");
    EXPECT_EQ(yearly["timeline"]["buckets"].Size(), 2u);
}

TEST_F(SpeakerPage, StatementHitsGiveTheKeyOfTheirSpeakersPage) {
    const CommandResult r = search({db()}, {"--json", "--sort", "newest", "type:statement"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    rapidjson::Document doc = parse_json(r.out);
    std::size_t keyed = 0;
    for (const auto& hit : doc["results"].GetArray()) {
        const std::string speaker = hit["speaker"].IsString() ? hit["speaker"].GetString() : "";
        if (speaker == "James Baker") {
            EXPECT_STREQ(hit["speaker_key"].GetString(), "james baker");
            ++keyed;
        }
        // Every key a hit gives opens a page.
        if (hit["speaker_key"].IsString()) {
            EXPECT_EQ(search({db()}, {"--speaker", hit["speaker_key"].GetString()}).exit_code, 0) << speaker;
        }
    }
    EXPECT_EQ(keyed, 6u) << r.out;
}

TEST_F(SpeakerPage, ANameOfTwoSpeakersListsThemAndAnUnknownOneFindsNothing) {
    CommandResult r = search({db()}, {"--speaker", "Baker"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err,
              "'Baker' names 2 speakers; pick one:\n"
              "  --speaker \"james baker\"   James Baker (6 statements)\n"
              "  --speaker \"howard baker\"   Howard Baker (1 statement)\n");
    r = search({db()}, {"--json", "--speaker", "Baker"});
    EXPECT_EQ(r.exit_code, 2);
    rapidjson::Document doc = parse_json(r.out);
    EXPECT_STREQ(doc["type"].GetString(), "error");
    EXPECT_STREQ(doc["error"]["code"].GetString(), "ambiguous");
    ASSERT_EQ(doc["error"]["candidates"].Size(), 2u);
    EXPECT_STREQ(doc["error"]["candidates"][1]["key"].GetString(), "howard baker");
    EXPECT_EQ(doc["error"]["candidates"][1]["statements"].GetUint(), 1u);

    r = search({db()}, {"--speaker", "Volcker"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_TRUE(contains(r.err, "no speaker named 'Volcker'")) << r.err;
    r = search({db()}, {"--json", "--speaker", "Volcker"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_STREQ(parse_json(r.out)["error"]["code"].GetString(), "not_found");

    r = search({db()}, {"--speaker", "James Baker", "dollar"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "a query does not apply")) << r.err;
    r = search({db()}, {"--speaker", "James Baker", "--facets"});
    EXPECT_EQ(r.exit_code, 2);
}

TEST_F(SpeakerPage, TheServiceAnswersASpeakerPageRequest) {
    const CommandResult served = run_command({SEARCH, "--db", db(), "--serve"},
                                             "{\"speaker_page\": \"James Baker\", \"limit\": 2, \"id\": \"a\"}\n"
                                             "{\"speaker_page\": \"Baker\", \"id\": \"b\"}\n"
                                             "{\"speaker_page\": \"Baker\", \"q\": \"dollar\", \"id\": \"c\"}\n"
                                             "{\"speaker_page\": \"Nobody Here\", \"id\": \"d\"}\n");
    ASSERT_EQ(served.exit_code, 0) << served.err;
    const std::vector<std::string> lines = lines_of(served.out);
    ASSERT_EQ(lines.size(), 4u) << served.out;
    rapidjson::Document a = parse_json(lines[0]), b = parse_json(lines[1]), c = parse_json(lines[2]),
                        d = parse_json(lines[3]);
    EXPECT_STREQ(a["type"].GetString(), "speaker") << lines[0];
    EXPECT_STREQ(a["id"].GetString(), "a");
    EXPECT_EQ(a["latest"].Size(), 2u);
    EXPECT_STREQ(b["error"]["code"].GetString(), "ambiguous") << lines[1];
    EXPECT_STREQ(b["id"].GetString(), "b");
    EXPECT_EQ(b["error"]["candidates"].Size(), 2u);
    EXPECT_STREQ(c["error"]["code"].GetString(), "bad_request") << lines[2];
    EXPECT_STREQ(d["error"]["code"].GetString(), "not_found") << lines[3];
}

TEST_F(SpeakerPage, HttpServesTheDocumentAndThePage) {
    HttpServer http({"--db", db()}, (dir_.path() / "http.err").string());
    const int port = http.port();
    HttpAnswer a = http_request(port, "GET /api/speaker?key=james%20baker");
    ASSERT_EQ(a.status, 200) << a.body;
    EXPECT_TRUE(contains(a.headers, "application/json")) << a.headers;
    EXPECT_EQ(a.body + "\n", search({db()}, {"--json", "--speaker", "james baker"}).out)
        << "the command line's document";
    a = http_request(port, "GET /api/speaker?name=baker");
    EXPECT_EQ(a.status, 409);
    EXPECT_TRUE(contains(a.body, "\"candidates\"")) << a.body;
    a = http_request(port, "GET /api/speaker?key=baker");
    EXPECT_EQ(a.status, 404) << "a key is a whole canonical name: " << a.body;
    a = http_request(port, "GET /api/speaker?name=Howard%20Baker&limit=1&interval=year");
    ASSERT_EQ(a.status, 200) << a.body;
    rapidjson::Document howard = parse_json(a.body);
    EXPECT_STREQ(howard["key"].GetString(), "howard baker");
    EXPECT_STREQ(howard["timeline"]["interval"].GetString(), "year");
    a = http_request(port, "GET /api/speaker?key=james%20baker&q=dollar");
    EXPECT_EQ(a.status, 400);
    a = http_request(port, "GET /api/speaker");
    EXPECT_EQ(a.status, 400);
    // The page's own address: the search page, which asks /api/speaker.
    a = http_request(port, "GET /speaker/james%20baker");
    EXPECT_EQ(a.status, 200);
    EXPECT_TRUE(contains(a.headers, "text/html")) << a.headers;
    EXPECT_TRUE(contains(a.body, "id=\"speaker-view\"")) << a.body;
    http.process().signal(SIGTERM);
    EXPECT_EQ(http.process().wait(10000), 0);
}

TEST_F(SpeakerPage, ShardsLocalOrServedByXapianTcpsrvGiveThePageOfOneDatabase) {
    const std::string s1 = (dir_.path() / "s1").string(), s2 = (dir_.path() / "s2").string();
    for (const auto& [shard, path] : {std::pair{"1/2", s1}, std::pair{"2/2", s2}}) {
        CommandResult r = run_command({INDEX, "--no-progress", "--db", path, "--shard", shard, wire()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        ASSERT_TRUE(contains(r.out, "left to other shards")) << "each shard holds some of the archive: " << r.out;
    }
    const TcpsrvShards servers(s1, s2, dir_.path());
    const std::string r1 = servers.first(), r2 = servers.second();
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"--speaker", "James Baker"}, {"--json", "--speaker", "James Baker"}, {"--json", "--speaker", "Baker"}}) {
        SCOPED_TRACE(args.back());
        const CommandResult one = search({db()}, args);
        ASSERT_NE(one.out, "");
        for (const auto& dbs : std::vector<std::vector<std::string>>{{s1, s2}, {r1, r2}, {s1, r2}}) {
            const CommandResult sharded = search(dbs, args);
            EXPECT_EQ(sharded.exit_code, one.exit_code) << sharded.err;
            EXPECT_EQ(sharded.out, one.out) << dbs.front() << " and " << dbs.back();
        }
    }
}

}  // namespace
}  // namespace saywho::testing
