/** @file speaker_before.cc
 *  @brief Extraction stage 4: the speaker before a cue ("Trump also said", "Marta Oliveira, a spokeswoman, said").
 */
#include <cctype>

#include "common/text.h"
#include "extract/text_model.h"

namespace saywho::extraction {

using namespace std::string_view_literals;

/// Skips adverbs and auxiliaries back from @p j: "Trump also said", "she has
/// repeatedly said"; also a time phrase: "Trump on Saturday tweeted",
/// "Kasich last week said", "Spicer on Thursday evening said".
std::size_t PhraseReader::skip_between(std::size_t j, std::size_t sentence_first) const {
    for (bool moved = true; moved && j > sentence_first;) {
        moved = false;
        if (is_word(j) && tokens_[j].quote == NONE && !tokens_[j].cap && is_adverb_between(tokens_[j].lower)) {
            --j;
            moved = true;
        } else if (is_word(j) && is_weekday(tokens_[j].lower) && j - 1 > sentence_first) {
            j -= has_class(tokens_[j - 1].lower, WordClass::BETWEEN_TIME_LEAD) ? 2 : 1;
            moved = true;
        } else if (is_word(j) && has_class(tokens_[j].lower, WordClass::BETWEEN_TIME_UNIT) && j - 1 > sentence_first &&
                   has_class(tokens_[j - 1].lower, WordClass::BETWEEN_PERIOD_LEAD)) {
            j -= 2;
            moved = true;
        } else if (const std::size_t before = before_prepositional_aside(j, sentence_first); before != NONE) {
            j = before;
            moved = true;
        } else if (is_word(j) && has_class(tokens_[j].lower, WordClass::BETWEEN_TIME_UNIT) && j - 1 > sentence_first &&
                   is_weekday(tokens_[j - 1].lower)) {
            --j;  // "Spicer on Thursday evening said": the weekday is skipped next
            moved = true;
        }
    }
    return j;
}

/// "Trump in his announcement speech called", "Clinton at the time said":
/// a phrase of a preposition and lower-case words ending at @p j, right
/// after a name. The name's last token, or NONE.
std::size_t PhraseReader::before_prepositional_aside(std::size_t j, std::size_t sentence_first) const {
    constexpr std::size_t MAX_ASIDE_WORDS = 5;
    for (std::size_t k = j; k > sentence_first && j - k < MAX_ASIDE_WORDS; --k) {
        const Token& t = tokens_[k];
        if (t.kind != TokenKind::WORD || t.quote != NONE || t.cap) return NONE;
        // "Salt Lake City in which he said": a clause with a subject of its own.
        if (is_pronoun(t.lower) || has_class(t.lower, WordClass::RELATIVE_PRONOUN)) return NONE;
        if (k == j) {  // the phrase's noun: "Six in 10 say" holds none
            if (!std::isalpha(static_cast<unsigned char>(t.lower[0]))) return NONE;
            continue;
        }
        if (!has_class(t.lower, WordClass::ASIDE_PREPOSITION)) continue;
        // "Six in 10 voters say": a number is no name.
        const Token& name = tokens_[k - 1];
        const bool number =
            has_class(name.lower, WordClass::QUANTITY_WORD) || has_class(name.lower, WordClass::PLURAL_QUANTITY);
        return name.kind == TokenKind::WORD && name.cap && name.quote == NONE && !is_function_word(name.lower) &&
                       !number
                   ? k - 1
                   : NONE;
    }
    return NONE;
}

/// "Zelenskyy, who had earlier voiced support, told ...", "The Kremlin, for
/// its part, said ...", "Marta Oliveira, a spokeswoman, said ...": skips the
/// aside that ends in the comma at @p j and takes the phrase before it.
std::optional<SpeakerPhrase> PhraseReader::before_comma_aside(std::size_t j, std::size_t sentence_first) const {
    for (std::size_t k = j - 1; k > sentence_first && j - k <= 40; --k) {
        // A short quoted title may sit in the aside: ', the co-author of "Going Viral,"'.
        if (tokens_[k].quote != NONE || tokens_[k].kind == TokenKind::QUOTE) {
            if (tokens_[k].quote != NONE) {
                const Quotation& q = quotes_[tokens_[k].quote];
                if (q.last_token != NONE && q.last_token - q.first_token <= 5) continue;
            } else if (k + 1 < j) {
                continue;
            }
            break;
        }
        if (!is_punct(k, ",")) continue;
        // Long asides must look like one: ", who ...", ", a ...", ", the ...".
        if (j - k > 16 && !has_class(tokens_[k + 1].lower, WordClass::ASIDE_OPENER)) break;
        std::size_t last = k - 1;
        // "James B. Comey Jr., the director of the F.B.I., said".
        if (is_punct(last, ".") && last > sentence_first && np_word(last) && is_word(last - 1)) {
            std::size_t name_first = last - 1;
            while (name_first > sentence_first && np_word(name_first - 1) && last - name_first < 8) --name_first;
            if (auto found = read_phrase(name_first, last - 1); found && found->kind == SpeakerKind::PERSON) {
                found->last = last;
                return found;
            }
        }
        // "Rep. Elijah Cummings (D-Md.), chair of the committee, said".
        if (is_punct(last, ")")) {
            std::size_t open = last;
            while (open > sentence_first && !is_punct(open, "(") && last - open < 12) --open;
            if (is_punct(open, "(") && open > sentence_first) last = open - 1;
        }
        // "Paul Porter, a truck driver from Ava, Mo., who ..., said" and
        // "Marley Anderson, 21, a junior, said": a state's abbreviation or
        // an age before this comma; the speaker is before an earlier one.
        if (is_punct(last, ".") || (is_word(last) && std::isdigit(static_cast<unsigned char>(tokens_[last].lower[0]))))
            continue;
        if (!is_word(last) || tokens_[last].quote != NONE) break;
        std::size_t first = last;
        while (first > sentence_first && np_word(first - 1) && last - first < 8) --first;
        auto found = read_phrase(first, last);
        // "a junior from Las Vegas, said": a place or an employer after a
        // preposition belongs to an aside.
        if (found && found->kind != SpeakerKind::PRONOUN && first > sentence_first &&
            has_class(tokens_[first - 1].lower, WordClass::AFFILIATION_PREPOSITION))
            continue;
        // "Hunter's chief of staff, Joe Kasper, told": the aside is the name.
        if (j - k >= 3 && j - k <= 5) {
            bool all_names = true;
            for (std::size_t q = k + 1; q < j; ++q)
                if (!(tokens_[q].kind == TokenKind::WORD && tokens_[q].cap && !is_function_word(tokens_[q].lower)))
                    all_names = false;
            if (all_names && lex_.given_name(token_text(tokens_[k + 1]))) {
                auto aside = read_phrase(k + 1, j - 1);
                if (aside) return aside;
            }
        }
        if (found && found->kind != SpeakerKind::PRONOUN) {
            // The aside may name the role: ", a spokeswoman for the ministry,".
            if (found->role.empty()) {
                for (std::size_t q = k + 1; q < j; ++q) {
                    std::string title;
                    if (is_word(q) && match_title(q, j - 1, title)) {
                        found->role = title;
                        break;
                    }
                }
            }
            // "Trump, speaking at a rally in Wilmington, N.C., warned":
            // a place before an inner comma is not the speaker; look for
            // an earlier comma that opens the aside.
            // Small places share names with people ("Weingarten"): only
            // a sizeable one counts.
            const Place* place = found->kind == SpeakerKind::PERSON && found->name_words.size() <= 2
                                     ? lex_.best_place(text_of(found->first, found->last))
                                     : nullptr;
            if (place && place->kind != "country" && place->kind != "region" &&
                place->population < SIZEABLE_PLACE_POPULATION)
                place = nullptr;
            // "Even China, Pyongyang's only ally, said": a country opening
            // the sentence is its subject.
            if (!place || (first == sentence_first && place->kind == "country")) return found;
            continue;
        }
        // "Michael Seaman, who lives outside the state capital, Sacramento,
        // said": an aside with commas of its own; try the earlier comma.
        if (!found) continue;
        break;
    }
    return std::nullopt;
}

/// "Mr. Manafort, citing ''the unique magic of Trump,'' said": an aside
/// that ends in a short quotation, whose closing mark is at @p j.
std::optional<SpeakerPhrase> PhraseReader::before_quoted_aside(std::size_t j, std::size_t sentence_first) const {
    if (!(tokens_[j].kind == TokenKind::QUOTE && !tokens_[j].opening && j > sentence_first + 3 &&
          tokens_[j - 1].quote != NONE))
        return std::nullopt;
    const Quotation& q = quotes_[tokens_[j - 1].quote];
    if (q.open_token != NONE && q.open_token > sentence_first + 2 && q.last_token - q.first_token <= 8) {
        for (std::size_t c = q.open_token - 1; c > sentence_first && q.open_token - c <= 5; --c) {
            if (!is_punct(c, ",")) {
                if (!is_word(c) || tokens_[c].quote != NONE) break;
                continue;
            }
            if (!(ends_with(tokens_[c + 1].lower, "ing") ||
                  has_class(tokens_[c + 1].lower, WordClass::QUOTE_ASIDE_START)))
                break;
            std::size_t last = c - 1, first = c - 1;
            if (!is_word(last)) break;
            while (first > sentence_first && np_word(first - 1) && last - first < 8) --first;
            auto found = read_phrase(first, last);
            if (found && found->kind != SpeakerKind::PRONOUN) return found;
            break;
        }
    }
    return std::nullopt;
}

/// "Ted Cruz, who said ...", "business leaders who say ...": the speaker
/// before the relative pronoun at @p j.
std::optional<SpeakerPhrase> PhraseReader::before_relative(std::size_t j, std::size_t sentence_first) const {
    // "Ted Cruz, who said ...": the antecedent is just before the comma.
    if (j >= 2 && j - 1 > sentence_first && is_punct(j - 1, ",") && is_word(j - 2)) {
        std::size_t last = j - 2, first = j - 2;
        while (first > sentence_first && np_word(first - 1) && last - first < 8) --first;
        auto found = read_phrase(first, last);
        if (found && found->kind != SpeakerKind::PRONOUN) return found;
    }
    // "business leaders who say the law ...": a plural noun just before.
    if (tokens_[j].lower == "who"sv && j >= 1 && j - 1 > sentence_first && is_word(j - 1) &&
        tokens_[j - 1].quote == NONE && !tokens_[j - 1].cap && ends_with(tokens_[j - 1].lower, "s") &&
        !is_function_word(tokens_[j - 1].lower)) {
        std::size_t last = j - 1, first = j - 1;
        for (int step = 0; step < 3 && first > sentence_first && is_word(first - 1) && !tokens_[first - 1].cap &&
                           !is_function_word(tokens_[first - 1].lower) && !is_determiner(tokens_[first - 1].lower);
             ++step)
            --first;
        SpeakerPhrase group = nominal_phrase(first, last, first);
        return group;
    }
    return std::nullopt;
}

/// "the man said", "another commenter said": a determiner and a few
/// lower-case words ending at @p last make a nominal speaker.
std::optional<SpeakerPhrase> PhraseReader::lowercase_nominal(std::size_t last, std::size_t sentence_first) const {
    for (std::size_t d = last; d + 4 > last && d > sentence_first; --d) {
        const std::string& w = tokens_[d - 1].lower;
        if (!is_word(d - 1) || tokens_[d - 1].quote != NONE) break;
        if (has_class(w, WordClass::NOMINAL_DETERMINER)) {
            return nominal_phrase(d - 1, last, d);
        }
        if (tokens_[d - 1].cap || is_function_word(w) || lex_.speech_verb_lemma(w)) break;
    }
    return std::nullopt;
}

/// "a White House official who spoke anonymously to discuss internal
/// strategy said": a relative clause between the speaker and the verb.
std::optional<SpeakerPhrase> PhraseReader::relative_clause_subject(std::size_t last, std::size_t sentence_first) const {
    for (std::size_t w = last; w > sentence_first && last - w < 15; --w) {
        const Token& t = tokens_[w];
        if (t.quote != NONE || t.kind == TokenKind::QUOTE || is_punct(w, ".") || is_punct(w, ";") || is_punct(w, ","))
            break;
        if (!has_class(t.lower, WordClass::RELATIVE_SUBJECT) || w == last) continue;
        std::size_t np_last = w - 1, np_first = w - 1;
        if (!is_word(np_last)) break;
        while (np_first > sentence_first && np_word(np_first - 1) && np_last - np_first < 8) --np_first;
        auto found = read_phrase(np_first, np_last);
        if (found && found->kind != SpeakerKind::PRONOUN) return found;
        break;
    }
    return std::nullopt;
}

/// "local party leaders say the mogul ...", "three-fourths say ...": with
/// say and a clause, whoever stands before the verb is the source.
std::optional<SpeakerPhrase> PhraseReader::group_before_say(std::size_t cue, std::size_t last,
                                                            std::size_t sentence_first) const {
    bool that_clause = cue + 1 < tokens_.size() && tokens_[cue + 1].lower == "that"sv;
    // "... her bruised forearm and said": a conjunction before the verb
    // joins it to the clause's own subject; no group speaker there.
    if (!(!has_class(tokens_[last].lower, WordClass::CONJUNCTION) &&
          (has_class(tokens_[cue].lower, WordClass::SAY_FORM) ||
           (that_clause && lex_.speech_cue(tokens_[cue].lower).has(SpeechCue::STRONG))) &&
          cue + 1 < tokens_.size() && (is_word(cue + 1) || is_punct(cue + 1, ",")) && tokens_[cue + 1].lower != "to"sv))
        return std::nullopt;
    std::size_t f = last;
    while (f > sentence_first && last - f < 6 && is_word(f - 1) && tokens_[f - 1].quote == NONE &&
           (!has_class(tokens_[f - 1].lower, WordClass::CLAUSE_BOUNDARY) || comparative_than(f - 1)))
        --f;
    bool starts_clause =
        f == sentence_first || !is_word(f - 1) || has_class(tokens_[f - 1].lower, WordClass::CLAUSE_OPENER);
    // "About four in 10 said": an approximate number; "those surveyed
    // say": a group named by what follows the pronoun.
    bool approximate = f < last && has_class(tokens_[f].lower, WordClass::APPROXIMATOR);
    bool group_pronoun = f < last && has_class(tokens_[f].lower, WordClass::GROUP_PRONOUN);
    if (starts_clause && (approximate || group_pronoun || !is_function_word(tokens_[f].lower)) &&
        !lex_.speech_verb_lemma(tokens_[last].lower))
        return nominal_phrase(f, last, f);
    return std::nullopt;
}

/// "Another source familiar with Cruz's thinking said", "a person close to
/// the campaign said": a post-modifier between the speaker and the verb
/// replaces @p phrase with the nominal before it.
std::optional<SpeakerPhrase> PhraseReader::postmodified(const std::optional<SpeakerPhrase>& read, std::size_t last,
                                                        std::size_t sentence_first) const {
    std::optional<SpeakerPhrase> phrase = read;
    if ((!phrase || phrase->kind == SpeakerKind::NOMINAL || phrase->first > sentence_first) &&
        !(phrase && phrase->kind == SpeakerKind::PRONOUN)) {
        for (std::size_t m = last; m > sentence_first && last - m < 10; --m) {
            if (tokens_[m].quote != NONE || tokens_[m].kind == TokenKind::QUOTE || is_punct(m, ".") ||
                is_punct(m, ";") || is_punct(m, ","))
                break;
            if (!postmodifier_at(m) || m == last) continue;
            // Only when what was read lies inside the modifier ("the mayor's
            // plans" of "a source familiar with the mayor's plans").
            if (phrase && phrase->kind != SpeakerKind::NOMINAL && phrase->first <= m) break;
            if (auto nominal = nominal_before(m - 1, sentence_first)) {
                phrase = nominal;
            } else if (is_common_speaker_noun(tokens_[m - 1].lower) &&
                       (!tokens_[m - 1].cap || at_sentence_start(m - 1)) && ends_with(tokens_[m - 1].lower, "s")) {
                // "people close to the vice president said": a bare plural
                // ("Officials familiar with ..." read as the common noun it is).
                if (auto bare = read_phrase(m - 1, m - 1); bare && bare->kind == SpeakerKind::NOMINAL) phrase = bare;
            } else if (has_class(tokens_[m - 1].lower, WordClass::GROUP_PRONOUN) &&
                       opens_clause(m - 1, sentence_first)) {
                // "Those close to the campaign said": the pronoun and its modifier.
                phrase = nominal_phrase(m - 1, last, m - 1);
            }
            break;
        }
    }
    return phrase;
}

/// Whether a phrase starting at @p k starts its clause: the sentence's
/// start, a comma or a word such as "but" or "while" before it.
bool PhraseReader::opens_clause(std::size_t k, std::size_t sentence_first) const {
    return k == sentence_first || is_punct(k - 1, ",") || has_class(tokens_[k - 1].lower, WordClass::CLAUSE_OPENER);
}

/// Whether the "than" at @p k makes an approximate number with the word
/// before it: "More than six in 10", "fewer than half".
bool PhraseReader::comparative_than(std::size_t k) const {
    return tokens_[k].lower == "than"sv && k > 0 && has_class(tokens_[k - 1].lower, WordClass::APPROXIMATOR);
}

/// "Seventy-four percent of", "a strong majority of", "about half of",
/// "nearly eight in 10": the first token of a part of a group before the
/// nominal at @p first, or NONE.
std::size_t PhraseReader::group_part_start(std::size_t first, std::size_t sentence_first) const {
    constexpr std::size_t MAX_PART_WORDS = 4;
    constexpr std::size_t MAX_MODIFIERS = 2;  // "of registered voters", "of the party's own donors"
    auto is_number = [&](std::size_t k) { return is_word(k) && is_number_word(tokens_[k].lower); };
    for (std::size_t m = 0;
         m < MAX_MODIFIERS && first > sentence_first + 2 && is_word(first - 1) && !tokens_[first - 1].cap &&
         tokens_[first - 1].lower != "of"sv && !is_function_word(tokens_[first - 1].lower) &&
         !lex_.speech_verb_lemma(tokens_[first - 1].lower) && !is_number(first - 1);
         ++m)
        --first;
    std::size_t q = NONE;
    if (first >= sentence_first + 2 && tokens_[first - 1].lower == "of"sv && is_word(first - 2) &&
        has_class(tokens_[first - 2].lower, WordClass::GROUP_PART))
        q = first - 2;  // "52 percent of voters"
    else if (first >= sentence_first + 3 && is_number(first - 1) && tokens_[first - 2].lower == "in"sv &&
             is_number(first - 3))
        q = first - 3;  // "eight in 10 Democratic voters"
    if (q == NONE) return NONE;
    const std::size_t part_first = q;
    while (q > sentence_first && part_first - q < MAX_PART_WORDS && is_word(q - 1) && tokens_[q - 1].quote == NONE) {
        const std::string& w = tokens_[q - 1].lower;
        const bool number = is_number(q - 1);
        // "a strong majority": an adjective between the determiner and the part.
        const bool adjective = !tokens_[q - 1].cap && q - 1 > sentence_first && is_determiner(tokens_[q - 2].lower) &&
                               !is_function_word(w);
        // "Seventy-four percent": a number word opening the sentence is capitalised.
        const bool opening_number = q - 1 == sentence_first && !is_function_word(w) &&
                                    !has_class(w, WordClass::CLAUSE_OPENER) && !has_class(w, WordClass::PREPOSITION);
        if (!(number || adjective || opening_number || is_determiner(w) || has_class(w, WordClass::APPROXIMATOR) ||
              comparative_than(q - 1)))
            break;
        --q;
    }
    return opens_clause(q, sentence_first) ? q : NONE;
}

/// "Politicians and even some technologists", "attorneys and legal
/// experts": the first token of a group joined by "and" to the nominal at
/// @p first, or NONE.
std::size_t PhraseReader::coordinated_start(std::size_t first, std::size_t sentence_first) const {
    constexpr std::size_t MAX_CONJUNCT_WORDS = 3;
    if (first < sentence_first + 2 || tokens_[first - 1].lower != "and"sv) return NONE;
    const std::size_t last = first - 2;
    const Token& head = tokens_[last];
    if (!is_word(last) || head.quote != NONE || !(head.cap || is_speaker_noun(head.lower))) return NONE;
    std::size_t q = last;
    while (q > sentence_first && last - q + 1 < MAX_CONJUNCT_WORDS && is_word(q - 1) && tokens_[q - 1].quote == NONE &&
           !opens_clause(q, sentence_first)) {
        const std::string& w = tokens_[q - 1].lower;
        if ((is_function_word(w) && !is_determiner(w)) || lex_.speech_verb_lemma(w)) break;
        --q;
    }
    return opens_clause(q, sentence_first) ? q : NONE;
}

/// A nominal speaker with the whole group it names: a part of it ("52
/// percent of voters") or another group joined to it ("Democrats and civil
/// rights groups"); what the source is, not only its head noun.
SpeakerPhrase PhraseReader::whole_group(SpeakerPhrase nominal, std::size_t sentence_first) const {
    std::size_t from = group_part_start(nominal.first, sentence_first);
    if (from == NONE) from = coordinated_start(nominal.first, sentence_first);
    if (from == NONE) return nominal;
    nominal.first = from;
    if (tokens_[from].lower == "the"sv) ++from;  // "a majority of" keeps its article, as "a dealer" does
    nominal.nominal = text_of(from, nominal.last);
    return nominal;
}

/// Whether tokens @p first..@p last name a known place right after "in",
/// "at", "from" or "to".
bool PhraseReader::place_after_preposition(std::size_t first, std::size_t last) const {
    if (first == 0 || !is_word(first - 1)) return false;
    const std::string& before = tokens_[first - 1].lower;
    if (!has_class(before, WordClass::PLACE_PREPOSITION) && before != "to"sv) return false;
    return lex_.best_place(text_of(first, last)) != nullptr;
}

/// The speaker phrase that ends at token @p j before the cue at @p cue.
std::optional<SpeakerPhrase> PhraseReader::phrase_ending_at(std::size_t cue, std::size_t j,
                                                            std::size_t sentence_first) const {
    std::size_t last = j;
    std::size_t first = j;
    while (first > sentence_first && np_word(first - 1) && last - first < 8) --first;
    // "the Dutch economy ministry": up to two lower-case modifiers after a
    // demonym or a name.
    // Not across a determiner or a verb: "AmeriTrust Corp said its board declared".
    if (first > sentence_first + 1 && is_speaker_noun(tokens_[last].lower) && !is_determiner(tokens_[first].lower)) {
        std::size_t f = first;
        for (int step = 0; step < 2 && f > sentence_first && is_word(f - 1) && !tokens_[f - 1].cap &&
                           !is_function_word(tokens_[f - 1].lower) && !is_determiner(tokens_[f - 1].lower) &&
                           !lex_.speech_verb_lemma(tokens_[f - 1].lower);
             ++step)
            --f;
        if (f < first && f > sentence_first && is_word(f - 1) && tokens_[f - 1].cap &&
            (lex_.demonym_country(token_text(tokens_[f - 1])) || np_word(f - 1))) {
            first = f - 1;
            while (first > sentence_first && np_word(first - 1) && last - first < 8) --first;
        }
    }
    // A phrase cannot start with "of"/"for"; "the" at the very start is fine.
    auto phrase = read_phrase(first, last);
    if (!phrase && is_pronoun(without_clitic(tokens_[last].lower))) phrase = read_phrase(last, last);
    // "Republicans who have praised his candidacy warned": the subject is
    // before the relative clause, not the noun that ends it.
    if (!phrase && !tokens_[last].cap) phrase = relative_clause_subject(last, sentence_first);
    if (!phrase && !tokens_[last].cap && !is_adverb_between(tokens_[last].lower) &&
        lex_.speech_cue(tokens_[cue].lower).has(SpeechCue::STRONG))
        phrase = lowercase_nominal(last, sentence_first);
    if (!phrase) phrase = group_before_say(cue, last, sentence_first);
    phrase = postmodified(phrase, last, sentence_first);
    if (!phrase) return std::nullopt;
    // "those people said": the determiner is part of the phrase, not the
    // end of the clause before it.
    if (phrase->kind == SpeakerKind::NOMINAL && phrase->first != NONE && phrase->first > sentence_first &&
        is_word(phrase->first - 1) && tokens_[phrase->first - 1].quote == NONE &&
        has_class(tokens_[phrase->first - 1].lower, WordClass::NOMINAL_DETERMINER))
        --phrase->first;
    if (phrase->kind == SpeakerKind::NOMINAL) phrase = whole_group(*phrase, sentence_first);
    // "an analyst in Washington said", "Israel's ambassador to Washington
    // said": a place after a preposition says where the speaker before it is.
    if (phrase->kind != SpeakerKind::NOMINAL && phrase->first == first && place_after_preposition(first, last) &&
        first >= sentence_first + 2 && is_word(first - 2))
        if (auto before = phrase_ending_at(cue, first - 2, sentence_first)) return before;
    // "... the room and said": a phrase ending in a conjunction is the tail
    // of another clause; the caller gives the verb to that clause's subject.
    if (phrase->last != NONE && has_class(tokens_[phrase->last].lower, WordClass::CONJUNCTION)) return std::nullopt;
    return phrase;
}

std::optional<SpeakerPhrase> PhraseReader::speaker_before(std::size_t cue, std::size_t sentence_first) const {
    if (cue == 0 || cue <= sentence_first) return std::nullopt;
    std::size_t j = cue - 1;
    j = skip_between(j, sentence_first);
    if (is_punct(j, ",") && j > sentence_first + 2 && is_punct(j - 1, ")")) --j;  // "Sen. Jack Reed (D-R.I.), said"
    if (is_punct(j, ")") && j > sentence_first + 1) {
        // "Sen. Marco Rubio (R-Fla.) said": skip the parenthesis.
        std::size_t k = j;
        while (k > sentence_first && !is_punct(k, "(") && j - k < 12) --k;
        if (is_punct(k, "(") && k > sentence_first) return speaker_before(k, sentence_first);
        return std::nullopt;
    }
    bool dash = is_punct(j, "-") || is_punct(j, "\u2014") || is_punct(j, "\u2013");
    if (dash && j > sentence_first + 1) {
        // "Donald Trump - who previously said ... - said at a rally": a dash
        // aside; "--" is one dash.
        std::size_t close = j;
        while (close > sentence_first + 1 && tokens_[close - 1].lower == tokens_[j].lower) --close;
        for (std::size_t k = close - 1; k > sentence_first && j - k <= 40; --k) {
            if (tokens_[k].lower == tokens_[j].lower && tokens_[k].kind == TokenKind::PUNCT) {
                while (k > sentence_first + 1 && tokens_[k - 1].lower == tokens_[j].lower) --k;
                auto found = speaker_before(k, sentence_first);
                if (found && found->kind != SpeakerKind::PRONOUN) return found;
                break;
            }
        }
        return std::nullopt;
    }
    if (is_punct(j, ",") && j > sentence_first + 1) return before_comma_aside(j, sentence_first);
    if (auto found = before_quoted_aside(j, sentence_first)) return found;
    // "James Comey Jr. said": the dot of an abbreviation ends the name.
    if (is_punct(j, ".") && j > sentence_first && np_word(j) && is_word(j - 1)) --j;
    if (!is_word(j) || tokens_[j].quote != NONE) return std::nullopt;
    if (has_class(tokens_[j].lower, WordClass::SPEAKER_RELATIVE)) return before_relative(j, sentence_first);
    return phrase_ending_at(cue, j, sentence_first);
}

}  // namespace saywho::extraction
