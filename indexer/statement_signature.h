/** @file statement_signature.h
 *  @brief What tells copies of a statement: its text key (the same words)
 *         and its MinHash signature (nearly the same words).
 *
 *  Words are compared folded (case, accents, NFKC) with punctuation and
 *  quote marks dropped, so typography and quoting style never keep copies
 *  apart. The signature samples the statement's three-word shingles: two
 *  statements agree in each of its numbers with a chance equal to the
 *  share of shingles they have in common (Broder's MinHash), and the
 *  cluster pass finds candidates by bands of numbers (locality-sensitive
 *  hashing) rather than by comparing every pair.
 */
#ifndef SAYWHO_INDEXER_STATEMENT_SIGNATURE_H
#define SAYWHO_INDEXER_STATEMENT_SIGNATURE_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/statement.h"

namespace saywho {

/// A statement of at least this many words has a signature, so near copies
/// of it are found, and is a copy of another even where one article does
/// not name its speaker; a shorter one ("we are ready") is a copy only of
/// the same words by the same named speaker.
inline constexpr std::size_t MIN_WORDS_ALONE = 8;
/// Numbers in a signature, read by the pass as SIGNATURE_BANDS bands of
/// SIGNATURE_ROWS: statements that share three quarters of their shingles
/// meet in some band with a chance of 0.99, a quarter with 0.12.
inline constexpr std::size_t SIGNATURE_ROWS = 3;
inline constexpr std::size_t SIGNATURE_BANDS = 8;
inline constexpr std::size_t SIGNATURE_SIZE = SIGNATURE_ROWS * SIGNATURE_BANDS;
/// Statements whose shingles are this share of the shorter one's, or more,
/// are near copies (signature_containment(); tuned on the pairs of
/// tests/unit/statement_signature_test.cc): a quote cut at another place is
/// one, a template with other names in it ("stocks of corn in Toledo") is not.
inline constexpr double NEAR_COPY_CONTAINMENT = 0.8;

/// The words a statement is compared by: folded, without punctuation.
/// The words are views into `folded`, so a copy must not outlive it.
struct ComparableWords {
    std::string folded;
    std::vector<std::string_view> words;
};
ComparableWords comparable_words(std::string_view text);

/// What the indexer stores of a statement for clustering.
struct ClusterKeys {
    /// The cluster key it has on its own (schema.h, "Statement clusters"),
    /// 16 hex digits: a hash of its comparable words and its named speaker
    /// (or of its words alone when it names nobody); with fewer than
    /// MIN_WORDS_ALONE words and no named speaker, or no words, a hash of
    /// its id, which no other statement shares.
    std::string cluster_key;
    /// Its SLOT_SIGNATURE value: the same key as a number, a hash of its
    /// numbers and the MinHash of its shingles; "" with fewer than
    /// MIN_WORDS_ALONE words (its copies must then be word for word).
    std::string signature;
};

/// The ClusterKeys of @p statement, whose id is @p statement_id ("<article id>#<n>").
ClusterKeys statement_cluster_keys(const Statement& statement, std::string_view statement_id);

struct StatementSignature {
    std::uint64_t text_key = 0;  ///< ClusterKeys::cluster_key as a number
    /// A hash of its numbers ("25", "7-3/4"), in order: near copies have the same.
    std::uint64_t numbers_key = 0;
    std::uint32_t shingles = 0;  ///< three-word shingles it has (with repeats)
    std::array<std::uint32_t, SIGNATURE_SIZE> minhash{};
};

/// Reads a SLOT_SIGNATURE value; nullopt when it is not one.
std::optional<StatementSignature> decode_signature(std::string_view value);

/// The share of numbers two signatures agree in: an estimate of the share
/// of shingles the two statements have in common (Jaccard similarity).
double signature_similarity(const StatementSignature& a, const StatementSignature& b);
/// The share of the shorter statement's shingles that the other has too,
/// estimated from signature_similarity() and the two sizes.
double signature_containment(const StatementSignature& a, const StatementSignature& b);
/// A hash of band @p band (0-based) of @p signature, with the band's
/// number mixed in so equal numbers in different bands do not meet.
std::uint64_t band_hash(const StatementSignature& signature, std::size_t band);

/// 16 lowercase hex digits of @p key, as SLOT_CLUSTER holds a cluster key.
std::string cluster_key_text(std::uint64_t key);

}  // namespace saywho

#endif  // SAYWHO_INDEXER_STATEMENT_SIGNATURE_H
