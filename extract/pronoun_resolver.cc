/** @file pronoun_resolver.cc
 *  @brief Extraction stage 6: how a he/she speaker is resolved: its candidates, the features the learned resolver scores them by, and the choice.
 */
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "common/errors.h"
#include "common/text.h"
#include "extract/text_model.h"

// Begin and end of common/data/pronoun_resolver.tsv, defined by the
// generated embedded_data.cc (common/CMakeLists.txt).
extern "C" {
extern const char saywho_pronoun_resolver_tsv_begin[], saywho_pronoun_resolver_tsv_end[];
}

namespace saywho::extraction {

namespace {

constexpr std::size_t FEATURE_COUNT = static_cast<std::size_t>(ResolverFeature::COUNT);

/// The names of the features, in ResolverFeature order: the keys of
/// common/data/pronoun_resolver.tsv and of the training dump.
constexpr std::array<std::string_view, FEATURE_COUNT> FEATURE_NAMES = {
    "dist_0",
    "dist_1",
    "dist_2",
    "dist_3",
    "between_0",
    "between_1",
    "between_2",
    "between_3_plus",
    "rank_0",
    "rank_1",
    "rank_2_plus",
    "latest_subject",
    "latest_oblique",
    "subject_at_0",
    "subject_at_1",
    "subject_at_2",
    "subject_at_3",
    "other_at_0",
    "other_at_1",
    "other_at_2",
    "other_at_3",
    "oblique_at_0",
    "oblique_at_1",
    "oblique_at_2",
    "oblique_at_3",
    "subject_near",
    "subject_latest",
    "same_paragraph",
    "gender_equal",
    "gender_unknown",
    "last_speaker",
    "spoke_0_1",
    "spoke_2_5",
    "spoke_6_plus",
    "mentions_1",
    "mentions_2_3",
    "mentions_4_plus",
    "has_role",
    "full_name",
    "first_person",
    "most_mentioned",
    "spoke_twice",
    "in_title",
    "dist_4_7",
    "dist_8_plus",
    "previous_paragraph",
    "first_sentence",
    "article_most",
    "far_salient",
    "far_spoke",
    "opening_previous_subject",
    "latest_embedded",
};

// An empty last name means a feature was added without its name.
static_assert(!FEATURE_NAMES.back().empty(), "FEATURE_NAMES must name every ResolverFeature");

/// A candidate was mentioned (or spoke) in the cue's sentence or the
/// CANDIDATE_WINDOW_SENTENCES - 1 before, or is salient further back
/// (far_candidate()); when none is near, the latest person mentioned earlier
/// is one too. Chosen on PolNeAR train by document-grouped cross-validation,
/// near candidates only: a right one first for 1029 of 1352 pronouns with 6,
/// 1020-1025 with 4, 5, 7 or 8, 1017 with 10 (with the far ones, 4, 6 and 8
/// came within two of each other).
constexpr std::size_t CANDIDATE_WINDOW_SENTENCES = 6;
/// The first sentences-back of DIST_4_7 and of DIST_8_PLUS: DIST_0 ...
/// DIST_3 are one sentence each.
constexpr std::size_t DIST_FAR_START = 4, DIST_FARTHER_START = 8;

/// A subject this many sentences back still counts for SUBJECT_NEAR.
constexpr std::size_t SUBJECT_NEAR_SENTENCES = 4;
/// The sentences (the cue's and those before) of SUBJECT_AT_0 ... OBLIQUE_AT_3.
constexpr std::size_t MENTION_PROFILE_SENTENCES = 4;
static_assert(static_cast<std::size_t>(ResolverFeature::OBLIQUE_AT_3) ==
                  static_cast<std::size_t>(ResolverFeature::SUBJECT_AT_0) + 3 * MENTION_PROFILE_SENTENCES - 1,
              "the mention profile's features run subject, other, oblique, each by sentence back");

/// Sets @p first + the bucket of @p n among the buckets that start at
/// @p starts (ascending, starts[0] == 0): one indicator of a run.
template <std::size_t N>
void set_bucket(ResolverFeatures& f, ResolverFeature first, std::size_t n, const std::array<std::size_t, N>& starts) {
    std::size_t bucket = 0;
    while (bucket + 1 < N && n >= starts[bucket + 1]) ++bucket;
    f.set(static_cast<std::size_t>(first) + bucket);
}

/// Whether @p word (lower-case) is a word of @p title, in any case; a
/// possessive "'s" is no part of a word.
bool title_has_word(const std::string& title, const std::string& word) {
    if (word.empty()) return false;
    const std::string lower = ascii_lower(title);
    auto is_letter = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80) != 0; };
    for (std::size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
        const std::size_t end = at + word.size();
        if ((at == 0 || !is_letter(lower[at - 1])) && (end == lower.size() || !is_letter(lower[end]))) return true;
    }
    return false;
}

}  // namespace

