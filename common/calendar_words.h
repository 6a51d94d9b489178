/** @file calendar_words.h
 *  @brief The English month and weekday words, in one table for extraction and query understanding.
 */
#ifndef SAYWHO_COMMON_CALENDAR_WORDS_H
#define SAYWHO_COMMON_CALENDAR_WORDS_H

#include <string_view>

namespace saywho {

/// The month a lower-case English month word names, 1 (January) to 12:
/// full names and the abbreviations news prose and queries use ("jan",
/// "mar", "sept" and "sep", "dec"; "may" is both); 0 for any other word.
/// Callers decide when an ambiguous word ("may", "march") is a month.
/// Case-sensitive: pass ASCII lower-case.
int month_number(std::string_view lower_word);

/// The weekday a lower-case English weekday name names, numbered as
/// CivilDate::weekday(): 0 for Monday to 6 for Sunday; -1 for any other word.
int weekday_number(std::string_view lower_word);

}  // namespace saywho

#endif  // SAYWHO_COMMON_CALENDAR_WORDS_H
