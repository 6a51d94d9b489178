/** @file extract.h
 *  @brief Statement extraction: article in, statements out (pure; no Xapian, no I/O).
 *
 *  Rules over a light tokenisation (words, punctuation and quote marks with
 *  byte offsets), sentence splitting that keeps quotations whole, and the
 *  embedded lexicon (places, given names, titles, speech verbs). Thread-safe:
 *  extract_statements() keeps no state between calls.
 */
#ifndef SAYWHO_EXTRACT_EXTRACT_H
#define SAYWHO_EXTRACT_EXTRACT_H

#include <cstdint>
#include <string>
#include <vector>

#include "common/article.h"
#include "common/statement.h"

namespace saywho {

/// Bump whenever extraction changes what it finds: the indexer stores it in
/// each article's content hash, so the next run re-extracts every article.
inline constexpr int EXTRACTOR_VERSION = 22;

/// A place named in an article.
struct PlaceMention {
    std::string name;     ///< canonical display name ("Kyiv")
    std::string country;  ///< ISO code ("UA")
    std::uint32_t geonameid = 0;
};

/// Everything extraction finds in one article.
struct ArticleFacts {
    std::vector<Statement> statements;  ///< in text order
    std::vector<std::string> people;    ///< canonical names of the persons mentioned, each once
    std::vector<PlaceMention> places;   ///< the dateline place and places named "in X", each once
};

/// Statements, people and places of @p article. Statement offsets are
/// relative to the file: article.body_offset plus the offset in article.body.
ArticleFacts analyze_article(const Article& article);

/// analyze_article(article).statements.
std::vector<Statement> extract_statements(const Article& article);

}  // namespace saywho

#endif  // SAYWHO_EXTRACT_EXTRACT_H
