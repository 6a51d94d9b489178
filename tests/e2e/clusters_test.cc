/** @file clusters_test.cc
 *  @brief End to end (issue 18): who said it first. Copies of a statement in
 *         other articles are one result, the earliest, with "also in N more
 *         articles"; --all-copies and --cluster list each; a late article
 *         joins its cluster and a pruned one leaves it; --serve, HTTP and
 *         shards local or served by xapian-tcpsrv agree.
 */
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

namespace fs = std::filesystem;

const char* const QUOTE =
    "\"A further large drop in the value of the currency could be counterproductive for growth,\" "
    "central bank governor Maria Lindqvist said.";

/// A story of @p date with @p body, one file per article.
std::string story(const std::string& date, const std::string& title, const std::string& body) {
    return "date " + date + " " + title + "\n\n" + body + "\n";
}

class Clusters : public ::testing::Test {
  protected:
    void SetUp() override {
        // The agency's story, a paper's copy of it the same day, and a later
        // story quoting the same words, cut at another place.
        add("agency.txt", story("2025-03-03", "Governor warns on currency", QUOTE));
        add("paper.txt", story("2025-03-03", "Currency warning", QUOTE));
        add("later.txt", story("2025-03-05", "Markets shrug off warning",
                               "Markets were calm. Lindqvist said a further large drop in the value of the currency "
                               "could be counterproductive."));
        add("other.txt", story("2025-03-05", "Harbour works",
                               "\"The harbour will be ready in May and the cranes will follow,\" Mayor Anna Berg "
                               "said."));
        index({});
    }

    void add(const std::string& name, const std::string& text) { write_file(archive() / name, text); }
    fs::path archive() const { return dir_.path() / "archive"; }
    std::string db() const { return (dir_.path() / "db").string(); }

    void index(const std::vector<std::string>& extra) {
        std::vector<std::string> argv{INDEX, "--db", db(), "--no-progress"};
        argv.insert(argv.end(), extra.begin(), extra.end());
        argv.push_back(archive().string());
        const CommandResult r = run_command(argv);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }

    static CommandResult search(const std::vector<std::string>& dbs, const std::vector<std::string>& args) {
        return search_over(dbs, {}, args);
    }

    /// The statement hits of a --json search, as "article:first?:statements/articles".
    static std::vector<std::string> hits(const std::vector<std::string>& dbs, const std::vector<std::string>& args) {
        std::vector<std::string> all{"--json"};
        all.insert(all.end(), args.begin(), args.end());
        const CommandResult r = search(dbs, all);
        EXPECT_NE(r.exit_code, 2) << r.err;
        return statement_hits(r.out);
    }

    static std::vector<std::string> statement_hits(const std::string& json) {
        rapidjson::Document doc = parse_json(json);
        std::vector<std::string> out;
        if (!doc.IsObject() || !doc.HasMember("results")) {
            ADD_FAILURE() << json;
            return out;
        }
        for (const auto& hit : doc["results"].GetArray()) {
            if (std::string(hit["type"].GetString()) != "statement") continue;
            const auto& c = hit["cluster"];
            out.push_back(std::string(hit["article"].GetString()) + (c["is_first"].GetBool() ? ":first:" : ":") +
                          std::to_string(c["statements"].GetUint()) + "/" + std::to_string(c["articles"].GetUint()));
        }
        return out;
    }

    ScratchDir dir_;
};

