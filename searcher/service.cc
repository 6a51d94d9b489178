/** @file service.cc
 *  @brief Long-running search: the SearchService that ties requests
 *         (request.h), the per-thread databases (database_cache.h), search,
 *         suggestions, the article view and JSON documents together.
 */
#include "searcher/service.h"

#include <optional>

#include "searcher/alerts.h"
#include "searcher/article_view.h"
#include "searcher/saved_searches.h"
#include "searcher/search.h"
#include "searcher/suggest.h"

namespace saywho {

SearchService::SearchService(std::vector<std::string> databases)
    : locations_(databases), databases_(std::move(databases)) {}

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

std::string SearchService::saved() {
    return saved_json(databases_.with([](Xapian::Database& db) { return list_saved_searches(db); }));
}

const std::string& SearchService::writable_database() const {
    if (locations_.size() != 1 || locations_[0].rfind("tcp://", 0) == 0)
        throw RequestError("bad_request", "saved searches live in one local database; this server searches several");
    return locations_[0];
}

std::string SearchService::save(const std::string& name, const std::string& query) {
    if (query.size() > SERVICE_MAX_QUERY_BYTES)
        throw RequestError("bad_request",
                           "'query' is longer than " + std::to_string(SERVICE_MAX_QUERY_BYTES) + " bytes");
    save_search_at(writable_database(), name, query);
    return saved();
}

std::string SearchService::unsave(const std::string& name) {
    if (!unsave_search_at(writable_database(), name))
        throw RequestError("not_found", "no saved search named '" + name + "'");
    return saved();
}

}  // namespace saywho