std::string_view resolver_feature_name(ResolverFeature f) { return FEATURE_NAMES[static_cast<std::size_t>(f)]; }

namespace {

[[noreturn]] void weights_error(std::size_t line, const std::string& what) {
    throw Error("pronoun resolver weights:" + std::to_string(line) + ": " + what);
}

/// The weight of one "name<TAB>weight" row, stored in @p weights.
void read_weight_row(std::string_view row, std::size_t line, ResolverWeights& weights,
                     std::array<bool, FEATURE_COUNT>& seen) {
    const std::size_t tab = row.find('\t');
    if (tab == std::string_view::npos) weights_error(line, "no tab between a feature and its weight");
    const std::string_view name = row.substr(0, tab);
    const auto known = std::find(FEATURE_NAMES.begin(), FEATURE_NAMES.end(), name);
    if (known == FEATURE_NAMES.end()) weights_error(line, "unknown feature '" + std::string(name) + "'");
    const auto k = static_cast<std::size_t>(known - FEATURE_NAMES.begin());
    if (seen[k]) weights_error(line, "feature '" + std::string(name) + "' given twice");
    const std::string number(row.substr(tab + 1));
    char* end = nullptr;
    errno = 0;
    const double weight = std::strtod(number.c_str(), &end);
    if (number.empty() || *end != '\0' || errno != 0 || !std::isfinite(weight))
        weights_error(line, "bad weight '" + number + "' for feature '" + std::string(name) + "'");
    weights[k] = weight;
    seen[k] = true;
}

}  // namespace

ResolverWeights parse_resolver_weights(std::string_view table) {
    ResolverWeights weights{};
    std::array<bool, FEATURE_COUNT> seen{};
    bool header = false;
    std::size_t line = 0;
    for (std::size_t at = 0; at < table.size();) {
        const std::size_t eol = std::min(table.find('\n', at), table.size());
        const std::string_view row = table.substr(at, eol - at);
        at = eol + 1;
        ++line;
        if (row.empty() || row[0] == '#') continue;
        if (!header) {
            if (row != "feature\tweight") weights_error(line, "the header is not 'feature<TAB>weight'");
            header = true;
            continue;
        }
        read_weight_row(row, line, weights, seen);
    }
    // A feature without a weight would silently count as 0: the table and
    // ResolverFeature have drifted apart, so retrain.
    for (std::size_t k = 0; k < FEATURE_COUNT; ++k)
        if (!seen[k]) weights_error(line, "no weight for feature '" + std::string(FEATURE_NAMES[k]) + "'");
    return weights;
}

const ResolverWeights& resolver_weights() {
    static const ResolverWeights weights = parse_resolver_weights(std::string_view(
        saywho_pronoun_resolver_tsv_begin,
        static_cast<std::size_t>(saywho_pronoun_resolver_tsv_end - saywho_pronoun_resolver_tsv_begin)));
    return weights;
}

/// Whether pronoun @p p is its sentence's subject: "He says ..." (after
/// "But" or "And" at most), or "He thought ..., he told friends", where
/// the sentence opens with the same pronoun.
bool Coreference::pronoun_opens_sentence(const SpeakerPhrase& p) const {
    if (p.first == NONE) return false;
    const std::size_t sentence = tokens_[p.first].sentence;
    std::size_t k = p.first;
    while (k > 0 && tokens_[k - 1].sentence == sentence) --k;
    if (k < p.first && has_class(tokens_[k].lower, WordClass::CLAUSE_OPENER)) ++k;
    return k == p.first || tokens_[k].lower == tokens_[p.first].lower;
}

/// A pronoun's antecedent. "I" and "we" are the last speaker, "they" no
/// one entity, "it" an organisation; "he" and "she" go to the candidate
/// person the learned weights score highest (ties: the latest mentioned).
std::size_t Coreference::resolve_pronoun(const SpeakerPhrase& p, std::size_t cue_token) const {
    if (p.pronoun == "i" || p.pronoun == "we") return state_.last_speaker;
    if (p.pronoun == "they") return NONE;
    if (p.pronoun == "it") {
        if (const std::size_t org = organization_speaker_near(cue_token); org != NONE) return org;
        for (std::size_t e = state_.entities.size(); e-- > 0;)
            if (!state_.entities[e].person) return e;
        return NONE;
    }
    const Gender want = p.pronoun == "he" ? Gender::MALE : p.pronoun == "she" ? Gender::FEMALE : Gender::UNKNOWN;
    std::vector<PronounCandidate> candidates = pronoun_candidates(want, cue_token, pronoun_opens_sentence(p));
    const std::size_t best = best_candidate(candidates);
    trace_pronoun(p, cue_token, candidates, best);
    return best;
}

