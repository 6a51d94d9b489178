/** @file speaker_phrases.cc
 *  @brief Extraction stage 4: the noun phrase naming a speaker, its name, role, nominal or pronoun.
 *
 *  PhraseReader::speaker_before() is in speaker_before.cc.
 */
#include <algorithm>

#include "common/text.h"
#include "extract/text_model.h"

namespace saywho::extraction {

using namespace std::string_view_literals;

std::size_t PhraseReader::match_title(std::size_t i, std::size_t limit, std::string& title) const {
    std::size_t best = 0;
    std::string phrase;
    for (std::size_t n = 1; n <= lex_.max_title_words() && i + n - 1 <= limit; ++n) {
        const Token& t = tokens_[i + n - 1];
        if (t.kind != TokenKind::WORD) break;
        phrase += (n > 1 ? " " : "") + t.lower;
        if (auto found = lex_.title(phrase)) {
            best = n;
            title = *found;
        } else if (i + n <= limit && is_punct(i + n, ".") && tokens_[i + n].start == t.end) {
            if (auto dotted = lex_.title(phrase + ".")) {
                best = n;
                title = *dotted;
            }
        }
    }
    return best;
}

bool PhraseReader::np_word(std::size_t i) const {
    const Token& t = tokens_[i];
    // Possessives belong to the phrase: "the Democratic nominee's campaign".
    if (t.kind == TokenKind::WORD && t.quote == NONE && ends_in_possessive(t.lower)) return true;
    // The dot of "Mr." or "Sen." belongs to the phrase.
    if (t.kind == TokenKind::PUNCT && t.lower == "."sv && i > 0 && tokens_[i - 1].kind == TokenKind::WORD &&
        tokens_[i - 1].end == t.start &&
        (is_abbreviation(tokens_[i - 1].lower) ||
         (tokens_[i - 1].cap && tokens_[i - 1].end - tokens_[i - 1].start == 1)))  // an initial: "C. Boyden Gray"
        return true;
    if (t.kind != TokenKind::WORD || t.quote != NONE) return false;
    if (t.cap) return !is_function_word(t.lower) || t.lower == "the"sv;
    if (is_determiner(t.lower) || is_speaker_noun(t.lower)) return true;
    if (has_class(t.lower, WordClass::PHRASE_LINKER)) return true;
    // np_word() runs in many scans over the same tokens: remember the
    // lexicon's answer per token.
    if (model_.single_title.size() != tokens_.size()) model_.single_title.assign(tokens_.size(), -1);
    if (model_.single_title[i] < 0) {
        std::string title;
        model_.single_title[i] = match_title(i, i, title) > 0 ? 1 : 0;
    }
    return model_.single_title[i] == 1;
}

SpeakerPhrase PhraseReader::nominal_phrase(std::size_t first, std::size_t last, std::size_t words_first) const {
    SpeakerPhrase p;
    p.kind = SpeakerKind::NOMINAL;
    p.first = first;
    p.last = last;
    p.nominal = text_of(words_first, last);
    return p;
}

bool PhraseReader::is_name_word(std::size_t k) const {
    const Token& t = tokens_[k];
    return t.kind == TokenKind::WORD && t.cap && !is_function_word(t.lower);
}

/// "General Motors Corp", "Agency of Natural Resources and Energy", "<Montenay
/// Power Corp>": a capitalised run ending at @p last in an organisation word
/// or marked as a company's is one organisation's name, titles ("General")
/// and joiners ("of", "and") included. Its first token, or NONE. The run may
/// reach before @p first (callers stop at "and"), not past its sentence.
std::size_t PhraseReader::organization_start(std::size_t first, std::size_t last) const {
    const Token& end = tokens_[last];
    const bool marked = end.company_mark;
    // A company word ends a company's name; another organisation word
    // ("Ministry", "Post") only a name without titles or given names.
    const bool company = marked || has_class(end.lower, WordClass::COMPANY_SUFFIX);
    if (!end.cap || end.quote != NONE || !(company || has_class(end.lower, WordClass::ORGANIZATION))) return NONE;
    auto inside = [&](std::size_t k) { return tokens_[k].sentence == end.sentence && tokens_[k].quote == NONE; };
    auto part = [&](std::size_t k) {
        const Token& t = tokens_[k];
        if (marked) return t.company_mark;
        if (!is_name_word(k) || is_determiner(t.lower)) return false;
        if (!company && lex_.given_name(token_text(t))) return false;  // "Atlantic City Mayor Don Guardian"
        // "Japan's Agency ...": a place's possessive is not part of the name; "Poor's" is.
        const std::string bare = strip_possessive(token_text(t));
        return bare.size() == t.end - t.start || !lex_.best_place(ascii_lower(bare));
    };
    std::size_t run = last;
    while (run > 0 && inside(run - 1)) {
        if (part(run - 1)) {
            --run;
        } else if (!marked && run >= 2 && has_class(tokens_[run - 1].lower, WordClass::NAME_JOINER) &&
                   inside(run - 2) && part(run - 2)) {
            run -= 2;
        } else {
            break;
        }
    }
    if (!company) run = after_joined_names(run, last);
    // A name word before it (not a possessive: "Japan's Agency ...") is a
    // person's name or title the organisation word belongs to.
    if (!company && run > 0 && inside(run - 1) && is_name_word(run - 1) && !is_determiner(tokens_[run - 1].lower) &&
        strip_possessive(tokens_[run - 1].lower) == tokens_[run - 1].lower)
        return NONE;
    // "Mujtaba Rahman of Eurasia Group", "David French of the National
    // Retail Federation": the person speaks; affiliation_split() reads it.
    std::size_t before = run;
    while (before > first && is_determiner(tokens_[before - 1].lower)) --before;
    if (before > first + 1 && has_class(tokens_[before - 1].lower, WordClass::EMPLOYER_PREPOSITION) &&
        is_name_word(before - 2))
        return NONE;
    return marked || run < last ? run : NONE;
}

/// Where an organisation's name read back over joiners starts: "Bureau of
/// Mines and Energy" whole, as an organisation word comes before its first
/// joiner; "Rahman of Eurasia Group" from "Eurasia" on.
std::size_t PhraseReader::after_joined_names(std::size_t run, std::size_t last) const {
    std::size_t first_joiner = NONE, last_joiner = NONE;
    for (std::size_t k = run; k <= last; ++k)
        if (has_class(tokens_[k].lower, WordClass::NAME_JOINER)) {
            if (first_joiner == NONE) first_joiner = k;
            last_joiner = k;
        }
    if (first_joiner == NONE) return run;
    for (std::size_t k = run; k < first_joiner; ++k)
        if (has_class(tokens_[k].lower, WordClass::ORGANIZATION)) return run;
    return last_joiner + 1;
}

namespace {

/// A text with fewer capitals than one in this many words inside sentences
/// is set in lower case (some wire stories are), names included.
constexpr std::size_t LOWER_CASE_TEXT_CAPITALS = 100;

}  // namespace

bool PhraseReader::written_in_lower_case(const std::string& lower) const {
    bool lower_seen = false;
    std::size_t inner_words = 0, inner_capitals = 0;
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
        const Token& t = tokens_[i];
        if (t.kind != TokenKind::WORD) continue;
        if (!at_sentence_start(i)) {
            ++inner_words;
            if (t.cap) ++inner_capitals;
        }
        if (t.lower != lower) continue;
        if (!t.cap) lower_seen = true;
        if (t.cap && !at_sentence_start(i)) return false;  // "said Azpurua"
    }
    // A story set all in lower case writes names so too ("said azpurua").
    return lower_seen && inner_capitals * LOWER_CASE_TEXT_CAPITALS > inner_words;
}

