/** @file calendar_words.cc
 *  @brief The English month and weekday words (see calendar_words.h).
 */
#include "common/calendar_words.h"

#include <cstddef>

namespace saywho {

namespace {

struct CalendarWord {
    std::string_view word;
    int number;
};

// Each word once. A linear scan over a few short strings, most rejected by
// their first byte or length, is as fast as hashing for words this short.
constexpr CalendarWord MONTH_WORDS[] = {{"january", 1},   {"jan", 1},   {"february", 2},  {"feb", 2},      {"march", 3},
                                        {"mar", 3},       {"april", 4}, {"apr", 4},       {"may", 5},      {"june", 6},
                                        {"jun", 6},       {"july", 7},  {"jul", 7},       {"august", 8},   {"aug", 8},
                                        {"september", 9}, {"sept", 9},  {"sep", 9},       {"october", 10}, {"oct", 10},
                                        {"november", 11}, {"nov", 11},  {"december", 12}, {"dec", 12}};

constexpr std::string_view WEEKDAY_WORDS[] = {"monday", "tuesday",  "wednesday", "thursday",
                                              "friday", "saturday", "sunday"};

}  // namespace

int month_number(std::string_view lower_word) {
    for (const CalendarWord& m : MONTH_WORDS)
        if (m.word == lower_word) return m.number;
    return 0;
}

int weekday_number(std::string_view lower_word) {
    for (std::size_t k = 0; k < std::size(WEEKDAY_WORDS); ++k)
        if (WEEKDAY_WORDS[k] == lower_word) return static_cast<int>(k);
    return -1;
}

}  // namespace saywho
