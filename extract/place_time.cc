/** @file place_time.cc
 *  @brief Extraction stage 7: the day and the place an attribution names, and the article's dateline.
 */
#include <algorithm>

#include "common/text.h"
#include "extract/text_model.h"

namespace saywho::extraction {

using namespace std::string_view_literals;

std::optional<CivilDate> PlaceTime::day_near(std::size_t first, std::size_t last, std::size_t skip_first,
                                             std::size_t skip_last) const {
    const CivilDate& today = model_.article.date;
    for (std::size_t i = first; i <= last && i < tokens_.size(); ++i) {
        if (skip_first != NONE && i >= skip_first && i <= skip_last) continue;
        const Token& t = tokens_[i];
        if (t.kind != TokenKind::WORD || t.quote != NONE) continue;
        if (t.lower == "yesterday"sv) return today.plus_days(-1);
        if (has_class(t.lower, WordClass::SAME_DAY_WORD)) return today;
        int wd = weekday_number(t.lower);
        if (wd >= 0 && t.cap) {
            int back = (today.weekday() - wd + 7) % 7;
            bool last_week = i > 0 && tokens_[i - 1].lower == "last"sv;
            if (last_week) back += back == 0 ? 7 : (today.weekday() > wd ? 7 : 0);
            if (i > 0 && tokens_[i - 1].lower == "next"sv) continue;
            return today.plus_days(-back);
        }
        int month = t.cap ? month_number(t.lower) : 0;
        if (month && t.lower != "may"sv && i + 1 <= last && is_word(i + 1)) {
            const std::string& d = tokens_[i + 1].lower;
            if (d.size() <= 2 && std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                int day = std::stoi(d);
                int year = today.year;
                if (month > today.month + 1) --year;  // "on December 30" in a January article
                if (auto date = CivilDate::make(year, month, day)) return date;
            }
        }
    }
    return std::nullopt;
}

const Place* PlaceTime::place_near(std::size_t first, std::size_t last, std::size_t skip_first,
                                   std::size_t skip_last) const {
    for (std::size_t i = first; i + 1 <= last && i + 1 < tokens_.size(); ++i) {
        if (skip_first != NONE && i >= skip_first && i <= skip_last) continue;
        const Token& t = tokens_[i];
        if (t.quote != NONE || !has_class(t.lower, WordClass::PLACE_PREPOSITION)) continue;
        // The place: one to three capitalised words.
        std::size_t k = i + 1;
        if (k <= last && tokens_[k].lower == "the"sv) ++k;
        std::string phrase;
        const Place* found = nullptr;
        for (std::size_t n = 0; n < 3 && k + n <= last; ++n) {
            const Token& w = tokens_[k + n];
            if (w.kind != TokenKind::WORD || !w.cap) break;
            phrase += (n ? " " : "") + token_text(w);
            if (const Place* p = lex_.best_place(phrase)) found = p;
        }
        // "at the University of Helsinki" names an institution, not a place.
        std::size_t after = k + 1;
        while (after <= last && after < tokens_.size() && tokens_[after].kind == TokenKind::WORD && tokens_[after].cap)
            ++after;
        if (found && after < tokens_.size() && tokens_[after].lower == "of"sv) found = nullptr;
        if (found && (found->kind == "city" || found->kind == "region" || found->kind == "country")) return found;
    }
    return nullptr;
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