bool PhraseReader::at_sentence_start(std::size_t i) const {
    return i == 0 || i == NONE || tokens_[i - 1].sentence != tokens_[i].sentence ||
           (tokens_[i - 1].kind == TokenKind::PUNCT && tokens_[i - 1].lower != ","sv);
}

/// A one-word name is often no person's: "Analysts said" (a capital at the
/// start of a sentence makes no name), "Washington said" (a capital or a
/// country speaks for its government).
void PhraseReader::one_word_name(SpeakerPhrase& p) const {
    const std::string& word = p.name_words.front();
    const std::string lower = ascii_lower(word);
    const bool acronym = std::none_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    // "Automakers said" opening a sentence of a story that speaks of
    // automakers elsewhere: the capital is the sentence's.
    const bool common_word = !acronym && at_sentence_start(p.first) && written_in_lower_case(lower);
    if (!acronym && (is_common_speaker_noun(lower) || common_word)) {  // "FBI" is a name
        p.kind = SpeakerKind::NOMINAL;
        p.nominal = lower;
        p.name_words.clear();
        return;
    }
    const Place* place = lex_.best_place(lower);
    if (place && (place->kind == "country" || place->population >= SIZEABLE_PLACE_POPULATION)) p.organization = true;
}

/// "Jason Gilbert of Cheyenne", "David French of the National Retail
/// Federation": a name before of/for/from is the speaker; the rest is
/// affiliation, and @p name_last is set to the name's last token. Returns
/// true when @p p is complete: a nominal headed before the preposition.
bool PhraseReader::affiliation_split(SpeakerPhrase& p, std::size_t first, std::size_t last,
                                     std::size_t& name_last) const {
    for (std::size_t m = first + 1; m < last; ++m) {
        if (!has_class(tokens_[m].lower, WordClass::EMPLOYER_PREPOSITION)) continue;
        // "Secretary of State Hillary Clinton": the preposition is inside a title.
        bool in_title = false;
        for (std::size_t k = first; k < m && !in_title; ++k) {
            std::string title;
            std::size_t n = match_title(k, last, title);
            in_title = n > 0 && k + n - 1 > m;
        }
        if (in_title) continue;
        // "Department of Health", "Federal Court of Justice": one name.
        if (tokens_[m].lower == "of"sv && is_name_word(m - 1) && m + 1 <= last && is_name_word(m + 1) &&
            looks_like_organization({token_text(tokens_[m - 1])}))
            continue;
        if (is_name_word(m - 1)) {
            name_last = m - 1;
            break;
        }
        // "a spokesman for the ministry": a nominal headed before the preposition.
        if (is_speaker_noun(tokens_[m - 1].lower)) {
            p.kind = SpeakerKind::NOMINAL;
            std::size_t from = first;
            while (from < m - 1 && is_determiner(tokens_[from].lower)) ++from;
            std::string title;
            if (match_title(m - 1, m - 1, title)) p.role = title;
            p.nominal = text_of(from, last);
            return true;
        }
        break;
    }
    return false;
}

