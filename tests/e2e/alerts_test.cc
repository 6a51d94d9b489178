/** @file alerts_test.cc
 *  @brief End to end (issue 18, part 5): saved searches, saved:NAME in queries, and alerts on what was indexed
 *         since the last run, printed or posted to a webhook on loopback.
 */
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <rapidjson/document.h>
#include <xapian.h>

#include "tests/e2e/e2e_support.h"
#include "tests/e2e/run_command.h"

namespace saywho::testing {
namespace {

namespace fs = std::filesystem;

constexpr char HELSINKI[] = "2025-03-04-helsinki-energy-summit";
constexpr char GENEVA[] = "2025-03-18-geneva-ceasefire-talks";
constexpr char OSLO[] = "2025-05-14-oslo-nordic-energy-security-meeting";
// Older than everything in the first batch, indexed after it: still new.
constexpr char JAKARTA[] = "2025-01-28-jakarta-flood";

/// The article ids of a results document's hits (a statement counts for its article).
std::set<std::string> article_ids(const rapidjson::Value& results) {
    std::set<std::string> ids;
    for (const auto& hit : results["results"].GetArray()) {
        const std::string id = hit["id"].GetString();
        ids.insert(id.substr(0, id.find('#')));
    }
    return ids;
}

class Alerts : public ::testing::Test {
  protected:
    /// Indexes the corpus articles @p ids into the database.
    void index(const std::vector<std::string>& ids) {
        const fs::path dir = dir_.path() / ("batch" + std::to_string(++batches_));
        fs::create_directories(dir);
        for (const auto& id : ids) fs::copy_file(CORPUS / (id + ".txt"), dir / (id + ".txt"));
        CommandResult r = run_command({INDEX, "--db", db_, dir.string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }

    CommandResult search(std::vector<std::string> args) {
        args.insert(args.begin(), {SEARCH, "--db", db_});
        return run_command(args);
    }

    /// Saves the standard searches: "energy" and "flood".
    void save_searches() {
        CommandResult r = search({"--save", "energy", "energy"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        r = search({"--save", "flood", "flood"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }

    /// --alerts --json with @p extra options: the article ids of each alert by saved search name.
    std::map<std::string, std::set<std::string>> alerts_json(const std::vector<std::string>& extra = {}) {
        std::vector<std::string> args{"--alerts", "--json"};
        args.insert(args.end(), extra.begin(), extra.end());
        CommandResult r = search(args);
        EXPECT_EQ(r.exit_code, r.out.empty() ? 1 : 0) << r.err;
        std::map<std::string, std::set<std::string>> out;
        std::size_t start = 0;
        for (std::size_t end; (end = r.out.find('\n', start)) != std::string::npos; start = end + 1) {
            rapidjson::Document doc = parse_json(r.out.substr(start, end - start));
            EXPECT_STREQ(doc["type"].GetString(), "alert");
            out[doc["saved"]["name"].GetString()] = article_ids(doc["results"]);
        }
        return out;
    }

    /// First batch, the saved searches, then the second batch.
    void index_save_index() {
        index({HELSINKI, GENEVA});
        save_searches();
        index({OSLO, JAKARTA});
    }

    ScratchDir dir_;
    std::string db_ = (dir_.path() / "db").string();
    int batches_ = 0;
};

using Ids = std::set<std::string>;

TEST_F(Alerts, ShowWhatWasIndexedSinceTheSearchWasSavedOnce) {
    index_save_index();
    auto alerts = alerts_json();
    EXPECT_EQ(alerts["energy"], Ids{OSLO});
    EXPECT_EQ(alerts["flood"], Ids{JAKARTA});
    EXPECT_TRUE(alerts_json().empty());  // the second run: nothing new
    index({GENEVA});                     // unchanged: not written again, so not new
    EXPECT_TRUE(alerts_json().empty());
}

TEST_F(Alerts, TextOutputNamesTheSavedSearch) {
    index_save_index();
    CommandResult r = search({"--alerts"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "== saved:energy (energy):")) << r.out;
    EXPECT_TRUE(contains(r.out, OSLO)) << r.out;
    EXPECT_FALSE(contains(r.out, HELSINKI)) << r.out;
    r = search({"--alerts"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "");
}

TEST_F(Alerts, DryRunLeavesTheMark) {
    index_save_index();
    EXPECT_EQ(alerts_json({"--dry-run"})["energy"], Ids{OSLO});
    EXPECT_EQ(alerts_json({"--dry-run"})["energy"], Ids{OSLO});
    EXPECT_EQ(alerts_json()["energy"], Ids{OSLO});
    EXPECT_TRUE(alerts_json().empty());
}

TEST_F(Alerts, SavedNameWorksInsideAQuery) {
    index({HELSINKI, GENEVA, OSLO, JAKARTA});
    save_searches();
    CommandResult r = search({"--save", "nordic", "saved:energy", "date:2025-05"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = search({"--json", "-n", "50", "saved:energy", "OR", "saved:flood"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    rapidjson::Document doc = parse_json(r.out);
    EXPECT_EQ(article_ids(doc), (Ids{HELSINKI, OSLO, JAKARTA}));
    EXPECT_STREQ(doc["query"].GetString(), "saved:energy OR saved:flood");  // echoed as typed
    r = search({"--json", "-n", "50", "saved:nordic"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(article_ids(parse_json(r.out)), Ids{OSLO});
    // An export reads saved:NAME too: the statements that say "energy".
    r = search({"--format", "jsonl", "saved:energy"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    Ids exported;
    for (std::size_t start = 0, end; (end = r.out.find('\n', start)) != std::string::npos; start = end + 1)
        exported.insert(parse_json(r.out.substr(start, end - start))["article_id"].GetString());
    EXPECT_EQ(exported, Ids{HELSINKI});
    // Regression: a saved natural-language query alone was bracketed, and
    // understanding took its words out of "( )", leaving no query at all.
    ASSERT_EQ(search({"--save", "kq", "statements", "by", "Kettunen"}).exit_code, 0);
    CommandResult typed = search({"--json", "statements", "by", "Kettunen"});
    r = search({"--json", "saved:kq"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_GT(parse_json(typed.out)["total"]["estimate"].GetUint(), 0u);
    EXPECT_EQ(parse_json(r.out)["total"]["estimate"].GetUint(), parse_json(typed.out)["total"]["estimate"].GetUint());
    // In a phrase it is words, not a saved search.
    r = search({"\"saved:energy\""});
    EXPECT_FALSE(contains(r.err, "saved search")) << r.err;

    r = search({"--saved", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    doc = parse_json(r.out);
    EXPECT_STREQ(doc["type"].GetString(), "saved");
    ASSERT_EQ(doc["saved"].Size(), 4u);
    EXPECT_STREQ(doc["saved"][3]["name"].GetString(), "nordic");
    EXPECT_STREQ(doc["saved"][3]["query"].GetString(), "saved:energy date:2025-05");
}

TEST_F(Alerts, UnsaveRemovesOnlyWhatNothingElseUses) {
    index({HELSINKI});
    save_searches();
    ASSERT_EQ(search({"--save", "nordic", "saved:energy", "date:2025-05"}).exit_code, 0);
    CommandResult r = search({"--unsave", "energy"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "saved search 'nordic' uses saved:energy")) << r.err;
    EXPECT_EQ(search({"--unsave", "nordic"}).exit_code, 0);
    EXPECT_EQ(search({"--unsave", "energy"}).exit_code, 0);
    r = search({"saved:energy"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "no saved search named 'energy'")) << r.err;
    r = search({"--unsave", "energy"});
    EXPECT_EQ(r.exit_code, 2);
    r = search({"--saved"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, "flood\tflood\n");
}

TEST_F(Alerts, ErrorsAreClear) {
    index({HELSINKI});
    CommandResult r = search({"--save", "loop", "saved:loop", "energy"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "saved search 'loop' refers to itself")) << r.err;
    ASSERT_EQ(search({"--save", "a", "energy"}).exit_code, 0);
    ASSERT_EQ(search({"--save", "b", "saved:a"}).exit_code, 0);
    r = search({"--save", "a", "saved:b"});  // a loop through another
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "refers to itself (a -> b -> a)")) << r.err;
    r = search({"--save", "c", "saved:nope"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "no saved search named 'nope'")) << r.err;
    r = search({"--json", "saved:nope"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_STREQ(parse_json(r.out)["error"]["code"].GetString(), "bad_query");
    r = search({"--save", "bad name!", "energy"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "bad saved search name")) << r.err;
    r = run_command({SEARCH, "--db", (dir_.path() / "missing").string(), "--save", "x", "energy"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_FALSE(fs::exists(dir_.path() / "missing"));
    // Regression: with --serve, --http or --format these were ignored (the
    // check came after those modes took over), and --save --serve served.
    for (const std::vector<std::string>& mode :
         {std::vector<std::string>{"--serve"}, {"--http", "127.0.0.1:99999"}, {"--format", "csv"}}) {
        std::vector<std::string> args{"--save", "x"};
        args.insert(args.end(), mode.begin(), mode.end());
        args.push_back("energy");
        r = search(args);
        EXPECT_EQ(r.exit_code, 2) << mode[0];
        EXPECT_TRUE(contains(r.err, "do not go with --serve, --http or --format")) << mode[0] << ": " << r.err;
    }
    EXPECT_FALSE(contains(search({"--saved"}).out, "x\t"));
}

TEST_F(Alerts, LockedDatabaseIsAClearErrorAndKeepsTheMark) {
    index_save_index();
    {
        Xapian::WritableDatabase holder(db_);  // holds the write lock, as a running indexer does
        CommandResult r = search({"--save", "x", "energy"});
        EXPECT_EQ(r.exit_code, 2);
        EXPECT_TRUE(contains(r.err, "is locked")) << r.err;
        r = search({"--alerts"});
        EXPECT_EQ(r.exit_code, 2);
        EXPECT_TRUE(contains(r.out, OSLO)) << r.out;  // shown, but the mark could not move
        EXPECT_TRUE(contains(r.err, "is locked")) << r.err;
    }
    EXPECT_EQ(alerts_json()["energy"], Ids{OSLO});
    EXPECT_TRUE(alerts_json().empty());
}

/// saywho-search --http on the test's database, on a free port.
class SavedOverHttp : public Alerts {
  protected:
    void SetUp() override {
        index({HELSINKI, GENEVA, OSLO, JAKARTA});
        server_ =
            std::make_unique<HttpServer>(std::vector<std::string>{"--db", db_}, (dir_.path() / "http.err").string());
        port_ = server_->port();
    }

    /// POST /api/saved with @p body as JSON: status and body.
    std::pair<int, std::string> post(const std::string& body, const char* type = "application/json") {
        httplib::Client client("127.0.0.1", port_);
        client.set_read_timeout(10, 0);
        auto res = client.Post("/api/saved", body, type);
        return res ? std::make_pair(res->status, res->body) : std::make_pair(0, std::string());
    }

    int port_ = 0;
    std::unique_ptr<HttpServer> server_;
};

TEST_F(SavedOverHttp, APageSavesListsAndRemovesSearches) {
    auto [status, body] = post(R"({"name": "energy", "query": "energy"})");
    ASSERT_EQ(status, 200) << body;
    rapidjson::Document doc = parse_json(body);
    EXPECT_STREQ(doc["type"].GetString(), "saved");
    ASSERT_EQ(doc["saved"].Size(), 1u);
    EXPECT_STREQ(doc["saved"][0]["query"].GetString(), "energy");

    // The list, saved:NAME in a search, and the command line all see it.
    HttpAnswer a = http_request(port_, "GET /api/saved");
    EXPECT_EQ(a.status, 200);
    EXPECT_STREQ(parse_json(a.body)["saved"][0]["name"].GetString(), "energy");
    a = http_request(port_, "GET /api/search?q=saved:energy&limit=50");
    ASSERT_EQ(a.status, 200) << a.body;
    EXPECT_EQ(article_ids(parse_json(a.body)), (Ids{HELSINKI, OSLO}));
    CommandResult r = search({"--saved"});
    EXPECT_EQ(r.out, "energy\tenergy\n");

    httplib::Client client("127.0.0.1", port_);
    auto gone = client.Delete("/api/saved?name=energy");
    ASSERT_TRUE(gone);
    EXPECT_EQ(gone->status, 200) << gone->body;
    EXPECT_EQ(parse_json(gone->body)["saved"].Size(), 0u);
    gone = client.Delete("/api/saved?name=energy");
    ASSERT_TRUE(gone);
    EXPECT_EQ(gone->status, 404) << gone->body;
}

TEST_F(SavedOverHttp, BadRequestsAreRefusedWithJsonErrors) {
    for (const char* body : {R"({"name": "bad name!", "query": "energy"})", R"({"name": "x", "query": "saved:nope"})",
                             R"({"name": "x"})", "not json"}) {
        auto [status, answer] = post(body);
        EXPECT_EQ(status, 400) << body << ": " << answer;
        EXPECT_TRUE(contains(answer, R"("type":"error")")) << answer;
    }
    // A form, which any page could send here without asking, is refused.
    auto [status, answer] = post("name=x&query=energy", "application/x-www-form-urlencoded");
    EXPECT_EQ(status, 400) << answer;
    EXPECT_EQ(http_request(port_, "PUT /api/saved").status, 405);
    EXPECT_EQ(search({"--saved"}).out, "");
}

TEST_F(SavedOverHttp, WhileTheIndexerWritesSavingIsAConflictNotAWait) {
    {
        Xapian::WritableDatabase holder(db_);  // holds the write lock, as a running indexer does
        const auto start = std::chrono::steady_clock::now();
        auto [status, body] = post(R"({"name": "energy", "query": "energy"})");
        EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
        EXPECT_EQ(status, 409) << body;
        EXPECT_STREQ(parse_json(body)["error"]["code"].GetString(), "locked");
        EXPECT_TRUE(contains(body, "is locked")) << body;
        EXPECT_EQ(http_request(port_, "GET /api/search?q=energy").status, 200);  // searches go on
    }
    auto [status, body] = post(R"({"name": "energy", "query": "energy"})");
    EXPECT_EQ(status, 200) << body;
}

/// A webhook receiver on 127.0.0.1 (an ephemeral port) answering every POST with status().
class Receiver {
  public:
    Receiver() {
        server_.Post("/hook", [this](const httplib::Request& request, httplib::Response& response) {
            std::lock_guard<std::mutex> lock(mutex_);
            bodies_.push_back(request.body);
            response.status = status_;
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        // stop() does nothing to a server not yet running, so the destructor waits for this.
        while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~Receiver() {
        server_.stop();
        thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hook"; }
    void set_status(int status) {
        std::lock_guard<std::mutex> lock(mutex_);
        status_ = status;
    }
    std::vector<std::string> take() {
        std::lock_guard<std::mutex> lock(mutex_);
        return std::exchange(bodies_, {});
    }

  private:
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
    std::mutex mutex_;
    std::vector<std::string> bodies_;
    int status_ = 200;
};

/// Saved searches through --serve's JSON Lines, as a program keeping
/// saywho as a subprocess would manage them.
TEST_F(Alerts, ServeSavesListsUsesAndRemovesSearches) {
    index({HELSINKI, GENEVA, OSLO, JAKARTA});
    BackgroundProcess serve({SEARCH, "--db", db_, "--serve"}, (dir_.path() / "serve.err").string());
    bool ok = false;
    const auto ask = [&](const std::string& line) {
        serve.write_line(line);
        return parse_json(serve.read_line(10000, ok));
    };
    rapidjson::Document doc = ask(R"({"id": "s1", "save": "energy", "q": "energy"})");
    ASSERT_TRUE(ok);
    ASSERT_STREQ(doc["type"].GetString(), "saved");
    EXPECT_STREQ(doc["id"].GetString(), "s1");
    ASSERT_EQ(doc["saved"].Size(), 1u);
    EXPECT_STREQ(doc["saved"][0]["query"].GetString(), "energy");

    // The same process sees it at once: in the list and inside a query.
    doc = ask(R"({"saved": true})");
    EXPECT_STREQ(doc["saved"][0]["name"].GetString(), "energy");
    doc = ask(R"({"q": "saved:energy", "limit": 50})");
    ASSERT_STREQ(doc["type"].GetString(), "results");
    EXPECT_EQ(article_ids(doc), (Ids{HELSINKI, OSLO}));
    EXPECT_EQ(search({"--saved"}).out, "energy\tenergy\n");

    doc = ask(R"({"unsave": "energy"})");
    EXPECT_EQ(doc["saved"].Size(), 0u);
    doc = ask(R"({"id": "s2", "unsave": "energy"})");
    EXPECT_STREQ(doc["error"]["code"].GetString(), "not_found");
    EXPECT_STREQ(doc["id"].GetString(), "s2");
}

TEST_F(Alerts, ServeRefusesSavedRequestsThatMeanTwoThings) {
    index({HELSINKI});
    BackgroundProcess serve({SEARCH, "--db", db_, "--serve"}, (dir_.path() / "serve.err").string());
    bool ok = false;
    for (const char* line : {R"({"save": "a", "unsave": "b"})", R"({"save": "a"})",
                             R"({"save": "a", "q": "x", "speaker": "Kettunen"})", R"({"saved": true, "q": "energy"})",
                             R"({"saved": false})", R"({"unsave": 3})", R"({"save": "bad name!", "q": "x"})"}) {
        serve.write_line(line);
        const rapidjson::Document doc = parse_json(serve.read_line(10000, ok));
        ASSERT_TRUE(ok) << line;
        EXPECT_STREQ(doc["type"].GetString(), "error") << line;
    }
    EXPECT_EQ(search({"--saved"}).out, "");
}

class AlertsWebhook : public Alerts {
  protected:
    CommandResult post(const std::string& url) {
        return search({"--alerts", "--webhook", url, "--webhook-attempts", "3", "--webhook-delay", "10"});
    }
    /// The saved search names of @p bodies, each checked to be an alert document.
    static std::set<std::string> names(const std::vector<std::string>& bodies) {
        std::set<std::string> out;
        for (const auto& body : bodies) {
            rapidjson::Document doc = parse_json(body);
            EXPECT_TRUE(doc["version"].IsInt());
            EXPECT_STREQ(doc["type"].GetString(), "alert");
            out.insert(doc["saved"]["name"].GetString());
        }
        return out;
    }
    Receiver receiver_;
};

TEST_F(AlertsWebhook, ReceiverGetsOneDocumentPerSavedSearchWithNewHits) {
    index_save_index();
    ASSERT_EQ(search({"--save", "nothing", "kohlrabi"}).exit_code, 0);
    CommandResult r = post(receiver_.url());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto bodies = receiver_.take();
    ASSERT_EQ(bodies.size(), 2u);
    EXPECT_EQ(names(bodies), (std::set<std::string>{"energy", "flood"}));
    for (const auto& body : bodies) {
        rapidjson::Document doc = parse_json(body);
        const Ids want = doc["saved"]["name"] == "energy" ? Ids{OSLO} : Ids{JAKARTA};
        EXPECT_EQ(article_ids(doc["results"]), want);
    }
    r = post(receiver_.url());
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_TRUE(receiver_.take().empty());
}

TEST_F(AlertsWebhook, FailedDeliveryIsRetriedAndPostedAgainNextTime) {
    index_save_index();
    receiver_.set_status(500);
    CommandResult r = post(receiver_.url());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "HTTP status 500")) << r.err;
    EXPECT_EQ(receiver_.take().size(), 6u);  // 3 attempts for each of the 2 alerts
    receiver_.set_status(200);
    r = post(receiver_.url());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(names(receiver_.take()), (std::set<std::string>{"energy", "flood"}));
    EXPECT_EQ(post(receiver_.url()).exit_code, 1);
}

TEST_F(AlertsWebhook, UnreachableReceiverKeepsTheMark) {
    index_save_index();
    CommandResult r = post("http://127.0.0.1:" + std::to_string(free_port()) + "/hook");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "did not take the alert")) << r.err;
    r = post(receiver_.url());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(names(receiver_.take()), (std::set<std::string>{"energy", "flood"}));
}

TEST_F(AlertsWebhook, ClientErrorIsNotRetried) {
    index_save_index();
    receiver_.set_status(404);
    CommandResult r = post(receiver_.url());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(receiver_.take().size(), 2u);  // one attempt each
}

}  // namespace
}  // namespace saywho::testing
