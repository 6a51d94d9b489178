/** @file lexicon.h
 *  @brief Places, given names, titles, speech verbs and demonyms from the embedded gazetteer tables.
 */
#ifndef SAYWHO_COMMON_LEXICON_H
#define SAYWHO_COMMON_LEXICON_H

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace saywho {

enum class Gender { UNKNOWN, MALE, FEMALE };

/// One row of common/data/places.tsv (GeoNames, CC BY 4.0: see common/data/README.md).
struct Place {
    std::uint32_t geonameid = 0;
    std::string name;          // English display name: "Kyiv", "Helsinki", "Finland"
    std::string kind;          // "country", "region" or "city"
    std::string country_code;  // ISO alpha-2: "UA"
    /// GeoNames population. GeoNames has none for regions offline, so for a
    /// region this is the sum of its cities in the table (a lower bound, used
    /// for ranking); 0 for regions without listed cities.
    std::uint64_t population = 0;
};

struct GivenName {
    Gender gender = Gender::UNKNOWN;
    /// Weak evidence: also an English word or a place ("Will", "Georgia"),
    /// or known only from the large, noisy gender-detection-from-name lists.
    bool weak = false;
};

/// Extraction's classes of a speech verb form: the `cues` column and the
/// kind=extra rows of common/data/speech_verbs.tsv.
struct SpeechCue {
    enum : unsigned {
        STRONG = 1,         ///< reports speech on its own: a lower-case phrase before it can speak ("the man said")
        FOLLOWS_QUOTE = 2,  ///< common enough that a quotation closed by ? or ! runs on into it
        PARTICIPLE = 4,     ///< attributes after a comma (", saying ...")
        WEAK_LEMMA = 8,     ///< (on a lemma's own row) the lemma's forms are mostly other things in news prose
        REPORTS = 16,       ///< (kind=extra) reports speech without a quotation ("praised")
    };
    unsigned flags = 0;
    /// The lemma of a verb of voice the main list lacks (kind=extra:
    /// "screamed" -> "scream"), empty for the rest; such forms are not
    /// speech_verb_lemma() forms.
    std::string_view extra_lemma;

    bool has(unsigned flag) const { return (flags & flag) != 0; }
};

/// Read-only lookups over the tables in common/data/, which are linked into
/// the binary, so nothing is read from disk at run time.
class Lexicon {
  public:
    ~Lexicon();
    Lexicon(const Lexicon&) = delete;
    Lexicon& operator=(const Lexicon&) = delete;

    /// The lexicon built from the embedded tables, once, on first use; thread-safe afterwards (read-only).
    /// Throws Error if an embedded table is malformed (a build defect).
    static const Lexicon& instance();

    /// The gazetteer matching key: Any-Latin; Latin-ASCII, lowercase, . ' ’ ` deleted,
    /// runs of spaces/hyphens -> one space, leading "the " stripped.
    static std::string place_key(std::string_view surface);

    /// Every place whose name or alternate has this key, best first: cities
    /// before regions of the same name (README: a bare name means the city),
    /// then by population; countries before cities when the key is a
    /// country's own name or primary alternate (e.g. "georgia" -> the country,
    /// "luxembourg" -> the country); empty when none.
    ///
    /// Precisely: a country whose own (CLDR/GeoNames/English) name has the key
    /// comes first. Everything else is ordered by population, except that a
    /// region or country never precedes a city of its own country with the
    /// same key ("Geneva": the city, then the canton; "Quito": the city, then
    /// Ecuador), and a city precedes a region or country of equal rank. So a
    /// region does precede a smaller city abroad ("Florida": the US state
    /// before Florida, Uruguay).
    std::vector<const Place*> find_places(std::string_view surface) const;

    /// find_places(surface).front() or nullptr.
    const Place* best_place(std::string_view surface) const;

    /// The country with this ISO code (either case), or nullptr.
    const Place* country(std::string_view iso_code) const;

    /// Every place, in table order: countries, regions, cities, each by country code.
    const std::vector<Place>& places() const;

    /// Given-name info for a single token (case-insensitive), nullopt when not a given name.
    std::optional<GivenName> given_name(std::string_view token) const;

    /// The display form of a title phrase given in any case with single spaces
    /// ("us president" is NOT a title; "president" -> "President",
    /// "foreign minister" -> "Foreign Minister", "sen." -> "Senator"), nullopt when not a title.
    std::optional<std::string> title(std::string_view phrase) const;

    /// The longest title in words (so callers know how far to look ahead).
    std::size_t max_title_words() const;

    /// The lemma of a speech verb form ("said" -> "say", "warned" -> "warn"), nullopt otherwise; case-insensitive.
    std::optional<std::string> speech_verb_lemma(std::string_view form) const;

    /// The cue classes of a speech verb form given in lower case (no
    /// folding: extraction calls this for every lower-case word); no flags
    /// and no extra lemma when it has none.
    SpeechCue speech_cue(std::string_view form) const;

    /// True for a multi-word speech cue phrase ("according to", "told reporters"),
    /// case-insensitive, single spaces. The table also lists the one-word cues
    /// "citing" and "cited", which are true here too.
    bool is_speech_phrase(std::string_view phrase) const;

    /// The country code of a demonym ("Ukrainian" -> "UA", "Russian" -> "RU"),
    /// nullopt otherwise (also for country-less ones such as "European");
    /// case-insensitive. A demonym of several countries gives the most
    /// populous ("Korean" -> "KR", "Congolese" -> "CD").
    std::optional<std::string> demonym_country(std::string_view word) const;

  private:
    struct Tables;
    Lexicon();
    std::unique_ptr<const Tables> tables_;
};

}  // namespace saywho

#endif  // SAYWHO_COMMON_LEXICON_H
