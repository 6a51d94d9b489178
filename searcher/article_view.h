/** @file article_view.h
 *  @brief One article with its statements, as the search page shows it
 *         (docs/http.md, /api/article).
 */
#ifndef SAYWHO_SEARCHER_ARTICLE_VIEW_H
#define SAYWHO_SEARCHER_ARTICLE_VIEW_H

#include <string>

#include <xapian.h>

namespace saywho {

/// The article document of docs/http.md for the article @p id: its record
/// and its statements in text order, each with its byte offsets in the
/// body. One line, no trailing newline. Throws RequestError (not_found)
/// when there is no such article; RecordError when a record is malformed.
std::string article_json(const Xapian::Database& db, const std::string& id);

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_ARTICLE_VIEW_H
