/** @file timeline_test.cc
 *  @brief End to end (issue 18): the timeline of the whole match set, in text and JSON, chosen or forced interval,
 *         from the command line and --serve, the same in one database and in shards local or served by xapian-tcpsrv.
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

/// Harbour stories on known days: two on Monday 3 March 2025, one on
/// Wednesday 5 March, one on Wednesday 19 March and one on 2 April; and a
/// story of another kind on 10 March, which harbour queries do not find.
/// Each harbour story quotes its mayor, so statements are counted too.
std::string archive() {
    struct Story {
        const char* id;
        const char* date;
        bool harbour;
    };
    const Story stories[] = {{"dredging", "2025-03-05", true}, {"cranes", "2025-03-03", true},
                             {"budget", "2025-03-10", false},  {"ferries", "2025-04-02", true},
                             {"quay", "2025-03-19", true},     {"pier", "2025-03-03", true}};
    std::string lines;
    for (const Story& s : stories) {
        lines += std::string("{\"id\": \"") + s.id + "\", \"date\": \"" + s.date + "\", ";
        if (s.harbour)
            lines +=
                "\"title\": \"Harbour works\", \"body\": \"The harbour works went on.\\n\\n\\\"The harbour will "
                "be ready in May,\\\" Mayor Anna Berg told reporters.\"}\n";
        else
            lines += "\"title\": \"Council news\", \"body\": \"The council met to balance its books.\"}\n";
    }
    return lines;
}

/// One bucket of a JSON timeline, as "START..END=COUNT".
std::vector<std::string> buckets_of(const rapidjson::Value& timeline) {
    std::vector<std::string> out;
    for (const auto& b : timeline["buckets"].GetArray())
        out.push_back(std::string(b["start"].GetString()) + ".." + b["end"].GetString() + "=" +
                      std::to_string(b["count"].GetUint()));
    return out;
}

class Timeline : public ::testing::Test {
  protected:
    void SetUp() override {
        write_file(wire(), archive());
        CommandResult r = run_command({INDEX, "--db", db(), "--no-progress", wire()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }

    std::string db() const { return (dir_.path() / "db").string(); }
    std::string wire() const { return (dir_.path() / "wire.jsonl").string(); }

    /// saywho-search over @p dbs with @p args (the query last).
    static CommandResult search(const std::vector<std::string>& dbs, const std::vector<std::string>& args) {
        return search_over(dbs, {"--now", "2025-04-30"}, args);
    }

    /// The "timeline" member of a --json --timeline search as buckets, with its interval first.
    std::vector<std::string> timeline(const std::vector<std::string>& dbs, const std::vector<std::string>& args) {
        std::vector<std::string> all{"--json", "--timeline"};
        all.insert(all.end(), args.begin(), args.end());
        const CommandResult r = search(dbs, all);
        EXPECT_NE(r.exit_code, 2) << r.err;
        rapidjson::Document doc = parse_json(r.out);
        if (!doc.IsObject() || !doc.HasMember("timeline")) {
            ADD_FAILURE() << "no timeline in " << r.out;
            return {};
        }
        std::vector<std::string> out{doc["timeline"]["interval"].GetString()};
        for (auto& b : buckets_of(doc["timeline"])) out.push_back(b);
        return out;
    }

    ScratchDir dir_;
};

TEST_F(Timeline, JsonCountsTheWholeMatchSetNotOnePage) {
    const CommandResult r = search({db()}, {"--json", "--timeline", "--limit", "1", "harbour", "type:article"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    rapidjson::Document doc = parse_json(r.out);
    ASSERT_TRUE(doc.HasMember("timeline")) << r.out;
    const auto& t = doc["timeline"];
    // 3 March to 2 April is 31 days: days, each one listed.
    EXPECT_STREQ(t["interval"].GetString(), "day");
    EXPECT_TRUE(t["exact"].GetBool());
    const std::vector<std::string> buckets = buckets_of(t);
    ASSERT_EQ(buckets.size(), 31u);
    EXPECT_EQ(buckets.front(), "2025-03-03..2025-03-03=2");
    EXPECT_EQ(buckets[1], "2025-03-04..2025-03-04=0");
    EXPECT_EQ(buckets[2], "2025-03-05..2025-03-05=1");
    EXPECT_EQ(buckets[16], "2025-03-19..2025-03-19=1");
    EXPECT_EQ(buckets.back(), "2025-04-02..2025-04-02=1");
    EXPECT_EQ(doc["results"].Size(), 1u) << "one hit on the page, five in the timeline";

    // Without --timeline there is none: it costs a count of every match.
    const CommandResult plain = search({db()}, {"--json", "harbour"});
    EXPECT_FALSE(parse_json(plain.out).HasMember("timeline")) << plain.out;
}

TEST_F(Timeline, AnIntervalCanBeForced) {
    EXPECT_EQ(
        timeline({db()}, {"--interval", "week", "harbour", "type:article"}),
        (std::vector<std::string>{"week", "2025-03-03..2025-03-09=3", "2025-03-10..2025-03-16=0",
                                  "2025-03-17..2025-03-23=1", "2025-03-24..2025-03-30=0", "2025-03-31..2025-04-06=1"}));
    EXPECT_EQ(timeline({db()}, {"--interval", "month", "harbour", "type:article"}),
              (std::vector<std::string>{"month", "2025-03-01..2025-03-31=4", "2025-04-01..2025-04-30=1"}));
    EXPECT_EQ(timeline({db()}, {"--interval", "year", "type:statement"}),
              (std::vector<std::string>{"year", "2025-01-01..2025-12-31=5"}));
    // A filter narrows the timeline as it narrows the results.
    EXPECT_EQ(timeline({db()}, {"--interval", "week", "harbour type:article date:2025-03-10..2025-03-31"}),
              (std::vector<std::string>{"week", "2025-03-17..2025-03-23=1"}));
    const CommandResult bad = search({db()}, {"--interval", "fortnight", "harbour"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_TRUE(contains(bad.err, "fortnight")) << bad.err;
}

TEST_F(Timeline, TextDrawsABarPerBucketScaledToTheLargest) {
    CommandResult r = search({db()}, {"--timeline", "--interval", "week", "--limit", "0", "harbour type:article"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out,
              "5 results\n"
              "timeline by week (5 buckets, from Mondays):\n"
              "2025-03-03  3  ████████████████████████████████████████\n"
              "2025-03-10  0\n"
              "2025-03-17  1  █████████████▍\n"
              "2025-03-24  0\n"
              "2025-03-31  1  █████████████▍\n");
    // --interval alone asks for the timeline; it follows the hits and comes before the facets.
    r = search({db()}, {"--interval", "month", "--facets", "harbour", "type:article"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::size_t count = r.out.find("results 1-5 of 5"), timeline = r.out.find("timeline by month (2 buckets):\n"),
                      facets = r.out.find("\nmonth (2 values):");
    ASSERT_NE(timeline, std::string::npos) << r.out;
    EXPECT_LT(count, timeline) << r.out;
    EXPECT_LT(timeline, facets) << r.out;
    EXPECT_TRUE(contains(r.out, "\n2025-03  4  ████████████████████████████████████████\n2025-04  1  ██████████\n"))
        << r.out;
    r = search({db()}, {"harbour"});
    EXPECT_FALSE(contains(r.out, "timeline")) << "none unless asked: " << r.out;
    r = search({db()}, {"--timeline", "zyxquuxword"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "") << "nothing found: no timeline";
}

TEST_F(Timeline, TheServiceGivesItWhenAsked) {
    const CommandResult served =
        run_command({SEARCH, "--db", db(), "--serve"},
                    "{\"q\": \"harbour type:article\", \"timeline\": true, \"interval\": \"month\", \"id\": \"a\"}\n"
                    "{\"q\": \"harbour type:article\", \"id\": \"b\"}\n"
                    "{\"q\": \"harbour\", \"interval\": \"decade\", \"id\": \"c\"}\n");
    ASSERT_EQ(served.exit_code, 0) << served.err;
    std::vector<std::string> lines;
    for (std::size_t at = 0, nl; (nl = served.out.find('\n', at)) != std::string::npos; at = nl + 1)
        lines.push_back(served.out.substr(at, nl - at));
    ASSERT_EQ(lines.size(), 3u) << served.out;
    rapidjson::Document a = parse_json(lines[0]), b = parse_json(lines[1]), c = parse_json(lines[2]);
    ASSERT_TRUE(a.HasMember("timeline")) << lines[0];
    EXPECT_EQ(buckets_of(a["timeline"]),
              (std::vector<std::string>{"2025-03-01..2025-03-31=4", "2025-04-01..2025-04-30=1"}));
    EXPECT_FALSE(b.HasMember("timeline")) << "not asked for: " << lines[1];
    EXPECT_STREQ(c["type"].GetString(), "error") << lines[2];
}

TEST_F(Timeline, ShardsLocalOrServedByXapianTcpsrvGiveTheTimelineOfOneDatabase) {
    const std::string s1 = (dir_.path() / "s1").string(), s2 = (dir_.path() / "s2").string();
    for (const auto& [shard, path] : {std::pair{"1/2", s1}, std::pair{"2/2", s2}}) {
        CommandResult r = run_command({INDEX, "--no-progress", "--db", path, "--shard", shard, wire()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        ASSERT_TRUE(contains(r.out, "left to other shards")) << "each shard holds some of the archive: " << r.out;
    }
    const TcpsrvShards servers(s1, s2, dir_.path());
    const std::string r1 = servers.first(), r2 = servers.second();
    const std::vector<std::vector<std::string>> queries = {
        {},
        {"harbour"},
        {"--interval", "week", "harbour"},
        {"--interval", "month", "type:statement"},
        {"--limit", "0", "--interval", "day", "statements by Berg"},
    };
    for (const auto& query : queries) {
        std::string trace;
        for (const auto& a : query) trace += a + " ";
        SCOPED_TRACE(trace);
        const std::vector<std::string> one = timeline({db()}, query);
        ASSERT_GE(one.size(), 2u);
        EXPECT_EQ(timeline({s1, s2}, query), one) << "two local shards";
        EXPECT_EQ(timeline({r1, r2}, query), one) << "two xapian-tcpsrv shards";
        EXPECT_EQ(timeline({s1, r2}, query), one) << "one shard local, one remote";
    }
}

}  // namespace
}  // namespace saywho::testing
