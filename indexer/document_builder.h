/** @file document_builder.h
 *  @brief Turns an Article into the Xapian document the schema describes.
 */
#ifndef SAYWHO_INDEXER_DOCUMENT_BUILDER_H
#define SAYWHO_INDEXER_DOCUMENT_BUILDER_H

#include <string>

#include <xapian.h>

#include "common/article.h"

namespace saywho {

/// The hash stored in SLOT_CONTENT_HASH: it changes whenever anything stored
/// for the article would change (id, date, title, body, url, source, path).
std::string article_content_hash(const Article& article);

/// Builds article documents. Not thread-safe: one builder per thread (it owns
/// a TermGenerator).
class DocumentBuilder {
  public:
    DocumentBuilder();

    /// The document for @p article, with its unique id term, text, date
    /// terms and slot, type term and JSON data. @p content_hash goes in
    /// SLOT_CONTENT_HASH.
    Xapian::Document build_article(const Article& article, const std::string& content_hash);

  private:
    Xapian::TermGenerator term_generator_;
};

}  // namespace saywho

#endif  // SAYWHO_INDEXER_DOCUMENT_BUILDER_H
