/** @file place_time.cc
 *  @brief Extraction stage 7: the day and the place an attribution names, and the article's dateline.
 */
#include <algorithm>

#include "common/calendar_words.h"
#include "common/text.h"
#include "extract/place_time.h"
#include "extract/text_model.h"

namespace saywho::extraction {

using namespace std::string_view_literals;

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// The month of a month word as tokens hold it, with or without its
/// abbreviation's full stop ("dec.", "sept"); 0 for any other word.
int month_of(std::string_view lower) {
    if (!lower.empty() && lower.back() == '.') lower.remove_suffix(1);
    return month_number(lower);
}

}  // namespace

/// "Dec. 30", "December 30", "Jan 5", "Sept. 4, 2024" at token @p i: the
/// day in @p date and the number of tokens read, 0 when none. Without a
/// year, the latest such day up to a month after the article's date ("on
/// December 30" in a January article is last year's).
std::size_t PlaceTime::month_day_year(std::size_t i, std::size_t last, CivilDate& date) const {
    const Token& t = tokens_[i];
    const int month = t.cap ? month_of(t.lower) : 0;
    // "May" is a verb more often than a month, and "March" a verb too.
    if (!month || t.lower == "may"sv) return 0;
    std::size_t k = i + 1;
    if (is_punct(k, ".")) ++k;
    if (k > last || !is_word(k) || tokens_[k].lower.size() > 2 || !all_digits(tokens_[k].lower)) return 0;
    const int day = std::stoi(tokens_[k].lower);
    const CivilDate& today = model_.article.date;
    int year = today.year;
    if (month > today.month + 1) --year;
    std::size_t end = k + 1;
    if (is_punct(end, ",") && end + 1 <= last && tokens_[end + 1].lower.size() == 4 &&
        all_digits(tokens_[end + 1].lower)) {
        year = std::stoi(tokens_[end + 1].lower);
        end += 2;
    }
    auto made = CivilDate::make(year, month, day);
    if (!made) return 0;
    date = *made;
    return end - i;
}

/// A day said in other words at token @p i: "yesterday", "today", "over
/// the weekend" (the last Sunday), "this week" and "earlier this week"
/// (the week's Monday), "last week" (the Monday before).
std::optional<CivilDate> PlaceTime::relative_day(std::size_t i, std::size_t last) const {
    const CivilDate& today = model_.article.date;
    const std::string& w = tokens_[i].lower;
    if (w == "yesterday"sv) return today.plus_days(-1);
    if (has_class(w, WordClass::SAME_DAY_WORD)) return today;
    const std::string& next = i + 1 <= last ? tokens_[i + 1].lower : w;
    const std::string& after = i + 2 <= last ? tokens_[i + 2].lower : w;
    const CivilDate monday = today.plus_days(-today.weekday());
    if ((w == "over"sv || w == "at"sv || w == "during"sv) && next == "the"sv && after == "weekend"sv)
        return today.weekday() >= 5 ? today : monday.plus_days(-1);
    if (w == "this"sv && next == "week"sv) return monday;
    if (w == "last"sv && next == "week"sv) return monday.plus_days(-7);
    return std::nullopt;
}

/// The day an event is named with at tokens [first, last]: a weekday
/// ("Thursday's summit", "the summit on Thursday"), taken as the nearest
/// one from five days before the article's date to the day after it (an
/// event the story looks back on or one to come), or a month and day.
std::optional<CivilDate> PlaceTime::event_day(std::size_t first, std::size_t last) const {
    const CivilDate& today = model_.article.date;
    for (std::size_t k = first; k <= last && k < tokens_.size(); ++k) {
        if (!is_word(k) || !tokens_[k].cap) continue;
        std::string_view word = tokens_[k].lower;
        if (word.size() > 2 && word.substr(word.size() - 2) == "'s") word.remove_suffix(2);
        if (const int wd = weekday_number(word); wd >= 0) {
            const int back = (today.weekday() - wd + 7) % 7;
            return today.plus_days(back == 6 ? 1 : -back);
        }
        CivilDate date;
        if (month_day_year(k, last, date)) return date;
    }
    return std::nullopt;
}

