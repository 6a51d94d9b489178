/** @file text.h
 *  @brief UTF-8 repair, ICU key folding, content hashing and small string helpers.
 */
#ifndef SAYWHO_COMMON_TEXT_H
#define SAYWHO_COMMON_TEXT_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace saywho {

/// Result of repair_utf8(): how many ill-formed sequences were replaced and
/// the 1-based line of the first one (0 when the input was valid).
struct Utf8Repair {
    std::size_t replaced = 0;
    std::size_t first_bad_line = 0;
};

/// Replaces every ill-formed UTF-8 sequence in @p text (stray continuation
/// bytes, truncated, overlong or surrogate encodings, code points above
/// U+10FFFF) with U+FFFD, in place, following the W3C/Unicode "maximal
/// subpart" practice so one bad byte costs one replacement character.
Utf8Repair repair_utf8(std::string& text);

/// True when the bytes look like a binary file rather than text: a NUL byte,
/// or more than 10% control characters other than tab, CR, LF and FF.
bool looks_binary(std::string_view bytes);

/// The normalised key of a name or place for boolean terms: NFKC, case folded,
/// accents removed, inner whitespace collapsed to one space, trimmed.
/// "ZELENSKYY" and "Zelenskyý" both give "zelenskyy".
std::string fold_key(std::string_view text);

/// 64-bit FNV-1a over @p bytes, continued from @p seed; used to tell whether
/// an article changed since it was indexed (not a security property).
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t seed = 0xcbf29ce484222325ULL);

/// 16 lowercase hex digits.
std::string hex64(std::uint64_t value);

/// Removes ASCII whitespace at both ends.
std::string_view trim(std::string_view text);

/// @p c lower-cased if it is an ASCII capital; any other byte unchanged.
inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

/// @p text with its ASCII capitals lower-cased; other bytes (UTF-8 included) unchanged.
std::string ascii_lower(std::string_view text);

/// True when @p text is not empty and holds only the digits 0-9.
bool all_digits(std::string_view text);
/// True when @p text is not empty and holds only the capitals A-Z ("IBM", "NATO").
bool all_capitals(std::string_view text);
/// Whether @p acronym is the first letters of the capitalised words of
/// @p name, with or without its last word ("IBM" of "International Business
/// Machines Corp", "ATT" of "American Telephone and Telegraph Co"), or all
/// of them in another order ("USDA" of "U.S. Agriculture Department"; the
/// letters of "U.S." count as words).
bool is_initials_of(std::string_view acronym, std::string_view name);

/// The words of @p text, split at spaces ("Zenith Laboratories Inc").
std::vector<std::string> split_words(std::string_view text);

bool ends_with(std::string_view text, std::string_view suffix);
bool starts_with(std::string_view text, std::string_view prefix);

/// Undoes the escaping Xapian's MSet::snippet() applies (&amp; &lt; &gt; &quot; &#39;).
std::string html_unescape(std::string_view text);

/// Escapes &, <, >, " and ' for HTML text and attributes.
std::string html_escape(std::string_view text);

}  // namespace saywho

#endif  // SAYWHO_COMMON_TEXT_H
