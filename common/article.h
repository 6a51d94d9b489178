/** @file article.h
 *  @brief One news article as read from the archive.
 */
#ifndef SAYWHO_COMMON_ARTICLE_H
#define SAYWHO_COMMON_ARTICLE_H

#include <cstddef>
#include <string>

#include "common/civil_date.h"

namespace saywho {

struct Article {
    /// Unique within a database: the JSON Lines "id", else the file's path
    /// relative to the directory argument without ".txt".
    std::string id;
    CivilDate date;
    std::string title;
    /// Valid UTF-8 (repaired), LF line ends, paragraphs separated by blank lines.
    std::string body;
    std::string url;       ///< JSON Lines only; may be empty
    std::string source;    ///< JSON Lines only; may be empty
    std::string path;      ///< the input file ("-" for stdin)
    std::size_t line = 0;  ///< JSON Lines: 1-based line; text files: 0
    /// Text files: byte offset of body[0] in the file as read after BOM and
    /// CRLF removal (equal to the file offset for LF files without a BOM).
    std::size_t body_offset = 0;
};

}  // namespace saywho

#endif  // SAYWHO_COMMON_ARTICLE_H
