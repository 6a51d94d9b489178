/** @file pronoun_resolver.h
 *  @brief Internal to extraction: the features and weights of the learned pronoun resolver (extract/pronoun_resolver.cc).
 *
 *  Included by extract/text_model.h, where the candidates are; a header of
 *  its own so the feature list, which scripts/train-resolver.sh and
 *  common/data/pronoun_resolver.tsv follow, reads in one place.
 */
#ifndef SAYWHO_EXTRACT_PRONOUN_RESOLVER_H
#define SAYWHO_EXTRACT_PRONOUN_RESOLVER_H

#include <array>
#include <bitset>
#include <cstddef>
#include <string_view>

namespace saywho::extraction {

/// The indicators the learned resolver scores a (pronoun, candidate person)
/// pair by; each is 0 or 1. Their names, in this order, are the rows of
/// common/data/pronoun_resolver.tsv (resolver_feature_name()).
enum class ResolverFeature : unsigned {
    // Sentences back from the cue to the candidate's latest mention.
    DIST_0,
    DIST_1,
    DIST_2,
    DIST_3,
    // Mentions of anyone between that mention and the cue.
    BETWEEN_0,
    BETWEEN_1,
    BETWEEN_2,
    BETWEEN_3_PLUS,
    // Recency rank among the candidates (0: the latest mentioned).
    RANK_0,
    RANK_1,
    RANK_2_PLUS,
    LATEST_SUBJECT,  ///< the latest mention is its sentence's subject
    LATEST_OBLIQUE,  ///< the latest mention is a possessive or a preposition's object
    // The candidate's mentions in the cue's sentence and the three before,
    // by sentence and kind: a subject; a possessive or a preposition's
    // object (oblique); any other (an object, an aside).
    SUBJECT_AT_0,
    SUBJECT_AT_1,
    SUBJECT_AT_2,
    SUBJECT_AT_3,
    OTHER_AT_0,
    OTHER_AT_1,
    OTHER_AT_2,
    OTHER_AT_3,
    OBLIQUE_AT_0,
    OBLIQUE_AT_1,
    OBLIQUE_AT_2,
    OBLIQUE_AT_3,
    SUBJECT_NEAR,     ///< a subject in the last four sentences
    SUBJECT_LATEST,   ///< of the candidates, the latest one mentioned as a subject (in the last four sentences)
    SAME_PARAGRAPH,   ///< the latest mention is in the cue's paragraph
    GENDER_EQUAL,     ///< the pronoun's gender is the candidate's (not just compatible)
    GENDER_UNKNOWN,   ///< the candidate's gender is unknown
    LAST_SPEAKER,     ///< the candidate spoke last
    SPOKE_0_1,        ///< it spoke in this sentence or the one before
    SPOKE_2_5,        ///< it spoke two to five sentences back
    SPOKE_6_PLUS,     ///< it spoke, longer ago
    MENTIONS_1,       ///< mentioned once before the cue
    MENTIONS_2_3,     ///< twice or three times
    MENTIONS_4_PLUS,  ///< more often
    HAS_ROLE,         ///< the candidate has a role or title ("Senator")
    FULL_NAME,        ///< the candidate's name has two words or more
    FIRST_PERSON,     ///< the first person the article mentions
    MOST_MENTIONED,   ///< of the candidates, the most mentioned so far
    SPOKE_TWICE,      ///< it spoke twice or more before
    IN_TITLE,         ///< its surname is a word of the headline
    // Sentences back to the latest mention, past DIST_3 (the window reaches
    // 5 back; salient persons come from further: Coreference::far_candidate()).
    DIST_4_7,                  ///< 4-7 sentences back
    DIST_8_PLUS,               ///< 8 or more
    PREVIOUS_PARAGRAPH,        ///< the latest mention is in the paragraph before the cue's
    FIRST_SENTENCE,            ///< mentioned in the article's first sentence
    ARTICLE_MOST,              ///< the person the article mentions most before the cue (of either gender)
    FAR_SALIENT,               ///< 4 or more back, and most mentioned, in the first sentence or in the headline
    FAR_SPOKE,                 ///< 4 or more back, and spoke before
    OPENING_PREVIOUS_SUBJECT,  ///< the pronoun opens its sentence and the candidate is the subject of the one before
    LATEST_EMBEDDED,  ///< the latest mention is inside a relative or subordinate clause ("members who endorsed Trump")
    COUNT
};

using ResolverFeatures = std::bitset<static_cast<std::size_t>(ResolverFeature::COUNT)>;

/// The name of @p f in the weights table ("dist_0"). There is no constant
/// term: it would rank no candidate above another.
std::string_view resolver_feature_name(ResolverFeature f);

/// A weight for each ResolverFeature.
using ResolverWeights = std::array<double, static_cast<std::size_t>(ResolverFeature::COUNT)>;

/// Parses a weights table ("name<TAB>weight" lines, "#" comments). Throws
/// Error naming any unknown, repeated or missing feature, or a bad weight.
ResolverWeights parse_resolver_weights(std::string_view table);

/// The weights of the embedded common/data/pronoun_resolver.tsv, parsed
/// once on first use; thread-safe afterwards. Throws Error as
/// parse_resolver_weights() does (a build defect).
const ResolverWeights& resolver_weights();

}  // namespace saywho::extraction

#endif  // SAYWHO_EXTRACT_PRONOUN_RESOLVER_H
