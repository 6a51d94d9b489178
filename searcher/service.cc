/** @file service.cc
 *  @brief Long-running search: the SearchService that ties requests
 *         (request.h), the per-thread databases (database_cache.h), search,
 *         suggestions, the article view and JSON documents together.
 */
#include "searcher/service.h"

#include <optional>

#include "searcher/article_view.h"
#include "searcher/search.h"
#include "searcher/suggest.h"

namespace saywho {

SearchService::SearchService(std::vector<std::string> databases) : databases_(std::move(databases)) {}

std::string SearchService::search(const SearchRequest& request) {
    SearchOptions options = request.options;
    options.filters = request_filters(request);
    ResultSet results = databases_.with([&](Xapian::Database& db) { return saywho::search(db, options); });
    return results_json(results, request.id);
}

std::string SearchService::answer_line(const std::string& line) {
    std::optional<std::string> id;
    try {
        SearchRequest request = parse_request_line(line);
        id = request.id;
        return search(request);
    } catch (...) {
        const ErrorReport report = report_error(std::current_exception());
        return error_json(report.code, report.message, id);
    }
}

std::string SearchService::suggest(const std::string& query, std::size_t limit) {
    if (query.size() > SERVICE_MAX_QUERY_BYTES) throw RequestError("bad_request", "'q' is too long");
    return databases_.with([&](Xapian::Database& db) { return suggestions_json(db, query, limit); });
}

std::string SearchService::article(const std::string& id) {
    if (id.empty()) throw RequestError("bad_request", "'id' is required: /api/article?id=ARTICLE_ID");
    return databases_.with([&](Xapian::Database& db) { return article_json(db, id); });
}

std::unique_ptr<StatementExport> SearchService::export_statements(const SearchRequest& request,
                                                                  const ExportOptions& options) {
    SearchOptions search = request.options;
    search.filters = request_filters(request);
    return databases_.with(
        [&](Xapian::Database& db) { return std::make_unique<StatementExport>(db, search, options); });
}

}  // namespace saywho
