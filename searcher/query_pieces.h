/** @file query_pieces.h
 *  @brief Query understanding's first step: a query cut into pieces (words,
 *         phrases, fields), and the dates a run of pieces spells.
 *
 *  Internal to query understanding (understand.cc); exposed only so that it
 *  can live in a file of its own.
 */
#ifndef SAYWHO_SEARCHER_QUERY_PIECES_H
#define SAYWHO_SEARCHER_QUERY_PIECES_H

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/civil_date.h"

namespace saywho::understanding {

/// One whitespace-separated piece of the query.
struct Piece {
    std::string raw;                 ///< as typed
    std::string word;                ///< lowercase ASCII letters folded, edge punctuation removed
    std::size_t start = 0, end = 0;  ///< byte offsets of raw in the query
    std::size_t word_end = 0;        ///< end of the word without trailing punctuation
    /// Field syntax, a quoted phrase, an operator or a bracket: passed to the
    /// query parser as typed, never read as part of a phrase.
    bool locked = false;
    bool used = false;  ///< consumed by a filter
    bool cap = false;   ///< starts with a capital letter
};

/// @p query cut at white space, a quoted phrase (with its field, if any)
/// kept whole as one locked piece.
std::vector<Piece> split_query(const std::string& query);

/// A stretch of days, either end open (nullopt).
struct DaySpan {
    std::optional<CivilDate> first, last;
};

/// Reads a date at pieces[i] onward: 2025-03-19, 2025-03, 2025, March 19,
/// 2025, 19 March 2025, March 2025, March 19, March (the latest such month
/// up to @p today). Sets @p next past it; nullopt when there is none.
std::optional<DaySpan> read_date(const std::vector<Piece>& pieces, std::size_t i, CivilDate today, std::size_t& next);

/// "yesterday", "today", "last week", "this month", "last year"... at
/// pieces[i]. Sets @p next past it; nullopt when there is none.
std::optional<DaySpan> read_relative(const std::vector<Piece>& pieces, std::size_t i, CivilDate today,
                                     std::size_t& next);

}  // namespace saywho::understanding

#endif  // SAYWHO_SEARCHER_QUERY_PIECES_H
