/** @file content.cc
 *  @brief Extraction stage 5: what each attribution of a sentence attributes (the clause or quotation after or before it).
 */
#include <algorithm>
#include <cctype>

#include "common/text.h"
#include "extract/text_model.h"

namespace saywho::extraction {

using namespace std::string_view_literals;

/// Where one attribution's content may lie, and the attribution itself.
struct CueFinder::Bounds {
    std::size_t lo = 0, hi = 0;                 ///< the tokens the content may take
    std::size_t attr_first = 0, attr_last = 0;  ///< the speaker and the cue
};

/// What lies after and before an attribution.
struct CueFinder::Sides {
    std::size_t after_first = NONE;  ///< the first token of a content after the cue
    std::size_t after_words = 0;
    std::size_t before_last = NONE;  ///< the last token of a content before the speaker
    std::size_t before_words = 0;
    std::size_t skipped_words = 0;   ///< words of the cue's object and modifiers
    bool subordinate_after = false;  ///< "he said when asked if ..."
};

/// The last token attribution @p n may take as content: before the next
/// attribution, unless that one opens this one's content.
std::size_t CueFinder::upper_bound_of(const Sentence& s, const std::vector<Attribution>& attributions,
                                      std::size_t n) const {
    const Attribution& a = attributions[n];
    std::size_t hi = n + 1 < attributions.size()
                         ? (attributions[n + 1].speaker.first != NONE && !attributions[n + 1].speaker_after
                                ? attributions[n + 1].speaker.first - 1
                                : attributions[n + 1].cue_first - 1)
                         : s.last;
    // A next speaker that starts before this cue (overlapping phrases)
    // must not push the bound before it.
    if (hi == NONE || hi < a.cue_last || hi > s.last) hi = s.last;
    // "Rapidão said that it disagreed with ...": an attribution that opens
    // this one's "that" clause is part of its content, not a boundary.
    if (n + 1 < attributions.size()) {
        const Attribution& next = attributions[n + 1];
        std::size_t next_start =
            next.speaker.first != NONE && !next.speaker_after ? next.speaker.first : next.cue_first;
        if (next_start > 0 && tokens_[next_start - 1].lower == "that"sv && next_start - 1 <= a.cue_last + 8)
            hi = s.last;
        // "Instead, she said, her boss told her ..." and "Meeks said Clinton
        // reassured them that ...": the next attribution opens this one's
        // content, right after the cue.
        std::size_t own_end = a.speaker_after && a.speaker.last != NONE ? a.speaker.last : a.cue_last;
        // ", Mr. Manafort said, adding that ...": a participle cue next is
        // an attribution of its own, not this one's content.
        const bool next_participle = next.speaker.first == NONE && ends_with(next.cue_text, "ing");
        if (next_start > own_end && next_start <= own_end + 2 && is_punct(own_end + 1, ",") && !next_participle)
            hi = s.last;
        if (next_start == own_end + 1 && has_class(a.cue_text, WordClass::OPENING_CUE)) hi = s.last;
    }
    return hi;
}

/// The end of a time phrase right after the cue, which is part of the
/// attribution: "said Thursday he would", "said late on Tuesday that".
std::size_t CueFinder::skip_time_words(std::size_t k, std::size_t hi) const {
    std::size_t time_words = 0;
    // "said over the weekend that", "said at the weekend".
    if (k + 2 <= hi && outside(k) && has_class(tokens_[k].lower, WordClass::PREPOSITION) &&
        tokens_[k + 1].lower == "the"sv && tokens_[k + 2].lower == "weekend"sv)
        k += 3;
    // "said later that day that": the day of what was said before.
    if (k + 2 <= hi && outside(k) && (tokens_[k].lower == "later"sv || tokens_[k].lower == "earlier"sv) &&
        tokens_[k + 1].lower == "that"sv && has_class(tokens_[k + 2].lower, WordClass::TIME_UNIT_PART))
        k += 3;
    while (k <= hi && outside(k) && is_word(k) && time_words < 4 &&
           (is_weekday(tokens_[k].lower) || has_class(tokens_[k].lower, WordClass::TIME_WORD) ||
            (has_class(tokens_[k].lower, WordClass::TIME_LEAD) && k + 1 <= hi &&
             (is_weekday(tokens_[k + 1].lower) || has_class(tokens_[k + 1].lower, WordClass::TIME_UNIT_PART))) ||
            (has_class(tokens_[k].lower, WordClass::TIME_PERIOD) && k > 0 &&
             has_class(tokens_[k - 1].lower, WordClass::PERIOD_LEAD)))) {
        ++k;
        ++time_words;
    }
    return k;
}

/// "Calabrese told the National Post he's already received ...": after
/// told and its object (a name, "the X", a pronoun) a clause may start
/// without "that". The token where it starts, or NONE.
std::size_t CueFinder::told_object_clause(std::size_t scan, std::size_t probe) const {
    std::size_t obj = scan;
    if (has_class(tokens_[obj].lower, WordClass::TOLD_OBJECT_PRONOUN)) {
        ++obj;
    } else {
        const bool determiner = is_determiner(tokens_[obj].lower);
        if (determiner) ++obj;
        std::size_t caps = 0;
        while (obj < probe && is_word(obj) && tokens_[obj].cap && caps < 6) {
            ++obj;
            ++caps;
        }
        // "told a Planned Parenthood gathering": a determiner's noun.
        std::size_t nouns = 0;
        while (determiner && obj < probe && is_word(obj) && !tokens_[obj].cap && nouns < 2 &&
               !is_function_word(tokens_[obj].lower) && !is_pronoun(without_clitic(tokens_[obj].lower)) &&
               !is_determiner(tokens_[obj].lower)) {
            ++obj;
            ++nouns;
        }
        if (caps == 0 && nouns == 0) obj = scan;
    }
    // "... of Newark", "... in Washington", then "last week", "on Tuesday".
    if (obj > scan) {
        for (int rounds = 0; rounds < 3 && obj < probe; ++rounds) {
            if (has_class(tokens_[obj].lower, WordClass::OBJECT_PREPOSITION) && obj + 1 < probe &&
                tokens_[obj + 1].cap) {
                obj += 2;
                while (obj < probe && is_word(obj) && tokens_[obj].cap) ++obj;
            } else if (has_class(tokens_[obj].lower, WordClass::OBJECT_TIME_LEAD) && obj + 1 < probe &&
                       (is_weekday(tokens_[obj + 1].lower) ||
                        has_class(tokens_[obj + 1].lower, WordClass::TIME_PERIOD))) {
                obj += 2;
            } else if (is_weekday(tokens_[obj].lower) || has_class(tokens_[obj].lower, WordClass::OBJECT_TIME_ADVERB)) {
                ++obj;
            } else {
                break;
            }
        }
    }
    // "he's", "she'll": a contracted pronoun starts a clause too.
    const std::string subject = obj < tokens_.size() ? without_clitic(tokens_[obj].lower) : std::string();
    bool clause_start =
        obj > scan && obj < probe && is_word(obj) &&
        (has_class(subject, WordClass::CLAUSE_SUBJECT) || (tokens_[obj].cap && !is_function_word(tokens_[obj].lower)));
    return clause_start ? obj : NONE;
}

/// Skips the cue's object and modifiers from @p scan ("told reporters in
/// Helsinki that", "said on Tuesday:"): where the content may start; the
/// words skipped in @p skipped_words.
std::size_t CueFinder::skip_modifiers(const Attribution& a, std::size_t scan, std::size_t hi, bool told,
                                      std::size_t& skipped_words) const {
    std::size_t probe = scan;
    std::size_t words = 0;
    while (probe <= hi && outside(probe) && words < 12) {
        const Token& t = tokens_[probe];
        if (t.kind == TokenKind::WORD && t.lower != "that"sv) {
            ++words;
            ++probe;
            continue;
        }
        if (np_word(probe) && t.kind == TokenKind::PUNCT) {  // "Mr."
            ++probe;
            continue;
        }
        break;
    }
    // "asked Richards what impact ...", "asked whether": the question is the content.
    // "explained to CBS why Merkel was selected": a question word ends
    // the modifiers after any cue.
    for (std::size_t q = scan + 1; q < probe; ++q)
        if (has_class(tokens_[q].lower, WordClass::OPEN_QUESTION_WORD) ||
            (told && has_class(tokens_[q].lower, WordClass::OBJECT_QUESTION_WORD))) {
            probe = q;
            break;
        }
    // "urged Clinton to make a decision": the object and its infinitive.
    if (told && has_class(a.cue_text, WordClass::OBJECT_INFINITIVE_CUE)) {
        for (std::size_t q = scan + 1; q < probe && q <= scan + 4; ++q)
            if (tokens_[q].lower == "to"sv && q + 1 <= hi && is_word(q + 1) && !tokens_[q + 1].cap) {
                probe = scan;  // content from the object on
                break;
            }
    }
    if (has_class(a.cue_text, WordClass::TELL_FORM) && probe > scan) {
        const std::size_t obj = told_object_clause(scan, probe);
        if (obj != NONE) {
            scan = obj;
            probe = obj;
            words = 0;  // the content starts here, as if right after the cue
        }
    }
    bool wh = probe <= hi && (probe > scan || (told && probe == scan && skipped_words == 0)) &&
              (has_class(tokens_[probe].lower, WordClass::OPEN_QUESTION_WORD) ||
               (told && has_class(tokens_[probe].lower, WordClass::OBJECT_QUESTION_WORD)) || (told && probe == scan));
    if (wh) {
        scan = probe;
        skipped_words = 0;  // content starts at the wh-word itself
    }
    if (!wh) {
        // Either the clause starts at probe ("that", ":", ",", a
        // quotation), or the modifiers ran to the end and there is no
        // content after; the checks below tell which.
        scan = probe;
        skipped_words = words;
    }
    return scan;
}

/// The content before the attribution ("CONTENT, X said.", "\"QUOTE,\" X
/// said."): sets Sides::before_last and Sides::before_words, given the
/// content after it in @p sides.
void CueFinder::content_before(const Sentence& s, const Attribution& a, const Bounds& bounds, Sides& sides) const {
    const std::size_t lo = bounds.lo, attr_first = bounds.attr_first;
    const std::size_t after_first = sides.after_first, after_words = sides.after_words;
    std::size_t before_last = NONE;
    if (attr_first > lo) {
        std::size_t b = attr_first - 1;
        // "\"...,\" his friend Mahamat Oumar told": look past a few lower-case words.
        for (int step = 0; step < 3 && b > lo && is_word(b) && !tokens_[b].cap && tokens_[b].quote == NONE; ++step) --b;
        if (!(tokens_[b].kind == TokenKind::QUOTE || is_punct(b, ","))) {
            // "\"...,\" former Bush speechwriter Noam Neusner wrote": a
            // closing quote a few words back.
            b = attr_first - 1;
            for (int step = 0; step < 6 && b > lo && (is_word(b) || np_word(b)) && tokens_[b].quote == NONE; ++step)
                --b;
            if (!(tokens_[b].kind == TokenKind::QUOTE && !tokens_[b].opening)) b = attr_first - 1;
        }
        if (tokens_[b].kind == TokenKind::QUOTE && !tokens_[b].opening && b > lo)
            before_last = b;
        else if (is_punct(b, ",") || is_punct(b, "\u2014") || is_punct(b, ":"))
            before_last = b > lo ? b - 1 : NONE;
    }
    // "Clinton celebrated, declaring it \"...\" and said it was ...": the
    // clause's own subject speaks, and what follows is the content.
    const bool and_said = a.speaker.first == NONE && a.cue_first > s.first &&
                          has_class(tokens_[a.cue_first - 1].lower, WordClass::COORDINATOR);
    if (and_said) before_last = NONE;
    // "..., Algerian foreign affairs ministry spokesman Benali Abdelaziz
    // said Thursday.": modifiers before the name reach back to the comma.
    if (before_last == NONE && !and_said && attr_first > lo + 1 && (after_first == NONE || after_words == 0)) {
        std::size_t b = attr_first - 1;
        for (int step = 0; step < 5 && b > lo && is_word(b) && tokens_[b].quote == NONE; ++step) --b;
        if (is_punct(b, ",") && b > lo) before_last = b - 1;
    }
    std::size_t before_words = 0;
    if (before_last != NONE)
        for (std::size_t q = lo; q <= before_last; ++q)
            if (tokens_[q].kind == TokenKind::WORD) ++before_words;
    sides.before_last = before_last;
    sides.before_words = before_words;
    // "..., which Washington has been urging, he said no": a relative
    // clause before the attribution belongs to a noun, not to the speaker.
    std::size_t opener = lo;
    while (opener < bounds.hi && tokens_[opener].kind == TokenKind::PUNCT) ++opener;
    if (tokens_[opener].quote == NONE && tokens_[opener].lower != "that"sv &&
        has_class(tokens_[opener].lower, WordClass::RELATIVE_PRONOUN))
        sides.before_words = 0;
}

/// The content after the attribution and before it; sets the
/// attribution's own extent (Attribution::attr_first, attr_last).
CueFinder::Sides CueFinder::find_sides(const Sentence& s, Attribution& a, const Bounds& bounds) const {
    const std::size_t hi = bounds.hi, attr_first = bounds.attr_first, attr_last = bounds.attr_last;
    Sides sides;
    // Content after the cue. Right after it ("said the deal was off"), or
    // after the cue's object and modifiers ("told reporters in Helsinki
    // that", "said on Tuesday:", "tweeted in response: \"...\"") when
    // those end in "that", ":", "," or a quotation.
    std::size_t k = attr_last + 1;
    bool told = has_class(a.cue_text, WordClass::TOLD_CUE);
    // "pointing out that", "hit back that": the verb's particle.
    if (k + 1 <= hi && has_class(tokens_[k].lower, WordClass::VERB_PARTICLE) && tokens_[k + 1].lower == "that"sv) ++k;
    k = skip_time_words(k, hi);
    std::size_t scan = k;
    std::size_t skipped_words = 0;
    // "said about half of the adjustment ...": "about" before a quantity
    // starts the clause, it does not name a topic.
    const bool about_quantity = k + 1 <= hi && tokens_[k].lower == "about"sv && is_number_word(tokens_[k + 1].lower);
    // "\"Absolutely,\" he said when asked if that remains his view": a
    // subordinate clause after the cue holds no "that" clause of speech.
    const bool subordinate_after = k <= hi && outside(k) && has_class(tokens_[k].lower, WordClass::SUBORDINATOR);
    bool skipping =
        scan <= hi && outside(scan) && is_word(scan) && !about_quantity &&
        (told || has_class(tokens_[scan].lower, WordClass::CUE_MODIFIER_START) || is_weekday(tokens_[scan].lower));
    if (skipping) scan = skip_modifiers(a, scan, hi, told, skipped_words);
    std::size_t after_first = NONE;
    // "..., political analysts say; in 2012 ...": a semicolon closes the attribution.
    if (scan <= hi && is_punct(scan, ";")) scan = hi + 1;
    if (scan <= hi) {
        bool parenthetical = attr_first > s.first && is_punct(attr_first - 1, ",");
        bool quote_next =
            scan + 1 <= hi && (tokens_[scan + 1].kind == TokenKind::QUOTE || tokens_[scan + 1].quote != NONE);
        if (tokens_[scan].lower == "that"sv || is_punct(scan, ":") ||
            (is_punct(scan, ",") && (parenthetical || quote_next || skipped_words > 0))) {
            after_first = scan + 1;
        } else if (tokens_[scan].kind == TokenKind::QUOTE || tokens_[scan].quote != NONE) {
            after_first = scan;
        } else if (skipped_words == 0) {
            after_first = scan;
        }
    }
    a.attr_first = attr_first;
    a.attr_last = after_first == NONE ? std::min(scan, hi) : after_first - 1;
    if (a.attr_last < attr_last) a.attr_last = attr_last;
    // Is there content after? Need a few words that are not just the sentence's end.
    std::size_t after_words = 0;
    if (after_first != NONE)
        for (std::size_t q = after_first; q <= hi; ++q)
            if (tokens_[q].kind == TokenKind::WORD) ++after_words;
    sides.after_first = after_first;
    sides.after_words = after_words;
    sides.skipped_words = skipped_words;
    sides.subordinate_after = subordinate_after;
    content_before(s, a, bounds, sides);
    return sides;
}

/// "A, he said, B": an attribution set off by commas between two parts
/// of one clause of reported speech, neither of them quoted, and not an
/// "according to" (which says whose account, not what was said).
bool CueFinder::interrupts_clause(const Sentence& s, const Attribution& a, const Bounds& bounds,
                                  const Sides& sides) const {
    const std::size_t attr_first = bounds.attr_first, after_first = sides.after_first;
    if (a.speaker_after || a.cue_text == "according to" || sides.before_words == 0 || sides.after_words == 0)
        return false;
    if (attr_first <= s.first || !is_punct(attr_first - 1, ",")) return false;
    if (after_first == NONE || after_first == 0 || after_first > bounds.hi || !is_punct(after_first - 1, ","))
        return false;
    for (std::size_t k = bounds.lo; k <= bounds.hi; ++k)
        if (tokens_[k].kind == TokenKind::QUOTE || tokens_[k].quote != NONE) return false;
    return true;
}

/// Whether what follows the attribution only modifies it: nothing does
/// ("..., he said."), or, between commas, a modifier after a clause of
/// three words ("A long clause, he said, on condition of anonymity",
/// "..., Sanders said, a policy that ...") or a participle after two
/// ("Sales were great, he said, wiping sweat off his brow").
bool CueFinder::tail_modifies(const Sentence& s, const Bounds& bounds, const Sides& sides) const {
    const std::size_t after_first = sides.after_first, hi = bounds.hi;
    if (after_first == NONE || sides.after_words == 0) return true;
    const bool between_commas = bounds.attr_first > s.first && is_punct(bounds.attr_first - 1, ",") &&
                                after_first > 0 && is_punct(after_first - 1, ",") && after_first <= hi;
    if (!between_commas) return false;
    const Token& next = tokens_[after_first];
    if (sides.before_words >= 3 && has_class(next.lower, WordClass::TAIL_MODIFIER_START)) return true;
    return sides.before_words >= 2 && is_word(after_first) && !next.cap && ends_with(next.lower, "ing");
}

/// Gives attribution @p n its content: the clause or quotation before it
/// or after it, or both halves of a quotation it interrupts.
void CueFinder::assign_content(const Sentence& s, std::size_t n, Attribution& a, const Bounds& bounds,
                               const Sides& sides) const {
    const std::size_t lo = bounds.lo, hi = bounds.hi, attr_first = bounds.attr_first;
    const std::size_t after_first = sides.after_first, after_words = sides.after_words;
    const std::size_t before_last = sides.before_last, before_words = sides.before_words;
    const std::size_t skipped_words = sides.skipped_words;
    const bool subordinate_after = sides.subordinate_after;
    bool tail_is_modifier = tail_modifies(s, bounds, sides);
    // "\"...,\" he said of the claim during a call": a quotation just
    // before the attribution is its content unless a clause follows.
    bool quote_before =
        before_last != NONE && (tokens_[before_last].kind == TokenKind::QUOTE || tokens_[before_last].quote != NONE);
    bool long_quote_after = false;
    if (after_first != NONE && after_first <= hi && tokens_[after_first].kind == TokenKind::QUOTE &&
        after_first + 1 <= hi && tokens_[after_first + 1].quote != NONE) {
        const Quotation& q = quotes_[tokens_[after_first + 1].quote];
        long_quote_after = q.last_token != NONE && q.last_token >= q.first_token + 3;  // not a show's title
    }
    bool clause_after =
        after_first != NONE && after_first > 0 &&
        (tokens_[after_first - 1].lower == "that"sv || is_punct(after_first - 1, ":") || long_quote_after);
    if (quote_before && subordinate_after && !long_quote_after) clause_after = false;
    // "On Fox's \"Sunday Morning Futures,\" Rep. Issa said Clinton's ..." and
    // "he had decimated ''core Al Qaeda,'' he said it still posed ...": a
    // short quotation before (a show's title, a scare quote) gives way to
    // a clause right after the cue.
    if (quote_before && !clause_after && after_first != NONE && after_words >= 3 && skipped_words == 0 &&
        !subordinate_after) {
        std::size_t quoted_words = 0;
        for (std::size_t q = before_last; q >= lo && q != NONE && q + 12 > before_last; --q) {
            if (tokens_[q].kind == TokenKind::QUOTE && tokens_[q].opening) break;
            if (tokens_[q].kind == TokenKind::WORD) ++quoted_words;
            if (q == 0) break;
        }
        if (quoted_words <= 4 && before_words > quoted_words) clause_after = true;
    }
    if (quote_before && !clause_after) tail_is_modifier = true;
    a.window_last = hi;
    std::size_t min_before = quote_before ? 1 : 2;
    if (quote_before && long_quote_after && is_punct(after_first - 1, ",")) {
        // "\"Q1,\" she said, \"Q2.\"": both halves are hers.
        a.content_first = lo;
        a.content_last = before_last;
        a.second_first = after_first;
        a.second_last = hi;
        return;
    }
    // "In a 1963 speech, he declared:" ends its sentence: what it
    // introduces comes next (CueFinder::colon_attribution()), and the
    // phrase before the cue is no statement.
    if (!quote_before && after_first != NONE && after_first > hi && is_punct(after_first - 1, ":")) return;
    if (!tail_is_modifier && !quote_before && interrupts_clause(s, a, bounds, sides)) {
        // "This campaign, he says, is different": the attribution sits
        // inside the clause it reports, which is whole on both sides.
        a.content_first = lo;
        a.content_last = hi;
        return;
    }
    // "According to X, CLAUSE" opens its sentence; "CLAUSE, according to
    // X, an advocacy group." closes it: what follows X is then about X.
    bool according_first = a.cue_text == "according to" && before_words < 2;
    if ((tail_is_modifier || a.speaker_after || a.cue_text == "according to") && before_words >= min_before &&
        !according_first) {
        a.content_first = lo;
        a.content_last = before_last;
    } else if (after_words >= 2 ||
               (after_words == 1 && after_first <= hi && tokens_[after_first].kind == TokenKind::QUOTE)) {
        // A clause, or a quotation of any length ("Priebus said, \"Probably.\"").
        a.content_first = after_first;
        a.content_last = hi;
    } else if (before_words >= min_before) {
        a.content_first = lo;
        a.content_last = before_last;
    } else if (n == 0 && attr_first == s.first && &s != &sentences_.front()) {
        // "\"... missing.\" Trump said.": the quotation closed its own
        // sentence just before the attribution.
        const Sentence& prev = *(&s - 1);
        const Token& end = tokens_[prev.last];
        if (end.kind == TokenKind::QUOTE && !end.opening && end.paragraph == tokens_[s.first].paragraph &&
            prev.last > 0 && tokens_[prev.last - 1].quote != NONE) {
            const Quotation& q = quotes_[tokens_[prev.last - 1].quote];
            a.content_first = q.first_token;
            a.content_last = q.last_token;
        }
    }
}

void CueFinder::choose_content(const Sentence& s, std::vector<Attribution>& attributions) const {
    for (std::size_t n = 0; n < attributions.size(); ++n) {
        Attribution& a = attributions[n];
        if (a.preset) continue;
        Bounds bounds;
        std::size_t lo =
            n == 0 ? s.first : (attributions[n - 1].attr_last == NONE ? s.first : attributions[n - 1].attr_last + 1);
        // The dateline is nobody's words.
        if (lo < model_.dateline_end && model_.dateline_end <= s.last) lo = model_.dateline_end;
        if (lo > s.last) lo = s.last;
        bounds.lo = lo;
        bounds.hi = upper_bound_of(s, attributions, n);
        bounds.attr_first = a.speaker.first != NONE ? std::min(a.speaker.first, a.cue_first) : a.cue_first;
        bounds.attr_last = a.speaker.last != NONE ? std::max(a.speaker.last, a.cue_last) : a.cue_last;
        const Sides sides = find_sides(s, a, bounds);
        assign_content(s, n, a, bounds, sides);
    }
}

}  // namespace saywho::extraction
