/** @file document_builder.h
 *  @brief Turns an Article and its extracted statements into the Xapian documents the schema describes.
 */
#ifndef SAYWHO_INDEXER_DOCUMENT_BUILDER_H
#define SAYWHO_INDEXER_DOCUMENT_BUILDER_H

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "common/article.h"
#include "extract/extract.h"
#include "common/statement.h"

namespace saywho {

/// The hash stored in SLOT_CONTENT_HASH: it changes whenever anything stored
/// for the article would change (id, date, title, body, url, source, path),
/// and with @p with_statements, so that switching `--no-statements` on or
/// off re-indexes every article instead of skipping it as unchanged.
std::string article_content_hash(const Article& article, bool with_statements = true);

/// Builds article and statement documents. Not thread-safe: one builder per
/// thread (it owns a TermGenerator).
class DocumentBuilder {
  public:
    DocumentBuilder();

    /// The document for @p article, with its unique id term, text, date
    /// terms and slot, type term and JSON data. @p content_hash goes in
    /// SLOT_CONTENT_HASH. The people and places of @p facts become XPERSON:,
    /// XPLACE: and XCOUNTRY: terms (none when statements are not extracted).
    Xapian::Document build_article(const Article& article, const std::string& content_hash,
                                   const ArticleFacts& facts = {});

    /// The document for @p statement, the @p index-th (0-based, in text
    /// order) of @p article: its words and speaker as free text, its filter
    /// terms (XARTICLE:, XSPEAKER:, XLOC: ...), date terms and slots, and
    /// its JSON record in SLOT_STATEMENT_RECORD (no document data), which
    /// repeats what a result line needs from the article.
    Xapian::Document build_statement(const Article& article, const Statement& statement, std::size_t index);

    /// The words of an article document for the database's spelling data
    /// ("did you mean"), with their counts: its unprefixed, unstemmed terms
    /// of letters (no numbers, no stems, no filter terms).
    static std::vector<std::pair<std::string, Xapian::termcount>> spelling_words(const Xapian::Document& article_doc);

  private:
    Xapian::TermGenerator term_generator_;            ///< articles: Omega's STEM_SOME
    Xapian::TermGenerator statement_term_generator_;  ///< statements: positional Z stems only
};

}  // namespace saywho

#endif  // SAYWHO_INDEXER_DOCUMENT_BUILDER_H
