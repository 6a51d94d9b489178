/** @file word_lists.cc
 *  @brief Extraction: the word classes the stages test words against (pronouns, determiners, speaker nouns, ...).
 */
#include <algorithm>
#include <cstring>
#include <unordered_set>

#include "common/text.h"
#include "extract/text_model.h"

namespace saywho::extraction {

bool in_list(std::string_view w, std::initializer_list<std::string_view> list) {
    for (std::string_view s : list)
        if (w == s) return true;
    return false;
}

bool is_pronoun(const std::string& w) { return in_list(w, {"he", "she", "they", "we", "i", "it"}); }

/// Words that may sit between a speaker and the verb: "Trump also said".
bool is_adverb_between(const std::string& w) {
    static const std::unordered_set<std::string_view> WORDS = {"also", "later", "previously", "earlier", "again", "then", "recently", "reportedly", "publicly",
                       "privately", "separately", "further", "has", "have", "had", "would", "will", "could", "once",
                       "repeatedly", "often", "frequently", "first", "has", "simply", "quickly", "flatly", "initially",
                       "subsequently", "still", "now", "today", "yesterday", "tonight", "just", "already", "specifically",
                       "explicitly", "openly", "famously", "immediately", "bluntly", "angrily", "finally", "ultimately",
                       "even", "herself", "himself", "themselves", "personally"};
    return WORDS.count(w) > 0;
}

bool is_weekday(const std::string& w) { return weekday_number(w) >= 0; }

/// Nouns that name a speaker without a name: "officials said", "the company said".
bool is_speaker_noun(const std::string& w) {
    static const std::unordered_set<std::string_view> WORDS = {"official", "officials", "spokesman", "spokeswoman", "spokesperson", "source", "sources",
                       "aide", "aides", "analyst", "analysts", "expert", "experts", "minister", "ministry", "government",
                       "company", "police", "campaign", "committee", "office", "agency", "department", "authorities",
                       "lawyer", "lawyers", "attorney", "president", "leader", "statement", "report", "group", "party",
                       "administration", "spokespeople", "representative", "prosecutors", "prosecutor", "critics",
                       "supporters", "residents", "witnesses", "researchers", "economists", "officers", "military",
                       "army", "regulator", "court", "judge", "union", "chairman", "chairwoman", "director", "chief",
                       "executive", "secretary", "senator", "governor", "mayor", "candidate", "nominee", "team",
                       "observers", "diplomats", "diplomat", "negotiators", "organizers", "organisers", "advocates",
                       "activists", "people", "voters", "democrats", "republicans", "commission", "council", "board",
                       "bank", "firm", "ministers", "study", "poll", "survey", "letter", "memo", "website", "newspaper",
                       "adviser", "advisers", "advisor", "advisors", "staff", "staffer", "staffers", "manager",
                       "founder", "host", "author", "professor", "scientist", "scientists", "doctor", "doctors",
                       "operative", "strategist", "strategists", "insiders", "insider", "allies", "ally", "rival",
                       "opponent", "opponents", "speaker", "lawmaker", "lawmakers", "legislators", "member", "members",
                       "parliament", "kremlin", "pentagon", "fbi", "cia", "email", "tweet", "post", "message", "release",
                       "ad", "advertisement", "note", "filing", "document", "sign", "book", "column", "editorial",
                       "article", "story", "headline", "caption", "video", "speech", "transcript", "complaint",
                       "lawsuit", "ruling", "order", "website", "blog", "magazine", "network", "station", "paper",
                       "outlet", "newspaper", "daily", "journal", "times", "post", "spokespeople", "friend",
                       "supporter", "voter", "resident", "worker", "workers", "student", "students", "father",
                       "mother", "wife", "husband", "son", "daughter", "brother", "sister", "colleague", "colleagues",
                       "associate", "associates", "partner", "owner", "employee", "employees", "consultant",
                       "pollster", "pollsters", "historian", "economist", "speechwriter", "writer", "reporter",
                       "correspondent", "editor", "columnist", "commentator", "anchor", "moderator", "chair",
                       "president", "ceo", "head", "nominee", "candidates", "delegate", "delegates", "donor",
                       "donors", "fundraiser", "surrogate", "surrogates", "adviser", "aide", "official", "agents",
                       "agent", "investigators", "officers", "protesters", "demonstrators", "leaders",
                       "respondents", "participants", "attendees", "delegates", "senators", "governors"};
    return WORDS.count(w) > 0;
}

/// "he's" → "he", "they'll" → "they": the word before a contracted clitic.
std::string without_clitic(std::string w) {
    for (const char* clitic : {"'s", "\u2019s", "'ll", "\u2019ll", "'d", "\u2019d", "'re", "\u2019re", "'ve", "\u2019ve"})
        if (ends_with(w, clitic)) return w.substr(0, w.size() - std::strlen(clitic));
    return w;
}

/// Lower-case words inside names: "Joseph ole Sankale", "Department of Health".
bool is_name_particle(const std::string& w) {
    static const std::unordered_set<std::string_view> WORDS = {"de", "da", "van", "von", "bin", "al", "ole", "le", "la", "del", "der", "di", "du", "dos",
                       "das", "ibn", "of", "y"};
    return WORDS.count(w) > 0;
}

bool is_determiner(const std::string& w) {
    static const std::unordered_set<std::string_view> WORDS = {"the", "a", "an", "another", "one", "his", "her", "their", "its", "our",
                       "two", "three", "several", "many", "some", "other", "senior", "top", "former", "current",
                       "local", "federal", "state"};
    return WORDS.count(w) > 0;
}

bool is_abbreviation(const std::string& w) {
    static const std::unordered_set<std::string> set = {
        "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "maj",
        "st", "jr", "sr", "prof", "rev", "hon", "pres", "sept", "jan", "feb", "aug", "oct", "nov", "dec", "inc",
        "corp", "co", "ltd", "no", "vs", "etc", "mt", "ft", "gens", "reps", "sens", "supt", "insp", "det", "atty"};
    return set.count(w) > 0;
}

/// Capitalised words that are not names even inside a capitalised run.
bool is_function_word(const std::string& w) {
    static const std::unordered_set<std::string_view> WORDS = {"but", "and", "or", "so", "yet", "if", "when", "while", "as", "in", "on", "at", "after",
                       "before", "because", "though", "although", "however", "meanwhile", "still", "now", "then",
                       "there", "this", "that", "these", "those", "it", "we", "they", "he", "she", "i", "you",
                       "asked", "speaking", "earlier", "later", "also", "today", "yesterday", "last", "on", "by",
                       "for", "with", "from", "of", "to", "about", "what", "where", "why", "how", "not", "no", "yes"};
    return WORDS.count(w) > 0;
}

/// Words that make a capitalised name an organisation, not a person.
bool looks_like_organization(const std::vector<std::string>& words) {
    static const std::unordered_set<std::string> ORG_WORDS = {
        "party", "committee", "campaign", "association", "institute", "university", "department", "ministry",
        "council", "group", "times", "post", "news", "inc", "corp", "company", "bank", "fund", "agency", "office",
        "center", "centre", "foundation", "network", "reuters", "ap", "cnn", "kremlin", "house", "pentagon",
        "commission", "court", "journal", "tribune", "herald", "press", "service", "services", "board", "union",
        "organization", "organisation", "federation", "league", "club", "police", "army", "navy", "government",
        "administration", "senate", "congress", "parliament", "assembly", "school", "college", "hospital",
        "church", "coalition", "alliance", "project", "media", "magazine", "radio", "television", "tv", "channel",
        "institution", "authority", "bureau", "embassy", "council", "democrats", "republicans", "gop", "dnc", "rnc",
        "pac", "corporation", "ltd", "llc", "group", "review", "daily", "gazette", "wire", "globe", "telegraph",
        "guardian", "economist", "politico", "breitbart", "fox", "msnbc", "abc", "cbs", "nbc", "bbc", "npr",
        "state", "states", "nations", "world", "international", "national", "federal", "street", "avenue",
        "railway", "railways", "airline", "airlines", "airways", "motors", "energy", "systems", "technologies",
        "holdings", "partners", "capital", "authority", "regulator", "commission", "inspectorate", "institute"};
    for (const auto& w : words) {
        if (ORG_WORDS.count(ascii_lower(w))) return true;
        if (w.size() >= 2 && w.size() <= 5 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
            return true;  // CIA, FBI, NATO
    }
    return false;
}

/// A verb form as it follows a speaker: "posted", "reads", "put".
bool looks_like_verb(const std::string& w) {
    if (w.size() < 3 || is_function_word(w) || is_determiner(w)) return false;
    return ends_with(w, "ed") || ends_with(w, "es") || (ends_with(w, "s") && !ends_with(w, "ss")) ||
           in_list(w, {"put", "wrote", "said", "told", "spoke", "went"});
}

std::string strip_possessive(std::string w) {
    for (const char* suffix : {"'s", "\u2019s", "'", "\u2019"})
        if (ends_with(w, suffix) && w.size() > std::strlen(suffix)) return w.substr(0, w.size() - std::strlen(suffix));
    return w;
}


/// The gender an honorific or title implies ("Mr." male, "spokeswoman" female).
Gender gender_of_title(const std::string& title) {
    std::string t = ascii_lower(title);
    if (in_list(t, {"mr.", "mr", "mister", "sir", "king", "prince", "lord", "duke", "baron", "emperor", "sultan",
                    "sheikh"}) ||
        t.find("spokesman") != std::string::npos || t.find("chairman") != std::string::npos)
        return Gender::MALE;
    if (in_list(t, {"mrs.", "ms.", "mrs", "ms", "miss", "missus", "queen", "princess", "lady", "dame", "duchess",
                    "baroness", "empress", "sheikha", "countess"}) ||
        t.find("spokeswoman") != std::string::npos || t.find("chairwoman") != std::string::npos)
        return Gender::FEMALE;
    return Gender::UNKNOWN;
}

/// Honorifics say gender but are not roles worth showing.
bool is_honorific(const std::string& title) {
    return in_list(ascii_lower(title), {"mr.", "mr", "mister", "mrs.", "mrs", "ms.", "ms", "miss", "mx.", "missus"});
}

}  // namespace saywho::extraction
