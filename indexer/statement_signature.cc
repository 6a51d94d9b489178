/** @file statement_signature.cc
 *  @brief Text keys and MinHash signatures of statements.
 */
#include "indexer/statement_signature.h"

#include <algorithm>
#include <limits>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "common/text.h"

namespace saywho {

namespace {

/// A 64-bit mixing function (the finaliser of SplitMix64): spreads every
/// bit of @p x over the result, so one shingle hash gives many independent
/// looking numbers.
std::uint64_t mix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::uint64_t hash_words(const std::vector<std::string_view>& words, std::size_t first, std::size_t count) {
    std::uint64_t h = fnv1a64("");
    for (std::size_t i = first; i < first + count; ++i) {
        h = fnv1a64(words[i], h);
        h = fnv1a64(std::string_view("\x1f", 1), h);  // "ab c" and "a bc" differ
    }
    return h;
}

void put_le(std::string& out, std::uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

std::uint64_t get_le(std::string_view in, std::size_t at, int bytes) {
    std::uint64_t value = 0;
    for (int i = 0; i < bytes; ++i) value |= std::uint64_t{static_cast<unsigned char>(in[at + i])} << (8 * i);
    return value;
}

constexpr std::size_t ENCODED_SIZE = 20 + 4 * SIGNATURE_SIZE;

}  // namespace

ComparableWords comparable_words(std::string_view text) {
    ComparableWords out{fold_key(text), {}};
    const std::string_view folded = out.folded;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(folded.data());
    const auto length = static_cast<std::int32_t>(folded.size());
    std::int32_t word_start = -1;  // where the word being read began; -1 between words
    for (std::int32_t i = 0; i < length;) {
        const std::int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        // ASCII, nearly all of it, without a property lookup.
        const bool alnum = c < 0x80 ? (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                                    : c > 0 && u_isalnum(c);
        if (alnum && word_start < 0) {
            word_start = start;
        } else if (!alnum && word_start >= 0) {
            out.words.push_back(
                folded.substr(static_cast<std::size_t>(word_start), static_cast<std::size_t>(start - word_start)));
            word_start = -1;
        }
    }
    if (word_start >= 0) out.words.push_back(folded.substr(static_cast<std::size_t>(word_start)));
    return out;
}

std::string cluster_key_text(std::uint64_t key) { return hex64(key); }

namespace {

/// ClusterKeys::cluster_key as a number, from the words already split.
/// Separators no word holds keep the three kinds of key apart.
std::uint64_t own_key(const Statement& statement, std::string_view statement_id,
                      const std::vector<std::string_view>& words) {
    const bool named = is_named_speaker(statement);
    if (words.empty() || (words.size() < MIN_WORDS_ALONE && !named))
        return fnv1a64(statement_id, fnv1a64(std::string_view("\x1d", 1)));
    // The day too: the same words said on another day are another
    // statement (a routine announcement); the cluster pass joins copies
    // whose days differ by a little.
    const std::uint64_t h =
        fnv1a64(statement.date.compact(), fnv1a64(std::string_view("\x1e", 1), hash_words(words, 0, words.size())));
    return named ? fnv1a64(fold_key(statement.speaker), h) : h;
}

/// A hash of the numbers among @p words, in order: the figures of a
/// statement ("25 mln", "7-3/4 pct") tell a routine announcement of one
/// day from the next, whose other words are the same.
std::uint64_t numbers_key(const std::vector<std::string_view>& words) {
    const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    std::uint64_t h = fnv1a64("");
    for (const auto& word : words)
        if (std::any_of(word.begin(), word.end(), is_digit)) {
            h = fnv1a64(word, h);
            h = fnv1a64(std::string_view("\x1f", 1), h);
        }
    return h;
}

}  // namespace

ClusterKeys statement_cluster_keys(const Statement& statement, std::string_view statement_id) {
    const ComparableWords comparable = comparable_words(statement.text);
    const std::vector<std::string_view>& words = comparable.words;
    ClusterKeys keys;
    const std::uint64_t key = own_key(statement, statement_id, words);
    keys.cluster_key = cluster_key_text(key);
    if (words.size() < MIN_WORDS_ALONE) return keys;
    std::array<std::uint32_t, SIGNATURE_SIZE> minhash;
    minhash.fill(std::numeric_limits<std::uint32_t>::max());
    // The seeds of the SIGNATURE_SIZE hash functions, mixed once.
    static const std::array<std::uint64_t, SIGNATURE_SIZE> seeds = [] {
        std::array<std::uint64_t, SIGNATURE_SIZE> out{};
        for (std::size_t k = 0; k < SIGNATURE_SIZE; ++k) out[k] = mix64(k + 1);
        return out;
    }();
    for (std::size_t i = 0; i + 3 <= words.size(); ++i) {
        const std::uint64_t shingle = hash_words(words, i, 3);
        for (std::size_t k = 0; k < SIGNATURE_SIZE; ++k) {
            const auto h = static_cast<std::uint32_t>(mix64(shingle ^ seeds[k]) >> 32);
            if (h < minhash[k]) minhash[k] = h;
        }
    }
    keys.signature.reserve(ENCODED_SIZE);
    put_le(keys.signature, key, 8);
    put_le(keys.signature, numbers_key(words), 8);
    put_le(keys.signature, words.size() - 2, 4);
    for (std::uint32_t h : minhash) put_le(keys.signature, h, 4);
    return keys;
}

std::optional<StatementSignature> decode_signature(std::string_view value) {
    if (value.size() != ENCODED_SIZE) return std::nullopt;
    StatementSignature signature;
    signature.text_key = get_le(value, 0, 8);
    signature.numbers_key = get_le(value, 8, 8);
    signature.shingles = static_cast<std::uint32_t>(get_le(value, 16, 4));
    for (std::size_t k = 0; k < SIGNATURE_SIZE; ++k)
        signature.minhash[k] = static_cast<std::uint32_t>(get_le(value, 20 + 4 * k, 4));
    return signature;
}

double signature_similarity(const StatementSignature& a, const StatementSignature& b) {
    std::size_t same = 0;
    for (std::size_t k = 0; k < SIGNATURE_SIZE; ++k) same += a.minhash[k] == b.minhash[k];
    return static_cast<double>(same) / SIGNATURE_SIZE;
}

double signature_containment(const StatementSignature& a, const StatementSignature& b) {
    const double j = signature_similarity(a, b);
    const double smaller = std::min(a.shingles, b.shingles);
    if (smaller == 0) return 0;
    // |A and B| = J |A or B| = J (|A| + |B| - |A and B|).
    const double common = j * (static_cast<double>(a.shingles) + b.shingles) / (1 + j);
    return std::min(1.0, common / smaller);
}

std::uint64_t band_hash(const StatementSignature& signature, std::size_t band) {
    std::uint64_t h = mix64(band + 1);
    for (std::size_t row = 0; row < SIGNATURE_ROWS; ++row)
        h = mix64(h ^ signature.minhash[band * SIGNATURE_ROWS + row]);
    return h;
}

}  // namespace saywho
