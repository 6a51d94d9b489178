/** @file metrics.cc
 *  @brief The HTTP service's counters in Prometheus' text exposition format.
 */
#include "searcher/metrics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace saywho {

namespace {

/// The "# HELP" and "# TYPE" lines that open a family.
void write_family(std::string& out, std::string_view name, std::string_view help, std::string_view type) {
    out.append("# HELP ").append(name).append(" ").append(help).append("\n");
    out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

}  // namespace

void HttpMetrics::count_request(const std::string& route, int status, double seconds) {
    // Bucket i holds the samples above bound i-1 and at most bound i; the
    // written buckets are cumulative, summed when written.
    const auto bucket = static_cast<std::size_t>(
        std::lower_bound(LATENCY_BUCKETS.begin(), LATENCY_BUCKETS.end(), seconds) - LATENCY_BUCKETS.begin());
    std::lock_guard<std::mutex> lock(mutex_);
    ++requests_[{route, status}];
    Latency& latency = latency_[route];
    ++latency.in_bucket[bucket];
    latency.sum += seconds;
    ++latency.count;
}

void HttpMetrics::write(std::string& out) const {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        write_requests(out);
        write_latency(out);
    }
    write_gauge(out, "saywho_http_open_connections", "Connections open now.",
                static_cast<double>(open_connections_.load()));
}

void HttpMetrics::write_requests(std::string& out) const {
    write_family(out, "saywho_http_requests_total", "Requests answered, by route pattern and status.", "counter");
    for (const auto& [key, count] : requests_) {
        out.append("saywho_http_requests_total{route=").append(label_value(key.first));
        out.append(",status=\"").append(std::to_string(key.second)).append("\"} ");
        out.append(std::to_string(count)).append("\n");
    }
}

void HttpMetrics::write_latency(std::string& out) const {
    const std::string name = "saywho_http_request_duration_seconds";
    write_family(out, name, "Time from a request's first byte until its answer is written, by route pattern.",
                 "histogram");
    for (const auto& [route, latency] : latency_) {
        const std::string label = "route=" + label_value(route);
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i <= LATENCY_BUCKETS.size(); ++i) {
            cumulative += latency.in_bucket[i];
            const double bound = i < LATENCY_BUCKETS.size() ? LATENCY_BUCKETS[i] : INFINITY;
            out.append(name).append("_bucket{").append(label).append(",le=\"").append(metric_number(bound));
            out.append("\"} ").append(std::to_string(cumulative)).append("\n");
        }
        out.append(name).append("_sum{").append(label).append("} ").append(metric_number(latency.sum)).append("\n");
        out.append(name).append("_count{").append(label).append("} ").append(std::to_string(latency.count));
        out.append("\n");
    }
}

void write_gauge(std::string& out, std::string_view name, std::string_view help, double value) {
    write_family(out, name, help, "gauge");
    out.append(name).append(" ").append(metric_number(value)).append("\n");
}

std::string metric_number(double value) {
    if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
    if (std::isnan(value)) return "NaN";
    char text[32];
    // Whole numbers (counts, revisions, sizes) up to 2^53 print exactly.
    if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0)
        std::snprintf(text, sizeof text, "%.0f", value);
    else
        std::snprintf(text, sizeof text, "%.15g", value);
    // The shortest of 15 or 17 digits that reads back as the same number.
    if (std::strtod(text, nullptr) != value) std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}

std::string label_value(std::string_view value) {
    std::string quoted = "\"";
    for (const char c : value) {
        if (c == '\\' || c == '"') {
            quoted += '\\';
            quoted += c;
        } else if (c == '\n') {
            quoted += "\\n";
        } else {
            quoted += c;
        }
    }
    return quoted + "\"";
}

}  // namespace saywho
