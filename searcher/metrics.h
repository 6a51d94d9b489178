/** @file metrics.h
 *  @brief The HTTP service's counters, written in Prometheus' text
 *         exposition format for GET /metrics (docs/http.md).
 */
#ifndef SAYWHO_SEARCHER_METRICS_H
#define SAYWHO_SEARCHER_METRICS_H

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace saywho {

/// Upper bounds, in seconds, of the request latency histogram's buckets
/// (the last bucket, +Inf, is implied).
inline const std::vector<double> LATENCY_BUCKETS{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                 0.25,  0.5,    1,     2.5,  5,     10};

/// Requests by route and status, their latency by route, and open
/// connections. The caller keeps the labels bounded: @p route is a route
/// pattern ("/speaker/:key"), never a raw path. Thread-safe.
class HttpMetrics {
  public:
    /// One request answered with @p status after @p seconds.
    void count_request(const std::string& route, int status, double seconds);
    void connection_opened() { ++open_connections_; }
    void connection_closed() { --open_connections_; }

    /// Appends the families saywho_http_requests_total (counter),
    /// saywho_http_request_duration_seconds (histogram) and
    /// saywho_http_open_connections (gauge) to @p out.
    void write(std::string& out) const;

  private:
    struct Latency {
        std::vector<std::uint64_t> in_bucket = std::vector<std::uint64_t>(LATENCY_BUCKETS.size() + 1);
        double sum = 0;
        std::uint64_t count = 0;
    };
    void write_requests(std::string& out) const;
    void write_latency(std::string& out) const;

    mutable std::mutex mutex_;  ///< guards requests_ and latency_
    std::map<std::pair<std::string, int>, std::uint64_t> requests_;
    std::map<std::string, Latency> latency_;
    std::atomic<long> open_connections_{0};
};

/// Appends a gauge family of one sample, without labels, to @p out.
void write_gauge(std::string& out, std::string_view name, std::string_view help, double value);

/// A sample value as the format writes it: integers without a point,
/// others in the shortest exact form, "+Inf" for infinity.
std::string metric_number(double value);

/// @p value quoted for a label: backslash, double quote and newline escaped.
std::string label_value(std::string_view value);

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_METRICS_H
