/** @file webhook.h
 *  @brief Posting a JSON document to a webhook, with retries.
 */
#ifndef SAYWHO_SEARCHER_WEBHOOK_H
#define SAYWHO_SEARCHER_WEBHOOK_H

#include <chrono>
#include <string>

namespace saywho {

struct WebhookOptions {
    /// http://HOST[:PORT][/PATH], or https:// (Debian's cpp-httplib is built
    /// with OpenSSL; the server's certificate is verified).
    std::string url;
    /// Tries in all: a refused connection, a timeout, 429 or a 5xx status
    /// is tried again; another status is final.
    int attempts = 4;
    /// Wait before the second try, doubled before each later one.
    std::chrono::milliseconds first_delay{500};
    /// Limit on connecting, and on each read and write.
    std::chrono::milliseconds timeout{10000};
};

/// Throws UsageError unless @p url is an http:// or https:// URL with a host.
void check_webhook_url(const std::string& url);

/// POSTs @p body (Content-Type: application/json) to options.url until a
/// 2xx status answers. Throws DeliveryError after the last failed attempt,
/// naming what the last one met; UsageError for a malformed URL.
/// Thread-safe: shares nothing between calls.
void post_webhook(const WebhookOptions& options, const std::string& body);

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_WEBHOOK_H
