/** @file service.cc
 *  @brief Long-running search: the SearchService that ties requests
 *         (request.h), the per-thread databases (database_cache.h), search,
 *         suggestions, the article view and JSON documents together.
 */
#include "searcher/service.h"

#include <optional>

#include "common/text.h"
#include "searcher/alerts.h"
#include "searcher/article_view.h"
#include "searcher/saved_searches.h"
#include "searcher/search.h"
#include "searcher/speaker_printers.h"
#include "searcher/suggest.h"

namespace saywho {

AmbiguousSpeaker::AmbiguousSpeaker(std::string name, std::vector<SpeakerCandidate> candidates)
    : RequestError("ambiguous", ambiguous_speaker_message(name, candidates)),
      name_(std::move(name)),
      candidates_(std::move(candidates)) {}

std::string AmbiguousSpeaker::json(const std::optional<std::string>& id) const {
    return ambiguous_speaker_json(name_, candidates_, id);
}

SearchService::SearchService(std::vector<std::string> databases)
    : locations_(databases), databases_(std::move(databases)) {}

std::string SearchService::search(const SearchRequest& request) {
    if (request.speaker_page)
        throw RequestError("bad_request", "'speaker_page' is a request of its own (--serve), not a search parameter");
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
        if (request.saved_action != SearchRequest::SavedAction::NONE) return answer_saved(request);
        if (request.speaker_page) {
            // A page, not a search: only its name, id, limit and interval apply.
            if (!request.options.query.empty() || !request.filters.empty())
                throw RequestError("bad_request",
                                   "'speaker_page' asks for a speaker's page: 'q' and filters do not apply");
            SpeakerPageRequest page;
            page.name = *request.speaker_page;
            page.options.latest = request.options.limit;
            page.options.timeline_interval = request.options.timeline_interval;
            page.id = id;
            return speaker(page);
        }
        return search(request);
    } catch (const AmbiguousSpeaker& ambiguous) {
        return ambiguous.json(id);
    } catch (...) {
        const ErrorReport report = report_error(std::current_exception());
        return error_json(report.code, report.message, id);
    }
}

std::string SearchService::suggest(const std::string& query, std::size_t limit) {
    if (query.size() > SERVICE_MAX_QUERY_BYTES) throw RequestError("bad_request", "'q' is too long");
    return databases_.with([&](Xapian::Database& db) { return suggestions_json(db, query, limit); });
}

std::string SearchService::speaker(const SpeakerPageRequest& request) {
    if (request.key.empty() && trim(request.name).empty())
        throw RequestError("bad_request", "a speaker page needs a speaker: /api/speaker?key=KEY or ?name=NAME");
    const SpeakerLookup lookup = databases_.with([&](Xapian::Database& db) {
        return request.key.empty() ? speaker_page_by_name(db, request.name, request.options)
                                   : speaker_page_by_key(db, request.key, request.options);
    });
    if (lookup.page) return speaker_json(*lookup.page, request.id);
    if (!lookup.candidates.empty()) throw AmbiguousSpeaker(request.name, lookup.candidates);
    throw RequestError("not_found", lookup.why_nothing);
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

std::string SearchService::answer_saved(const SearchRequest& request) {
    // Only the query to save goes with them: a filter or a page would be ignored.
    const bool saving = request.saved_action == SearchRequest::SavedAction::SAVE;
    if (!request.filters.empty() || request.speaker_page || (!saving && !request.options.query.empty()))
        throw RequestError("bad_request", saving ? "'save' stores 'q' alone: filters and pages do not apply"
                                                 : "'saved' and 'unsave' take no 'q', filters or pages");
    switch (request.saved_action) {
        case SearchRequest::SavedAction::SAVE:
            if (trim(request.options.query).empty())
                throw RequestError("bad_request", "'save' needs the query to save in 'q'");
            return save(request.saved_name, request.options.query, request.id);
        case SearchRequest::SavedAction::UNSAVE:
            return unsave(request.saved_name, request.id);
        case SearchRequest::SavedAction::LIST:
        case SearchRequest::SavedAction::NONE:
            break;
    }
    return saved(request.id);
}

std::string SearchService::saved(const std::optional<std::string>& id) {
    return saved_json(databases_.with([](Xapian::Database& db) { return list_saved_searches(db); }), id);
}

const std::string& SearchService::writable_database() const {
    if (locations_.size() != 1 || locations_[0].rfind("tcp://", 0) == 0)
        throw RequestError("bad_request", "saved searches live in one local database; this server searches several");
    return locations_[0];
}

std::string SearchService::save(const std::string& name, const std::string& query,
                                const std::optional<std::string>& id) {
    if (query.size() > SERVICE_MAX_QUERY_BYTES)
        throw RequestError("bad_request",
                           "'query' is longer than " + std::to_string(SERVICE_MAX_QUERY_BYTES) + " bytes");
    save_search_at(writable_database(), name, query);
    return saved(id);
}

std::string SearchService::unsave(const std::string& name, const std::optional<std::string>& id) {
    if (!unsave_search_at(writable_database(), name))
        throw RequestError("not_found", "no saved search named '" + name + "'");
    return saved(id);
}

}  // namespace saywho
