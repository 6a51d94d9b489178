/** @file statement_json.h
 *  @brief JSON Lines form of extracted statements (`saywho-index extract`; see docs/json.md).
 */
#ifndef SAYWHO_INDEXER_STATEMENT_JSON_H
#define SAYWHO_INDEXER_STATEMENT_JSON_H

#include <string>

#include "common/article.h"
#include "common/statement.h"

namespace saywho {

/// One JSON object, no trailing newline.
std::string statement_to_json(const Article& article, const Statement& statement);

}  // namespace saywho

#endif  // SAYWHO_INDEXER_STATEMENT_JSON_H