/// The start of a name and the role read before it.
struct PhraseReader::NameRun {
    std::size_t run;
    std::string role;
};

/// Peels titles and country words off the front of the capitalised run
/// that starts at @p run and ends at @p name_last: "President Donald
/// Trump", "Secretary of State Marco Rubio", "US". Returns the role and
/// where the name starts.
PhraseReader::NameRun PhraseReader::peel_titles(std::size_t first, std::size_t name_last, std::size_t run) const {
    std::string role;
    std::size_t title_end = NONE;  // where the last title ended, to join adjacent ones
    for (std::size_t k = first; k <= name_last;) {
        std::string title;
        std::size_t n = match_title(k, name_last, title);
        if (n) {
            // "Deputy" + "Foreign Minister" read as one role.
            role = title_end == k && !role.empty() ? role + " " + title : title;
            k += n;
            while (k <= name_last && tokens_[k].kind == TokenKind::PUNCT) ++k;
            title_end = k;
            if (k > run) run = k;
            continue;
        }
        if (k >= run) {
            const Token& t = tokens_[k];
            bool country_word = k < name_last &&
                                (lex_.demonym_country(strip_possessive(token_text(t))) || ends_in_possessive(t.lower) ||
                                 (t.all_caps && t.end - t.start <= 4 && lex_.best_place(t.lower) &&
                                  lex_.best_place(t.lower)->kind == "country"));
            // A country word only counts as a modifier when a title follows it.
            std::string next_title;
            if (country_word && k + 1 <= name_last && match_title(k + 1, name_last, next_title)) {
                ++k;
                run = k;
                continue;
            }
            if (k == run && t.lower == "the"sv) {
                ++k;
                run = k;
                continue;
            }
            break;
        }
        ++k;
    }
    // A title inside the capitalised run ends what came before it:
    // "United Auto Workers Secretary-Treasurer Gary Casteel".
    for (std::size_t k = run; k <= name_last; ++k) {
        std::string title;
        std::size_t n = k > run ? match_title(k, name_last, title) : 0;
        if (n && k + n <= name_last) {
            role = title;
            run = k + n;
            k = run - 1;
        }
    }
    return {run, role};
}

