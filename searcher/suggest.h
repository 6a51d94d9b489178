/** @file suggest.h
 *  @brief Completions for a search box: speakers, places and words that
 *         complete what was typed (docs/http.md, /api/suggest).
 */
#ifndef SAYWHO_SEARCHER_SUGGEST_H
#define SAYWHO_SEARCHER_SUGGEST_H

#include <cstddef>
#include <string>

#include <xapian.h>

namespace saywho {

/// The suggestions document of docs/http.md for @p query: speakers and
/// places (where statements were made) whose name completes its last one,
/// two or three words, then words completing its last word; each kind most
/// frequent first, at most @p limit in all. One line, no trailing newline.
std::string suggestions_json(const Xapian::Database& db, const std::string& query, std::size_t limit);

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_SUGGEST_H
