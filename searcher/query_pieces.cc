/** @file query_pieces.cc
 *  @brief Query understanding's first step: a query cut into pieces, and the
 *         dates a run of pieces spells.
 */
#include "searcher/query_pieces.h"

#include <cctype>
#include <string_view>

#include "common/calendar_words.h"
#include "common/text.h"

namespace saywho::understanding {

namespace {

CivilDate month_start(int year, int month) { return CivilDate{year, month, 1}; }
CivilDate month_end(int year, int month) { return CivilDate{year, month, days_in_month(year, month)}; }

}  // namespace

std::vector<Piece> split_query(const std::string& q) {
    std::vector<Piece> pieces;
    std::size_t i = 0;
    while (i < q.size()) {
        if (std::isspace(static_cast<unsigned char>(q[i]))) {
            ++i;
            continue;
        }
        Piece p;
        p.start = i;
        if (q[i] == '"') {
            // A phrase runs to its closing quote mark, spaces included.
            std::size_t close = q.find('"', i + 1);
            std::size_t j = close == std::string::npos ? q.size() : close + 1;
            while (j < q.size() && !std::isspace(static_cast<unsigned char>(q[j]))) ++j;
            p.end = j;
            p.locked = true;
        } else {
            std::size_t j = i;
            while (j < q.size() && !std::isspace(static_cast<unsigned char>(q[j]))) {
                if (q[j] == '"') {  // title:"a phrase": the quotes hold spaces
                    std::size_t close = q.find('"', j + 1);
                    j = close == std::string::npos ? q.size() : close + 1;
                    continue;
                }
                ++j;
            }
            p.end = j;
        }
        p.raw = q.substr(p.start, p.end - p.start);
        i = p.end;
        // Trailing punctuation is not part of the word ("March 19, 2025").
        std::size_t word_end = p.raw.size();
        while (word_end > 0 && std::string_view(",.;!?").find(p.raw[word_end - 1]) != std::string_view::npos)
            --word_end;
        p.word_end = p.start + word_end;
        p.word = ascii_lower(p.raw.substr(0, word_end));
        // "Zelenskyy's statements": the possessive belongs to the reading, not the name.
        p.cap =
            !p.raw.empty() && ((p.raw[0] >= 'A' && p.raw[0] <= 'Z') || static_cast<unsigned char>(p.raw[0]) >= 0x80);
        const std::string& w = p.raw;
        if (!p.locked)
            p.locked = w.find(':') != std::string::npos || w == "AND" || w == "OR" || w == "NOT" || w == "XOR" ||
                       w.front() == '(' || w.back() == ')' || w.front() == '+' || w.front() == '-' ||
                       w.find('*') != std::string::npos || w.find('"') != std::string::npos;
        pieces.push_back(std::move(p));
    }
    return pieces;
}

std::optional<DaySpan> read_date(const std::vector<Piece>& p, std::size_t i, CivilDate today, std::size_t& next) {
    if (i >= p.size() || p[i].locked || p[i].used) return std::nullopt;
    const std::string& w = p[i].word;
    auto usable = [&](std::size_t k) { return k < p.size() && !p[k].locked && !p[k].used; };
    auto year_at = [&](std::size_t k) -> int {
        if (!usable(k) || p[k].word.size() != 4 || !all_digits(p[k].word)) return 0;
        int y = std::stoi(p[k].word);
        return y >= 1800 && y <= 2200 ? y : 0;
    };
    if (w.size() == 10 && w[4] == '-' && w[7] == '-') {
        if (auto d = CivilDate::parse_iso(w)) {
            next = i + 1;
            return DaySpan{*d, *d};
        }
        return std::nullopt;
    }
    if (w.size() == 7 && w[4] == '-' && all_digits(w.substr(0, 4)) && all_digits(w.substr(5))) {
        int y = std::stoi(w.substr(0, 4)), m = std::stoi(w.substr(5));
        if (m < 1 || m > 12) return std::nullopt;
        next = i + 1;
        return DaySpan{month_start(y, m), month_end(y, m)};
    }
    if (int y = year_at(i)) {
        next = i + 1;
        return DaySpan{CivilDate{y, 1, 1}, CivilDate{y, 12, 31}};
    }
    auto day_at = [&](std::size_t k) -> int {
        if (!usable(k)) return 0;
        std::string d = p[k].word;
        for (const char* suffix : {"st", "nd", "rd", "th"})
            if (d.size() > 2 && d.compare(d.size() - 2, 2, suffix) == 0) d.resize(d.size() - 2);
        if (d.empty() || d.size() > 2 || !all_digits(d)) return 0;
        return std::stoi(d);
    };
    // "19 March 2025"
    if (int d = day_at(i); d && usable(i + 1) && month_number(p[i + 1].word)) {
        int m = month_number(p[i + 1].word);
        int y = year_at(i + 2);
        if (y) {
            if (auto date = CivilDate::make(y, m, d)) {
                next = i + 3;
                return DaySpan{*date, *date};
            }
        }
        return std::nullopt;
    }
    int m = month_number(w);
    // "may" is a verb far more often than a month: only with a day or year.
    if (!m) return std::nullopt;
    if (int d = day_at(i + 1)) {
        int y = year_at(i + 2);
        std::size_t after = y ? i + 3 : i + 2;
        if (!y)
            y = CivilDate{today.year, m, 1} < CivilDate{today.year, today.month, 1} ||
                        (m == today.month && d <= today.day)
                    ? today.year
                    : today.year - 1;
        if (auto date = CivilDate::make(y, m, d)) {
            next = after;
            return DaySpan{*date, *date};
        }
        return std::nullopt;
    }
    if (int y = year_at(i + 1)) {
        next = i + 2;
        return DaySpan{month_start(y, m), month_end(y, m)};
    }
    if (w == "may" || w.size() < 4) return std::nullopt;  // "Mar" alone is too thin a clue
    int y = m <= today.month ? today.year : today.year - 1;
    next = i + 1;
    return DaySpan{month_start(y, m), month_end(y, m)};
}

std::optional<DaySpan> read_relative(const std::vector<Piece>& p, std::size_t i, CivilDate today, std::size_t& next) {
    auto usable = [&](std::size_t k) { return k < p.size() && !p[k].locked && !p[k].used; };
    if (!usable(i)) return std::nullopt;
    const std::string& w = p[i].word;
    if (w == "today") {
        next = i + 1;
        return DaySpan{today, today};
    }
    if (w == "yesterday") {
        next = i + 1;
        CivilDate d = today.plus_days(-1);
        return DaySpan{d, d};
    }
    if ((w == "last" || w == "this" || w == "past") && usable(i + 1)) {
        const std::string& unit = p[i + 1].word;
        next = i + 2;
        const CivilDate monday = today.plus_days(-today.weekday());
        if (unit == "week") {
            if (w == "this") return DaySpan{monday, today};
            if (w == "past") return DaySpan{today.plus_days(-6), today};
            return DaySpan{monday.plus_days(-7), monday.plus_days(-1)};
        }
        if (unit == "month") {
            if (w == "this") return DaySpan{month_start(today.year, today.month), today};
            if (w == "past") return DaySpan{today.plus_days(-29), today};
            int y = today.month == 1 ? today.year - 1 : today.year, m = today.month == 1 ? 12 : today.month - 1;
            return DaySpan{month_start(y, m), month_end(y, m)};
        }
        if (unit == "year") {
            if (w == "this") return DaySpan{CivilDate{today.year, 1, 1}, today};
            if (w == "past") return DaySpan{today.plus_days(-364), today};
            return DaySpan{CivilDate{today.year - 1, 1, 1}, CivilDate{today.year - 1, 12, 31}};
        }
    }
    return std::nullopt;
}

}  // namespace saywho::understanding
