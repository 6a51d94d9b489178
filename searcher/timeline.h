/** @file timeline.h
 *  @brief The timeline of a match set: its documents counted by day, week,
 *         month or year, from the first bucket with a match to the last.
 */
#ifndef SAYWHO_SEARCHER_TIMELINE_H
#define SAYWHO_SEARCHER_TIMELINE_H

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/civil_date.h"

namespace saywho {

/// How long a timeline bucket is. A week starts on Monday; a month on its
/// first day; a year on 1 January.
enum class TimelineInterval { DAY, WEEK, MONTH, YEAR };

/// The name of each interval, as options, requests and JSON spell it.
struct TimelineIntervalName {
    const char* name;
    TimelineInterval interval;
};
inline constexpr std::array<TimelineIntervalName, 4> TIMELINE_INTERVALS = {{
    {"day", TimelineInterval::DAY},
    {"week", TimelineInterval::WEEK},
    {"month", TimelineInterval::MONTH},
    {"year", TimelineInterval::YEAR},
}};

/// "day", "week", "month", "year".
const char* timeline_interval_name(TimelineInterval interval);
/// The interval named @p name exactly; nullopt for any other name.
std::optional<TimelineInterval> parse_timeline_interval(std::string_view name);

/// The chosen interval when none is forced, from the days the matches span
/// (@p first to @p last, both counted): up to 60 days, days; up to 366
/// days, weeks; up to 2,922 days (8 years), months; beyond, years. So a
/// chart has at most about 100 bars.
TimelineInterval choose_interval(const CivilDate& first, const CivilDate& last);

/// The first day of the bucket of @p interval that holds @p day.
CivilDate bucket_start(const CivilDate& day, TimelineInterval interval);
/// The first day of the bucket after the one starting on @p start (a bucket_start()).
CivilDate next_bucket_start(const CivilDate& start, TimelineInterval interval);

/// A forced interval that would need more buckets than this gives way to
/// the next longer one that needs fewer (a day interval over a century).
inline constexpr std::size_t TIMELINE_MAX_BUCKETS = 5000;

struct TimelineBucket {
    CivilDate start;  ///< its first day
    CivilDate end;    ///< its last day
    Xapian::doccount count = 0;
};

struct Timeline {
    TimelineInterval interval = TimelineInterval::DAY;
    /// From the bucket of the first match to that of the last, oldest
    /// first, empty buckets included; none when nothing matched.
    std::vector<TimelineBucket> buckets;
    bool exact = true;  ///< every match was counted (ResultSet::facets_exact)
};

/// Matches per day, as SLOT_DATE values ("20250319") to counts.
using DayCounts = std::map<std::string, Xapian::doccount>;

/// The timeline of @p days: @p forced, or the interval choose_interval()
/// picks from the first and last day. Values that are not a valid
/// YYYYMMDD day are not counted (every indexed document has one).
Timeline make_timeline(const DayCounts& days, std::optional<TimelineInterval> forced);

/// The label of a bucket starting on @p start, as text output shows it:
/// "2025-03-14" (a day, or the Monday of a week), "2025-03", "2025".
std::string bucket_label(const CivilDate& start, TimelineInterval interval);

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_TIMELINE_H