/// "on the eve of Thursday's summit", "on the eve of the summit" with the
/// article saying when the summit is ("The summit opens on Thursday"): the
/// day before the event; nullopt when the article gives it no day.
std::optional<CivilDate> PlaceTime::eve_of(std::size_t i, std::size_t last) const {
    constexpr std::size_t EVENT_WORDS = 6;  // "Thursday's two-day climate summit"
    if (tokens_[i].lower != "eve"sv || i + 1 > last || tokens_[i + 1].lower != "of"sv) return std::nullopt;
    const std::size_t phrase_last = std::min(last, i + 1 + EVENT_WORDS);
    if (auto day = event_day(i + 2, phrase_last)) return day->plus_days(-1);
    // The event's noun: the last word of the phrase after "of".
    std::size_t k = i + 2;
    while (k <= phrase_last &&
           (is_determiner(tokens_[k].lower) || has_class(tokens_[k].lower, WordClass::NOUN_DETERMINER)))
        ++k;
    std::size_t head = NONE;
    for (; k <= phrase_last && is_word(k) && !has_class(tokens_[k].lower, WordClass::PREPOSITION) &&
           !has_class(tokens_[k].lower, WordClass::FUNCTION_WORD);
         ++k)
        head = k;
    if (head == NONE) return std::nullopt;
    for (std::size_t other = 0; other < tokens_.size(); ++other) {
        if (other == head || tokens_[other].lower != tokens_[head].lower) continue;
        const std::size_t from = other >= 2 ? other - 2 : 0;
        if (auto day = event_day(from, std::min(tokens_.size() - 1, other + EVENT_WORDS))) return day->plus_days(-1);
    }
    return std::nullopt;
}

std::optional<CivilDate> PlaceTime::day_near(std::size_t first, std::size_t last, std::size_t skip_first,
                                             std::size_t skip_last) const {
    const CivilDate& today = model_.article.date;
    for (std::size_t i = first; i <= last && i < tokens_.size(); ++i) {
        if (skip_first != NONE && i >= skip_first && i <= skip_last) continue;
        const Token& t = tokens_[i];
        if (t.kind != TokenKind::WORD || t.quote != NONE) continue;
        if (auto day = relative_day(i, last)) return day;
        if (auto day = eve_of(i, last)) return day;
        if (t.lower == "eve"sv) continue;
        int wd = weekday_number(t.lower);
        if (wd >= 0 && t.cap) {
            int back = (today.weekday() - wd + 7) % 7;
            bool last_week = i > 0 && tokens_[i - 1].lower == "last"sv;
            if (last_week) back += back == 0 ? 7 : (today.weekday() > wd ? 7 : 0);
            if (i > 0 && tokens_[i - 1].lower == "next"sv) continue;
            return today.plus_days(-back);
        }
        // A day after the article's is when something will happen
        // ("the bonds mature March 20, 1997"), never when words were said.
        CivilDate date;
        if (month_day_year(i, last, date) && !(today < date)) return date;
    }
    return std::nullopt;
}

/// Whether token @p i introduces a place: "in", "at", "from", or "to"
/// after a visit ("during a visit to Kyiv", "on a two-day trip to Nairobi").
bool PlaceTime::introduces_place(std::size_t i) const {
    const std::string& w = tokens_[i].lower;
    if (has_class(w, WordClass::PLACE_PREPOSITION)) return true;
    if (w != "to"sv) return false;
    for (std::size_t back = 1; back <= 3 && back <= i; ++back)
        if (has_class(tokens_[i - back].lower, WordClass::VISIT_NOUN)) return true;
    return false;
}

/// Whether the place's region or country follows it after a comma ("Nice,
/// France", "Split, Croatia").
bool PlaceTime::region_follows(const Place& place, std::size_t next) const {
    if (!is_punct(next, ",") || !is_word(next + 1) || !tokens_[next + 1].cap) return false;
    const Place* region = lex_.best_place(token_text(tokens_[next + 1]));
    return region && region->kind != "city" && region->country_code == place.country_code;
}

/// Whether a place name of @p words words at token @p k is the place, not
/// another word spelled the same. A one-word name needs more than its
/// capital when it is also a month ("said in March": only with its
/// country after it, or as the dateline), or a given name before another
/// name ("from Chester Smith"); after "the", a one-word city or region is
/// a common noun ("in the Gulf", "at the Union"), unless it is called so.
bool PlaceTime::place_word_fits(const Place& place, std::size_t k, std::size_t words, bool after_the) const {
    if (words != 1) return true;
    if (after_the && place.kind != "country" && place.name.rfind("The ", 0) != 0) return false;
    const Token& t = tokens_[k];
    const std::size_t next = k + 1;
    if (month_of(t.lower)) return region_follows(place, next) || model_.dateline == &place;
    const bool name_follows =
        is_word(next) && tokens_[next].cap && weekday_number(tokens_[next].lower) < 0 && !month_of(tokens_[next].lower);
    if (name_follows && lex_.given_name(token_text(t))) return false;
    return true;
}

