/** @file entities.cc
 *  @brief Extraction stage 6: entities and within-article coreference (names, pronouns and nominals to one entity).
 */
#include <algorithm>
#include <unordered_map>

#include "common/text.h"
#include "extract/text_model.h"

namespace saywho::extraction {

using namespace std::string_view_literals;

namespace {

/// "It said", "the company said": the organisation that spoke within this
/// many sentences before.
constexpr std::size_t ORGANIZATION_SPEAKER_WINDOW_SENTENCES = 10;

/// A weak given name that is also the name of a place this large ("Sydney",
/// "Aurora") does not start a person's name. Set by hand with the rule that
/// place names are not people; no record of tuning.
constexpr std::uint64_t LARGE_PLACE_POPULATION = 200000;

}  // namespace

namespace {

/// Whether @p key, a folded word, is a whole word of @p en's name
/// ("zenith" of "Zenith Laboratories Inc").
bool name_has_word(const Entity& en, const std::string& key) {
    return (" " + en.key + " ").find(" " + key + " ") != std::string::npos;
}

/// Whether @p words, one name as written, is a short form of organisation
/// @p org: its first words ("Zenith", "General Motors" for "General Motors
/// Corp") or its initials ("IBM" for "International Business Machines
/// Corp", "FAO" for "Food and Agricultural Organisation"), capitalised
/// words only, with or without a final company word. Returns how many of
/// the organisation's words it leaves out (initials count as one), 0 when
/// it is no short form of it.
std::size_t short_form_of(const std::vector<std::string>& words, const Entity& org) {
    // Both forms start with the organisation's first letter: most names are
    // told apart here, before any word is folded.
    if (words.front().empty() || org.name.empty() ||
        ascii_lower(words.front().substr(0, 1)) != ascii_lower(org.name.substr(0, 1)))
        return 0;
    const std::vector<std::string> full = split_words(org.name);
    if (words.size() < full.size()) {
        bool prefix = true;
        // "Moody" (from "Moody's said") is "Moody's Investors Service Inc".
        for (std::size_t k = 0; k < words.size() && prefix; ++k)
            prefix = fold_key(strip_possessive(words[k])) == fold_key(strip_possessive(full[k]));
        if (prefix) return full.size() - words.size();
    }
    // "IBM", or initials joined: "S and P" for "Standard and Poor's Corp".
    std::string w;
    for (const auto& word : words)
        if (word != "and" && word != "&") w += word;
    if ((words.size() != 1 && words.size() != 3) || w.size() < 2 || w.size() > 6 || !all_capitals(w)) return 0;
    return is_initials_of(w, org.name) ? 1 : 0;
}

}  // namespace

/// The organisation @p words is a short form of (short_form_of()); of
/// several, the one it leaves the fewest words out of: "First Cable" is
/// "First Cable Corp" before "First Cable Income Fund Ltd". NONE if none.
std::size_t Coreference::organization_short_form(const std::vector<std::string>& words) const {
    std::size_t best = NONE, best_left_out = 0;
    for (std::size_t e = state_.entities.size(); e-- > 0;) {
        if (state_.entities[e].person) continue;
        const std::size_t left_out = short_form_of(words, state_.entities[e]);
        if (left_out != 0 && (best == NONE || left_out < best_left_out)) {
            best = e;
            best_left_out = left_out;
        }
    }
    return best;
}

std::size_t Coreference::entity_for_name(const std::vector<std::string>& as_written, const std::string& role,
                                         bool create, bool organization) {
    // "A VW spokesman", "An FDA official": the article starts no name.
    std::vector<std::string> words = as_written;
    while (words.size() > 1 && has_class(ascii_lower(words.front()), WordClass::PHRASE_DETERMINER))
        words.erase(words.begin());
    if (words.empty()) return NONE;
    // An acronym is an organisation's initials before it is a word of another's name.
    if (role.empty() && words.size() == 1 && words[0].size() >= 2 && all_capitals(words[0]))
        if (const std::size_t org = organization_short_form(words); org != NONE) return org;
    std::string surname = fold_key(words.back());
    std::string first = words.size() >= 2 ? fold_key(words.front()) : "";
    // Most recent entity with the same surname (and a compatible first name).
    // A lone surname is a person's before it is the last word of an
    // organisation's name ("Trump" after "Donald Trump" and "Bikers for Trump").
    const bool prefer_person = words.size() == 1 && role.empty() && !organization &&
                               std::any_of(state_.entities.begin(), state_.entities.end(),
                                           [&](const Entity& en) { return en.person && en.surname == surname; });
    for (std::size_t e = state_.entities.size(); e-- > 0;) {
        Entity& en = state_.entities[e];
        if (prefer_person && !en.person) continue;
        bool same = en.surname == surname && (first.empty() || en.first.empty() || en.first == first);
        // "Costa Ribeiro" is "Mariana Costa Ribeiro"; "Commission" is "European Commission".
        if (!same && en.surname == surname && words.size() >= 2) {
            std::string tail;
            for (const auto& w : words) tail += (tail.empty() ? "" : " ") + fold_key(w);
            const std::string& full = en.key;
            same = full.size() > tail.size() && ends_with(full, " " + tail);
        }
        if (!same && !en.person && words.size() == 1 && looks_like_organization(words))
            same = name_has_word(en, surname);
        if (!same && words.size() == 1 && en.first == surname && en.person) same = false;
        if (same) {
            if (en.first.empty() && !first.empty() && en.person) {
                // A fuller mention after a surname-only one: keep the full name.
                en.first = first;
                std::string full;
                for (const auto& w : words) full += (full.empty() ? "" : " ") + w;
                en.name = full;
                en.key = fold_key(full);
            }
            if (en.role.empty() && !role.empty() && !is_honorific(role)) en.role = role;
            if (!role.empty() && !looks_like_organization(words)) en.person = true;
            // "Twitter said it ...": a lone word taken for a person on no
            // evidence (no first name, role or gender) is the organisation
            // the caller has found it to be.
            if (organization && role.empty() && en.person && en.first.empty() && en.role.empty() &&
                en.gender == Gender::UNKNOWN) {
                // Its fuller name when one is known: "Hardie" after "James
                // Hardie Industries Ltd", "Zenith" after "Zenith Laboratories Inc".
                for (std::size_t o = state_.entities.size(); o-- > 0;)
                    if (!state_.entities[o].person && name_has_word(state_.entities[o], surname)) return o;
                if (const std::size_t org = organization_short_form(words); org != NONE) return org;
                en.person = false;
            }
            if (en.gender == Gender::UNKNOWN) en.gender = gender_of_title(role);
            return e;
        }
    }
    // "Zenith said" after "Zenith Laboratories Inc", "IBM" after
    // "International Business Machines Corp": no person has that name.
    if (role.empty())
        if (const std::size_t org = organization_short_form(words); org != NONE) return org;
    if (!create) return NONE;
    // "said Watanabe" after "Fumio Watanabe, the senior officer".
    if (words.size() == 1 && !organization && !looks_like_organization(words))
        if (const auto* full = unknown_full_name(surname)) {
            words = *full;
            first = fold_key(words.front());
        }
    Entity en;
    for (const auto& w : words) en.name += (en.name.empty() ? "" : " ") + w;
    en.key = fold_key(en.name);
    en.surname = surname;
    en.first = first;
    en.role = role;
    if (words.size() >= 2) {
        // The table leaves gender unknown where its only source is noisy.
        if (auto g = lex_.given_name(words.front())) en.gender = g->gender;
    }
    if (en.gender == Gender::UNKNOWN) en.gender = gender_of_title(role);
    if (is_honorific(role)) en.role.clear();
    // A person has a given name first or a title; a name with an
    // organisation word ("Party", "Times") or an acronym is an organisation;
    // a bare surname-like word is taken for a person.
    auto given = words.size() >= 2 ? lex_.given_name(words.front()) : std::nullopt;
    bool org = organization || looks_like_organization(words);
    en.person = !org && (given.has_value() || !role.empty() || words.size() <= 3);
    if (words.size() == 1 && !role.empty()) en.person = true;
    state_.entities.push_back(en);
    return state_.entities.size() - 1;
}

namespace {

/// Whether @p w is written as a word of a name: a capital, then letters,
/// dots, apostrophes and hyphens before capitals ("Bek-Nielsen"; not
/// "Soviet-led", "A320").
bool looks_like_name_word(const std::string& w) {
    if (w.empty() || w.front() < 'A' || w.front() > 'Z') return false;
    for (std::size_t k = 1; k < w.size(); ++k) {
        const unsigned char c = static_cast<unsigned char>(w[k]);
        if (c >= '0' && c <= '9') return false;
        if (w[k - 1] == '-' && !(c >= 'A' && c <= 'Z')) return false;
    }
    return true;
}

}  // namespace

/// Remembers @p words, a name of two or three words whose first word is no
/// given name we know, for a later mention of its last word alone.
void Coreference::remember_unknown_full_name(const std::vector<std::string>& words) {
    if (words.size() > 3 || looks_like_organization(words)) return;
    // "A Swissair", "Under Roh", "European Airbus": a word of the sentence
    // or a people's adjective, no given name.
    const std::string first = ascii_lower(words.front());
    if (is_function_word(first) || is_determiner(first) || has_class(first, WordClass::PREPOSITION) ||
        lex_.demonym_country(words.front()) || written_in_lower_case(first))
        return;
    for (const auto& w : words)
        if (lex_.best_place(w) || !looks_like_name_word(w)) return;
    const std::string surname = fold_key(words.back());
    auto [it, added] = state_.unknown_full_names.emplace(surname, words);
    if (!added && fold_key(words.front()) != fold_key(it->second.front())) it->second.clear();  // two people
}

/// The one remembered full name ending in @p surname, or null.
const std::vector<std::string>* Coreference::unknown_full_name(const std::string& surname) const {
    auto it = state_.unknown_full_names.find(surname);
    return it == state_.unknown_full_names.end() || it->second.empty() ? nullptr : &it->second;
}

bool Coreference::after_preposition(std::size_t i) const {
    return i > 0 && is_word(i - 1) && has_class(tokens_[i - 1].lower, WordClass::PREPOSITION);
}

/// Whether the words from @p own_start to @p i open the sentence as one
/// noun phrase, so a name at @p i is its subject: "Trump", "Mr. Trump", "The
/// Washington Post columnist Ruth Marcus"; not "After the debate Trump".
bool Coreference::opens_sentence(std::size_t own_start, std::size_t i) const {
    constexpr std::size_t SHORT_OPENING = 3;  // "But on Monday Trump": any few words
    constexpr std::size_t LONGEST_PREMODIFIER = 8;
    if (i <= own_start + SHORT_OPENING) return true;
    if (i > own_start + LONGEST_PREMODIFIER) return false;
    for (std::size_t k = own_start; k < i; ++k) {
        const Token& t = tokens_[k];
        const bool name_part =
            t.kind == TokenKind::WORD ? t.cap || is_determiner(t.lower) || is_speaker_noun(t.lower) : is_punct(k, ".");
        if (!name_part || t.quote != NONE) return false;
    }
    return true;
}

/// Whether the name ending before @p after qualifies the name that follows
/// a role noun: "McConnell spokesman Don Stewart", "Obama campaign
/// consultant Cornell Belcher". The sentence is about the second person,
/// as with a possessive ("Trump's manager Corey Lewandowski").
bool Coreference::modifies_next_name(std::size_t after, std::size_t last) const {
    constexpr int MAX_ROLE_WORDS = 3;
    bool role = false;
    std::size_t k = after;
    for (int words = 0; words < MAX_ROLE_WORDS && k <= last && is_word(k) && !tokens_[k].cap; ++words, ++k)
        role = is_speaker_noun(tokens_[k].lower);
    return role && k <= last && is_word(k) && tokens_[k].cap && tokens_[k].quote == NONE;
}

void Coreference::register_mentions() {
    // Person mentions outside quotations, in text order: "Given Surname",
    // "Title Surname", and surnames of people already seen.
    for (const Sentence& s : sentences_) register_sentence(s);
}

/// One capitalised word at @p i, the commonest case by far: a known
/// person's surname ("Trump said") or nothing. Skips the full phrase reading.
void Coreference::register_single(const Sentence& s, std::size_t i, std::size_t own_start, bool& first_in_sentence) {
    const Token& t = tokens_[i];
    if (is_function_word(t.lower) || is_determiner(t.lower)) return;
    const std::string word = strip_possessive(token_text(t));
    const bool possessive = word.size() != t.end - t.start;
    std::size_t known = entity_for_name({word}, "", false);
    // "Singh, 47, voted ...", "Dawson, a teacher, said ...": a lone
    // name opening the sentence with an age or description.
    if (known == NONE && i == own_start && i + 2 <= s.last && is_punct(i + 1, ",") &&
        (has_class(tokens_[i + 2].lower, WordClass::DESCRIPTION_START) ||
         (tokens_[i + 2].lower.size() <= 3 && std::all_of(tokens_[i + 2].lower.begin(), tokens_[i + 2].lower.end(),
                                                          [](char c) { return c >= '0' && c <= '9'; }))) &&
        !lex_.best_place(t.lower) && !is_function_word(t.lower) && !looks_like_organization({word}))
        known = entity_for_name({word}, "", true);
    if (known != NONE && state_.entities[known].person) {
        // "Bloomberg's pollster": a possessive is not the subject.
        const bool modifier = possessive || modifies_next_name(i + 1, s.last);
        state_.mentions.push_back({known, i, first_in_sentence && opens_sentence(own_start, i) && !modifier,
                                   modifier || after_preposition(i)});
        if (!modifier) first_in_sentence = false;
    }
}

void Coreference::register_sentence(const Sentence& s) {
    // A subject stands at the start of the sentence's own words (after a
    // leading quotation, conjunction or short adverbial at most).
    std::size_t own_start = s.first;
    if (s.first < model_.dateline_end && model_.dateline_end <= s.last) own_start = model_.dateline_end;
    while (own_start <= s.last && (tokens_[own_start].quote != NONE || tokens_[own_start].kind != TokenKind::WORD))
        ++own_start;
    bool first_in_sentence = true;
    for (std::size_t i = s.first; i <= s.last; ++i) {
        const Token& t = tokens_[i];
        if (t.kind != TokenKind::WORD || t.quote != NONE || !t.cap) continue;
        // The run of capitalised words (with "Mr." dots and name particles)
        // read as a speaker phrase would be: titles and country words
        // peeled off, the name left.
        std::size_t k = i;
        while (k <= s.last && tokens_[k].quote == NONE && k - i < 9) {
            const Token& w = tokens_[k];
            bool name_word = w.kind == TokenKind::WORD && w.cap && (!is_function_word(w.lower) || k == i);
            bool dot = np_word(k) && w.kind == TokenKind::PUNCT;
            bool particle = w.kind == TokenKind::WORD && is_name_particle(w.lower) && k > i && k + 1 <= s.last &&
                            tokens_[k + 1].kind == TokenKind::WORD && tokens_[k + 1].cap;
            if (!name_word && !dot && !particle) break;
            ++k;
            if (w.kind == TokenKind::WORD && ends_in_possessive(w.lower)) break;
        }
        if (k == i) continue;
        if (k == i + 1) {
            register_single(s, i, own_start, first_in_sentence);
            continue;
        }
        auto phrase = read_phrase(i, k - 1);
        std::size_t entity = NONE;
        if (phrase && phrase->kind == SpeakerKind::PERSON && !phrase->name_words.empty()) {
            const auto& words = phrase->name_words;
            if (!phrase->role.empty() && !looks_like_organization(words)) {
                entity = entity_for_name(words, phrase->role, true);
            } else if (phrase->organization || (words.size() >= 2 && looks_like_organization(words))) {
                // Organisations are remembered so "the Commission" finds "European Commission".
                entity_for_name(words, "", true, true);
            } else if (words.size() >= 2) {
                // "San Francisco", "Buenos Aires": a place, not a person.
                std::string joined;
                for (const auto& w : words) joined += (joined.empty() ? "" : " ") + w;
                const Place* place = lex_.best_place(joined);
                if (place && place->population >= SIZEABLE_PLACE_POPULATION) continue;
                auto g = lex_.given_name(words.front());
                if (g && !(g->weak && lex_.best_place(words.front()) &&
                           lex_.best_place(words.front())->population > LARGE_PLACE_POPULATION))
                    entity = entity_for_name(words, "", true);
                else if (!g && i != own_start)  // a sentence's first capital may be its own
                    remember_unknown_full_name(words);
            } else {
                entity = entity_for_name(words, "", false);
                if (entity != NONE && !state_.entities[entity].person) entity = NONE;
            }
        }
        if (entity != NONE && state_.entities[entity].person) {
            const Token& end = tokens_[k - 1];
            const bool modifier =
                (end.kind == TokenKind::WORD && ends_in_possessive(end.lower)) || modifies_next_name(k, s.last);
            state_.mentions.push_back({entity, i, first_in_sentence && opens_sentence(own_start, i) && !modifier,
                                       modifier || after_preposition(i)});
            if (!modifier) first_in_sentence = false;
        }
        if (k > i + 1) i = k - 1;
    }
}

/// The organisation that spoke last, if it spoke in the last
/// ORGANIZATION_SPEAKER_WINDOW_SENTENCES sentences before @p cue_token, or NONE.
std::size_t Coreference::organization_speaker_near(std::size_t cue_token) const {
    if (state_.last_organization_speaker == NONE) return NONE;
    const std::size_t back = tokens_[cue_token].sentence - tokens_[state_.last_organization_speaker_token].sentence;
    return back <= ORGANIZATION_SPEAKER_WINDOW_SENTENCES ? state_.last_organization_speaker : NONE;
}

/// "the president", "the deputy minister": the latest person whose role
/// holds every word of it, or NONE.
std::size_t Coreference::nominal_by_role(const SpeakerPhrase& p, std::size_t cue_token) const {
    // role holds every word of it.
    const std::vector<std::string> want = split_words(ascii_lower(p.nominal.empty() ? p.role : p.nominal));
    auto role_fits = [&](std::size_t e) {
        if (e == NONE || !state_.entities[e].person || state_.entities[e].role.empty()) return false;
        std::string role = " " + ascii_lower(state_.entities[e].role) + " ";
        for (const auto& w : want)
            if (role.find(" " + w + " ") == std::string::npos) return false;
        return !want.empty();
    };
    // The last speaker if the role fits, else the latest person
    // mentioned before the cue with that role.
    if (role_fits(state_.last_speaker)) return state_.last_speaker;
    for (std::size_t m = state_.mentions.size(); m-- > 0;)
        if (state_.mentions[m].token < cue_token && role_fits(state_.mentions[m].entity))
            return state_.mentions[m].entity;
    for (std::size_t e = state_.entities.size(); e-- > 0;)
        if (role_fits(e)) return e;
    return NONE;
}

/// A document that speaks for the organisation that issued it, when the
/// text names that one: "a document issued by the PMDB", "a statement from
/// the Bundesbank", "a ministry statement" (the ministry named before);
/// NONE for a document whose issuer is not given ("the report said").
std::size_t Coreference::issuer_of_document(const SpeakerPhrase& p, std::size_t cue_token) {
    if (!has_class(tokens_[p.last].lower, WordClass::DOCUMENT_NOUN)) return NONE;
    for (std::size_t k = p.last + 1; k + 1 < cue_token; ++k) {
        if (tokens_[k].lower != "by"sv && tokens_[k].lower != "from"sv) continue;
        std::size_t at = k + 1;
        if (tokens_[at].lower == "the"sv) ++at;
        std::vector<std::string> words;
        for (; at < cue_token && tokens_[at].kind == TokenKind::WORD && tokens_[at].cap; ++at)
            words.push_back(strip_possessive(token_text(tokens_[at])));
        if (words.empty()) continue;
        const std::size_t e = entity_for_name(words, "", false);
        if (e != NONE && !state_.entities[e].person) return e;
    }
    for (std::size_t k = p.first; k < p.last; ++k) {
        if (!looks_like_organization({tokens_[k].lower})) continue;
        const std::string word = " " + tokens_[k].lower + " ";
        for (std::size_t e = state_.entities.size(); e-- > 0;)
            if (!state_.entities[e].person && (" " + state_.entities[e].key + " ").find(word) != std::string::npos)
                return e;
    }
    return NONE;
}

/// "the statistics department", "the finance ministry", "the central
/// bank": an institution described in lower case, named by its words and
/// the country of the story's dateline ("New Zealand statistics
/// department"), or NONE. Not "the new department": a vague word
/// describes nothing; nor "the rating agency" or "the union", which stand
/// for organisations that have names.
std::size_t Coreference::described_institution(const SpeakerPhrase& p) {
    const std::size_t head = p.last;
    if (p.nominal.empty() || head == NONE || head < 2 || tokens_[head].cap) return NONE;
    const std::string& noun = tokens_[head].lower;
    if (!has_class(noun, WordClass::INSTITUTION_NOUN)) return NONE;
    const Token& modifier = tokens_[head - 1];
    if (modifier.kind != TokenKind::WORD || modifier.cap || is_function_word(modifier.lower) ||
        is_determiner(modifier.lower) || has_class(modifier.lower, WordClass::VAGUE_MODIFIER) ||
        !std::isalpha(static_cast<unsigned char>(modifier.lower[0])) || tokens_[head - 2].lower != "the"sv)
        return NONE;
    std::string name = modifier.lower + " " + noun;
    if (const Place* country = model_.dateline ? lex_.country(model_.dateline->country_code) : nullptr)
        name = country->name + " " + name;
    return organization_named(name);
}

/// The organisation entity named @p name, made if the article has none.
/// Only its whole name finds it again: "the Labour department" is not the
/// statistics department, "the Clinton campaign" not the Huckabee one.
std::size_t Coreference::organization_named(const std::string& name) {
    Entity en;
    en.name = name;
    en.key = fold_key(name);
    en.surname = en.key;
    en.person = false;
    for (std::size_t e = 0; e < state_.entities.size(); ++e)
        if (state_.entities[e].key == en.key) return e;
    state_.entities.push_back(en);
    return state_.entities.size() - 1;
}

/// "Huckabee's campaign", "the Clinton campaign", "Obama's administration":
/// the organisation of a person the article names, named after that person
/// in full ("Mike Huckabee campaign"), or NONE.
std::size_t Coreference::organization_of_person(const SpeakerPhrase& p) {
    const std::size_t head = p.last;
    if (p.nominal.empty() || head == NONE || head == 0 || head <= p.first || tokens_[head].cap ||
        !looks_like_organization({tokens_[head].lower}))
        return NONE;
    std::size_t first = head;
    while (first > p.first && tokens_[first - 1].kind == TokenKind::WORD && tokens_[first - 1].cap &&
           !is_determiner(tokens_[first - 1].lower))
        --first;
    if (first == head) return NONE;
    std::vector<std::string> words;
    for (std::size_t k = first; k < head; ++k) words.push_back(strip_possessive(token_text(tokens_[k])));
    const std::size_t person = entity_for_name(words, "", false);
    std::string owner;
    if (person != NONE && state_.entities[person].person) {
        owner = state_.entities[person].name;
    } else if (person == NONE && words.size() <= 3 && !looks_like_organization(words)) {
        // "the Clinton campaign" in a story that names no Clinton: the name as written.
        for (const auto& w : words) owner += (owner.empty() ? "" : " ") + w;
        // Not "the Iowa campaign": a campaign in a place (small places share names with people).
        const Place* place = lex_.best_place(ascii_lower(owner));
        if ((place && place->population >= SIZEABLE_PLACE_POPULATION) || lex_.demonym_country(owner)) return NONE;
    } else {
        return NONE;
    }
    return organization_named(owner + " " + tokens_[head].lower);
}

/// "the company", "the Kremlin", "the Ukrainian agriculture ministry": an
/// organisation named or described, or NONE.
std::size_t Coreference::resolve_nominal(const SpeakerPhrase& p, std::size_t cue_token) {
    if (p.first == NONE || p.last == NONE) return NONE;  // an asker the text does not name
    // "those close to the campaign": people around it, not the campaign.
    if (has_class(tokens_[p.first].lower, WordClass::GROUP_PRONOUN)) return NONE;
    if (!p.role.empty()) {
        const std::size_t e = nominal_by_role(p, cue_token);
        if (e != NONE) return e;
    }
    if (const std::size_t issuer = issuer_of_document(p, cue_token); issuer != NONE) return issuer;
    if (const std::size_t own = organization_of_person(p); own != NONE) return own;
    // "a department", "another company": someone new, not one named before.
    if (!has_class(tokens_[p.first].lower, WordClass::INDEFINITE_DETERMINER)) {
        // "the company", "the department", "the ministry": the latest
        // organisation named with that word, or any for "company".
        const std::string head = tokens_[p.last].lower;
        bool generic = has_class(head, WordClass::GENERIC_ORG_NOUN);
        if (const std::size_t org = generic ? organization_speaker_near(cue_token) : NONE; org != NONE) return org;
        // "the Iowa campaign" is not the Clinton campaign: the capitalised
        // words that qualify the noun must be in the organisation's name.
        std::vector<std::string> qualifiers;
        for (std::size_t k = p.first; k < p.last; ++k)
            if (tokens_[k].kind == TokenKind::WORD && tokens_[k].cap && !is_determiner(tokens_[k].lower))
                qualifiers.push_back(" " + fold_key(strip_possessive(token_text(tokens_[k]))) + " ");
        for (std::size_t e = state_.entities.size(); e-- > 0;) {
            if (state_.entities[e].person) continue;
            std::string full = " " + state_.entities[e].key + " ";
            const bool qualified = std::all_of(qualifiers.begin(), qualifiers.end(),
                                               [&](const std::string& q) { return full.find(q) != std::string::npos; });
            if (qualified &&
                (full.find(" " + head + " ") != std::string::npos || (generic && state_.used_as_speaker.count(e))))
                return e;
        }
    }
    if (!p.nominal.empty() && !tokens_[p.last].cap && looks_like_organization({tokens_[p.last].lower})) {
        // "the Ukrainian agriculture ministry": an organisation described.
        bool described = false;
        for (std::size_t k = p.first; k < p.last; ++k)
            if (tokens_[k].cap && !is_determiner(tokens_[k].lower)) described = true;  // not "A" opening a sentence
        if (described) {
            Entity en;
            en.name = p.nominal;
            en.key = fold_key(en.name);
            en.surname = fold_key(tokens_[p.last].lower);
            en.person = false;
            state_.entities.push_back(en);
            return state_.entities.size() - 1;
        }
    }
    if (const std::size_t e = described_institution(p); e != NONE) return e;
    const bool capital_by_place = p.first == p.last && at_sentence_start(p.first) &&
                                  written_in_lower_case(tokens_[p.last].lower);  // "Automakers say"
    if (!p.nominal.empty() && tokens_[p.last].cap && !capital_by_place &&
        (tokens_[p.last].all_caps || !is_common_speaker_noun(tokens_[p.last].lower))) {
        // "the Kremlin", "the White House": an organisation by name (not
        // "Analysts" at the start of a sentence).
        std::vector<std::string> words;
        for (std::size_t k = p.first; k <= p.last; ++k)
            if (tokens_[k].cap && tokens_[k].lower != "the"sv) words.push_back(token_text(tokens_[k]));
        if (!words.empty()) {
            std::size_t e = entity_for_name(words, "", true);
            return e;
        }
    }
    return NONE;
}

std::size_t Coreference::resolve(const SpeakerPhrase& p, std::size_t cue_token) {
    switch (p.kind) {
        case SpeakerKind::PERSON: {
            return entity_for_name(p.name_words, p.role, true, p.organization);
        }
        case SpeakerKind::PRONOUN:
            return resolve_pronoun(p, cue_token);
        case SpeakerKind::NOMINAL:
            return resolve_nominal(p, cue_token);
        case SpeakerKind::ORGANIZATION:
            break;
    }
    return NONE;
}

}  // namespace saywho::extraction
