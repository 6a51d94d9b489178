/** @file pronoun_resolver.cc
 *  @brief Extraction stage 6: the candidates of a he/she speaker and the features the learned resolver scores them by.
 */
#include <algorithm>

#include "extract/text_model.h"

namespace saywho::extraction {

namespace {

constexpr std::size_t FEATURE_COUNT = static_cast<std::size_t>(ResolverFeature::COUNT);

/// The names of the features, in ResolverFeature order: the keys of
/// common/data/pronoun_resolver.tsv and of the training dump.
constexpr std::array<std::string_view, FEATURE_COUNT> FEATURE_NAMES = {
    "bias",           "dist_0",         "dist_1",         "dist_2",         "dist_3",
    "dist_4_7",       "dist_8_plus",    "between_0",      "between_1",      "between_2",
    "between_3_plus", "rank_0",         "rank_1",         "rank_2_plus",    "latest_subject",
    "latest_oblique", "subject_near",   "subject_dist_0", "subject_dist_1", "same_paragraph",
    "gender_equal",   "gender_unknown", "last_speaker",   "spoke_0_1",      "spoke_2_5",
    "spoke_6_plus",   "mentions_1",     "mentions_2_3",   "mentions_4_plus", "has_role",
    "full_name",      "first_person",
};

/// A subject this many sentences back still counts for SUBJECT_NEAR.
constexpr std::size_t SUBJECT_NEAR_SENTENCES = 4;

/// Sets @p first + the bucket of @p n among the buckets that start at
/// @p starts (ascending, starts[0] == 0): one indicator of a run.
template <std::size_t N>
void set_bucket(ResolverFeatures& f, ResolverFeature first, std::size_t n, const std::array<std::size_t, N>& starts) {
    std::size_t bucket = 0;
    while (bucket + 1 < N && n >= starts[bucket + 1]) ++bucket;
    f.set(static_cast<std::size_t>(first) + bucket);
}

}  // namespace

std::string_view resolver_feature_name(ResolverFeature f) { return FEATURE_NAMES[static_cast<std::size_t>(f)]; }

/// What the mentions before a cue tell of one candidate.
struct Coreference::Evidence {
    std::size_t entity = NONE;
    std::size_t latest_token = 0;
    bool latest_subject = false, latest_oblique = false;
    bool subject_near = false;
    std::size_t between = 0;   ///< mentions of anyone after its latest one, before the cue
    std::size_t mentions = 0;  ///< its mentions before the cue
    std::size_t rank = 0;      ///< among the candidates, by latest mention
};

/// The people a he/she at @p cue_token may be: every person mentioned
/// before it, and the last speaker, whose gender does not contradict
/// @p want; latest mentioned first, each with its features.
std::vector<PronounCandidate> Coreference::pronoun_candidates(Gender want, std::size_t cue_token) const {
    auto compatible = [&](std::size_t e) {
        if (e == NONE || !state_.entities[e].person) return false;
        const Gender g = state_.entities[e].gender;
        return want == Gender::UNKNOWN || g == Gender::UNKNOWN || g == want;
    };
    const std::size_t cue_sentence = tokens_[cue_token].sentence;
    std::vector<Evidence> seen;  // in order of latest mention, latest first
    std::unordered_map<std::size_t, std::size_t> slot;
    std::size_t passed = 0;
    for (std::size_t m = state_.mentions.size(); m-- > 0;) {
        const Mention& mention = state_.mentions[m];
        if (mention.token >= cue_token) continue;
        const std::size_t back = cue_sentence - tokens_[mention.token].sentence;
        if (compatible(mention.entity)) {
            auto [it, fresh] = slot.emplace(mention.entity, seen.size());
            if (fresh) {
                Evidence ev;
                ev.entity = mention.entity;
                ev.latest_token = mention.token;
                ev.latest_subject = mention.subject;
                ev.latest_oblique = mention.oblique;
                ev.between = passed;
                seen.push_back(ev);
            }
            Evidence& ev = seen[it->second];
            ++ev.mentions;
            ev.subject_near = ev.subject_near || (mention.subject && back <= SUBJECT_NEAR_SENTENCES);
        }
        ++passed;
    }
    // The last speaker is a candidate even when only a pronoun named it.
    if (compatible(state_.last_speaker) && state_.last_speaker_token < cue_token &&
        !slot.count(state_.last_speaker)) {
        Evidence ev;
        ev.entity = state_.last_speaker;
        ev.latest_token = state_.last_speaker_token;
        ev.between = passed;
        seen.push_back(ev);
    }
    std::stable_sort(seen.begin(), seen.end(),
                     [](const Evidence& a, const Evidence& b) { return a.latest_token > b.latest_token; });
    std::vector<PronounCandidate> out;
    for (std::size_t r = 0; r < seen.size(); ++r) {
        seen[r].rank = r;
        out.push_back({seen[r].entity, seen[r].latest_token, features_of(seen[r], want, cue_token), 0});
    }
    return out;
}

/// The features of candidate @p ev for a pronoun of gender @p want at @p cue_token.
ResolverFeatures Coreference::features_of(const Evidence& ev, Gender want, std::size_t cue_token) const {
    using F = ResolverFeature;
    ResolverFeatures f;
    auto set = [&f](F feature) { f.set(static_cast<std::size_t>(feature)); };
    const Entity& en = state_.entities[ev.entity];
    const Token& cue = tokens_[cue_token];
    const std::size_t back = cue.sentence - tokens_[ev.latest_token].sentence;
    set(F::BIAS);
    set_bucket(f, F::DIST_0, back, std::array<std::size_t, 6>{0, 1, 2, 3, 4, 8});
    set_bucket(f, F::BETWEEN_0, ev.between, std::array<std::size_t, 4>{0, 1, 2, 3});
    set_bucket(f, F::RANK_0, ev.rank, std::array<std::size_t, 3>{0, 1, 2});
    if (ev.latest_subject) set(F::LATEST_SUBJECT);
    if (ev.latest_oblique) set(F::LATEST_OBLIQUE);
    if (ev.subject_near) set(F::SUBJECT_NEAR);
    if (ev.latest_subject && back == 0) set(F::SUBJECT_DIST_0);
    if (ev.latest_subject && back == 1) set(F::SUBJECT_DIST_1);
    if (tokens_[ev.latest_token].paragraph == cue.paragraph) set(F::SAME_PARAGRAPH);
    if (en.gender == Gender::UNKNOWN) set(F::GENDER_UNKNOWN);
    if (en.gender == want && want != Gender::UNKNOWN) set(F::GENDER_EQUAL);
    if (ev.entity == state_.last_speaker) set(F::LAST_SPEAKER);
    if (auto spoke = state_.last_spoke_token.find(ev.entity);
        spoke != state_.last_spoke_token.end() && spoke->second < cue_token)
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
    return f;
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