TEST_F(Clusters, CopiesAreOneResultTheEarliestSayingWhereElse) {
    EXPECT_EQ(hits({db()}, {"currency counterproductive"}), (std::vector<std::string>{"agency:first:3/3"}));
    const CommandResult text = search({db()}, {"currency counterproductive"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_TRUE(contains(text.out, "also in 2 more articles, this one first (--cluster ")) << text.out;
    // Filtered to later days, the earliest copy that matches stands for them.
    EXPECT_EQ(hits({db()}, {"currency counterproductive date:2025-03-04.."}), (std::vector<std::string>{"later:3/3"}));
    const CommandResult later = search({db()}, {"currency counterproductive date:2025-03-04.."});
    EXPECT_TRUE(contains(later.out, "first on 2025-03-03 in Governor warns on currency  [agency]")) << later.out;
    // Every copy when asked; the statement alone has a cluster of one.
    EXPECT_EQ(hits({db()}, {"--all-copies", "--sort", "oldest", "currency counterproductive"}),
              (std::vector<std::string>{"agency:first:3/3", "paper:3/3", "later:3/3"}));
    EXPECT_EQ(hits({db()}, {"harbour cranes"}), (std::vector<std::string>{"other:first:1/1"}));
}

TEST_F(Clusters, ClusterListsEveryAppearanceOldestFirst) {
    rapidjson::Document doc = parse_json(search({db()}, {"--json", "currency counterproductive type:statement"}).out);
    const std::string id = doc["results"][0]["cluster"]["id"].GetString();
    EXPECT_EQ(hits({db()}, {"--cluster", id}),
              (std::vector<std::string>{"agency:first:3/3", "paper:3/3", "later:3/3"}));
    // The field says the same inside a query, and words narrow it.
    EXPECT_EQ(hits({db()}, {"--all-copies", "--sort", "oldest", "cluster:" + id + " growth"}),
              (std::vector<std::string>{"agency:first:3/3", "paper:3/3"}));
    const CommandResult unknown = search({db()}, {"--cluster", "0123456789abcdef"});
    EXPECT_EQ(unknown.exit_code, 1);
    EXPECT_TRUE(contains(unknown.err, "no statement is in cluster '0123456789abcdef'")) << unknown.err;

    // Over --serve and HTTP too.
    BackgroundProcess serve({SEARCH, "--db", db(), "--serve"}, (dir_.path() / "serve.err").string());
    bool ok = false;
    serve.write_line(R"({"q": "currency counterproductive", "collapse": false})");
    EXPECT_EQ(statement_hits(serve.read_line(10000, ok)).size(), 3u);
    serve.write_line(R"({"q": "currency counterproductive"})");
    EXPECT_EQ(statement_hits(serve.read_line(10000, ok)), (std::vector<std::string>{"agency:first:3/3"}));
    serve.close_stdin();
    EXPECT_EQ(serve.wait(10000), 0);

    HttpServer http({"--db", db()}, (dir_.path() / "http.err").string());
    const int port = http.port();
    const HttpAnswer a = http_request(port, "GET /api/cluster?id=" + id);
    ASSERT_EQ(a.status, 200) << a.body;
    EXPECT_EQ(statement_hits(a.body), (std::vector<std::string>{"agency:first:3/3", "paper:3/3", "later:3/3"}));
    EXPECT_EQ(http_request(port, "GET /api/cluster").status, 400);
    EXPECT_EQ(statement_hits(http_request(port, "GET /api/search?q=currency+counterproductive&collapse=0").body).size(),
              3u);
}

TEST_F(Clusters, ALateArticleJoinsItsClusterAndAPrunedOneLeavesIt) {
    add("weekly.txt", story("2025-03-07", "Week in review",
                            "In a speech, Lindqvist said a further large drop in the value of the currency could be "
                            "counterproductive for growth."));
    index({});
    EXPECT_EQ(hits({db()}, {"currency counterproductive"}), (std::vector<std::string>{"agency:first:4/4"}));
    // The agency's story and its copy go: the rest keep one cluster, the
    // earliest left now first.
    fs::remove(archive() / "agency.txt");
    fs::remove(archive() / "paper.txt");
    index({"--prune"});
    EXPECT_EQ(hits({db()}, {"currency counterproductive"}), (std::vector<std::string>{"later:first:2/2"}));
    // And with the quote that joined them gone, the last one is alone.
    fs::remove(archive() / "later.txt");
    index({"--prune"});
    EXPECT_EQ(hits({db()}, {"currency counterproductive"}), (std::vector<std::string>{"weekly:first:1/1"}));
}

TEST_F(Clusters, ShardsLocalOrServedByXapianTcpsrvCollapseCopiesWordForWord) {
    const std::string s1 = (dir_.path() / "s1").string(), s2 = (dir_.path() / "s2").string();
    for (const auto& [shard, path] : {std::pair{"1/2", s1}, std::pair{"2/2", s2}}) {
        const CommandResult r =
            run_command({INDEX, "--no-progress", "--db", path, "--shard", shard, archive().string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    const TcpsrvShards servers(s1, s2, dir_.path());
    const std::string r1 = servers.first(), r2 = servers.second();
    // The agency's story and its copy word for word are one result
    // wherever each was indexed; the near copy is joined within a database
    // only, so it is one more result when it went to the other shard.
    const std::vector<std::string> query{"currency counterproductive growth"};
    ASSERT_EQ(hits({db()}, query), (std::vector<std::string>{"agency:first:3/3"}));
    const std::vector<std::string> sharded = hits({s1, s2}, query);
    EXPECT_TRUE(sharded == std::vector<std::string>{"agency:first:3/3"} ||
                sharded == (std::vector<std::string>{"agency:first:2/2", "later:first:1/1"}))
        << ::testing::PrintToString(sharded);
    EXPECT_EQ(hits({r1, r2}, query), sharded) << "two xapian-tcpsrv shards";
    EXPECT_EQ(hits({s1, r2}, query), sharded) << "one shard local, one remote";
}

}  // namespace
}  // namespace saywho::testing
