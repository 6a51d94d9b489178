/** @file schema.cc
 *  @brief Term builders for the schema declared in schema.h.
 */
#include "common/schema.h"

#include <algorithm>
#include <cstdlib>

#include "common/text.h"

namespace saywho::schema {

std::string bounded_term(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    if (prefix.size() + value.size() <= MAX_SAFE_TERM_LENGTH) {
        term += value;
        return term;
    }
    // Keep a readable head, then the hash of the whole value. Cut on a UTF-8
    // character boundary so the term stays valid UTF-8.
    std::size_t keep = MAX_SAFE_TERM_LENGTH - prefix.size() - 17;
    while (keep > 0 && (static_cast<unsigned char>(value[keep]) & 0xC0) == 0x80) --keep;
    term.append(value.substr(0, keep));
    term += '#';
    term += hex64(fnv1a64(value));
    return term;
}

std::string article_id_term(std::string_view article_id) { return bounded_term(PREFIX_ID, article_id); }

std::string day_term(const CivilDate& date) { return PREFIX_DAY + date.compact(); }

std::string month_term(const CivilDate& date) { return PREFIX_MONTH + date.compact().substr(0, 6); }

std::string year_term(const CivilDate& date) { return PREFIX_YEAR + date.compact().substr(0, 4); }

std::string type_term(std::string_view type) { return bounded_term(PREFIX_TYPE, type); }

std::string source_term(std::string_view source) { return folded_term(PREFIX_SOURCE, source); }

std::string statement_article_term(std::string_view article_id) { return bounded_term(PREFIX_ARTICLE, article_id); }

std::string cluster_term(std::string_view key) { return bounded_term(PREFIX_CLUSTER, key); }

namespace {

/// @p day (YYYYMMDD), @p article_id, a 0 byte and the sortable @p position:
/// the layout of SLOT_NEWEST_FIRST and SLOT_OLDEST_FIRST.
std::string order_key(std::string day, std::string_view article_id, std::optional<std::size_t> position) {
    std::string key = std::move(day);
    key.append(article_id);
    key += '\0';
    if (position) key += Xapian::sortable_serialise(static_cast<double>(*position));
    return key;
}

}  // namespace

std::string newest_first_key(const CivilDate& date, std::string_view article_id, std::optional<std::size_t> position) {
    // Each digit subtracted from 9 reverses the order of days as bytes, so
    // one ascending sort gives the latest day first and the rest ascending.
    std::string day = date.compact();
    for (char& c : day)
        if (c >= '0' && c <= '9') c = static_cast<char>('9' - (c - '0'));
    return order_key(std::move(day), article_id, position);
}

std::string oldest_first_key(const CivilDate& date, std::string_view article_id, std::optional<std::size_t> position) {
    return order_key(date.compact(), article_id, position);
}

std::vector<std::string> person_keys(std::string_view name) {
    std::vector<std::string> keys;
    const std::string full = fold_key(name);
    if (full.empty()) return keys;
    // fold_key() leaves single spaces between words, so each space starts a
    // shorter tail: "mariana costa ribeiro" -> "costa ribeiro" -> "ribeiro".
    keys.push_back(full);
    for (std::size_t space = full.find(' '); space != std::string::npos; space = full.find(' ', space + 1))
        keys.push_back(full.substr(space + 1));
    return keys;
}

std::vector<std::string> person_terms(std::string_view prefix, std::string_view name) {
    std::vector<std::string> terms;
    for (const auto& key : person_keys(name)) terms.push_back(bounded_term(prefix, key));
    return terms;
}

std::string folded_term(std::string_view prefix, std::string_view value) {
    return bounded_term(prefix, fold_key(value));
}

std::string country_term(std::string_view iso_code) { return folded_term(PREFIX_COUNTRY, iso_code); }

const FieldSpec* find_query_field(std::string_view name) {
    for (const auto& field : QUERY_FIELDS)
        if (name == field.query_name) return &field;
    return nullptr;
}

std::string index_sequence_value(std::uint64_t n) { return Xapian::sortable_serialise(static_cast<double>(n)); }

std::uint64_t last_index_sequence(const Xapian::Database& db) {
    std::uint64_t last = 0;
    const std::string stored = db.get_metadata(METADATA_INDEX_SEQUENCE);
    if (!stored.empty()) last = std::strtoull(stored.c_str(), nullptr, 10);
    // An empty slot has an empty bound.
    const std::string bound = db.get_value_upper_bound(SLOT_INDEX_SEQUENCE);
    if (!bound.empty()) last = std::max(last, static_cast<std::uint64_t>(Xapian::sortable_unserialise(bound)));
    return last;
}

}  // namespace saywho::schema
