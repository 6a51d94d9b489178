/** @file http_operations_test.cc
 *  @brief End-to-end: what `saywho-search --http` tells its operators
 *         (GET /healthz, GET /metrics) and the bounds on a request's head
 *         (docs/http.md).
 */
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "tests/e2e/e2e_support.h"
#include "tests/e2e/run_command.h"

namespace fs = std::filesystem;

namespace {

using namespace saywho::testing;

bool has_line(const std::string& text, const std::string& line) {
    return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// Sends @p raw to 127.0.0.1:@p port at once and reads until the server
/// closes (or 10 s pass).
std::string exchange(int port, const std::string& raw) {
    std::string answers;
    const int fd = connect_loopback(port);
    if (fd < 0) return answers;
    timeval tv{10, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (send(fd, raw.data(), raw.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(raw.size())) {
        char chunk[8192];
        for (ssize_t n; (n = read(fd, chunk, sizeof chunk)) > 0;) answers.append(chunk, static_cast<std::size_t>(n));
    }
    close(fd);
    return answers;
}

/// A saywho-search --http over the corpus, on a free loopback port.
class HttpOperations : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_command({INDEX, "--db", db_, "--no-progress", CORPUS.string()}).exit_code, 0);
        server_ =
            std::make_unique<HttpServer>(std::vector<std::string>{"--db", db_}, (dir_.path() / "http.err").string());
        port_ = server_->port();
        ASSERT_EQ(http_request(port_, "GET /healthz").status, 200);
    }
    void TearDown() override {
        server_->process().signal(SIGTERM);
        EXPECT_EQ(server_->process().wait(10000), 0);
    }
    /// GET /metrics until it has @p line (counts settle as connections
    /// close), at most 5 s; its last text.
    std::string metrics_with(const std::string& line) {
        std::string text;
        for (int i = 0; i < 100; ++i) {
            text = http_request(port_, "GET /metrics").body;
            if (has_line(text, line)) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return text;
    }

    ScratchDir dir_;
    std::string db_ = (dir_.path() / "ops.db").string();
    int port_ = 0;
    std::unique_ptr<HttpServer> server_;
};

TEST_F(HttpOperations, HealthzSaysWhetherTheDatabaseOpensItsRevisionAndSize) {
    HttpAnswer a = http_request(port_, "GET /healthz");
    ASSERT_EQ(a.status, 200);
    EXPECT_TRUE(contains(a.headers, "Content-Type: application/json")) << a.headers;
    rapidjson::Document doc = parse_json(a.body);
    EXPECT_STREQ(doc["type"].GetString(), "health");
    const Xapian::Database db(db_);
    EXPECT_TRUE(doc["database"]["open"].GetBool());
    EXPECT_EQ(doc["database"]["documents"].GetUint64(), db.get_doccount());
    EXPECT_EQ(doc["database"]["revision"].GetUint64(), db.get_revision());
    EXPECT_GT(doc["database"]["size_bytes"].GetUint64(), 10000u);

    // Gone: 503 and why, though the server's workers still hold it open.
    const std::string moved = db_ + ".moved";
    fs::rename(db_, moved);
    a = http_request(port_, "GET /healthz");
    EXPECT_EQ(a.status, 503) << a.body;
    rapidjson::Document error = parse_json(a.body);
    EXPECT_STREQ(error["type"].GetString(), "error");
    EXPECT_STREQ(error["error"]["code"].GetString(), "database");
    EXPECT_TRUE(contains(error["error"]["message"].GetString(), db_)) << a.body;
    EXPECT_TRUE(has_line(http_request(port_, "GET /metrics").body, "saywho_database_up 0"));

    fs::rename(moved, db_);
    EXPECT_EQ(http_request(port_, "GET /healthz").status, 200);
}

TEST_F(HttpOperations, MetricsCountRequestsByRoutePatternNotByPath) {
    for (int i = 0; i < 3; ++i) ASSERT_EQ(http_request(port_, "GET /api/search?q=talks").status, 200);
    ASSERT_EQ(http_request(port_, "GET /speaker/aino%20kettunen").status, 200);
    ASSERT_EQ(http_request(port_, "GET /speaker/someone%20else").status, 200);
    ASSERT_EQ(http_request(port_, "GET /no/such/page").status, 404);
    ASSERT_EQ(http_request(port_, "GET /api/search?q=date:2025-02-30").status, 400);

    HttpAnswer a = http_request(port_, "GET /metrics");
    ASSERT_EQ(a.status, 200);
    EXPECT_TRUE(contains(a.headers, "Content-Type: text/plain; version=0.0.4")) << a.headers;
    const std::string& text = a.body;
    EXPECT_TRUE(has_line(text, R"(saywho_http_requests_total{route="/api/search",status="200"} 3)")) << text;
    EXPECT_TRUE(has_line(text, R"(saywho_http_requests_total{route="/api/search",status="400"} 1)")) << text;
    EXPECT_TRUE(has_line(text, R"(saywho_http_requests_total{route="/speaker/:key",status="200"} 2)")) << text;
    EXPECT_TRUE(has_line(text, R"(saywho_http_requests_total{route="other",status="404"} 1)")) << text;
    EXPECT_FALSE(contains(text, "kettunen")) << "a raw path became a label: " << text;
    EXPECT_FALSE(contains(text, "/no/such/page")) << text;
    EXPECT_TRUE(has_line(text, R"(saywho_http_request_duration_seconds_count{route="/api/search"} 4)")) << text;
    EXPECT_TRUE(has_line(text, R"(saywho_http_request_duration_seconds_bucket{route="/api/search",le="+Inf"} 4)"))
        << text;

    const Xapian::Database db(db_);
    EXPECT_TRUE(has_line(text, "saywho_database_up 1")) << text;
    EXPECT_TRUE(has_line(text, "saywho_database_documents " + std::to_string(db.get_doccount()))) << text;
    EXPECT_TRUE(has_line(text, "saywho_database_revision " + std::to_string(db.get_revision()))) << text;
    EXPECT_TRUE(contains(text, "\nsaywho_database_size_bytes ")) << text;
    for (const char* type :
         {"# TYPE saywho_http_requests_total counter", "# TYPE saywho_http_request_duration_seconds histogram",
          "# TYPE saywho_http_open_connections gauge", "# TYPE saywho_database_revision gauge",
          "# TYPE saywho_database_size_bytes gauge"})
        EXPECT_TRUE(has_line(text, type)) << type;
}

TEST_F(HttpOperations, OpenConnectionsAreAGauge) {
    // The /metrics request's own connection is the one open.
    std::string text = metrics_with("saywho_http_open_connections 1");
    EXPECT_TRUE(has_line(text, "saywho_http_open_connections 1")) << text;
    std::vector<int> idle;
    for (int i = 0; i < 3; ++i) {
        idle.push_back(connect_loopback(port_));
        ASSERT_GE(idle.back(), 0);
    }
    text = metrics_with("saywho_http_open_connections 4");
    EXPECT_TRUE(has_line(text, "saywho_http_open_connections 4")) << text;
    for (int fd : idle) close(fd);
    text = metrics_with("saywho_http_open_connections 1");
    EXPECT_TRUE(has_line(text, "saywho_http_open_connections 1")) << text;
}

TEST_F(HttpOperations, HeaderLinesAreBoundedInNumberAndSize) {
    // http_request() sends Host: with 99 more lines that is 100, the limit.
    std::string lines;
    for (int i = 0; i < 99; ++i) lines += "X-Line-" + std::to_string(i) + ": v\r\n";
    EXPECT_EQ(http_request(port_, "GET /api/search?q=talks", lines).status, 200);
    HttpAnswer a = http_request(port_, "GET /api/search?q=talks", lines + "X-One-Too-Many: v\r\n");
    EXPECT_EQ(a.status, 431) << a.headers;
    EXPECT_TRUE(contains(a.headers, "Content-Type: application/json")) << a.headers;
    rapidjson::Document doc = parse_json(a.body);
    EXPECT_STREQ(doc["error"]["code"].GetString(), "header_too_large");

    // Four lines of 8,001 bytes (under 8 KiB each) pass; a fifth of 1,010
    // bytes makes them over 32 KiB in all.
    std::string big;
    for (int i = 0; i < 4; ++i) big += "X-Big-" + std::to_string(i) + ": " + std::string(7990, 'v') + "\r\n";
    EXPECT_EQ(http_request(port_, "GET /api/search?q=talks", big).status, 200);
    EXPECT_EQ(http_request(port_, "GET /api/search?q=talks", big + "X-More: " + std::string(1000, 'v') + "\r\n").status,
              431);
    EXPECT_EQ(http_request(port_, "GET /api/search?q=" + std::string(9000, 'a')).status, 414);

    const std::string logged = read_file(dir_.path() / "http.err");
    EXPECT_TRUE(contains(logged, "GET /api/search 431")) << "refusals are logged";
    EXPECT_TRUE(has_line(http_request(port_, "GET /metrics").body,
                         R"(saywho_http_requests_total{route="other",status="431"} 2)"));
}

TEST_F(HttpOperations, PipelinedRequestsOnOneConnectionAreEachAnswered) {
    // The head of the first is read with the second behind it: the second
    // must reach cpp-httplib whole.
    const std::string answers = exchange(port_,
                                         "GET /api/suggest?q=ket HTTP/1.1\r\nHost: x\r\n\r\n"
                                         "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(answers.rfind("HTTP/1.1 200", 0), 0u) << answers.substr(0, 300);
    EXPECT_TRUE(contains(answers, "\"type\":\"suggestions\"")) << answers.substr(0, 500);
    EXPECT_TRUE(contains(answers, "\"type\":\"health\"")) << answers.substr(0, 2000);
}

TEST_F(HttpOperations, ARequestAnsweredWithoutReadingItsBodyClosesTheConnection) {
    // A 405 is answered before the body is read: its bytes must not be
    // read as a next request ("helloGET ..." would be a 400).
    const std::string answers = exchange(port_,
                                         "POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                                         "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(answers.rfind("HTTP/1.1 405", 0), 0u) << answers.substr(0, 300);
    EXPECT_FALSE(contains(answers, "HTTP/1.1 400")) << answers;
}

TEST(HttpModule, WithoutItHttpAndWebhooksFailClearlyAndSearchesStillWork) {
    // saywho-search copied alone: saywho-http.so is neither beside it nor in
    // ../lib/saywho.
    ScratchDir dir;
    const fs::path bin = dir.path() / "bin";
    fs::create_directories(bin);
    fs::copy_file(SEARCH, bin / "saywho-search");
    const std::string alone = (bin / "saywho-search").string();
    const std::string db = (dir.path() / "m.db").string();
    ASSERT_EQ(run_command({INDEX, "--db", db, "--no-progress", CORPUS.string()}).exit_code, 0);

    CommandResult http = run_command({alone, "--db", db, "--http", "127.0.0.1:" + std::to_string(free_port())});
    EXPECT_EQ(http.exit_code, 2);
    EXPECT_NE(http.err.find("saywho-http.so"), std::string::npos) << http.err;
    EXPECT_NE(http.err.find((dir.path() / "lib" / "saywho" / "saywho-http.so").string()), std::string::npos)
        << "names where it looked: " << http.err;

    ASSERT_EQ(run_command({alone, "--db", db, "--save", "talks", "talks"}).exit_code, 0);
    CommandResult alerts = run_command({alone, "--db", db, "--alerts", "--webhook", "http://127.0.0.1:9/hook"});
    EXPECT_EQ(alerts.exit_code, 2);
    EXPECT_NE(alerts.err.find("saywho-http.so"), std::string::npos) << alerts.err;

    EXPECT_EQ(run_command({alone, "--db", db, "talks"}).exit_code, 0) << "a search needs no module";
}

}  // namespace
