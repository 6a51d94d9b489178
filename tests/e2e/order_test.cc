/** @file order_test.cc
 *  @brief End to end (issue 17, "Order"): hits that weigh the same are listed newest first, then by article id, then
 *         in text order, the same in one database and in shards local or served by xapian-tcpsrv; and --limit 0,
 *         which gives the totals and facets only.
 */
#include <signal.h>

#include <chrono>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "tests/e2e/e2e_support.h"
#include "tests/e2e/run_command.h"

namespace saywho::testing {
namespace {

/// An archive whose articles about the waterfront are alike but for their
/// ids and dates, so a word query weighs them (and their statements) the
/// same, with two other stories so that the words are not in every
/// document. Its lines are in an order that is neither by date nor by id,
/// so the document ids (input order) say nothing of the order wanted.
std::string archive() {
    struct Story {
        const char* id;
        const char* date;
        bool waterfront;
    };
    const Story stories[] = {{"harbour", "2025-03-10", true}, {"tunnel", "2025-03-12", true},
                             {"budget", "2025-03-12", false}, {"bridge", "2025-03-12", true},
                             {"ferry", "2025-03-11", true},   {"airport", "2025-03-12", true},
                             {"road", "2025-03-09", true},    {"school", "2025-03-11", false}};
    std::string lines;
    for (const Story& s : stories) {
        lines += std::string("{\"id\": \"") + s.id + "\", \"date\": \"" + s.date + "\", ";
        if (s.waterfront)
            lines +=
                "\"title\": \"Works to reopen the waterfront\", \"body\": \"Mayor Anna Berg said the waterfront "
                "would reopen in May.\\n\\n\\\"The waterfront will reopen with new cranes,\\\" Berg told "
                "reporters.\"}\n";
        else
            lines +=
                "\"title\": \"Council news\", \"body\": \"Treasurer Omar Vik said the council would balance "
                "its books this year.\"}\n";
    }
    return lines;
}

/// One hit of a --json search: what its place in the order depends on.
struct Hit {
    std::string id, date;
    double weight = 0;
};

/// The hits of a --json search in the order listed.
std::vector<Hit> hits_of(const CommandResult& r) {
    EXPECT_NE(r.exit_code, 2) << r.err;
    rapidjson::Document doc = parse_json(r.out);
    std::vector<Hit> hits;
    if (!doc.IsObject() || !doc.HasMember("results")) return hits;
    for (const auto& h : doc["results"].GetArray())
        hits.push_back({h["id"].GetString(), h["date"].GetString(), h["weight"].GetDouble()});
    return hits;
}

std::vector<std::string> ids_of(const std::vector<Hit>& hits) {
    std::vector<std::string> ids;
    for (const auto& h : hits) ids.push_back(h.id);
    return ids;
}

/// Where the documented order puts @p hit within its day: its article's id,
/// then -1 for the article itself, else the statement's position ("ID#N").
std::tuple<std::string, long> place_in_day(const Hit& hit) {
    const std::size_t hash = hit.id.rfind('#');
    if (hash == std::string::npos) return {hit.id, -1};
    return {hit.id.substr(0, hash), std::stol(hit.id.substr(hash + 1))};
}

/// Checks that every two neighbours of @p hits that tie on weight (all of
/// them, for a query without words) are in the documented order: the later
/// day first (the earlier with @p oldest_first), then by article id, the
/// article before its statements, those in text order.
void expect_documented_order(const std::vector<Hit>& hits, bool oldest_first = false) {
    for (std::size_t i = 1; i < hits.size(); ++i) {
        const Hit &a = hits[i - 1], &b = hits[i];
        if (a.weight != b.weight) continue;
        if (a.date != b.date) {
            EXPECT_EQ(a.date < b.date, oldest_first) << a.id << " then " << b.id;
            continue;
        }
        EXPECT_LT(place_in_day(a), place_in_day(b)) << a.id << " then " << b.id;
    }
}

class Order : public ::testing::Test {
  protected:
    void SetUp() override {
        write_file(dir_.path() / "wire.jsonl", archive());
        CommandResult r = run_command({INDEX, "--db", db(), "--no-progress", (dir_.path() / "wire.jsonl").string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }

    std::string db() const { return (dir_.path() / "db").string(); }

    /// saywho-search --json over @p dbs with @p args (the query last; none: the empty query).
    static CommandResult search_json(const std::vector<std::string>& dbs, const std::vector<std::string>& args) {
        // Every copy: the order of all documents is under test here, and near
        // copies are joined within a database only, so a shard's clusters
        // may differ from one database's (clusters_test.cc).
        return search_over(dbs, {"--json", "--all-copies", "--now", "2025-03-26"}, args);
    }
    std::vector<Hit> hits(const std::vector<std::string>& args) { return hits_of(search_json({db()}, args)); }

    ScratchDir dir_;
};

TEST_F(Order, AQueryWithoutWordsListsNewestFirstThenByArticleIdThenInTextOrder) {
    const std::vector<std::string> newest_first = {
        "airport", "airport#0", "airport#1", "bridge", "bridge#0", "bridge#1", "budget", "budget#0",
        "tunnel",  "tunnel#0",  "tunnel#1",  "ferry",  "ferry#0",  "ferry#1",  "school", "school#0",
        "harbour", "harbour#0", "harbour#1", "road",   "road#0",   "road#1"};
    EXPECT_EQ(ids_of(hits({"--limit", "100"})), newest_first) << "the empty query";
    EXPECT_EQ(ids_of(hits({"--limit", "100", "--sort", "newest"})), newest_first);
    // Filters alone, as fields or as plain phrases, weigh nothing either.
    for (const char* query :
         {"statements by Berg", "speaker:Berg", "type:statement", "type:article", "date:2025-03-11..2025-03-12"}) {
        SCOPED_TRACE(query);
        const std::vector<Hit> found = hits({"--limit", "100", query});
        ASSERT_GE(found.size(), 5u);
        for (const auto& h : found) EXPECT_EQ(h.weight, 0.0) << h.id;
        expect_documented_order(found);
    }
    EXPECT_EQ(ids_of(hits({"--limit", "100", "statements by Berg"})),
              (std::vector<std::string>{"airport#0", "airport#1", "bridge#0", "bridge#1", "tunnel#0", "tunnel#1",
                                        "ferry#0", "ferry#1", "harbour#0", "harbour#1", "road#0", "road#1"}));
    // Oldest first keeps the order within a day.
    EXPECT_EQ(ids_of(hits({"--limit", "100", "--sort", "oldest", "type:statement"})),
              (std::vector<std::string>{"road#0", "road#1", "harbour#0", "harbour#1", "ferry#0", "ferry#1", "school#0",
                                        "airport#0", "airport#1", "bridge#0", "bridge#1", "budget#0", "tunnel#0",
                                        "tunnel#1"}));
}

TEST_F(Order, TiesInRelevanceBreakNewestFirstThenByArticleIdThenInTextOrder) {
    for (const char* query : {"cranes", "waterfront", "reopen waterfront"}) {
        SCOPED_TRACE(query);
        const std::vector<Hit> found = hits({"--limit", "100", query});
        ASSERT_GE(found.size(), 6u);
        std::size_t ties = 0;
        for (std::size_t i = 1; i < found.size(); ++i) {
            EXPECT_GE(found[i - 1].weight, found[i].weight) << "best first";
            ties += found[i - 1].weight == found[i].weight;
        }
        EXPECT_GE(ties, 5u) << "the archive is meant to give many hits of equal weight";
        expect_documented_order(found);
    }
    // By date, relevance no longer decides within a day: the articles and
    // statements of a day are listed as a query without words lists them.
    std::vector<Hit> by_date = hits({"--limit", "100", "--sort", "newest", "waterfront"});
    for (auto& h : by_date) h.weight = 0;
    expect_documented_order(by_date);
    by_date = hits({"--limit", "100", "--sort", "oldest", "waterfront"});
    for (auto& h : by_date) h.weight = 0;
    expect_documented_order(by_date, true);
}

TEST_F(Order, OneDatabaseAndItsShardsLocalOrServedByXapianTcpsrvListTheSameHitsInTheSameOrder) {
    const std::string s1 = (dir_.path() / "s1").string(), s2 = (dir_.path() / "s2").string();
    const std::string wire = (dir_.path() / "wire.jsonl").string();
    for (const auto& [shard, path] : {std::pair{"1/2", s1}, std::pair{"2/2", s2}}) {
        CommandResult r = run_command({INDEX, "--no-progress", "--db", path, "--shard", shard, wire});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        ASSERT_TRUE(contains(r.out, "left to other shards")) << "each shard holds some of the archive: " << r.out;
    }
    const TcpsrvShards servers(s1, s2, dir_.path());
    const std::string r1 = servers.first(), r2 = servers.second();
    const std::vector<std::vector<std::string>> queries = {
        {},
        {"statements by Berg"},
        {"type:statement"},
        {"date:2025-03-12"},
        {"cranes"},
        {"reopen waterfront"},
        {"--sort", "newest", "waterfront"},
        {"--sort", "oldest", "waterfront"},
        {"--sort", "oldest"},
        {"--per-article", "1", "cranes"},
    };
    for (const auto& query : queries) {
        // The whole list, and a page whose ends cut through hits of equal weight.
        for (const std::vector<std::string>& page :
             {std::vector<std::string>{"--limit", "100"}, std::vector<std::string>{"--offset", "3", "--limit", "4"}}) {
            std::vector<std::string> args = page;
            args.insert(args.end(), query.begin(), query.end());
            std::string trace;
            for (const auto& a : args) trace += a + " ";
            SCOPED_TRACE(trace);
            const std::vector<std::string> one = ids_of(hits_of(search_json({db()}, args)));
            ASSERT_FALSE(one.empty());
            EXPECT_EQ(ids_of(hits_of(search_json({s1, s2}, args))), one) << "two local shards";
            EXPECT_EQ(ids_of(hits_of(search_json({s2, s1}, args))), one) << "the shards the other way round";
            EXPECT_EQ(ids_of(hits_of(search_json({r1, r2}, args))), one) << "two xapian-tcpsrv shards";
            EXPECT_EQ(ids_of(hits_of(search_json({s1, r2}, args))), one) << "one shard local, one remote";
        }
    }
}

TEST_F(Order, LimitZeroGivesTheTotalsAndFacetsOnly) {
    // Text: the count line, and the facets when asked for. Berg's twelve
    // statements are eight clusters of copies: facets count every copy.
    CommandResult r = run_command({SEARCH, "--db", db(), "-n", "0", "statements by Berg"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "8 results (12 statements with copies)\n");
    r = run_command({SEARCH, "--db", db(), "--limit", "0", "--facets", "statements by Berg"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("8 results (12 statements with copies)\n", 0), 0u) << r.out;
    EXPECT_TRUE(contains(r.out, "\nspeaker (1 value):  Anna Berg 12\n")) << r.out;
    EXPECT_TRUE(contains(r.out, "\nmonth (1 value):  2025-03 12\n")) << r.out;
    r = run_command({SEARCH, "--db", db(), "--limit", "0", "zyxquuxword"});
    EXPECT_EQ(r.exit_code, 1) << "nothing found is still nothing found";
    EXPECT_EQ(r.out, "");

    // JSON, from the command line and from the service: no results, the rest as usual.
    const CommandResult cli =
        run_command({SEARCH, "--db", db(), "--json", "--facets", "--limit", "0", "statements by Berg"});
    EXPECT_EQ(cli.exit_code, 0) << cli.err;
    const CommandResult served =
        run_command({SEARCH, "--db", db(), "--serve"}, R"({"q": "statements by Berg", "limit": 0, "facets": true})"
                                                       "\n");
    EXPECT_EQ(served.exit_code, 0) << served.err;
    for (const CommandResult* answer : {&cli, &served}) {
        rapidjson::Document doc = parse_json(answer->out);
        ASSERT_TRUE(doc.IsObject() && doc.HasMember("results")) << answer->out;
        EXPECT_EQ(doc["results"].Size(), 0u);
        EXPECT_EQ(doc["limit"].GetUint(), 0u);
        EXPECT_EQ(doc["total"]["estimate"].GetUint(), 8u);
        EXPECT_EQ(doc["total"]["with_copies"].GetUint(), 12u);
        EXPECT_TRUE(doc["total"]["exact"].GetBool());
        ASSERT_EQ(doc["facets"]["speaker"]["values"].Size(), 1u);
        EXPECT_EQ(doc["facets"]["speaker"]["values"][0]["count"].GetUint(), 12u);
        EXPECT_TRUE(doc["why_nothing"].IsNull());
    }
}

}  // namespace
}  // namespace saywho::testing
