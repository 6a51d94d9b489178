/** @file statements.cc
 *  @brief Extraction stage 8: statements from the attributions, with speaker, day and place, and places inferred.
 */
#include <algorithm>

#include "common/calendar_words.h"
#include "common/text.h"
#include "extract/place_time.h"
#include "extract/text_model.h"

namespace saywho::extraction {

using namespace std::string_view_literals;

namespace {

/// "He" continues a lone anonymous source that spoke this many sentences
/// before at most (set by hand: a wire story's next paragraph or two).
constexpr std::size_t ANONYMOUS_ONE_WINDOW_SENTENCES = 2;

/// The name a speaker phrase gives when it is another form of @p en's name
/// ("IBM", "Zenith"), so the archive finds the speaker by it; empty for a
/// pronoun, a nominal or the name itself.
std::string alias_at_cue(const SpeakerPhrase& p, const Entity& en) {
    if (p.kind != SpeakerKind::PERSON || p.name_words.empty()) return "";
    std::string name;
    for (const auto& w : p.name_words) name += (name.empty() ? "" : " ") + w;
    return fold_key(name) == en.key ? "" : name;
}

/// Walks the sentences once, turning attributions into statements.
class StatementFinder : public TextView {
  public:
    StatementFinder(const TextModel& model, Entities& state)
        : TextView(model), cues_(model), coref_(model, state), place_time_(model), state_(state) {}

    std::vector<Pending> run();

  private:
    bool transcript_line(const Sentence& s, std::size_t si);
    void continue_quotation(const Sentence& s, std::size_t si);
    void add_statement(const Sentence& s, std::size_t si, const Attribution& a);
    bool opening_comma(std::size_t first, std::size_t before) const;
    const Place* place_and_day(const Sentence& s, const Attribution& a, std::size_t cf, std::size_t cl,
                               Statement& st) const;
    std::size_t speaker_of(const Attribution& a, std::size_t si, Statement& st);
    bool is_anonymous_source(const SpeakerPhrase& p) const;
    bool speaks_of_itself(const Attribution& a) const;
    bool continues_anonymous_one(const Attribution& a) const;
    std::optional<SpeakerPhrase> clause_subject(const Attribution& a, std::size_t si) const;
    std::optional<SpeakerPhrase> subject_at(std::size_t k, std::size_t cue) const;
    bool introduced_indefinitely(const SpeakerPhrase& p) const;

