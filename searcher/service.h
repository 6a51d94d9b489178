/** @file service.h
 *  @brief Long-running search: requests (JSON lines or HTTP parameters) in,
 *         JSON documents out, over a database reopened when the indexer
 *         commits (docs/http.md).
 */
#ifndef SAYWHO_SEARCHER_SERVICE_H
#define SAYWHO_SEARCHER_SERVICE_H

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/error_report.h"
#include "searcher/search.h"

namespace saywho {

/// A search request: SearchOptions plus the filters of docs/http.md, which
/// request_filters() turns into structures for SearchOptions::filters.
struct SearchRequest {
    SearchOptions options;
    std::map<std::string, std::string> filters;  ///< speaker, location, country, from, to, type, quote: as given
    std::optional<std::string> id;               ///< --serve: echoed in the response
};

/// The largest page a service answers (the command line allows more).
inline constexpr std::size_t SERVICE_MAX_LIMIT = 100;
/// Query text longer than this is refused (bad_request): a search box never needs more.
inline constexpr std::size_t SERVICE_MAX_QUERY_BYTES = 2000;

/// Parses one --serve line (a JSON object). Throws RequestError.
SearchRequest parse_request_line(const std::string& line);

/// Builds a request from HTTP query parameters (the same names). Throws RequestError.
SearchRequest request_from_parameters(const std::multimap<std::string, std::string>& params);

/// The request's filters as structures, each meaning what its query field
/// means (from and to: date:FROM..TO). Throws RequestError (bad_request)
/// for a malformed date and QueryError for a value its field refuses.
std::vector<Filter> request_filters(const SearchRequest& request);

/// One database per thread, reopened before each request when the indexer
/// has committed since; Xapian::DatabaseModifiedError during a search is
/// retried once on a fresh reopen.
class SearchService {
  public:
    /// @p databases: as open_for_searching() takes them (one or more,
    /// searched as one).
    explicit SearchService(std::vector<std::string> databases);

    /// The JSON results document (one line, no trailing newline).
    std::string search(const SearchRequest& request);
    /// Answers one --serve line: results or an error document, never throws.
    std::string answer_line(const std::string& line);
    /// Speakers, places and words completing @p prefix (docs/http.md).
    std::string suggest(const std::string& prefix, std::size_t limit);
    /// An article with its statements (docs/http.md). Throws RequestError(not_found).
    std::string article(const std::string& id);

    /// A JSON error document (one line).
    static std::string error_json(const std::string& code, const std::string& message,
                                  const std::optional<std::string>& id = std::nullopt);

  private:
    /// This thread's database, reopened at the latest revision; @p fresh
    /// opens it anew instead (after a concurrent commit error).
    Xapian::Database& database(bool fresh = false);
    template <typename F>
    auto with_database(F&& work) -> decltype(work(std::declval<Xapian::Database&>()));

    std::vector<std::string> databases_;
    std::string key_;  ///< the locations joined: this service's entry in the per-thread cache
};

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_SERVICE_H
