/** @file request.h
 *  @brief Search requests of the service (docs/http.md): a --serve JSON line
 *         or HTTP parameters read into SearchOptions and structured filters.
 */
#ifndef SAYWHO_SEARCHER_REQUEST_H
#define SAYWHO_SEARCHER_REQUEST_H

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "searcher/error_report.h"
#include "searcher/filters.h"
#include "searcher/search.h"

namespace saywho {

/// A search request: SearchOptions plus the filters of docs/http.md, which
/// request_filters() turns into structures for SearchOptions::filters.
struct SearchRequest {
    SearchOptions options;
    std::map<std::string, std::string> filters;  ///< speaker, location, country, from, to, type, quote: as given
    std::optional<std::string> id;               ///< --serve: echoed in the response
    /// --serve's "speaker_page": the page of the speaker so named
    /// (searcher/speaker_page.h) instead of a search; limit is then the
    /// number of latest statements and interval the timeline's.
    std::optional<std::string> speaker_page;
    /// --serve's saved searches, in place of a search (docs/http.md):
    /// "saved": true lists them, "save": NAME stores `q` under NAME,
    /// "unsave": NAME removes one.
    enum class SavedAction { NONE, LIST, SAVE, UNSAVE };
    SavedAction saved_action = SavedAction::NONE;
    std::string saved_name;  ///< for SAVE and UNSAVE
};

/// The largest page a service answers (the command line allows more).
inline constexpr std::size_t SERVICE_MAX_LIMIT = 100;
/// Query text longer than this is refused (bad_request): a search box never needs more.
inline constexpr std::size_t SERVICE_MAX_QUERY_BYTES = 2000;

/// The whole number @p text, a request's parameter @p name, from @p min to
/// @p max. Throws RequestError (bad_request) naming the parameter and the range.
std::size_t parse_count(const std::string& name, const std::string& text, std::size_t min, std::size_t max);

/// Parses one --serve line (a JSON object). Throws RequestError.
SearchRequest parse_request_line(const std::string& line);

/// Builds a request from HTTP query parameters (the same names). Throws RequestError.
SearchRequest request_from_parameters(const std::multimap<std::string, std::string>& params);

/// The request of /api/cluster?id=ID&...: every copy of the statement
/// cluster ID (the filter cluster), oldest first unless `sort` says
/// otherwise, narrowed by the other parameters. Throws RequestError.
SearchRequest cluster_request_from_parameters(std::multimap<std::string, std::string> params);

/// The request's filters as structures, each meaning what its query field
/// means (from and to: date:FROM..TO). Throws RequestError (bad_request)
/// for a malformed date and QueryError for a value its field refuses.
std::vector<Filter> request_filters(const SearchRequest& request);

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_REQUEST_H
