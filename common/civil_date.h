/** @file civil_date.h
 *  @brief Calendar dates: parsing, validation, weekdays and day arithmetic.
 */
#ifndef SAYWHO_COMMON_CIVIL_DATE_H
#define SAYWHO_COMMON_CIVIL_DATE_H

#include <optional>
#include <string>
#include <string_view>

namespace saywho {

/// A proleptic Gregorian calendar day. Always valid once constructed through
/// make() or parse_iso(); the default value is 1970-01-01.
struct CivilDate {
    int year = 1970;
    int month = 1;  ///< 1..12
    int day = 1;    ///< 1..days_in_month(year, month)

    /// A valid date, or nullopt for an impossible one (2025-02-30, month 13).
    static std::optional<CivilDate> make(int year, int month, int day);

    /// Parses exactly "YYYY-MM-DD"; nullopt when malformed or impossible.
    static std::optional<CivilDate> parse_iso(std::string_view text);

    /// Days since 1970-01-01 (negative before).
    long days_since_epoch() const;
    static CivilDate from_days_since_epoch(long days);

    /// 0 = Monday .. 6 = Sunday.
    int weekday() const;

    CivilDate plus_days(long days) const { return from_days_since_epoch(days_since_epoch() + days); }

    std::string iso() const;      ///< "2025-03-19"
    std::string compact() const;  ///< "20250319", the form of D terms and the date slot

    friend bool operator==(const CivilDate& a, const CivilDate& b) {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
    friend bool operator<(const CivilDate& a, const CivilDate& b) {
        return a.days_since_epoch() < b.days_since_epoch();
    }
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

/// Why a date string is not a valid "YYYY-MM-DD", as a phrase such as
/// "no such day: February 2025 has 28 days"; empty when the date is valid.
std::string explain_bad_iso_date(std::string_view text);

/// Today's date in UTC.
CivilDate today_utc();

}  // namespace saywho

#endif  // SAYWHO_COMMON_CIVIL_DATE_H