/// Scores @p candidates by the learned weights; the entity of the best, or NONE.
std::size_t Coreference::best_candidate(std::vector<PronounCandidate>& candidates) const {
    const ResolverWeights& weights = state_.resolver_weights ? *state_.resolver_weights : resolver_weights();
    std::size_t best = NONE;
    double best_score = 0;
    // Candidates come latest first, so a tie keeps the latest.
    for (PronounCandidate& c : candidates) {
        c.score = 0;
        for (std::size_t k = 0; k < weights.size(); ++k)
            if (c.features.test(k)) c.score += weights[k];
        if (best == NONE || c.score > best_score) {
            best = c.entity;
            best_score = c.score;
        }
    }
    return best;
}

/// What the mentions before a cue tell of one candidate.
struct Coreference::Evidence {
    std::size_t entity = NONE;
    std::size_t latest_token = 0;
    bool latest_subject = false, latest_oblique = false;
    bool latest_embedded = false;      ///< its latest mention is in a relative or subordinate clause
    std::size_t subject_token = NONE;  ///< its latest subject mention in the last SUBJECT_NEAR_SENTENCES
    bool subject_latest = false;       ///< no other candidate has a later one
    bool most_mentioned = false;       ///< no other candidate has more mentions
    /// Its mentions in the last MENTION_PROFILE_SENTENCES sentences: bit
    /// kind * MENTION_PROFILE_SENTENCES + back, kinds subject, other, oblique.
    unsigned profile = 0;
    std::size_t between = 0;      ///< mentions of anyone after its latest one, before the cue
    std::size_t mentions = 0;     ///< its mentions before the cue
    std::size_t rank = 0;         ///< among the candidates, by latest mention
    bool first_sentence = false;  ///< mentioned in the article's first sentence
    bool article_most = false;    ///< no person of the article has more mentions before the cue
};