/// A long capitalised run holding a given name: the name starts there
/// ("Auto Workers Gary Casteel").
void PhraseReader::trim_to_given_name(SpeakerPhrase& p) const {
    for (std::size_t g = 0; g + 1 < p.name_words.size(); ++g) {
        auto given = lex_.given_name(p.name_words[g]);
        if (given && !given->weak && g > 0) {
            p.name_words.erase(p.name_words.begin(), p.name_words.begin() + static_cast<std::ptrdiff_t>(g));
            break;
        }
    }
}

std::optional<SpeakerPhrase> PhraseReader::read_phrase(std::size_t first, std::size_t last) const {
    // Trim "of"/"for" and determiners at the edges that cannot start or end
    // a phrase, and a day or month before a name ("Friday Reagan said").
    // "Even Lindsey Graham said", "Instead, ...": an adverb or a
    // conjunction opening the sentence is capitalised by its place alone.
    auto opening_word = [&](std::size_t k) {
        const std::string& w = tokens_[k].lower;
        return at_sentence_start(k) && !is_determiner(w) &&
               (is_adverb_between(w) || has_class(w, WordClass::CLAUSE_OPENER) ||
                has_class(w, WordClass::SUBORDINATOR) || has_class(w, WordClass::CONJUNCTION));
    };
    while (first <= last &&
           (has_class(tokens_[first].lower, WordClass::PHRASE_LINKER) || opening_word(first) ||
            (first < last && (is_weekday(tokens_[first].lower) || month_number(tokens_[first].lower)))))
        ++first;
    // "Islamic State": a capitalised word after another ends a name, even
    // one that is a determiner in lower case ("state officials").
    auto name_end = [&](std::size_t k) { return k > first && tokens_[k].cap && tokens_[k - 1].cap; };
    while (last >= first && last != NONE &&
           (has_class(tokens_[last].lower, WordClass::PHRASE_LINKER) ||
            (is_determiner(tokens_[last].lower) && !name_end(last))))
        --last;
    if (first > last || last == NONE || last - first > 9) return std::nullopt;
    if (first == last && (is_weekday(tokens_[first].lower) || month_number(tokens_[first].lower)))
        return std::nullopt;  // "Friday, Texas asked": a day is nobody
    SpeakerPhrase p;
    p.first = first;
    p.last = last;
    // "he said", and "he's said", "they've said": a pronoun with its auxiliary.
    if (first == last && is_pronoun(without_clitic(tokens_[first].lower))) {
        p.kind = SpeakerKind::PRONOUN;
        p.pronoun = without_clitic(tokens_[first].lower);
        return p;
    }
    // "S and P said", "S&P said": initials joined are a company's.
    // The caller stops at "and": the initials may reach before @p first.
    if (last >= 2 && tokens_[last - 2].sentence == tokens_[last].sentence && tokens_[last].cap &&
        tokens_[last - 2].cap && tokens_[last - 2].quote == NONE && tokens_[last].end - tokens_[last].start == 1 &&
        tokens_[last - 2].end - tokens_[last - 2].start == 1 &&
        has_class(tokens_[last - 1].lower, WordClass::NAME_JOINER)) {
        p.first = last - 2;
        p.organization = true;
        p.name_words = {token_text(tokens_[last - 2]), token_text(tokens_[last - 1]), token_text(tokens_[last])};
        p.kind = SpeakerKind::PERSON;
        return p;
    }
    if (const std::size_t org = organization_start(first, last); org != NONE) {
        p.first = std::min(first, org);
        p.organization = true;
        for (std::size_t k = org; k <= last; ++k) p.name_words.push_back(token_text(tokens_[k]));
        p.name_words.back() = strip_possessive(p.name_words.back());
        p.kind = SpeakerKind::PERSON;  // a name: resolve() gives it its entity
        return p;
    }
    std::size_t name_last = last;
    if (affiliation_split(p, first, last, name_last)) return p;
    // The name is the run of capitalised words at the end; titles and
    // modifiers before it ("US President", "Rubio spokesman") give the role.
    std::size_t run = name_last + 1;
    while (run > first &&
           (is_name_word(run - 1) ||
            (tokens_[run - 1].kind == TokenKind::PUNCT && tokens_[run - 1].lower == "."sv && run - 1 > first) ||
            (is_name_particle(tokens_[run - 1].lower) && run - 1 > first && is_name_word(run - 2))))
        --run;
    const NameRun name = peel_titles(first, name_last, run);
    run = name.run;
    const std::string& role = name.role;
    p.role = role;
    for (std::size_t k = run; k <= name_last; ++k) {
        if (tokens_[k].kind != TokenKind::WORD) continue;
        // An initial keeps its dot: "Y. Hojoh", "C. Boyden Gray".
        const bool initial = tokens_[k].end - tokens_[k].start == 1 && k + 1 <= name_last && is_punct(k + 1, ".") &&
                             tokens_[k + 1].start == tokens_[k].end;
        p.name_words.push_back(initial ? token_text(tokens_[k]) + "." : strip_possessive(token_text(tokens_[k])));
    }
    // "The United Auto Workers said": a person's name takes no article.
    if (run > first && tokens_[run - 1].lower == "the"sv && p.name_words.size() >= 2 && role.empty() &&
        !lex_.given_name(p.name_words.front()))
        p.organization = true;
    // A long capitalised run holding a given name: the name starts there
    // ("Auto Workers Gary Casteel").
    if (p.name_words.size() >= 3 && !lex_.given_name(p.name_words.front())) trim_to_given_name(p);
    if (!p.name_words.empty() && p.name_words.size() <= 5) {
        p.kind = SpeakerKind::PERSON;  // may turn out an organisation in resolve()
        if (p.name_words.size() == 1 && role.empty()) one_word_name(p);
        return p;
    }
    // No name: "the president", "officials", "the company".
    p.name_words.clear();
    const Token& head = tokens_[last];
    if (!is_speaker_noun(head.lower) && role.empty()) return std::nullopt;
    p.kind = SpeakerKind::NOMINAL;
    std::size_t from = first;
    while (from < last && is_determiner(tokens_[from].lower)) ++from;
    p.nominal = text_of(from, last);
    return p;
}