    CueFinder cues_;
    Coreference coref_;
    PlaceTime place_time_;
    Entities& state_;
    std::vector<Pending> pending;
    std::size_t region_first_ = 0;            ///< where the current attribution's opening phrase may start
    std::size_t transcript_paragraph = NONE;  ///< paragraph taken whole by a "NAME: ..." line
    /// "President Clinton released the following statement:" closing a
    /// sentence: its speaker and verb wait for a quotation that follows.
    std::optional<Attribution> colon_waiting;
    std::size_t colon_sentence = NONE;
    std::string last_group_speaker_;  ///< the last unresolved nominal speaker ("officials")
    std::size_t last_group_sentence_ = 0;
    /// The last anonymous source that is one person ("one dealer", "a
    /// Xerox spokesman") and its cue token: what a "he" right after it means.
    std::string last_anonymous_one_;
    std::size_t last_anonymous_one_cue_ = NONE;
};

/// "JAKE TAPPER: Donald Trump released a video ...", "Q: ...": a transcript
/// line opening paragraph @p s; its paragraph is one statement by that name.
/// True when it was one.
bool StatementFinder::transcript_line(const Sentence& s, std::size_t si) {
    const std::size_t this_paragraph = tokens_[s.first].paragraph;
    std::size_t colon = s.first;
    while (colon <= s.last && colon - s.first < 5 && is_word(colon) && tokens_[colon].cap) ++colon;
    std::size_t para_last = s.last;
    for (std::size_t k = s.last; k < tokens_.size() && tokens_[k].paragraph == this_paragraph; ++k) para_last = k;
    std::size_t words_after = 0;
    for (std::size_t k = colon + 1; k <= para_last && k < tokens_.size(); ++k)
        if (tokens_[k].kind == TokenKind::WORD) ++words_after;
    bool shape = colon > s.first && colon <= s.last && is_punct(colon, ":") && words_after >= 3;
    if (shape) {
        std::vector<std::string> words;
        for (std::size_t k = s.first; k < colon; ++k) words.push_back(token_text(tokens_[k]));
        const std::string first = tokens_[s.first].lower;
        bool q_or_a = words.size() == 1 && (first == "q"sv || first == "a"sv);
        bool all_caps = true;
        for (std::size_t k = s.first; k < colon; ++k) all_caps = all_caps && tokens_[k].all_caps;
        auto given = lex_.given_name(words.front());
        bool known = words.size() == 1 && coref_.entity_for_name(words, "", false) != NONE;
        bool header = has_class(first, WordClass::HEADER_WORD) || is_weekday(first) || month_number(first) ||
                      is_function_word(first);
        if (!header &&
            (q_or_a || (all_caps && words.size() >= 2) || known || (words.size() >= 2 && given && !given->weak))) {
            std::size_t cf = colon + 1;
            while (cf < para_last && tokens_[cf].kind != TokenKind::WORD) ++cf;
            std::size_t cl = para_last;
            while (cl > cf && tokens_[cl].kind != TokenKind::WORD) --cl;
            Statement st;
            std::size_t end_byte = tokens_[cl].end;
            if (cl + 1 <= para_last && tokens_[cl + 1].kind == TokenKind::PUNCT) end_byte = tokens_[cl + 1].end;
            st.text = body_.substr(tokens_[cf].start, end_byte - tokens_[cf].start);
            st.start = model_.article.body_offset + tokens_[cf].start;
            st.end = model_.article.body_offset + end_byte;
            st.direct = true;  // a transcript gives the words as spoken
            st.quote = "direct";
            st.cue = ":";
            std::size_t entity = q_or_a ? NONE : coref_.entity_for_name(words, "", true);
            if (entity != NONE) {
                st.speaker = state_.entities[entity].name;
                st.role = state_.entities[entity].role;
                st.speaker_kind = state_.entities[entity].person ? "person" : "organization";
            } else {
                st.speaker_kind = "unresolved";  // "Q:", "A:"
            }
            st.speaker_mention = text_of(s.first, colon - 1);
            st.date = model_.article.date;
            st.date_basis = "article";
            pending.push_back({st, entity, false, si, false});
            transcript_paragraph = this_paragraph;
            return true;
        }
    }
    return false;
}

/// A sentence that is nothing but a quotation continues the last quoted
/// speaker: "\"We will not wait,\" she said. \"The grid needs work now.\""
/// — in the same paragraph, or in the next one when the quoted speaker
/// closed the previous paragraph.
void StatementFinder::continue_quotation(const Sentence& s, std::size_t si) {
    const Pending& last = pending.back();
    std::size_t words = 0, quoted = 0;
    for (std::size_t k = s.first; k <= s.last; ++k)
        if (tokens_[k].kind == TokenKind::WORD) {
            ++words;
            if (tokens_[k].quote != NONE) ++quoted;
        }
    const std::size_t paragraph = tokens_[s.first].paragraph;
    const std::size_t last_paragraph = tokens_[sentences_[last.sentence].last].paragraph;
    bool follows = last.st.quote != "none" &&
                   (paragraph == last_paragraph || (paragraph == last_paragraph + 1 && last.sentence + 1 == si &&
                                                    tokens_[s.first].kind == TokenKind::QUOTE));
    if (follows && words >= 3 && quoted == words) {
        std::size_t cf = s.first, cl = s.last;
        while (cf < cl && tokens_[cf].kind != TokenKind::WORD) ++cf;
        while (cl > cf && tokens_[cl].kind != TokenKind::WORD) --cl;
        Pending next = last;
        std::size_t end_byte = tokens_[cl].end;
        if (cl + 1 <= s.last && tokens_[cl + 1].kind == TokenKind::PUNCT && tokens_[cl + 1].start == tokens_[cl].end &&
            (tokens_[cl + 1].lower == "."sv || tokens_[cl + 1].lower == "?"sv || tokens_[cl + 1].lower == "!"sv))
            end_byte = tokens_[cl + 1].end;
        next.st.text = body_.substr(tokens_[cf].start, end_byte - tokens_[cf].start);
        next.st.start = model_.article.body_offset + tokens_[cf].start;
        next.st.end = model_.article.body_offset + end_byte;
        next.st.direct = true;
        next.st.quote = "direct";
        next.sentence = si;
        next.continuation = true;
        next.explicit_place = next.st.location_basis == "explicit" && paragraph == last_paragraph;
        if (next.st.location_basis == "explicit" && paragraph != last_paragraph) {
            // Its place is decided with the others below (inferred or dateline).
            next.st.location_basis.clear();
            next.st.location.clear();
            next.st.country.clear();
            next.st.location_id = 0;
        }
        pending.push_back(next);
    }
}

/// Whether nominal speaker @p p is an anonymous source, named by its
/// words ("analysts", "industry sources", "a Xerox spokesman", "police"):
/// not an organisation left unnamed ("the company", "the ministry"), which
/// is unresolved.
bool StatementFinder::is_anonymous_source(const SpeakerPhrase& p) const {
    if (p.nominal.empty() || p.last == NONE) return false;
    const std::string& head = tokens_[p.last].lower;
    // "those close to the ministry": a group around an organisation.
    if (p.first != NONE && has_class(tokens_[p.first].lower, WordClass::GROUP_PRONOUN)) return true;
    return !has_class(head, WordClass::UNNAMED_ORGANIZATION_NOUN);
}

/// "Twitter said it had suspended ...", "Zenith said its ...": a lone
/// name, no given name and no title, that speaks of itself as "it" is an
/// organisation's.
bool StatementFinder::speaks_of_itself(const Attribution& a) const {
    const SpeakerPhrase& p = a.speaker;
    if (p.kind != SpeakerKind::PERSON || p.name_words.size() != 1 || !p.role.empty() || a.content_first == NONE)
        return false;
    const std::string& first_word = tokens_[a.content_first].lower;
    return (first_word == "it"sv || first_word == "its"sv) && !lex_.given_name(p.name_words.front());
}

/// The entity that speaks in @p a (NONE when unresolved), with the
/// speaker's name, role and kind in @p st.
std::size_t StatementFinder::speaker_of(const Attribution& a, std::size_t si, Statement& st) {
    std::size_t entity = NONE;
    if (a.speaker.kind == SpeakerKind::PRONOUN && a.speaker.pronoun.empty()) {
        // "..., he said, adding that ...": the participle goes on with the
        // attribution before it in its sentence.
        if (!pending.empty() && pending.back().sentence == si && !pending.back().continuation) {
            const Pending& before = pending.back();
            st.speaker = before.st.speaker;
            st.role = before.st.role;
            st.speaker_kind = before.st.speaker_kind;
            return before.entity;
        }
        // "She praised Obama, saying ...": a pronoun subject speaks, not
        // the person it names.
        if (auto subject = clause_subject(a, si)) {
            Attribution with_subject = a;
            with_subject.speaker = *subject;
            return speaker_of(with_subject, si, st);
        }
        // ", saying ...": the subject of the clause (the first person
        // named in the sentence), or the last speaker.
        for (std::size_t m = 0; m < state_.mentions.size() && entity == NONE; ++m)
            if (tokens_[state_.mentions[m].token].sentence == si && state_.mentions[m].token < a.cue_first)
                entity = state_.mentions[m].entity;
        if (entity == NONE) entity = state_.last_speaker;
    } else if (continues_anonymous_one(a)) {
        // "... a dealer at a U.S. bank said. He said the range ...".
        st.speaker_mention = text_of(a.speaker.first, a.speaker.last);
        st.speaker = last_anonymous_one_;
        st.speaker_kind = "anonymous";
        return NONE;
    } else {
        SpeakerPhrase speaker = a.speaker;
        if (speaks_of_itself(a)) speaker.organization = true;
        entity = coref_.resolve(speaker, a.cue_first);
    }
    coref_.note_speaker(entity, a.speaker, a.cue_first);
    if (a.speaker.first != NONE && a.speaker.last != NONE)
        st.speaker_mention = text_of(a.speaker.first, a.speaker.last);
    if (entity != NONE) {
        const Entity& en = state_.entities[entity];
        st.speaker = en.name;
        st.role = en.role;
        st.speaker_kind = en.person ? "person" : "organization";
        st.speaker_alias = alias_at_cue(a.speaker, en);
        return entity;
    }
    st.role = a.speaker.role;
    st.speaker_kind = "unresolved";  // "he", "it", "the company": no name in the article
    if (a.speaker.kind == SpeakerKind::PRONOUN && a.speaker.pronoun == "they" && !last_group_speaker_.empty() &&
        si <= last_group_sentence_ + 3) {
        // "Officials said ... They added": a plural pronoun continues the
        // group that spoke last, if it spoke in the last few sentences.
        st.speaker = last_group_speaker_;
        st.speaker_kind = "anonymous";
    } else if (a.speaker.kind == SpeakerKind::NOMINAL && is_anonymous_source(a.speaker)) {
        st.speaker = a.speaker.nominal;
        st.speaker_kind = "anonymous";
        last_group_speaker_ = st.speaker;
        last_group_sentence_ = si;
        // "a dealer", "one trader": someone new, and one person; "the
        // businessman" may be a person the article named, "dealers" many.
        const std::string& head = tokens_[a.speaker.last].lower;
        const bool one_new = introduced_indefinitely(a.speaker) && !(ends_with(head, "s") && !ends_with(head, "ss"));
        last_anonymous_one_ = one_new ? st.speaker : "";
        last_anonymous_one_cue_ = one_new ? a.cue_first : NONE;
    }
    return entity;
}

/// Whether the determiner of nominal @p p, in it or among the few lower-case
/// words before it, brings in someone new: "a dealer", "one dollar trader".
bool StatementFinder::introduced_indefinitely(const SpeakerPhrase& p) const {
    constexpr std::size_t MODIFIERS_BEFORE = 3;
    for (std::size_t k = p.first, back = 0; back <= MODIFIERS_BEFORE; --k, ++back) {
        const Token& t = tokens_[k];
        if (t.kind != TokenKind::WORD || (back > 0 && t.cap && !t.all_caps)) return false;
        if (has_class(t.lower, WordClass::INDEFINITE_DETERMINER)) return true;
        if (is_determiner(t.lower) || k == 0) return false;
    }
    return false;
}

/// The subject that opens the clause of subject attribution @p a in
/// sentence @p si ("But she praised Obama, saying ..."), or that follows
/// an opening phrase and its comma ("On Monday, the ministry cut ...,
/// saying"), if it is a pronoun or a noun phrase before its verb.
std::optional<SpeakerPhrase> StatementFinder::clause_subject(const Attribution& a, std::size_t si) const {
    const Sentence& s = sentences_[si];
    // The dateline is nobody's clause.
    const std::size_t first =
        s.first < model_.dateline_end && model_.dateline_end <= s.last ? model_.dateline_end : s.first;
    if (auto subject = subject_at(first, a.cue_first)) return subject;
    for (std::size_t k = first; k + 1 < a.cue_first; ++k)
        if (is_punct(k, ",") && tokens_[k].quote == NONE) return subject_at(k + 1, a.cue_first);
    return std::nullopt;
}

/// The pronoun or noun phrase from @p k (past quotations, "but", "also")
/// that is the subject of a verb before @p cue, if there is one.
std::optional<SpeakerPhrase> StatementFinder::subject_at(std::size_t k, std::size_t cue) const {
    while (k < cue && (tokens_[k].kind != TokenKind::WORD || tokens_[k].quote != NONE ||
                       has_class(tokens_[k].lower, WordClass::CLAUSE_OPENER) || is_adverb_between(tokens_[k].lower)))
        ++k;
    if (k >= cue) return std::nullopt;
    const std::string& w = tokens_[k].lower;
    // "In court documents, ...", "Having announced ...", "Friday, ...": no subject.
    if (has_class(w, WordClass::ASIDE_PREPOSITION) || has_class(w, WordClass::PREPOSITION) || ends_with(w, "ing") ||
        is_weekday(w) || month_number(w))
        return std::nullopt;
    if (has_class(without_clitic(w), WordClass::PERSON_SUBJECT_PRONOUN)) {  // "I'm", "she's"
        SpeakerPhrase p;
        p.kind = SpeakerKind::PRONOUN;
        p.pronoun = without_clitic(w);
        p.first = p.last = k;
        return p;
    }
    // "The ministry cut its forecast, saying ...", "Officials closed the
    // road, saying ...": a noun phrase before a lower-case verb.
    std::size_t last = k;
    while (last + 1 < cue && coref_.np_word(last + 1) && last - k < 8) ++last;
    if (last + 1 >= cue || !is_word(last + 1) || tokens_[last + 1].cap || is_function_word(tokens_[last + 1].lower))
        return std::nullopt;
    auto phrase = coref_.read_phrase(k, last);
    if (!phrase || phrase->kind == SpeakerKind::PRONOUN) return std::nullopt;
    return phrase;
}

/// Whether @p a's "he" or "she" is the one anonymous source that spoke in
/// this sentence or the two before, with no person named in its sentence
/// or since, nor speaking since.
bool StatementFinder::continues_anonymous_one(const Attribution& a) const {
    if (a.speaker.kind != SpeakerKind::PRONOUN || (a.speaker.pronoun != "he" && a.speaker.pronoun != "she") ||
        last_anonymous_one_.empty() || last_anonymous_one_cue_ >= a.cue_first)
        return false;
    if (tokens_[a.cue_first].sentence > tokens_[last_anonymous_one_cue_].sentence + ANONYMOUS_ONE_WINDOW_SENTENCES)
        return false;
    if (state_.last_speaker != NONE && state_.last_speaker_token > last_anonymous_one_cue_) return false;
    // "Reagan was asked by a reporter ... He responded": a person in the
    // source's own sentence may be the one "he" means.
    const std::size_t from = sentences_[tokens_[last_anonymous_one_cue_].sentence].first;
    for (const Mention& m : state_.mentions)
        if (m.token >= from && m.token < a.cue_first && state_.entities[m.entity].person) return false;
    return true;
}

/// The statement attribution @p a of sentence @p s gives, if its content
/// is long enough: its text, speaker, day and place.
void StatementFinder::add_statement(const Sentence& s, std::size_t si, const Attribution& a) {
    if (a.content_first == NONE || a.content_last == NONE || a.content_last < a.content_first) return;
    // Trim punctuation and quote marks at the content's edges.
    std::size_t cf = a.content_first, cl = a.content_last;
    while (cf < cl && (tokens_[cf].kind != TokenKind::WORD)) ++cf;
    while (cl > cf && (tokens_[cl].kind != TokenKind::WORD)) --cl;
    if (tokens_[cf].kind != TokenKind::WORD) return;
    std::size_t words = 0, quoted = 0;
    for (std::size_t k = cf; k <= cl; ++k)
        if (tokens_[k].kind == TokenKind::WORD) {
            ++words;
            if (tokens_[k].quote != NONE) ++quoted;
        }
    // Reported speech needs a clause; a quotation may be one word
    // ("Savage," she said), and a naming verb two ("called it \"predatory\"").
    if (words < 3 && quoted != words && !(words == 2 && quoted == 1)) return;

    Statement st;
    st.direct = quoted == words && tokens_[cf].quote == tokens_[cl].quote;
    st.quote = st.direct ? "direct" : quoted > 0 ? "mixed" : "none";
    std::size_t end_byte = tokens_[cl].end;
    // Keep a final full stop or question mark that belongs to the words.
    if (cl + 1 < tokens_.size() && tokens_[cl + 1].kind == TokenKind::PUNCT &&
        (tokens_[cl + 1].lower == "."sv || tokens_[cl + 1].lower == "?"sv || tokens_[cl + 1].lower == "!"sv) &&
        tokens_[cl + 1].start == tokens_[cl].end && cl + 1 <= a.content_last)
        end_byte = tokens_[cl + 1].end;
    st.text = body_.substr(tokens_[cf].start, end_byte - tokens_[cf].start);
    st.start = model_.article.body_offset + tokens_[cf].start;
    st.end = model_.article.body_offset + end_byte;
    st.cue = a.cue_text;
    const std::size_t entity = speaker_of(a, si, st);

    const Place* place = place_and_day(s, a, cf, cl, st);
    // A quotation already given to its speaker by continuation gets
    // the explicit attribution instead.
    while (!pending.empty() && pending.back().continuation && pending.back().st.start >= st.start &&
           pending.back().st.end <= st.end)
        pending.pop_back();
    pending.push_back({st, entity, place != nullptr, si, false});
}

/// Whether a comma closes an opening phrase of the sentence in [first,
/// before) with only the speaker's own words after it ("Speaking in Lyon,
/// farm union leader Mathieu Garnier said"), not another clause ("a
/// buyback announced yesterday, but analysts said").
bool StatementFinder::opening_comma(std::size_t first, std::size_t before) const {
    constexpr std::size_t SPEAKER_WORDS = 6;  // "farm union leader" before a name
    for (std::size_t k = before, words = 0; k-- > first && words <= SPEAKER_WORDS; ++words) {
        if (is_punct(k, ",")) return k > first;
        if (!is_word(k) || has_class(tokens_[k].lower, WordClass::CLAUSE_BOUNDARY)) return false;
    }
    return false;
}

/// The day and the explicit place of attribution @p a, whose content is
/// [cf, cl], into @p st; the place, or null when the words name none.
const Place* StatementFinder::place_and_day(const Sentence& s, const Attribution& a, std::size_t cf, std::size_t cl,
                                            Statement& st) const {
    // The attribution's own words run from its speaker (or cue) to the next
    // attribution, after a phrase that opens the sentence with a comma
    // ("Speaking at a rally in Lyon on Tuesday, Dupont said"), never
    // another clause ("a buyback announced yesterday, but analysts said")
    // nor the dateline ("LONDON, March 7 -" dates the story, not the words).
    const std::size_t own_last = a.window_last == NONE ? s.last : a.window_last;
    const std::size_t before = std::min(a.cue_first, a.speaker.first);
    const std::size_t opening_first =
        region_first_ < model_.dateline_end && model_.dateline_end <= before ? model_.dateline_end : region_first_;
    const bool opening = before != NONE && before > opening_first && opening_comma(opening_first, before);
    const std::size_t own_first = opening ? opening_first : before;

    // Day: from those words, never from the content.
    auto day = place_time_.day_near(own_first, own_last, cf, cl);
    st.date = day ? *day : model_.article.date;
    st.date_basis = day ? "text" : "article";

    // Where: a place after the cue; else a setting in the opening phrase or
    // in an aside before the cue ("Ruiz, speaking in Dubai, said").
    const Place* place = place_time_.place_near(a.cue_first, own_last, cf, cl);
    if (!place && cf > a.cue_first && opening) place = place_time_.setting_place(opening_first, before - 1);
    // Not a relative clause: "Kettunen, who launched the plan at a summit in
    // Helsinki in March, said" tells what she did before, not where she is.
    std::size_t aside = a.speaker.last == NONE ? NONE : a.speaker.last + 1;
    if (is_punct(aside, ",")) ++aside;
    if (!place && cf > a.cue_first && aside < a.cue_first &&
        !has_class(tokens_[aside].lower, WordClass::RELATIVE_PRONOUN))
        place = place_time_.setting_place(aside, a.cue_first - 1);
    if (place) set_place(st, *place, "explicit");
    return place;
}

std::vector<Pending> StatementFinder::run() {
    for (std::size_t si = 0; si < sentences_.size(); ++si) {
        const Sentence& s = sentences_[si];
        region_first_ = s.first;
        const std::size_t this_paragraph = tokens_[s.first].paragraph;
        if (this_paragraph == transcript_paragraph) continue;
        if ((s.first == 0 || tokens_[s.first - 1].paragraph != this_paragraph) && transcript_line(s, si)) continue;
        std::vector<Attribution> attributions = cues_.attributions(s);
        bool quote_only = tokens_[s.first].kind == TokenKind::QUOTE && tokens_[s.first].opening;
        for (std::size_t k = s.first; k <= s.last && quote_only; ++k)
            if (tokens_[k].kind == TokenKind::WORD && tokens_[k].quote == NONE) quote_only = false;
        if (attributions.empty() && colon_waiting && colon_sentence + 1 == si && quote_only && s.last > s.first) {
            Attribution a = *colon_waiting;
            a.content_first = s.first;
            a.content_last = s.last;
            a.window_last = NONE;
            a.preset = true;
            attributions.push_back(a);
        }
        colon_waiting.reset();
        if (auto waiting = cues_.colon_attribution(s, attributions)) {
            colon_waiting = waiting;
            colon_sentence = si;
        }
        for (std::size_t n = 0; n < attributions.size(); ++n) {
            if (attributions[n].second_first == NONE) continue;
            Attribution second = attributions[n];
            second.content_first = second.second_first;
            second.content_last = second.second_last;
            second.second_first = second.second_last = NONE;
            attributions[n].second_first = attributions[n].second_last = NONE;
            attributions.insert(attributions.begin() + static_cast<std::ptrdiff_t>(n) + 1, second);
        }
        if (attributions.empty() && !pending.empty()) {
            continue_quotation(s, si);
            continue;
        }
        for (const Attribution& a : attributions) {
            add_statement(s, si, a);
            // The next attribution's opening phrase starts after this one.
            region_first_ = std::max({region_first_, a.content_last == NONE ? 0 : a.content_last + 1,
                                      a.attr_last == NONE ? 0 : a.attr_last + 1, a.cue_last + 1});
        }
    }
    return pending;
}

}  // namespace

std::vector<Pending> find_statements(const TextModel& model, Entities& entities) {
    return StatementFinder(model, entities).run();
}

void Coreference::note_speaker(std::size_t entity, const SpeakerPhrase& speaker, std::size_t cue) {
    if (entity != NONE && speaker.kind != SpeakerKind::ORGANIZATION && speaker.first != NONE &&
        state_.entities[entity].person) {
        // The pronoun now names this person: later pronouns may chain to
        // it, and "he"/"she" tells a gender the name did not.
        if (state_.entities[entity].gender == Gender::UNKNOWN && speaker.kind == SpeakerKind::PRONOUN) {
            if (speaker.pronoun == "he") state_.entities[entity].gender = Gender::MALE;
            if (speaker.pronoun == "she") state_.entities[entity].gender = Gender::FEMALE;
        }
        Mention m{entity, speaker.first, true};
        auto at = std::upper_bound(state_.mentions.begin(), state_.mentions.end(), m,
                                   [](const Mention& x, const Mention& y) { return x.token < y.token; });
        state_.mentions.insert(at, m);
    }
    if (entity != NONE) {
        state_.last_speaker = entity;
        state_.last_speaker_token = cue;
        state_.used_as_speaker.insert(entity);
        state_.last_spoke_token[entity] = cue;
        ++state_.times_spoken[entity];
        if (!state_.entities[entity].person) {
            state_.last_organization_speaker = entity;
            state_.last_organization_speaker_token = cue;
        }
    }
}

}  // namespace saywho::extraction