/// The people a he/she at @p cue_token may be: the persons mentioned
/// before it and the last speaker, whose gender does not contradict
/// @p want, within CANDIDATE_WINDOW_SENTENCES or salient further back
/// (far_candidate()); latest mentioned first, each with its features.
std::vector<PronounCandidate> Coreference::pronoun_candidates(Gender want, std::size_t cue_token, bool opening) const {
    auto compatible = [&](std::size_t e) {
        if (e == NONE || !state_.entities[e].person) return false;
        const Gender g = state_.entities[e].gender;
        return want == Gender::UNKNOWN || g == Gender::UNKNOWN || g == want;
    };
    const std::size_t cue_sentence = tokens_[cue_token].sentence;
    std::vector<Evidence> seen;  // in order of latest mention, latest first
    std::unordered_map<std::size_t, std::size_t> slot;
    std::unordered_map<std::size_t, std::size_t> all_mentions;  // of every person, before the cue
    std::size_t passed = 0;
    for (std::size_t m = state_.mentions.size(); m-- > 0;) {
        const Mention& mention = state_.mentions[m];
        if (mention.token >= cue_token) continue;
        const std::size_t back = cue_sentence - tokens_[mention.token].sentence;
        if (mention.entity != NONE && state_.entities[mention.entity].person) ++all_mentions[mention.entity];
        if (compatible(mention.entity)) {
            auto [it, fresh] = slot.emplace(mention.entity, seen.size());
            if (fresh) {
                Evidence ev;
                ev.entity = mention.entity;
                ev.latest_token = mention.token;
                ev.latest_subject = mention.subject;
                ev.latest_oblique = mention.oblique;
                ev.latest_embedded = in_embedded_clause(mention.token);
                ev.between = passed;
                seen.push_back(ev);
            }
            Evidence& ev = seen[it->second];
            ++ev.mentions;
            if (tokens_[mention.token].sentence == 0) ev.first_sentence = true;
            if (mention.subject && back <= SUBJECT_NEAR_SENTENCES && ev.subject_token == NONE)
                ev.subject_token = mention.token;
            if (back < MENTION_PROFILE_SENTENCES) {
                const std::size_t kind = mention.subject ? 0 : mention.oblique ? 2 : 1;
                ev.profile |= 1u << (kind * MENTION_PROFILE_SENTENCES + back);
            }
        }
        ++passed;
    }
    // The last speaker is a candidate even when only a pronoun named it.
    if (compatible(state_.last_speaker) && state_.last_speaker_token < cue_token && !slot.count(state_.last_speaker)) {
        Evidence ev;
        ev.entity = state_.last_speaker;
        ev.latest_token = state_.last_speaker_token;
        ev.between = passed;
        seen.push_back(ev);
    }
    std::stable_sort(seen.begin(), seen.end(),
                     [](const Evidence& a, const Evidence& b) { return a.latest_token > b.latest_token; });
    auto far = [&](const Evidence& ev) {
        return cue_sentence - tokens_[ev.latest_token].sentence >= CANDIDATE_WINDOW_SENTENCES;
    };
    // Latest first, so the near ones are a prefix; of the far ones the
    // salient stay, and the latest when none is near.
    const auto near_end = std::find_if(seen.begin(), seen.end(), far);
    std::vector<Evidence> kept(seen.begin(), near_end);
    for (auto it = near_end; it != seen.end(); ++it)
        if (it == seen.begin() || far_candidate(*it, cue_token)) kept.push_back(*it);
    seen = std::move(kept);
    std::size_t article_most = 0;
    for (const auto& [e, n] : all_mentions) article_most = std::max(article_most, n);
    for (Evidence& ev : seen) {
        auto n = all_mentions.find(ev.entity);
        ev.article_most = article_most > 0 && n != all_mentions.end() && n->second == article_most;
    }
    auto latest_subject = std::max_element(seen.begin(), seen.end(), [](const Evidence& a, const Evidence& b) {
        return (a.subject_token == NONE ? 0 : a.subject_token + 1) <
               (b.subject_token == NONE ? 0 : b.subject_token + 1);
    });
    if (latest_subject != seen.end() && latest_subject->subject_token != NONE) latest_subject->subject_latest = true;
    std::size_t most = 0;
    for (const Evidence& ev : seen) most = std::max(most, ev.mentions);
    for (Evidence& ev : seen) ev.most_mentioned = most > 0 && ev.mentions == most;
    std::vector<PronounCandidate> out;
    for (std::size_t r = 0; r < seen.size(); ++r) {
        seen[r].rank = r;
        out.push_back({seen[r].entity, seen[r].latest_token, features_of(seen[r], want, cue_token, opening), 0});
    }
    return out;
}

/// Whether @p ev, last mentioned CANDIDATE_WINDOW_SENTENCES or more before
/// the cue at @p cue_token, is still a candidate: it spoke before, was
/// mentioned twice or more, has a role or title, or is in the article's
/// first sentence. On PolNeAR train these hold the right antecedent of most
/// pronouns the near window misses; every far person crowded the near ones
/// out (cross-validation), and the features decide among them.
bool Coreference::far_candidate(const Evidence& ev, std::size_t cue_token) const {
    const auto spoke = state_.last_spoke_token.find(ev.entity);
    return (spoke != state_.last_spoke_token.end() && spoke->second < cue_token) || ev.mentions >= 2 ||
           !state_.entities[ev.entity].role.empty() || ev.first_sentence;
}