/// Whether a speaker's post-modifier starts at @p i: "(a person) close to
/// the Clintons", "familiar with", "with knowledge of", "known as", "who".
bool PhraseReader::postmodifier_at(std::size_t i) const {
    if (!is_word(i) || tokens_[i].quote != NONE) return false;
    const std::string& w = tokens_[i].lower;
    const std::string next = i + 1 < tokens_.size() ? tokens_[i + 1].lower : std::string();
    if (w == "close"sv) return next == "to"sv;
    if (w == "familiar"sv) return next == "with"sv;
    if (w == "knowledgeable"sv) return next == "about"sv || next == "of"sv;
    if (w == "known"sv) return next == "as"sv;
    if (w == "with"sv) return has_class(next, WordClass::WITH_POSTMODIFIER_NOUN);
    if (w == "briefed"sv || w == "involved"sv) return has_class(next, WordClass::INVOLVEMENT_PREPOSITION);
    return has_class(w, WordClass::POSTMODIFIER_RELATIVE);
}

/// A determiner-led phrase ending at @p end: "another source", "a person",
/// "one well-connected Democrat". Names are left to read_phrase().
std::optional<SpeakerPhrase> PhraseReader::nominal_before(std::size_t end, std::size_t sentence_first) const {
    for (std::size_t d = end; d + 5 > end && d >= sentence_first && d != NONE; --d) {
        if (!is_word(d) || tokens_[d].quote != NONE) break;
        const std::string& w = tokens_[d].lower;
        if (d < end && has_class(w, WordClass::POSTMODIFIED_DETERMINER)) {
            if (is_function_word(tokens_[end].lower) || is_determiner(tokens_[end].lower) ||
                lex_.speech_verb_lemma(tokens_[end].lower))
                return std::nullopt;
            SpeakerPhrase nominal = nominal_phrase(d, end, d + 1);
            return nominal;
        }
        if (is_function_word(w) || (d < end && lex_.speech_verb_lemma(w))) break;
        if (d == 0) break;
    }
    return std::nullopt;
}

