/** @file service.h
 *  @brief Long-running search: requests (JSON lines or HTTP parameters) in,
 *         JSON documents out, over a database reopened when the indexer
 *         commits (docs/http.md).
 */
#ifndef SAYWHO_SEARCHER_SERVICE_H
#define SAYWHO_SEARCHER_SERVICE_H

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "searcher/database_cache.h"
#include "searcher/error_report.h"
#include "searcher/export.h"
#include "searcher/json_document.h"
#include "searcher/request.h"
#include "searcher/speaker_page.h"

namespace saywho {

/// A speaker page asked of the service: by key (/api/speaker?key=, the
/// search page's links) or by a name as typed (--serve's speaker_page,
/// /api/speaker?name=).
struct SpeakerPageRequest {
    std::string key;   ///< exact: a speaker's key (speaker_page.h)
    std::string name;  ///< as typed, when key is empty
    SpeakerPageOptions options;
    std::optional<std::string> id;  ///< --serve: echoed in the response
};

/// A name that fits several speakers and none exactly (code "ambiguous").
class AmbiguousSpeaker : public RequestError {
  public:
    AmbiguousSpeaker(std::string name, std::vector<SpeakerCandidate> candidates);
    /// The "ambiguous" error document with the candidates (docs/json.md).
    std::string json(const std::optional<std::string>& id) const;

  private:
    std::string name_;
    std::vector<SpeakerCandidate> candidates_;
};

/// The search service: each request runs on the calling thread's database
/// (DatabaseCache), reopened before it when the indexer has committed since;
/// Xapian::DatabaseModifiedError during a request is retried once on a fresh
/// reopen. Safe to call from several threads at once.
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
    /// The "speaker" document (docs/json.md) of a speaker. Throws
    /// RequestError (not_found, bad_request) and AmbiguousSpeaker.
    std::string speaker(const SpeakerPageRequest& request);
    /// An article with its statements (docs/http.md). Throws RequestError(not_found).
    std::string article(const std::string& id);
    /// An export of the statements @p request matches (its offset and limit
    /// unused), on this thread's database: to be written on this thread.
    /// Throws RequestError and QueryError for a bad request.
    std::unique_ptr<StatementExport> export_statements(const SearchRequest& request, const ExportOptions& options);

    /// The saved searches: the "saved" document (docs/json.md), with a
    /// --serve request's @p id.
    std::string saved(const std::optional<std::string>& id = std::nullopt);
    /// Saves @p query as @p name (searcher/saved_searches.h) and returns
    /// the "saved" document. The database is opened for writing only for
    /// this: while saywho-index writes to it, throws DatabaseLockedError at
    /// once (JSON code "locked"). Throws RequestError (bad_request) unless
    /// the service searches one local database, UsageError for a bad name
    /// and QueryError for a query naming an unknown saved search.
    std::string save(const std::string& name, const std::string& query,
                     const std::optional<std::string>& id = std::nullopt);
    /// Removes the saved search @p name, as save(); RequestError
    /// (not_found) when there is none.
    std::string unsave(const std::string& name, const std::optional<std::string>& id = std::nullopt);

  private:
    /// A --serve request for the saved searches (SearchRequest::saved_action).
    std::string answer_saved(const SearchRequest& request);

    /// The one local database saved searches are written to. Throws RequestError.
    const std::string& writable_database() const;

    std::vector<std::string> locations_;  ///< as given, for writes
    DatabaseCache databases_;
};

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_SERVICE_H
