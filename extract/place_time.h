/** @file place_time.h
 *  @brief Extraction stage 7, place and time: where and when an attribution
 *         says its words were said, and the article's dateline.
 */
#ifndef SAYWHO_EXTRACT_PLACE_TIME_H
#define SAYWHO_EXTRACT_PLACE_TIME_H

#include <cstddef>
#include <optional>

#include "extract/text_model.h"

namespace saywho::extraction {

/// Stage 7, place and time: the day and the place near an attribution, and the dateline.
class PlaceTime : public TextView {
  public:
    using TextView::TextView;

    /// The day named in tokens [first, last] outside [skip_first, skip_last]
    /// ("Tuesday", "yesterday", "Dec. 30"), resolved against the article's date.
    std::optional<CivilDate> day_near(std::size_t first, std::size_t last, std::size_t skip_first,
                                      std::size_t skip_last) const;
    /// A place after "in", "at", "from" or a visit's "to" in [first, last]
    /// outside [skip_first, skip_last].
    const Place* place_near(std::size_t first, std::size_t last, std::size_t skip_first, std::size_t skip_last) const;
    /// A place in an opening phrase or an aside [first, last] that says
    /// where the words were said: after a speech setting ("Speaking at a
    /// rally in Lyon, ...", "Ruiz, on the sidelines of the talks in Dubai,
    /// said"), not a place the phrase is about ("Asked about the violence
    /// in Gaza, ...").
    const Place* setting_place(std::size_t first, std::size_t last) const;

    /// The dateline's place ("KYIV, Ukraine (AP) —"), and in @p end the first token after it.
    const Place* dateline_place(std::size_t& end) const;

  private:
    bool introduces_place(std::size_t i) const;
    const Place* place_after(std::size_t k, std::size_t last) const;
    bool place_word_fits(const Place& place, std::size_t k, std::size_t words, bool after_the) const;
    bool region_follows(const Place& place, std::size_t next) const;
    bool about_topic(std::size_t setting, std::size_t first) const;
    std::size_t month_day_year(std::size_t i, std::size_t last, CivilDate& date) const;
    std::optional<CivilDate> relative_day(std::size_t i, std::size_t last) const;
    std::optional<CivilDate> event_day(std::size_t first, std::size_t last) const;
    std::optional<CivilDate> eve_of(std::size_t i, std::size_t last) const;
};

/// Sets @p st's place to @p place, found as @p basis ("explicit", "inferred", "dateline").
void set_place(Statement& st, const Place& place, const char* basis);

}  // namespace saywho::extraction

#endif  // SAYWHO_EXTRACT_PLACE_TIME_H
