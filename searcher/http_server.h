/** @file http_server.h
 *  @brief `saywho-search --http`: the HTTP API and the search page (docs/http.md).
 */
#ifndef SAYWHO_SEARCHER_HTTP_SERVER_H
#define SAYWHO_SEARCHER_HTTP_SERVER_H

#include <functional>
#include <string>
#include <vector>

namespace saywho {

/// Worker threads of the HTTP server unless told otherwise (HttpOptions::threads).
inline constexpr int DEFAULT_HTTP_THREADS = 64;

struct HttpOptions {
    std::vector<std::string> databases;  ///< as open_for_searching() takes them
    std::string host = "127.0.0.1";      ///< only this machine unless told otherwise
    int port = 8080;
    std::string cors_origin;  ///< empty: no CORS header
    int threads = 0;          ///< 0: DEFAULT_HTTP_THREADS
};

/// Parses "[ADDR:]PORT" into @p options; false (with @p error set) when malformed.
bool parse_listen_address(const std::string& text, HttpOptions& options, std::string& error);

/// Serves until SIGINT or SIGTERM; returns 0 then, 2 when it cannot listen
/// (the reason in @p error). @p log receives one line per request and
/// notices ("listening on ...").
int serve_http(const HttpOptions& options, const std::function<void(const std::string&)>& log, std::string& error);

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_HTTP_SERVER_H
