/** @file extract.h
 *  @brief Statement extraction: article in, statements out (pure; no Xapian, no I/O).
 *
 *  Rules over a light tokenisation (words, punctuation and quote marks with
 *  byte offsets), sentence splitting that keeps quotations whole, and the
 *  embedded lexicon (places, given names, titles, speech verbs). Thread-safe:
 *  extract_statements() keeps no state between calls.
 */
#ifndef SAYWHO_EXTRACT_EXTRACT_H
#define SAYWHO_EXTRACT_EXTRACT_H

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/article.h"
#include "common/statement.h"

namespace saywho {

/// Bump whenever extraction changes what it finds: the indexer stores it in
/// each article's content hash, so the next run re-extracts every article.
inline constexpr int EXTRACTOR_VERSION = 52;

/// A place named in an article.
struct PlaceMention {
    std::string name;     ///< canonical display name ("Kyiv")
    std::string country;  ///< ISO code ("UA")
    std::uint32_t geonameid = 0;
};

/// Everything extraction finds in one article.
struct ArticleFacts {
    std::vector<Statement> statements;  ///< in text order
    std::vector<std::string> people;    ///< canonical names of the persons mentioned, each once
    std::vector<PlaceMention> places;   ///< the dateline place and places named "in X", each once
};

/// One candidate antecedent of a pronoun speaker, as the resolver saw it.
struct PronounCandidateTrace {
    std::string entity;                 ///< the candidate's name
    std::vector<std::string> features;  ///< the names of its features that are 1
    double score = 0;                   ///< the resolver's score
};

/// One pronoun speaker ("he said") and the candidates the resolver ranked:
/// what scripts/train-resolver.sh learns from.
struct PronounTrace {
    std::string pronoun;  ///< "he", "she"
    /// Byte offsets of the pronoun and of the cue in the article's file
    /// (article.body_offset plus the offset in article.body).
    std::size_t start = 0, end = 0, cue_start = 0;
    std::vector<PronounCandidateTrace> candidates;      ///< latest mentioned first
    std::size_t chosen = static_cast<std::size_t>(-1);  ///< index into candidates, -1 when none
};

/// What callers may ask of extraction besides its result.
struct ExtractOptions {
    /// Called for every he/she speaker resolved, when set. For developers'
    /// tools: extraction itself never prints.
    std::function<void(const PronounTrace&)> pronoun_trace;
    /// A pronoun resolver weights table (the format of
    /// common/data/pronoun_resolver.tsv) to use instead of the embedded
    /// one; empty for the embedded one. For training; Error if malformed.
    std::string resolver_weights;
};

/// Statements, people and places of @p article. Statement offsets are
/// relative to the file: article.body_offset plus the offset in article.body.
ArticleFacts analyze_article(const Article& article);

/// analyze_article(article).statements.
std::vector<Statement> extract_statements(const Article& article);

/// The same, with @p options.
std::vector<Statement> extract_statements(const Article& article, const ExtractOptions& options);

}  // namespace saywho

#endif  // SAYWHO_EXTRACT_EXTRACT_H