std::optional<SpeakerPhrase> PhraseReader::speaker_after(std::size_t cue, std::size_t sentence_last) const {
    std::size_t k = cue + 1;
    if (k > sentence_last || !is_word(k)) return std::nullopt;
    // "said retired Army Lt. Gen. Mick Bednarek", "said master of ceremonies
    // Asab Al-Tabchi": lower-case words before the name are its description.
    if (!np_word(k)) {
        std::size_t name = k;
        while (name <= sentence_last && name < k + 4 && is_word(name) && !tokens_[name].cap &&
               !is_function_word(tokens_[name].lower) && tokens_[name].lower != "that"sv)
            ++name;
        if (name > k && name <= sentence_last && is_word(name) && tokens_[name].cap) {
            auto named = speaker_after(name - 1, sentence_last);
            if (named && named->kind == SpeakerKind::PERSON) {
                named->first = k;
                return named;
            }
        }
    }
    std::size_t last = k;
    while (last + 1 <= sentence_last && np_word(last + 1) && last - k < 8) ++last;
    if (!np_word(k)) return std::nullopt;  // "said it had ...": a pronoun there starts the content
    // "said Clinton's top foreign policy aide Jake Sullivan": the person is
    // the name after the possessive and its description.
    std::size_t possessive = k;
    while (possessive <= last && !ends_in_possessive(tokens_[possessive].lower)) ++possessive;
    if (possessive <= last) {
        constexpr std::size_t MAX_DESCRIPTION_WORDS = 5;
        std::size_t name = possessive + 1;
        while (name <= sentence_last && name <= possessive + MAX_DESCRIPTION_WORDS && is_word(name) &&
               !tokens_[name].cap && !is_function_word(tokens_[name].lower))
            ++name;
        if (name > possessive + 1 && name <= sentence_last && is_word(name) && tokens_[name].cap &&
            lex_.given_name(token_text(tokens_[name]))) {
            auto named = speaker_after(name - 1, sentence_last);
            if (named && named->kind == SpeakerKind::PERSON) {
                named->first = k;
                return named;
            }
        }
    }
    // "said the company on Tuesday": stop before time words.
    while (last > k && (is_weekday(tokens_[last].lower) || month_number(tokens_[last].lower))) --last;
    auto phrase = read_phrase(k, last);
    if (phrase) return phrase;
    // "said the younger Mr. Trump": adjectives too, up to punctuation.
    std::size_t to = k;
    while (to + 1 <= sentence_last && to - k < 7 && outside(to + 1) && (is_word(to + 1) || np_word(to + 1)) &&
           !has_class(tokens_[to + 1].lower, WordClass::PHRASE_STOP))
        ++to;
    if (to > last && (tokens_[to].cap || is_speaker_noun(tokens_[to].lower))) return read_phrase(k, to);
    // "\"...,\" said the designer, who works ...": a determiner and a noun.
    bool ends_phrase = to + 1 > sentence_last || is_punct(to + 1, ",") || is_punct(to + 1, ".");
    if (has_class(tokens_[k].lower, WordClass::PHRASE_DETERMINER)) {
        // "said a person close to the Clintons", "said one person with
        // knowledge of the talks", "said the base chief known as Bob", and
        // "said another leading advocate, Andrew Pincus of Mayer Brown".
        std::size_t h = k + 1;
        while (h <= sentence_last && h < k + 6 && is_word(h) && outside(h) && !postmodifier_at(h) &&
               !is_function_word(tokens_[h].lower))
            ++h;
        if (h > k + 1 && h <= sentence_last && !lex_.speech_verb_lemma(tokens_[h - 1].lower)) {
            if (is_punct(h, ",") && h + 1 <= sentence_last && is_word(h + 1) && tokens_[h + 1].cap &&
                lex_.given_name(token_text(tokens_[h + 1]))) {
                auto named = speaker_after(h, sentence_last);
                if (named && named->kind == SpeakerKind::PERSON) {
                    named->first = k;
                    return named;
                }
            }
            if (postmodifier_at(h) || ((is_punct(h, ",") || is_punct(h, ".")) && h - k <= 4)) {
                SpeakerPhrase nominal = nominal_phrase(k, h - 1, k + 1);
                return nominal;
            }
        }
    }
    if (is_determiner(tokens_[k].lower) && to > k && to - k <= 3 && ends_phrase && !tokens_[to].cap) {
        SpeakerPhrase nominal = nominal_phrase(k, to, k + 1);
        return nominal;
    }
    return std::nullopt;
}

}  // namespace saywho::extraction
