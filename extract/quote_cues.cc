/** @file quote_cues.cc
 *  @brief Extraction stage 5: quotations that carry their own attribution ("NP verb", a dash and a name, a closing colon).
 */
#include <algorithm>

#include "common/text.h"
#include "extract/text_model.h"

namespace saywho::extraction {

/// The attribution of the unclaimed quotation @p quote that opens at token
/// @p i: "\"...,\" the suit reads", "Dorsey posted: \"...\"". Its
/// cue_first is NONE when there is none.
Attribution CueFinder::quote_attribution(const Sentence& s, std::size_t i, const Quotation& quote) const {
    Attribution a;
    // After the quotation: [,] NP verb.
    std::size_t k = quote.close_token == NONE ? NONE : quote.close_token + 1;
    if (k != NONE && k <= s.last && is_punct(k, ",")) ++k;
    if (k != NONE && k <= s.last && is_word(k) && tokens_[k].quote == NONE) {
        std::size_t v = k;
        while (v <= s.last && v - k < 6 && (np_word(v) || is_pronoun(tokens_[v].lower)) &&
               !looks_like_verb(tokens_[v].lower))
            ++v;
        if (v > k && v <= s.last && is_word(v) && looks_like_verb(tokens_[v].lower)) {
            if (auto who = read_phrase(k, v - 1)) {
                a.speaker = *who;
                a.cue_first = a.cue_last = v;
            }
        }
        if (a.cue_first == NONE && is_determiner(tokens_[k].lower)) {
            // "\"...!\" some protesters chanted": a determiner, a few
            // words, and a past-tense verb.
            std::size_t past = k + 1;
            while (past <= s.last && past < k + 4 && is_word(past) && !ends_with(tokens_[past].lower, "ed")) ++past;
            if (past > k + 1 && past <= s.last && is_word(past) && ends_with(tokens_[past].lower, "ed")) {
                SpeakerPhrase nominal = nominal_phrase(k, past - 1, k + 1);
                a.speaker = nominal;
                a.cue_first = a.cue_last = past;
            }
        }
        if (a.cue_first == NONE && ends_with(tokens_[k].lower, "ed") && k + 1 <= s.last && is_word(k + 1) &&
            tokens_[k + 1].cap) {
            // "\"...?\" reacted Trump": a past-tense verb, then the name.
            if (auto who = speaker_after(k, s.last)) {
                a.speaker = *who;
                a.cue_first = a.cue_last = k;
            }
        }
    }
    // Before it: NP verb [up to six words] (":" | ",") "quotation"; past
    // verbs of the words between ("Clinton has since apologized for what
    // happened: \"...\"", "he returned to his familiar lines: \"...\"") to
    // the first that has a subject.
    if (a.cue_first == NONE && i > s.first && (is_punct(i - 1, ":") || is_punct(i - 1, ","))) {
        const std::size_t reach = is_punct(i - 1, ":") ? 10 : 7;
        for (std::size_t v = i - 1; v-- > s.first && i - 1 - v <= reach;) {
            if (!is_word(v) || tokens_[v].quote != NONE) break;
            if (!looks_like_verb(tokens_[v].lower)) continue;
            auto who = speaker_before(v, s.first);
            // "Continued Stone: \"...\"": the verb first, then the name.
            if (!who && v == s.first) who = speaker_after(v, i - 2);
            if (who) {
                a.speaker = *who;
                a.cue_first = a.cue_last = v;
                break;
            }
            if (!is_punct(i - 1, ":")) break;
        }
    }
    return a;
}

void CueFinder::find_quote_attributions(const Sentence& s, std::vector<Attribution>& out) const {
    // Quotations no cue has claimed, next to "NP verb": "\"...,\" the suit
    // reads", "As Amar put it, \"...\"", "Dorsey posted: \"...\"". The
    // quotation itself is the evidence of speech, so any verb will do.
    auto claimed = [&](std::size_t first, std::size_t last) {
        for (const auto& a : out)
            if (a.content_first != NONE && a.content_first <= last && first <= a.content_last) return true;
        return false;
    };
    for (std::size_t i = s.first; i <= s.last; ++i) {
        if (tokens_[i].kind != TokenKind::QUOTE || !tokens_[i].opening || i + 1 > s.last) continue;
        std::size_t q = tokens_[i + 1].quote;
        if (q == NONE) continue;
        const Quotation& quote = quotes_[q];
        if (quote.first_token == NONE || quote.last_token == NONE || quote.last_token > s.last) continue;
        std::size_t words = 0;
        for (std::size_t k = quote.first_token; k <= quote.last_token; ++k)
            if (tokens_[k].kind == TokenKind::WORD) ++words;
        if (words < 3 || claimed(quote.first_token, quote.last_token)) {
            i = quote.last_token;
            continue;
        }
        Attribution a = quote_attribution(s, i, quote);
        // A cue that already has its content ("On \"Sunday Morning Futures,\"
        // Issa said Clinton's ...") does not take the title too.
        for (const auto& other : out)
            if (a.cue_first != NONE && words <= 4 && other.cue_first == a.cue_first && other.content_first != NONE)
                a.cue_first = NONE;
        if (a.cue_first != NONE) {
            a.cue_text = tokens_[a.cue_first].lower;
            a.content_first = quote.first_token;
            a.content_last = quote.last_token;
            a.window_last = s.last;
            a.attr_first = std::min(a.cue_first, a.speaker.first == NONE ? a.cue_first : a.speaker.first);
            a.attr_last = std::max(a.cue_last, a.speaker.last == NONE ? a.cue_last : a.speaker.last);
            out.push_back(a);
        }
        i = quote.last_token;
    }
    std::sort(out.begin(), out.end(),
              [](const Attribution& x, const Attribution& y) { return x.content_first < y.content_first; });
}

void CueFinder::find_dash_attributions(const Sentence& s, std::vector<Attribution>& out) const {
    // "\u201CWe were never asked.\u201D \u2015 Maria Lopez, 34, Phoenix" and a
    // quotation paragraph followed by "- Bernie Sanders.": a quotation
    // signed with a dash and a name, as in lists of quotes and epigraphs.
    auto is_dash = [&](std::size_t i) {
        return is_punct(i, "-") || is_punct(i, "\u2014") || is_punct(i, "\u2015") || is_punct(i, "\u2013");
    };
    for (std::size_t i = s.first; i <= s.last; ++i) {
        if (!is_dash(i) || i == 0 || i + 1 > s.last) continue;
        std::size_t name = i + 1;
        if (!is_word(name) || !tokens_[name].cap || !outside(name) || tokens_[name].paragraph != tokens_[i].paragraph)
            continue;
        std::size_t last = name;
        while (last + 1 <= s.last && last - name < 5 && np_word(last + 1) && outside(last + 1)) ++last;
        const std::size_t after = last + 1;
        bool signature_ends = after > s.last || is_punct(after, ",") || is_punct(after, "(") || is_punct(after, ".");
        if (!signature_ends) continue;
        auto who = read_phrase(name, last);
        if (!who || who->kind != SpeakerKind::PERSON) continue;
        // The quotation closing just before the dash (after its final stop, if any).
        std::size_t close = i - 1;
        while (close > 0 && tokens_[close].kind == TokenKind::PUNCT && (is_punct(close, ".") || is_punct(close, ",")))
            --close;
        if (tokens_[close].kind != TokenKind::QUOTE || tokens_[close].opening || close == 0) continue;
        const std::size_t q = tokens_[close - 1].quote;
        if (q == NONE || quotes_[q].close_token != close || quotes_[q].first_token == NONE) continue;
        const Quotation& quote = quotes_[q];
        // The quotation must stand alone: it opens its paragraph, or the
        // signature opens its own.
        const bool quote_opens =
            quote.open_token == 0 || tokens_[quote.open_token - 1].paragraph != tokens_[quote.open_token].paragraph;
        const bool dash_opens = tokens_[i - 1].paragraph != tokens_[i].paragraph;
        if (!quote_opens && !dash_opens) continue;
        Attribution a;
        a.cue_first = a.cue_last = i;
        a.cue_text = tokens_[i].lower;
        a.speaker = *who;
        a.speaker_after = true;
        a.content_first = quote.first_token;
        a.content_last = quote.last_token;
        a.attr_first = i;
        a.attr_last = last;
        a.window_last = s.last;
        a.preset = true;
        out.push_back(a);
        i = last;
    }
}

std::optional<Attribution> CueFinder::colon_attribution(const Sentence& s,
                                                        const std::vector<Attribution>& attributions) const {
    if (!(is_punct(s.last, ":") && s.last > s.first)) return std::nullopt;
    bool claimed = false;
    for (const auto& a : attributions)
        if (a.content_first != NONE) claimed = true;
    for (std::size_t v = s.last; !claimed && v-- > s.first && s.last - v <= 8;) {
        if (!is_word(v) || tokens_[v].quote != NONE || !looks_like_verb(tokens_[v].lower)) continue;
        auto found = speaker_before(v, s.first);
        if (!found && v == s.first && s.last > 1) found = speaker_after(v, s.last - 1);  // "Stated Stone:"
        if (auto who = found) {
            Attribution a;
            a.speaker = *who;
            a.cue_first = a.cue_last = v;
            a.cue_text = tokens_[v].lower;
            a.attr_first = who->first == NONE ? v : std::min(who->first, v);
            a.attr_last = s.last;
            return a;
        }
        break;
    }
    return std::nullopt;
}

std::vector<Attribution> CueFinder::attributions(const Sentence& s) const {
    std::vector<Attribution> found;
    find_attributions(s, found);
    choose_content(s, found);
    find_quote_attributions(s, found);
    find_dash_attributions(s, found);
    return found;
}

}  // namespace saywho::extraction