/// The features of candidate @p ev for a pronoun of gender @p want at @p cue_token.
ResolverFeatures Coreference::features_of(const Evidence& ev, Gender want, std::size_t cue_token, bool opening) const {
    using F = ResolverFeature;
    ResolverFeatures f;
    auto set = [&f](F feature) { f.set(static_cast<std::size_t>(feature)); };
    const Entity& en = state_.entities[ev.entity];
    const Token& cue = tokens_[cue_token];
    const std::size_t back = cue.sentence - tokens_[ev.latest_token].sentence;
    if (back < DIST_FAR_START)
        f.set(static_cast<std::size_t>(F::DIST_0) + back);
    else
        set(back < DIST_FARTHER_START ? F::DIST_4_7 : F::DIST_8_PLUS);
    set_bucket(f, F::BETWEEN_0, ev.between, std::array<std::size_t, 4>{0, 1, 2, 3});
    set_bucket(f, F::RANK_0, ev.rank, std::array<std::size_t, 3>{0, 1, 2});
    if (ev.latest_subject) set(F::LATEST_SUBJECT);
    if (ev.latest_oblique) set(F::LATEST_OBLIQUE);
    for (std::size_t bit = 0; bit < 3 * MENTION_PROFILE_SENTENCES; ++bit)
        if (ev.profile & (1u << bit)) f.set(static_cast<std::size_t>(F::SUBJECT_AT_0) + bit);
    if (ev.subject_token != NONE) set(F::SUBJECT_NEAR);
    if (ev.subject_latest) set(F::SUBJECT_LATEST);
    if (tokens_[ev.latest_token].paragraph == cue.paragraph) set(F::SAME_PARAGRAPH);
    if (tokens_[ev.latest_token].paragraph + 1 == cue.paragraph) set(F::PREVIOUS_PARAGRAPH);
    if (ev.first_sentence) set(F::FIRST_SENTENCE);
    if (ev.article_most) set(F::ARTICLE_MOST);
    const bool in_title = title_has_word(model_.article.title, en.surname);
    const auto spoke = state_.last_spoke_token.find(ev.entity);
    const bool spoke_before = spoke != state_.last_spoke_token.end() && spoke->second < cue_token;
    if (back >= DIST_FAR_START && (ev.article_most || ev.first_sentence || in_title)) set(F::FAR_SALIENT);
    if (back >= DIST_FAR_START && spoke_before) set(F::FAR_SPOKE);
    if (en.gender == Gender::UNKNOWN) set(F::GENDER_UNKNOWN);
    if (en.gender == want && want != Gender::UNKNOWN) set(F::GENDER_EQUAL);
    if (ev.entity == state_.last_speaker) set(F::LAST_SPEAKER);
    if (spoke_before)
        set_bucket(f, F::SPOKE_0_1, cue.sentence - tokens_[spoke->second].sentence,
                   std::array<std::size_t, 3>{0, 2, 6});
    if (ev.mentions > 0) set_bucket(f, F::MENTIONS_1, ev.mentions, std::array<std::size_t, 3>{0, 2, 4});
    if (!en.role.empty()) set(F::HAS_ROLE);
    if (en.name.find(' ') != std::string::npos) set(F::FULL_NAME);
    for (const Mention& m : state_.mentions)
        if (state_.entities[m.entity].person) {
            if (m.entity == ev.entity) set(F::FIRST_PERSON);
            break;
        }
    if (ev.most_mentioned) set(F::MOST_MENTIONED);
    if (auto times = state_.times_spoken.find(ev.entity); times != state_.times_spoken.end() && times->second >= 2)
        set(F::SPOKE_TWICE);
    if (in_title) set(F::IN_TITLE);
    if (opening && (ev.profile & (1u << 1))) set(F::OPENING_PREVIOUS_SUBJECT);  // subject, one sentence back
    if (ev.latest_embedded) set(F::LATEST_EMBEDDED);
    return f;
}

/// Whether the mention at @p token follows, in its sentence, a relative
/// pronoun or a subordinator after some other word: "House members who have
/// endorsed Trump", "after Trump spoke"; such a mention is seldom what the
/// next sentence's "he" means.
bool Coreference::in_embedded_clause(std::size_t token) const {
    const std::size_t sentence = tokens_[token].sentence;
    for (std::size_t k = token; k-- > 0 && tokens_[k].sentence == sentence;) {
        if (k == 0 || tokens_[k - 1].sentence != sentence) break;  // a sentence's first word opens no clause inside it
        const std::string& w = tokens_[k].lower;
        if (has_class(w, WordClass::RELATIVE_PRONOUN) || has_class(w, WordClass::SUBORDINATOR)) return true;
    }
    return false;
}

/// Hands the decision at @p cue_token to the caller's trace sink, if any.
void Coreference::trace_pronoun(const SpeakerPhrase& p, std::size_t cue_token,
                                const std::vector<PronounCandidate>& candidates, std::size_t chosen) const {
    if (state_.pronoun_trace == nullptr || p.first == NONE) return;
    const std::size_t offset = model_.article.body_offset;
    PronounTrace trace;
    trace.pronoun = p.pronoun;
    trace.start = offset + tokens_[p.first].start;
    trace.end = offset + tokens_[p.last == NONE ? p.first : p.last].end;
    trace.cue_start = offset + tokens_[cue_token].start;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        PronounCandidateTrace out;
        out.entity = state_.entities[candidates[c].entity].name;
        out.score = candidates[c].score;
        for (std::size_t k = 0; k < FEATURE_COUNT; ++k)
            if (candidates[c].features.test(k)) out.features.emplace_back(FEATURE_NAMES[k]);
        if (candidates[c].entity == chosen) trace.chosen = c;
        trace.candidates.push_back(std::move(out));
    }
    (*state_.pronoun_trace)(trace);
}

}  // namespace saywho::extraction
