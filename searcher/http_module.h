/** @file http_module.h
 *  @brief The parts of saywho-search that speak HTTP (the server of --http,
 *         the webhook client of --alerts), in a module loaded when first used.
 *
 *  Debian's cpp-httplib brings OpenSSL, brotli and zlib with it; loading them
 *  and running OpenSSL's start-up was half of what a one-query process cost
 *  (docs/performance.md, "A process per query"). So they are linked into
 *  saywho-http.so, which saywho-search loads only for --http and --webhook.
 */
#ifndef SAYWHO_SEARCHER_HTTP_MODULE_H
#define SAYWHO_SEARCHER_HTTP_MODULE_H

#include <functional>
#include <string>

#include "searcher/http_server.h"
#include "searcher/webhook.h"

namespace saywho {

/// What the module offers: the functions of http_server.h and webhook.h.
struct HttpModule {
    bool (*parse_listen_address)(const std::string& text, HttpOptions& options, std::string& error);
    int (*serve_http)(const HttpOptions& options, const std::function<void(const std::string&)>& log,
                      std::string& error);
    void (*check_webhook_url)(const std::string& url);
    void (*post_webhook)(const WebhookOptions& options, const std::string& body);
};

/// The file name of the module.
inline constexpr char HTTP_MODULE_FILE[] = "saywho-http.so";

/// The module, loaded on the first call: from beside the executable (a
/// build tree), else from the install's module directory relative to it.
/// Throws Error naming the places looked in, or what the loader said.
const HttpModule& http_module();

}  // namespace saywho

/// The module's one entry point, looked up by http_module().
extern "C" const saywho::HttpModule* saywho_http_module();

#endif  // SAYWHO_SEARCHER_HTTP_MODULE_H