/// The place named right after a preposition, at token @p k: one to
/// three capitalised words, "the" allowed before them.
const Place* PlaceTime::place_after(std::size_t k, std::size_t last) const {
    const bool after_the = k <= last && tokens_[k].lower == "the"sv;
    if (after_the) ++k;
    std::string phrase;
    const Place* found = nullptr;
    std::size_t found_words = 0;
    for (std::size_t n = 0; n < 3 && k + n <= last && k + n < tokens_.size(); ++n) {
        const Token& w = tokens_[k + n];
        if (w.kind != TokenKind::WORD || !w.cap) break;
        phrase += (n ? " " : "") + token_text(w);
        if (const Place* p = lex_.best_place(phrase)) {
            found = p;
            found_words = n + 1;
        }
    }
    if (!found || (found->kind != "city" && found->kind != "region" && found->kind != "country")) return nullptr;
    // "at the University of Helsinki" names an institution, not a place.
    std::size_t after = k + 1;
    while (after <= last && after < tokens_.size() && tokens_[after].kind == TokenKind::WORD && tokens_[after].cap)
        ++after;
    if (after < tokens_.size() && tokens_[after].lower == "of"sv) return nullptr;
    return place_word_fits(*found, k, found_words, after_the) ? found : nullptr;
}

const Place* PlaceTime::place_near(std::size_t first, std::size_t last, std::size_t skip_first,
                                   std::size_t skip_last) const {
    for (std::size_t i = first; i + 1 <= last && i + 1 < tokens_.size(); ++i) {
        if (skip_first != NONE && i >= skip_first && i <= skip_last) continue;
        if (tokens_[i].quote != NONE || !introduces_place(i)) continue;
        if (const Place* found = place_after(i + 1, last)) return found;
    }
    return nullptr;
}

/// Whether the setting word at @p setting is what a phrase is about
/// ("asked about the talks in Geneva"): a topic preposition a few words
/// before it, after @p first.
bool PlaceTime::about_topic(std::size_t setting, std::size_t first) const {
    for (std::size_t back = 1; back <= 3 && setting >= first + back; ++back)
        if (has_class(tokens_[setting - back].lower, WordClass::TOPIC_PREPOSITION)) return true;
    return false;
}

const Place* PlaceTime::setting_place(std::size_t first, std::size_t last) const {
    // A setting's place comes within a few words: "on the sidelines of the
    // climate talks in Dubai".
    constexpr std::size_t REACH = 12;
    for (std::size_t i = first; i <= last && i < tokens_.size(); ++i) {
        if (tokens_[i].quote != NONE || !has_class(tokens_[i].lower, WordClass::SPEECH_SETTING)) continue;
        if (about_topic(i, first)) continue;
        return place_near(i + 1, std::min(last, i + REACH), NONE, NONE);
    }
    return nullptr;
}

void set_place(Statement& st, const Place& place, const char* basis) {
    st.location = place.name;
    st.country = place.country_code;
    st.location_id = place.geonameid;
    st.location_basis = basis;
}

const Place* PlaceTime::dateline_place(std::size_t& end) const {
    // "KYIV, Ukraine (AP) —", "MOSCOW, March 3 -", "HELSINKI, Finland (Saywho Wire) — ".
    std::vector<std::size_t> caps;
    std::size_t i = 0;
    for (; i < tokens_.size() && i < 4; ++i) {
        const Token& t = tokens_[i];
        if (t.paragraph != 0 || t.kind != TokenKind::WORD || !t.all_caps) break;
        caps.push_back(i);
    }
    if (caps.empty() || i >= tokens_.size()) return nullptr;
    bool comma = is_punct(i, ",");
    bool dash = is_punct(i, "-") || is_punct(i, "\u2014") || is_punct(i, "\u2013") || is_punct(i, "(");
    if (!comma && !dash) return nullptr;
    // The dateline must end in a dash within a few tokens.
    bool ends = false;
    for (std::size_t k = i; k < tokens_.size() && k < i + 12; ++k)
        if (is_punct(k, "-") || is_punct(k, "\u2014") || is_punct(k, "\u2013")) ends = true;
    if (!ends) return nullptr;
    for (std::size_t k = i; k < tokens_.size() && k < i + 12; ++k)
        if (is_punct(k, "-") || is_punct(k, "\u2014") || is_punct(k, "\u2013")) {
            end = k + 1;
            break;
        }
    std::string phrase = text_of(caps.front(), caps.back());
    const Place* place = lex_.best_place(phrase);
    if (!place) return nullptr;
    // "PARIS, Texas": a following region or country overrides the guess.
    if (comma && i + 1 < tokens_.size() && tokens_[i + 1].cap) {
        for (const Place* candidate : lex_.find_places(phrase)) {
            const Place* country = lex_.best_place(token_text(tokens_[i + 1]));
            if (country && country->kind == "country" && candidate->country_code == country->country_code)
                return candidate;
        }
    }
    return place;
}

}  // namespace saywho::extraction
