/** @file metrics_test.cc
 *  @brief The HTTP service's counters in Prometheus' text format (searcher/metrics.h).
 */
#include "searcher/metrics.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <thread>
#include <vector>

namespace saywho {
namespace {

bool has_line(const std::string& text, const std::string& line) {
    return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

TEST(HttpMetrics, RequestsAreCountedByRouteAndStatus) {
    HttpMetrics metrics;
    metrics.count_request("/api/search", 200, 0.002);
    metrics.count_request("/api/search", 200, 0.03);
    metrics.count_request("/api/search", 400, 0.001);
    metrics.count_request("/speaker/:key", 200, 0.004);
    std::string text;
    metrics.write(text);
    EXPECT_TRUE(has_line(text, "# TYPE saywho_http_requests_total counter")) << text;
    EXPECT_TRUE(has_line(text, R"(saywho_http_requests_total{route="/api/search",status="200"} 2)")) << text;
    EXPECT_TRUE(has_line(text, R"(saywho_http_requests_total{route="/api/search",status="400"} 1)")) << text;
    EXPECT_TRUE(has_line(text, R"(saywho_http_requests_total{route="/speaker/:key",status="200"} 1)")) << text;
    EXPECT_EQ(text.find("status=\"404\""), std::string::npos) << "no series for what was never seen";
}

TEST(HttpMetrics, LatencyBucketsAreCumulativeWithSumAndCount) {
    HttpMetrics metrics;
    // Binary fractions, so the sum is exact.
    metrics.count_request("/api/search", 200, 0.001953125);  // in le=0.0025 and above
    metrics.count_request("/api/search", 200, 0.25);         // a bound is in its own bucket
    metrics.count_request("/api/search", 200, 32);           // above every bound: +Inf only
    std::string text;
    metrics.write(text);
    const std::string bucket = R"(saywho_http_request_duration_seconds_bucket{route="/api/search",le=)";
    EXPECT_TRUE(has_line(text, "# TYPE saywho_http_request_duration_seconds histogram")) << text;
    EXPECT_TRUE(has_line(text, bucket + R"("0.001"} 0)")) << text;
    EXPECT_TRUE(has_line(text, bucket + R"("0.0025"} 1)")) << text;
    EXPECT_TRUE(has_line(text, bucket + R"("0.1"} 1)")) << text;
    EXPECT_TRUE(has_line(text, bucket + R"("0.25"} 2)")) << text;
    EXPECT_TRUE(has_line(text, bucket + R"("10"} 2)")) << text;
    EXPECT_TRUE(has_line(text, bucket + R"("+Inf"} 3)")) << text;
    EXPECT_TRUE(has_line(text, R"(saywho_http_request_duration_seconds_sum{route="/api/search"} 32.251953125)"))
        << text;
    EXPECT_TRUE(has_line(text, R"(saywho_http_request_duration_seconds_count{route="/api/search"} 3)")) << text;
}

TEST(HttpMetrics, OpenConnectionsGoUpAndDown) {
    HttpMetrics metrics;
    metrics.connection_opened();
    metrics.connection_opened();
    metrics.connection_closed();
    std::string text;
    metrics.write(text);
    EXPECT_TRUE(has_line(text, "# TYPE saywho_http_open_connections gauge")) << text;
    EXPECT_TRUE(has_line(text, "saywho_http_open_connections 1")) << text;
}

TEST(HttpMetrics, CountsFromManyThreadsAreAllKept) {
    HttpMetrics metrics;
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&metrics] {
            for (int i = 0; i < 1000; ++i) metrics.count_request("/api/search", 200, 0.001);
        });
    for (auto& t : threads) t.join();
    std::string text;
    metrics.write(text);
    EXPECT_TRUE(has_line(text, R"(saywho_http_requests_total{route="/api/search",status="200"} 8000)")) << text;
}

TEST(Metrics, GaugesNumbersAndLabelsAreWrittenAsTheFormatWants) {
    std::string text;
    write_gauge(text, "saywho_database_size_bytes", "Bytes.", 123456789012.0);
    EXPECT_EQ(text,
              "# HELP saywho_database_size_bytes Bytes.\n# TYPE saywho_database_size_bytes gauge\n"
              "saywho_database_size_bytes 123456789012\n");
    EXPECT_EQ(metric_number(0.1), "0.1");
    EXPECT_EQ(metric_number(1.0 / 3), "0.33333333333333331");
    EXPECT_EQ(metric_number(std::numeric_limits<double>::infinity()), "+Inf");
    EXPECT_EQ(label_value(R"(a"b\c)"), R"("a\"b\\c")");
    EXPECT_EQ(label_value("two\nlines"), R"("two\nlines")");
}

}  // namespace
}  // namespace saywho
