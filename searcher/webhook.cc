/** @file webhook.cc
 *  @brief Webhook delivery with cpp-httplib's client and exponential backoff.
 */
#include "searcher/webhook.h"

#include <thread>

#include <httplib.h>

#include "common/errors.h"

namespace saywho {

namespace {

/// A URL cut where cpp-httplib's Client wants it: "scheme://host:port" and the path.
struct SplitUrl {
    std::string origin;
    std::string path;
};

SplitUrl split_url(const std::string& url) {
    const std::size_t scheme_end = url.find("://");
    const std::string scheme = scheme_end == std::string::npos ? "" : url.substr(0, scheme_end);
    if (scheme != "http" && scheme != "https")
        throw UsageError("bad webhook URL '" + url + "': it must start with http:// or https://");
    const std::size_t host_start = scheme_end + 3;
    const std::size_t path_start = url.find('/', host_start);
    SplitUrl out;
    out.origin = url.substr(0, path_start);
    out.path = path_start == std::string::npos ? "/" : url.substr(path_start);
    if (out.origin.size() == host_start) throw UsageError("bad webhook URL '" + url + "': no host");
    return out;
}

}  // namespace

void check_webhook_url(const std::string& url) { split_url(url); }

void post_webhook(const WebhookOptions& options, const std::string& body) {
    const SplitUrl target = split_url(options.url);
    std::string last_problem = "no attempt was made";
    auto delay = options.first_delay;
    for (int attempt = 1; attempt <= options.attempts; ++attempt) {
        if (attempt > 1) {
            std::this_thread::sleep_for(delay);
            delay *= 2;
        }
        // A new client each time: a failed connection is not reused.
        httplib::Client client(target.origin);
        client.set_connection_timeout(options.timeout);
        client.set_read_timeout(options.timeout);
        client.set_write_timeout(options.timeout);
        const httplib::Result result = client.Post(target.path.c_str(), body, "application/json");
        if (!result) {
            last_problem = httplib::to_string(result.error());
            continue;
        }
        const int status = result->status;
        if (status >= 200 && status < 300) return;
        last_problem = "HTTP status " + std::to_string(status);
        // A client error will not go away by asking again.
        if (status < 500 && status != 429) break;
    }
    throw DeliveryError("webhook " + options.url + " did not take the alert: " + last_problem);
}

}  // namespace saywho
