/** @file extract.h
 *  @brief Statement extraction: article in, statements out (pure; no Xapian, no I/O).
 *
 *  Rules over a light tokenisation (words, punctuation and quote marks with
 *  byte offsets), sentence splitting that keeps quotations whole, and the
 *  embedded lexicon (places, given names, titles, speech verbs). Thread-safe:
 *  extract_statements() keeps no state between calls.
 */
#ifndef SAYWHO_COMMON_EXTRACT_H
#define SAYWHO_COMMON_EXTRACT_H

#include <vector>

#include "common/article.h"
#include "common/statement.h"

namespace saywho {

/// The statements of @p article in text order. Offsets are relative to the
/// file: article.body_offset plus the offset in article.body.
std::vector<Statement> extract_statements(const Article& article);

}  // namespace saywho

#endif  // SAYWHO_COMMON_EXTRACT_H
