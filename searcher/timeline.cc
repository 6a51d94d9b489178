/** @file timeline.cc
 *  @brief The timeline of a match set: its documents counted by day, week,
 *         month or year, from the first bucket with a match to the last.
 */
#include "searcher/timeline.h"

#include "common/text.h"

namespace saywho {

namespace {

/// The day a SLOT_DATE value ("20250319") stands for, if it is one.
std::optional<CivilDate> day_of_value(const std::string& value) {
    if (value.size() != 8 || !all_digits(value)) return std::nullopt;
    return CivilDate::make(std::stoi(value.substr(0, 4)), std::stoi(value.substr(4, 2)), std::stoi(value.substr(6, 2)));
}

/// How many buckets of @p interval cover @p first to @p last.
std::size_t bucket_count(const CivilDate& first, const CivilDate& last, TimelineInterval interval) {
    const CivilDate a = bucket_start(first, interval), b = bucket_start(last, interval);
    switch (interval) {
        case TimelineInterval::DAY:
            return static_cast<std::size_t>(b.days_since_epoch() - a.days_since_epoch()) + 1;
        case TimelineInterval::WEEK:
            return static_cast<std::size_t>((b.days_since_epoch() - a.days_since_epoch()) / 7) + 1;
        case TimelineInterval::MONTH:
            return static_cast<std::size_t>((b.year - a.year) * 12 + (b.month - a.month)) + 1;
        case TimelineInterval::YEAR:
            break;
    }
    return static_cast<std::size_t>(b.year - a.year) + 1;
}

}  // namespace

const char* timeline_interval_name(TimelineInterval interval) {
    for (const auto& entry : TIMELINE_INTERVALS)
        if (entry.interval == interval) return entry.name;
    return TIMELINE_INTERVALS.front().name;
}

std::optional<TimelineInterval> parse_timeline_interval(std::string_view name) {
    for (const auto& entry : TIMELINE_INTERVALS)
        if (name == entry.name) return entry.interval;
    return std::nullopt;
}

TimelineInterval choose_interval(const CivilDate& first, const CivilDate& last) {
    const long days = last.days_since_epoch() - first.days_since_epoch() + 1;
    if (days <= 60) return TimelineInterval::DAY;
    if (days <= 366) return TimelineInterval::WEEK;
    if (days <= 2922) return TimelineInterval::MONTH;
    return TimelineInterval::YEAR;
}

CivilDate bucket_start(const CivilDate& day, TimelineInterval interval) {
    switch (interval) {
        case TimelineInterval::DAY:
            return day;
        case TimelineInterval::WEEK:
            return day.plus_days(-day.weekday());
        case TimelineInterval::MONTH:
            return CivilDate{day.year, day.month, 1};
        case TimelineInterval::YEAR:
            break;
    }
    return CivilDate{day.year, 1, 1};
}

CivilDate next_bucket_start(const CivilDate& start, TimelineInterval interval) {
    switch (interval) {
        case TimelineInterval::DAY:
            return start.plus_days(1);
        case TimelineInterval::WEEK:
            return start.plus_days(7);
        case TimelineInterval::MONTH:
            return start.month == 12 ? CivilDate{start.year + 1, 1, 1} : CivilDate{start.year, start.month + 1, 1};
        case TimelineInterval::YEAR:
            break;
    }
    return CivilDate{start.year + 1, 1, 1};
}

Timeline make_timeline(const DayCounts& days, std::optional<TimelineInterval> forced) {
    std::map<long, Xapian::doccount> counts;  // by days since the epoch, so in date order
    for (const auto& [value, n] : days)
        if (auto day = day_of_value(value)) counts[day->days_since_epoch()] += n;
    Timeline timeline;
    if (counts.empty()) {
        timeline.interval = forced.value_or(TimelineInterval::DAY);
        return timeline;
    }
    const CivilDate first = CivilDate::from_days_since_epoch(counts.begin()->first);
    const CivilDate last = CivilDate::from_days_since_epoch(counts.rbegin()->first);
    TimelineInterval interval = forced.value_or(choose_interval(first, last));
    while (interval != TimelineInterval::YEAR && bucket_count(first, last, interval) > TIMELINE_MAX_BUCKETS)
        interval = static_cast<TimelineInterval>(static_cast<int>(interval) + 1);
    timeline.interval = interval;

    // One pass over the buckets and the days together, both in date order.
    auto day = counts.begin();
    const CivilDate end = next_bucket_start(bucket_start(last, interval), interval);
    for (CivilDate start = bucket_start(first, interval); start < end;) {
        const CivilDate next = next_bucket_start(start, interval);
        TimelineBucket bucket{start, next.plus_days(-1), 0};
        for (; day != counts.end() && day->first < next.days_since_epoch(); ++day) bucket.count += day->second;
        timeline.buckets.push_back(bucket);
        start = next;
    }
    return timeline;
}

std::string bucket_label(const CivilDate& start, TimelineInterval interval) {
    const std::string iso = start.iso();
    switch (interval) {
        case TimelineInterval::DAY:
        case TimelineInterval::WEEK:
            return iso;
        case TimelineInterval::MONTH:
            return iso.substr(0, 7);
        case TimelineInterval::YEAR:
            break;
    }
    return iso.substr(0, 4);
}

}  // namespace saywho
