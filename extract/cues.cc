/** @file cues.cc
 *  @brief Extraction stage 5: attribution cues (speech verbs, "according to", "Asked whether") and their speakers.
 *
 *  The content each cue attributes is chosen in content.cc; quotations that
 *  carry their own attribution ("NP verb", a dash and a name) are in quote_cues.cc.
 */
#include <cctype>

#include "common/text.h"
#include "extract/text_model.h"

namespace saywho::extraction {

using namespace std::string_view_literals;

namespace {

/// An attribution whose speaker is the subject of its clause, found when
/// the speaker is resolved: ", saying ...", "... and said".
Attribution subject_attribution(const Attribution& cue) {
    Attribution a = cue;
    a.speaker.kind = SpeakerKind::PRONOUN;
    a.speaker.pronoun = "";  // resolved to the sentence subject or last speaker
    a.speaker.first = a.speaker.last = NONE;
    return a;
}

}  // namespace

/// "according to X": the cue at @p i, with its speaker after it. True when
/// the words are "according to" (whether or not a speaker was found).
bool CueFinder::according_to(const Sentence& s, std::size_t& i, std::vector<Attribution>& out) const {
    const Token& t = tokens_[i];
    if (!(t.lower == "according"sv && i + 1 <= s.last && tokens_[i + 1].lower == "to"sv)) return false;
    Attribution a;
    auto who = speaker_after(i + 1, s.last);
    if (!who && i + 2 <= s.last && is_word(i + 2) && outside(i + 2)) {
        // "according to a new poll", "according to two senators present":
        // any noun phrase up to the next punctuation or relative clause.
        std::size_t from = i + 2, to = i + 2;
        while (to + 1 <= s.last && to - from < 8 && outside(to + 1) && (is_word(to + 1) || np_word(to + 1)) &&
               !has_class(tokens_[to + 1].lower, WordClass::RELATIVE_PRONOUN))
            ++to;
        SpeakerPhrase nominal;
        nominal.kind = SpeakerKind::NOMINAL;
        nominal.first = from;
        nominal.last = to;
        while (from < to && is_determiner(tokens_[from].lower)) ++from;
        nominal.nominal = text_of(from, to);
        who = nominal;
    }
    if (!who) return true;
    a.cue_first = i;
    a.cue_last = i + 1;
    a.cue_text = "according to";
    a.speaker = *who;
    a.speaker_after = true;
    out.push_back(a);
    i = who->last;
    return true;
}

/// "Asked ...", "when asked ...", "after being asked ...", "was asked ...":
/// the question as a statement of its own. True when one was added.
bool CueFinder::asked_question(const Sentence& s, std::size_t& i, std::vector<Attribution>& out) const {
    const Token& t = tokens_[i];
    const bool asked_opening =
        t.lower == "asked"sv && (i == s.first || has_class(tokens_[i - 1].lower, WordClass::ASKED_OPENER));
    if (!(asked_opening && i + 1 <= s.last)) return false;
    Attribution a;
    // "Asked whether she had practised, Melania Trump said ...": the
    // question is a statement of its own, by an asker the text does
    // not name; it runs to the comma.
    std::size_t from = i + 1;
    std::optional<SpeakerPhrase> asker;
    if (tokens_[from].lower == "by"sv && from + 1 <= s.last) {
        std::size_t to = from + 1;
        while (to + 1 <= s.last && np_word(to + 1) && to - from < 6) ++to;
        asker = read_phrase(from + 1, to);
    }
    // "Asked by Stephanopoulos whether", "Asked during a January debate
    // why", "asked specifically what": a few words before the question.
    {
        std::size_t probe = from;
        while (probe <= s.last && probe < from + 7 && outside(probe) &&
               !has_class(tokens_[probe].lower, WordClass::QUESTION_WORD) && !is_punct(probe, ",") &&
               !is_punct(probe, "."))
            ++probe;
        if (probe <= s.last && has_class(tokens_[probe].lower, WordClass::QUESTION_WORD)) from = probe;
    }
    if (from <= s.last && has_class(tokens_[from].lower, WordClass::QUESTION_WORD)) {
        std::size_t to = from;
        while (to + 1 <= s.last && !is_punct(to + 1, ",") && tokens_[to + 1].kind != TokenKind::QUOTE) ++to;
        if (to > from + 1) {
            a.cue_first = a.cue_last = i;
            a.cue_text = "asked";
            a.speaker.kind = SpeakerKind::NOMINAL;
            a.speaker.first = a.speaker.last = NONE;
            if (asker) a.speaker = *asker;  // "Asked by Ingraham whether ..."
            a.content_first = from;
            a.content_last = to;
            a.attr_first = i;
            a.attr_last = to;
            a.window_last = to;
            a.preset = true;
            out.push_back(a);
            i = to;
            return true;
        }
    }
    return false;
}

/// The cue's lemma for token @p i: the lexicon's, an extra verb's or "call
/// for"; nullopt when the word is no cue. @p extra is set for a weak extra verb.
std::optional<std::string> CueFinder::cue_lemma(const Sentence& s, std::size_t i, bool& extra, bool& call_for) const {
    const Token& t = tokens_[i];
    std::optional<std::string> lemma = lex_.speech_verb_lemma(t.lower);
    // Verbs of voice the main list lacks (speech_verbs.tsv kind=extra): the
    // ones that report speech count as verbs of the list; the others count
    // only next to a quotation ("\"Mexico!\" the audience screamed back").
    const SpeechCue cue = lemma ? SpeechCue{} : lex_.speech_cue(t.lower);
    const bool extra_found = !cue.extra_lemma.empty();
    if (extra_found && cue.has(SpeechCue::REPORTS)) lemma = std::string(cue.extra_lemma);
    // "called for a ban", "called on Congress to act": a demand, with the
    // particle part of the cue.
    call_for = t.lower[0] == 'c' && has_class(t.lower, WordClass::CALL_FORM) && i + 1 <= s.last &&
               has_class(tokens_[i + 1].lower, WordClass::CALL_PARTICLE) && i + 2 <= s.last && is_word(i + 2);
    if (call_for) lemma = std::string("call for");
    if (!lemma) {
        if (!extra_found) return std::nullopt;
        lemma = std::string(cue.extra_lemma);
        extra = true;
    }
    return lemma;
}

/// Whether a plural speaker noun and "of" stand a few words before the
/// base form at @p i: "Critics of the bill say", "supporters of the
/// plan, however, say".
bool CueFinder::plural_before_of(const Sentence& s, std::size_t i) const {
    constexpr std::size_t MAX_MODIFIER_TOKENS = 6;
    for (std::size_t k = i - 1; k > s.first && i - k <= MAX_MODIFIER_TOKENS; --k) {
        if (tokens_[k].quote != NONE || is_punct(k, ";")) return false;
        if (tokens_[k].lower != "of"sv) continue;
        const std::string& head = tokens_[k - 1].lower;
        return ends_with(head, "s") && is_speaker_noun(head);
    }
    return false;
}

/// Whether the verb form at @p i is a speech event in its place: not an
/// infinitive, passive, noun or intention.
bool CueFinder::passes_verb_filters(const Sentence& s, std::size_t i, const std::string& lemma) const {
    const Token& t = tokens_[i];
    // Infinitives and passives are not speech events: "declined to say", "is said to".
    if (i > s.first && has_class(tokens_[i - 1].lower, WordClass::VERB_BLOCKER)) return false;
    // "is telling supporters that" is a verb in progress, not a passive.
    if (i > s.first && has_class(tokens_[i - 1].lower, WordClass::BE_FORM) && lemma != "say" &&
        !ends_with(t.lower, "ing"))
        return false;
    if (i > s.first && has_class(tokens_[i - 1].lower, WordClass::BE_FORM) && i + 1 <= s.last &&
        tokens_[i + 1].lower == "to"sv)
        return false;
    // Base and -s forms double as nouns ("an old quip", "his remarks"):
    // take them only after a name, a pronoun or a plural subject.
    if (t.lower == lemma ||
        (ends_with(t.lower, "s") && !ends_with(t.lower, "ss") && !has_class(t.lower, WordClass::VERB_S_FORM))) {
        // "Six in 10 say", "9 percent say", "the women say", "leaders who say".
        const std::string& before = i > s.first ? tokens_[i - 1].lower : std::string();
        bool plural_subject =
            !before.empty() && is_word(i - 1) &&
            (std::isdigit(static_cast<unsigned char>(before[0])) || has_class(before, WordClass::PLURAL_QUANTITY) ||
             (i > s.first + 1 && has_class(tokens_[i - 2].lower, WordClass::GROUP_PRONOUN)));  // "those polled say"
        bool verb_like = i > s.first && (tokens_[i - 1].cap || is_pronoun(tokens_[i - 1].lower) || plural_subject ||
                                         plural_before_of(s, i) || is_speaker_noun(tokens_[i - 1].lower) ||
                                         (ends_with(tokens_[i - 1].lower, "s") && t.lower == lemma) ||
                                         is_adverb_between(tokens_[i - 1].lower) ||
                                         tokens_[i - 1].kind == TokenKind::QUOTE || is_punct(i - 1, ","));
        if (!verb_like) return false;
    }
    // "Editor's note", "Clinton's emails", "Pence's call for": after a
    // possessive a base or -s form is a noun. A past form is a verb after a
    // name ending in 's ("Moody's said"), and "he's said" is a pronoun and
    // its auxiliary.
    const bool s_form = ends_with(t.lower, "s") && !has_class(t.lower, WordClass::VERB_S_FORM);
    if (i > s.first && ends_in_possessive(tokens_[i - 1].lower) && !is_pronoun(without_clitic(tokens_[i - 1].lower)) &&
        (t.lower == lemma || lemma.rfind(t.lower + " ", 0) == 0 || s_form))
        return false;
    // "a statement released by his office": a participle before "by" is
    // passive, the noun's modifier, no speech event of its own.
    if (ends_with(t.lower, "ed") && i + 1 <= s.last && tokens_[i + 1].lower == "by"sv) return false;
    // "promised to take bold action": an intention, not a statement.
    if (has_class(lemma, WordClass::INTENTION_LEMMA) && i + 1 <= s.last && tokens_[i + 1].lower == "to"sv) return false;
    // "the said agreement" and nouns such as "a statement" are not cues.
    if (i > s.first && has_class(tokens_[i - 1].lower, WordClass::NOUN_DETERMINER)) return false;
    return true;
}

/// The speaker of the verb cue @p a at @p i: before it, or after it in
/// inverted order ("..., said Trump"). False when there is none; a "... and
/// said" cue then goes to @p out with the clause's subject as speaker.
bool CueFinder::verb_speaker(const Sentence& s, std::size_t i, Attribution& a, bool weak, bool extra,
                             std::vector<Attribution>& out) const {
    auto who = speaker_before(i, s.first);
    if (!who && i > s.first + 1 && has_class(tokens_[i - 1].lower, WordClass::COORDINATOR) && (!weak || extra)) {
        // "he supported Obama and said, ...": the clause's subject speaks.
        out.push_back(subject_attribution(a));
        return false;
    }
    if (who) {
        a.speaker = *who;
    } else {
        // Inverted order after a quotation or a comma: "..., said Trump".
        bool after_break = i > s.first && (tokens_[i - 1].kind == TokenKind::QUOTE || is_punct(i - 1, ","));
        // "Perle, 45, a critic of the treaties, told reporters he ...": after
        // "told" comes its object, never the speaker.
        if (!after_break || has_class(tokens_[i].lower, WordClass::TELL_FORM)) return false;
        auto after = speaker_after(i, s.last);
        // "..., said the candidate could win": a phrase followed by a verb
        // is the subject of the content, not the speaker.
        if (after && after->last + 1 <= s.last && has_class(tokens_[after->last + 1].lower, WordClass::AUXILIARY))
            after.reset();
        if (!after) return false;
        a.speaker = *after;
        a.speaker_after = true;
    }
    return true;
}

/// Weak verbs count only next to a quotation or before a "that" clause, or
/// for a named source closing the sentence or reporting.
bool CueFinder::weak_cue_has_evidence(const Sentence& s, std::size_t i, const Attribution& a, const std::string& lemma,
                                      bool extra) const {
    std::size_t k = a.speaker_after ? a.speaker.last + 1 : i + 1;
    std::size_t b = a.speaker_after ? i : (a.speaker.first == NONE ? i : a.speaker.first);
    // "went on:", "screamed back": a particle may come first.
    if (k <= s.last && has_class(tokens_[k].lower, WordClass::VERB_PARTICLE)) ++k;
    // "The Times reported Tuesday that", "Sanders called Trump a \"liar\"":
    // the clause or quotation may come a few words later.
    bool naming = has_class(lemma, WordClass::NAMING_LEMMA);
    for (std::size_t q = k; q <= s.last && q < k + (naming ? 16 : 5); ++q) {
        if (tokens_[q].kind == TokenKind::QUOTE && (naming || q == k)) {
            k = q;
            break;
        }
        // "described the government as democratically elected".
        if (naming && lemma != "call" && tokens_[q].lower == "as"sv && q > k) {
            k = q;
            break;
        }
        if (!naming && tokens_[q].quote == NONE &&
            (tokens_[q].lower == "that"sv || has_class(tokens_[q].lower, WordClass::OPEN_QUESTION_WORD))) {
            k = q;
            break;
        }
        // "called Valeant's chief executive, J. Michael Pearson, \"driven\"":
        // an object may carry an appositive.
        if (tokens_[q].kind == TokenKind::PUNCT && !np_word(q) && !(naming && is_punct(q, ","))) break;
    }
    bool quote_after =
        k <= s.last && (tokens_[k].lower == "that"sv || tokens_[k].kind == TokenKind::QUOTE ||
                        (naming && tokens_[k].lower == "as"sv) ||
                        (!naming && has_class(tokens_[k].lower, WordClass::OPEN_QUESTION_WORD)) || is_punct(k, ":") ||
                        (is_punct(k, ",") && k + 1 <= s.last && tokens_[k + 1].kind == TokenKind::QUOTE));
    if (extra && k <= s.last && tokens_[k].lower == "that"sv) quote_after = false;
    bool quote_before =
        b > s.first && (tokens_[b - 1].kind == TokenKind::QUOTE ||
                        (b > s.first + 1 && is_punct(b - 1, ",") && tokens_[b - 2].kind == TokenKind::QUOTE));
    // "..., The Hill reported." and "CNN reported at least six ...": a
    // named source closing the sentence after a comma, or a named
    // source that reports.
    std::size_t after_cue = a.speaker_after ? a.speaker.last + 1 : i + 1;
    bool closes_sentence = after_cue > s.last || is_punct(after_cue, ".");
    bool named = a.speaker.kind == SpeakerKind::PERSON;
    bool end_attribution = !extra && named && closes_sentence && b > s.first && is_punct(b - 1, ",");
    bool named_report = named && lemma == "report" && !a.speaker_after;
    return quote_after || quote_before || end_attribution || named_report;
}

/// ", with the campaign saying ...", ", both candidates acknowledging that
/// ...": a participle with a subject of its own, after "with" or a comma;
/// that subject speaks. Cue @p a at @p i goes to @p out when it is one.
void CueFinder::absolute_participle(const Sentence& s, std::size_t i, Attribution& a,
                                    std::vector<Attribution>& out) const {
    if (!lex_.speech_cue(tokens_[i].lower).has(SpeechCue::PARTICIPLE)) return;
    if (i > s.first + 1 && has_class(tokens_[i - 1].lower, WordClass::DOCUMENT_NOUN)) {
        document_participle(s, i, a, out);
        return;
    }
    auto who = speaker_before(i, s.first);
    if (!who || who->kind == SpeakerKind::PRONOUN || who->first == NONE || who->first <= s.first) return;
    const std::size_t before = who->first - 1;
    if (!(tokens_[before].lower == "with"sv || is_punct(before, ","))) return;
    a.speaker = *who;
    out.push_back(a);
}

/// "the Security Council issued a statement calling ...", "the group sent
/// a letter saying ...": whoever put out the document speaks, the subject
/// of the verb before it.
void CueFinder::document_participle(const Sentence& s, std::size_t i, Attribution& a,
                                    std::vector<Attribution>& out) const {
    constexpr std::size_t MAX_DOCUMENT_WORDS = 3;  // "a brief written statement"
    std::size_t verb = i - 1;
    while (verb > s.first && i - verb <= MAX_DOCUMENT_WORDS && is_word(verb - 1) && !tokens_[verb - 1].cap &&
           !is_function_word(tokens_[verb - 1].lower) && !is_determiner(tokens_[verb].lower))
        --verb;
    if (!is_determiner(tokens_[verb].lower) || verb <= s.first + 1) return;
    --verb;  // the verb before the determiner: "issued", "released", "sent"
    if (!is_word(verb) || tokens_[verb].cap || tokens_[verb].quote != NONE) return;
    auto who = speaker_before(verb, s.first);
    if (!who || who->kind == SpeakerKind::PRONOUN) return;
    a.speaker = *who;
    out.push_back(a);
}

/// "Trump is telling supporters that ...", "she has been saying": a form of
/// "be" (and an adverb at most) before the participle at @p i makes it a
/// verb in progress, whose speaker stands before "be". Sets it in @p a.
bool CueFinder::progressive_speaker(const Sentence& s, std::size_t i, Attribution& a) const {
    std::size_t be = i - 1;
    if (be > s.first && is_adverb_between(tokens_[be].lower)) --be;
    if (be <= s.first || !has_class(tokens_[be].lower, WordClass::BE_FORM) || tokens_[be].lower == "being"sv)
        return false;
    // What is said follows at once ("is saying he ...", "is telling
    // supporters that"), not after a comma: "which Washington has been
    // urging, he said" holds no words of Washington's.
    if (i + 1 > s.last || tokens_[i + 1].kind == TokenKind::PUNCT) return false;
    auto who = speaker_before(be, s.first);
    if (!who) return false;
    a.speaker = *who;
    return true;
}

/// A speech verb cue at @p i, with its speaker; added to @p out when it is one.
void CueFinder::verb_cue(const Sentence& s, std::size_t& i, std::vector<Attribution>& out) const {
    const Token& t = tokens_[i];
    // Only lower-case words (or the sentence's first) can be speech verbs;
    // skipping the rest keeps the lexicon out of the hot loop.
    const bool maybe_verb = (!t.cap || i == s.first) && !(t.lower[0] >= '0' && t.lower[0] <= '9');
    if (!maybe_verb) return;
    bool extra = false, call_for = false;
    const std::optional<std::string> lemma = cue_lemma(s, i, extra, call_for);
    if (!lemma) return;
    const bool weak = extra || lex_.speech_cue(*lemma).has(SpeechCue::WEAK_LEMMA);
    if (!passes_verb_filters(s, i, *lemma)) return;
    Attribution a;
    bool participle = ends_with(t.lower, "ing");
    a.cue_first = a.cue_last = i;
    a.cue_text = t.lower;
    if (call_for) {
        a.cue_last = i + 1;
        a.cue_text = t.lower + " " + tokens_[i + 1].lower;
    }
    if (participle && !weak && progressive_speaker(s, i, a)) {
        out.push_back(a);
        return;
    }
    if (participle) {
        // ", saying ...": the speaker is the clause's subject, found later.
        // ", saying", "and saying", "- saying", "after saying", "while saying".
        // "... of \u201cNew York values,\u201d saying": the comma may sit inside the quotation.
        const bool comma_in_quote = i > s.first + 1 && tokens_[i - 1].kind == TokenKind::QUOTE &&
                                    !tokens_[i - 1].opening && is_punct(i - 2, ",");
        if (!(i > s.first &&
              (is_punct(i - 1, ",") || comma_in_quote || is_punct(i - 1, "-") || is_punct(i - 1, "\u2013") ||
               is_punct(i - 1, "\u2014") || has_class(tokens_[i - 1].lower, WordClass::PARTICIPLE_ADVERB) ||
               (i == s.first + 1 && has_class(tokens_[s.first].lower, WordClass::PARTICIPLE_SUBORDINATOR))))) {
            absolute_participle(s, i, a, out);
            return;
        }
        if (lex_.speech_cue(t.lower).has(SpeechCue::PARTICIPLE)) out.push_back(subject_attribution(a));
        return;
    }
    if (!verb_speaker(s, i, a, weak, extra, out)) return;
    if (weak && a.speaker.kind == SpeakerKind::NOMINAL && !is_speaker_noun(tokens_[a.speaker.last].lower)) return;
    if (weak && !weak_cue_has_evidence(s, i, a, *lemma, extra)) return;
    out.push_back(a);
    if (a.speaker_after) i = a.speaker.last;
}

void CueFinder::find_attributions(const Sentence& s, std::vector<Attribution>& out) const {
    for (std::size_t i = s.first; i <= s.last; ++i) {
        const Token& t = tokens_[i];
        if (t.kind != TokenKind::WORD || t.quote != NONE) continue;
        if (according_to(s, i, out) || asked_question(s, i, out)) continue;
        verb_cue(s, i, out);
    }
}

}  // namespace saywho::extraction
