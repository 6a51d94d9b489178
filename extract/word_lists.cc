/** @file word_lists.cc
 *  @brief Extraction: the word classes the stages test words against, from common/data/extract_words.tsv.
 */
#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <cstring>
#include <unordered_map>

#include "common/errors.h"
#include "common/text.h"
#include "extract/text_model.h"

extern "C" {
extern const char saywho_extract_words_tsv_begin[], saywho_extract_words_tsv_end[];
}

namespace saywho::extraction {

namespace {

/// The class names of the table's `classes` column, in WordClass order.
constexpr std::array<std::string_view, static_cast<std::size_t>(WordClass::COUNT)> CLASS_NAMES = {
    "pronoun",
    "adverb_between",
    "speaker_noun",
    "name_particle",
    "determiner",
    "function_word",
    "abbreviation",
    "organization",
    "irregular_verb",
    "male_title",
    "female_title",
    "honorific",
    "opening_cue",
    "time_word",
    "time_unit_part",
    "told_object_pronoun",
    "clause_subject",
    "object_infinitive_cue",
    "told_cue",
    "quantity_word",
    "subordinator",
    "cue_modifier_start",
    "tail_modifier_start",
    "asked_opener",
    "question_word",
    "be_form",
    "plural_quantity",
    "intention_lemma",
    "noun_determiner",
    "auxiliary",
    "naming_lemma",
    "preposition",
    "generic_org_noun",
    "aside_opener",
    "affiliation_preposition",
    "nominal_determiner",
    "say_form",
    "clause_boundary",
    "clause_opener",
    "approximator",
    "postmodified_determiner",
    "phrase_stop",
    "header_word",
    "time_lead",
    "time_period",
    "period_lead",
    "object_preposition",
    "object_time_lead",
    "object_time_adverb",
    "open_question_word",
    "object_question_word",
    "tell_form",
    "coordinator",
    "relative_pronoun",
    "call_form",
    "call_particle",
    "verb_particle",
    "participle_adverb",
    "participle_subordinator",
    "description_start",
    "place_preposition",
    "between_time_lead",
    "between_time_unit",
    "between_period_lead",
    "quote_aside_start",
    "relative_subject",
    "conjunction",
    "employer_preposition",
    "with_postmodifier_noun",
    "involvement_preposition",
    "postmodifier_relative",
    "phrase_determiner",
    "verb_blocker",
    "verb_s_form",
    "phrase_linker",
    "speaker_relative",
    "same_day_word",
    "name_joiner",
    "company_suffix",
    "unnamed_organization_noun",
    "indefinite_determiner",
    "document_noun",
    "group_part",
    "institution_noun",
    "person_subject_pronoun",
    "vague_modifier",
    "aside_preposition",
    "topic_preposition",
    "group_pronoun",
    "speech_setting",
    "visit_noun",
    "government_noun"};

/// One bit per class.
using ClassBits = std::bitset<static_cast<std::size_t>(WordClass::COUNT)>;

/// Every word of the table with its classes, built on first use. The keys
/// view the embedded table, which lives as long as the program.
class WordTable {
  public:
    WordTable() {
        std::string_view data(saywho_extract_words_tsv_begin,
                              static_cast<std::size_t>(saywho_extract_words_tsv_end - saywho_extract_words_tsv_begin));
        bool header = true;
        ClassBits used;
        for (std::size_t pos = 0, line = 1; pos < data.size(); ++line) {
            std::size_t eol = std::min(data.find('\n', pos), data.size());
            std::string_view row = data.substr(pos, eol - pos);
            pos = eol + 1;
            if (row.empty() || row[0] == '#') continue;
            std::size_t tab = row.find('\t');
            if (tab == std::string_view::npos) fail(line, "has no classes column");
            if (header) {
                header = false;
                continue;
            }
            ClassBits bits;
            std::string_view classes = row.substr(tab + 1);
            for (std::size_t at = 0; at <= classes.size();) {
                std::size_t bar = std::min(classes.find('|', at), classes.size());
                bits.set(index_of(classes.substr(at, bar - at), line));
                at = bar + 1;
            }
            if (!words_.emplace(row.substr(0, tab), bits).second) fail(line, "lists a word twice");
            used |= bits;
        }
        // A class no row names is a rule that can never fire: most likely a
        // class renamed in the code or the table but not in both.
        for (std::size_t k = 0; k < CLASS_NAMES.size(); ++k)
            if (!used.test(k))
                throw Error("embedded extract_words.tsv: no word is in class " + std::string(CLASS_NAMES[k]) +
                            " (a build defect)");
    }

    bool has(std::string_view word, WordClass c) const {
        auto it = words_.find(word);
        return it != words_.end() && it->second.test(static_cast<std::size_t>(c));
    }

