/** @file civil_date.cc
 *  @brief Calendar arithmetic (Howard Hinnant's days-from-civil algorithm, rewritten).
 */
#include "common/civil_date.h"

#include <cstdio>
#include <ctime>

#include "common/text.h"

namespace saywho {

namespace {

const char* const MONTH_NAMES[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

int to_int(std::string_view s) {
    int value = 0;
    for (char c : s) value = value * 10 + (c - '0');
    return value;
}

/// Writes @p value (0 <= value < 10^@p width) as @p width digits, leading
/// zeros included, as "%0<width>d" would.
void put_digits(char* out, int value, int width) {
    for (int i = width - 1; i >= 0; --i) {
        out[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static const int DAYS[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap_year(year)) return 29;
    return DAYS[month - 1];
}

std::optional<CivilDate> CivilDate::make(int year, int month, int day) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
        return std::nullopt;
    return CivilDate{year, month, day};
}

std::optional<CivilDate> CivilDate::parse_iso(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    return make(to_int(y), to_int(m), to_int(d));
}

std::string explain_bad_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !all_digits(text.substr(0, 4)) ||
        !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2)))
        return "expected YYYY-MM-DD";
    int year = to_int(text.substr(0, 4)), month = to_int(text.substr(5, 2)), day = to_int(text.substr(8, 2));
    if (year < 1) return "no year 0";
    if (month < 1 || month > 12) return "no month " + std::to_string(month);
    int last = days_in_month(year, month);
    if (day < 1 || day > last)
        return "no such day: " + std::string(MONTH_NAMES[month - 1]) + " " + std::to_string(year) + " has " +
               std::to_string(last) + " days";
    return {};
}

long CivilDate::days_since_epoch() const {
    // Count from 0000-03-01 so that the leap day falls at the end of each year.
    const int y = month <= 2 ? year - 1 : year;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long year_of_era = y - era * 400;
    const long day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

CivilDate CivilDate::from_days_since_epoch(long days) {
    days += 719468;
    const long era = (days >= 0 ? days : days - 146096) / 146097;
    const long day_of_era = days - era * 146097;
    const long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const long mp = (5 * day_of_year + 2) / 153;
    CivilDate date;
    date.day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
    date.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    date.year = static_cast<int>(year_of_era + era * 400 + (date.month <= 2 ? 1 : 0));
    return date;
}

int CivilDate::weekday() const {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    long d = days_since_epoch();
    return static_cast<int>(((d % 7) + 7 + 3) % 7);
}

// iso() and compact() run several times for every document the indexer
// builds (date terms, the date value, the record), where snprintf was a
// measurable part of building a statement (docs/performance.md, session 10).
// Years outside 0..9999 keep snprintf's way of writing them.

namespace {

/// @p date as YYYY, MM and DD joined by @p separator (none when '\0').
std::string format_date(const CivilDate& date, char separator) {
    if (date.year < 0 || date.year > 9999) {
        char buf[40];
        if (separator)
            std::snprintf(buf, sizeof buf, "%04d%c%02d%c%02d", date.year, separator, date.month, separator, date.day);
        else
            std::snprintf(buf, sizeof buf, "%04d%02d%02d", date.year, date.month, date.day);
        return buf;
    }
    char buf[10];
    std::size_t n = 0;
    put_digits(buf, date.year, 4);
    n = 4;
    if (separator) buf[n++] = separator;
    put_digits(buf + n, date.month, 2);
    n += 2;
    if (separator) buf[n++] = separator;
    put_digits(buf + n, date.day, 2);
    n += 2;
    return std::string(buf, n);
}

}  // namespace

std::string CivilDate::iso() const { return format_date(*this, '-'); }

std::string CivilDate::compact() const { return format_date(*this, '\0'); }

CivilDate today_utc() {
    std::time_t now = std::time(nullptr);
    return CivilDate::from_days_since_epoch(static_cast<long>(now / 86400));
}

}  // namespace saywho
