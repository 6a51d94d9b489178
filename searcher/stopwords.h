/** @file stopwords.h
 *  @brief The English function words ("the", "on", "about", "did") that
 *         never make a query narrower, from common/data/stopwords.tsv.
 */
#ifndef SAYWHO_SEARCHER_STOPWORDS_H
#define SAYWHO_SEARCHER_STOPWORDS_H

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace saywho {

/// The stopper every SaywhoQueryParser sets (searcher/query_parser.h): one
/// object for the whole program, built from the embedded table on first use.
/// Thread-safe: it is only read, and it is never handed to Xapian with
/// release(), so no reference count is touched. Throws Error when the
/// embedded table is malformed (a build defect).
const Xapian::Stopper& query_stopper();

/// Whether @p word, in lower case as the query parser sees it, is one of
/// the function words.
bool is_stopword(std::string_view word);

/// Every function word of the table, in table order (for tests and docs).
const std::vector<std::string>& stopword_list();

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_STOPWORDS_H