  private:
    static std::size_t index_of(std::string_view name, std::size_t line) {
        for (std::size_t k = 0; k < CLASS_NAMES.size(); ++k)
            if (CLASS_NAMES[k] == name) return k;
        fail(line, "has an unknown class");
    }

    [[noreturn]] static void fail(std::size_t line, const std::string& what) {
        throw Error("embedded extract_words.tsv:" + std::to_string(line) + ": " + what + " (a build defect)");
    }

    std::unordered_map<std::string_view, ClassBits> words_;
};

}  // namespace

bool has_class(std::string_view word, WordClass c) {
    static const WordTable table;
    return table.has(word, c);
}

bool is_pronoun(const std::string& w) { return has_class(w, WordClass::PRONOUN); }

bool is_number_word(const std::string& w) {
    return !w.empty() && (std::isdigit(static_cast<unsigned char>(w[0])) || has_class(w, WordClass::QUANTITY_WORD));
}

bool is_adverb_between(const std::string& w) { return has_class(w, WordClass::ADVERB_BETWEEN); }

bool is_weekday(const std::string& w) { return weekday_number(w) >= 0; }

bool is_speaker_noun(const std::string& w) {
    if (has_class(w, WordClass::SPEAKER_NOUN)) return true;
    // The plural of one: "groups", "organizations", "agencies", "coaches".
    constexpr std::size_t SHORTEST_PLURAL = 4;
    if (w.size() < SHORTEST_PLURAL || w.back() != 's' || ends_with(w, "ss")) return false;
    if (ends_with(w, "ies")) return has_class(w.substr(0, w.size() - 3) + "y", WordClass::SPEAKER_NOUN);
    if (has_class(std::string_view(w).substr(0, w.size() - 1), WordClass::SPEAKER_NOUN)) return true;
    return ends_with(w, "es") && has_class(std::string_view(w).substr(0, w.size() - 2), WordClass::SPEAKER_NOUN);
}

bool is_common_speaker_noun(const std::string& w) {
    return is_speaker_noun(w) && !has_class(w, WordClass::ORGANIZATION);
}

bool is_name_particle(const std::string& w) { return has_class(w, WordClass::NAME_PARTICLE); }

bool is_determiner(const std::string& w) { return has_class(w, WordClass::DETERMINER); }

bool is_abbreviation(const std::string& w) { return has_class(w, WordClass::ABBREVIATION); }

bool is_function_word(const std::string& w) { return has_class(w, WordClass::FUNCTION_WORD); }

bool looks_like_organization(const std::vector<std::string>& words) {
    for (const auto& w : words) {
        if (has_class(ascii_lower(w), WordClass::ORGANIZATION)) return true;
        if (w.size() >= 2 && w.size() <= 5 && all_capitals(w)) return true;  // CIA, FBI, NATO
    }
    return false;
}

bool looks_like_verb(const std::string& w) {
    if (w.size() < 3 || is_function_word(w) || is_determiner(w)) return false;
    return ends_with(w, "ed") || ends_with(w, "es") || (ends_with(w, "s") && !ends_with(w, "ss")) ||
           has_class(w, WordClass::IRREGULAR_VERB);
}

Gender gender_of_title(const std::string& title) {
    std::string t = ascii_lower(title);
    if (has_class(t, WordClass::MALE_TITLE) || t.find("spokesman") != std::string::npos ||
        t.find("chairman") != std::string::npos)
        return Gender::MALE;
    if (has_class(t, WordClass::FEMALE_TITLE) || t.find("spokeswoman") != std::string::npos ||
        t.find("chairwoman") != std::string::npos)
        return Gender::FEMALE;
    return Gender::UNKNOWN;
}

bool is_honorific(const std::string& title) { return has_class(ascii_lower(title), WordClass::HONORIFIC); }

/// "he's" → "he", "they'll" → "they": the word before a contracted clitic.
std::string without_clitic(std::string w) {
    for (const char* clitic :
         {"'s", "\u2019s", "'ll", "\u2019ll", "'d", "\u2019d", "'re", "\u2019re", "'ve", "\u2019ve", "'m", "\u2019m"})
        if (ends_with(w, clitic)) return w.substr(0, w.size() - std::strlen(clitic));
    return w;
}

bool ends_in_possessive(const std::string& w) { return ends_with(w, "'s") || ends_with(w, "\u2019s"); }

std::string strip_possessive(std::string w) {
    for (const char* suffix : {"'s", "\u2019s", "'", "\u2019"})
        if (ends_with(w, suffix) && w.size() > std::strlen(suffix)) return w.substr(0, w.size() - std::strlen(suffix));
    return w;
}

}  // namespace saywho::extraction
