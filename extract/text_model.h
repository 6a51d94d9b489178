/** @file text_model.h
 *  @brief Internal to extraction: the shared text model (body, tokens, quotations, sentences, mentions, entities) and the stages over it.
 *
 *  Each stage reads what the earlier ones wrote into the TextModel (or the
 *  Entities of the coreference stage) and is unit-tested through this header;
 *  extract/extract.h is the only public interface. Nothing here is
 *  thread-safe: one model per article, one thread per model.
 */
#ifndef SAYWHO_EXTRACT_TEXT_MODEL_H
#define SAYWHO_EXTRACT_TEXT_MODEL_H

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/article.h"
#include "common/calendar_words.h"
#include "common/civil_date.h"
#include "common/lexicon.h"
#include "common/statement.h"
#include "extract/extract.h"
#include "extract/pronoun_resolver.h"

namespace saywho::extraction {

/// "No index": no token, quotation, entity or bound.
inline constexpr std::size_t NONE = static_cast<std::size_t>(-1);

/// A capitalised run that names a place at least this large is the place,
/// not a person ("San Francisco said" does not make a speaker, nor does a
/// sizeable place before an aside's comma). Set by hand when place names
/// stopped becoming people; the history records no tuning. Smaller places
/// share names with people ("Weingarten").
inline constexpr std::uint64_t SIZEABLE_PLACE_POPULATION = 50000;

// --- Tokens, quotations, sentences ---------------------------------------------

enum class TokenKind { WORD, PUNCT, QUOTE };

struct Token {
    std::size_t start = 0, end = 0;  ///< byte offsets in the body
    TokenKind kind = TokenKind::WORD;
    std::string lower;  ///< lower-cased text (ASCII folding only)
    bool cap = false;   ///< starts with an upper-case letter
    bool all_caps = false;
    /// Inside wire markup that names a company ("<Montenay Power Corp>").
    bool company_mark = false;
    bool opening = false;      ///< QUOTE: an opening mark
    std::size_t quote = NONE;  ///< index of the quotation holding this token
    std::size_t paragraph = 0;
    std::size_t sentence = 0;
};

struct Quotation {
    std::size_t open_token = NONE;   ///< the opening mark
    std::size_t close_token = NONE;  ///< the closing mark, NONE when it ran to a paragraph end
    std::size_t first_token = NONE;  ///< first token inside
    std::size_t last_token = NONE;   ///< last token inside
};

struct Sentence {
    std::size_t first = 0, last = 0;  ///< token range, inclusive
};

/// Decodes one code point of valid UTF-8 at @p i; sets @p len.
char32_t decode(const std::string& s, std::size_t i, std::size_t& len);
/// Spaces, tabs, line ends and Unicode white space.
bool is_space(char32_t cp);

/// Stage 1, tokens: words (with joiners such as "30-day", "U.S.", "1,000"),
/// punctuation and quote marks, with byte offsets and paragraph numbers (a
/// blank line starts a paragraph). Wire markup of company names
/// ("<Montenay Power Corp>", "<ZEN>") is taken out; see Token::company_mark.
std::vector<Token> tokenize(const std::string& body);
/// Marks as a company's the runs of capitalised words of the body that a
/// wire headline names before a stock symbol ("DIGITAL EQUIPMENT <DEC>"
/// marks "Digital Equipment", not "Digital" alone).
void mark_headline_companies(const std::string& title, std::vector<Token>& tokens);

/// Stage 2, quotations: pairs the quote marks of @p tokens, marks the opening
/// ones and sets each inside token's Token::quote. A quotation left open at a
/// paragraph end runs on when the next paragraph opens with a quote mark.
std::vector<Quotation> find_quotations(const std::string& body, std::vector<Token>& tokens);

/// Stage 3, sentences: splits after . ? ! (not after an abbreviation or an
/// initial, not inside parentheses or a quotation) and at paragraph ends,
/// and sets each token's Token::sentence. REQUIRES: find_quotations() ran.
std::vector<Sentence> split_sentences(std::vector<Token>& tokens);

// --- Word lists -------------------------------------------------------------------

/// The word classes of common/data/extract_words.tsv (README there).
enum class WordClass : unsigned {
    PRONOUN,
    ADVERB_BETWEEN,
    SPEAKER_NOUN,
    NAME_PARTICLE,
    DETERMINER,
    FUNCTION_WORD,
    ABBREVIATION,
    ORGANIZATION,
    IRREGULAR_VERB,
    MALE_TITLE,
    FEMALE_TITLE,
    HONORIFIC,
    // Words of the rules' own contexts, one class per rule:
    OPENING_CUE,  ///< cues after which a next attribution opens this one's content ("Meeks said Clinton reassured them")
    TIME_WORD,    ///< time words right after a cue that belong to the attribution ("said late", "said yesterday")
    TIME_UNIT_PART,  ///< units and parts of time after "on", "last", "this", "early" ("last week", "early morning")
    TOLD_OBJECT_PRONOUN,    ///< objects of "told" after which a clause starts without "that" ("told reporters he")
    CLAUSE_SUBJECT,         ///< words that start a clause after "told" and its object ("told the Post he")
    OBJECT_INFINITIVE_CUE,  ///< cues whose object takes an infinitive as content ("urged Clinton to act")
    TOLD_CUE,               ///< cues with an object before their content ("told reporters that", "asked him whether")
    QUANTITY_WORD,          ///< words after "about" that make it a quantity, not a topic ("said about half")
    SUBORDINATOR,           ///< subordinating words after a cue that hold no "that" clause ("he said when asked")
    CUE_MODIFIER_START,     ///< words that start a cue's modifiers before its content ("said on Tuesday that")
    TAIL_MODIFIER_START,    ///< words that start an attribution's tail between commas, not new content
    ASKED_OPENER,           ///< words before "asked" that open a question's attribution ("when asked whether")
    QUESTION_WORD,          ///< words that start the question of "Asked ..."
    BE_FORM,                ///< forms of "be" (passives: "is said to")
    PLURAL_QUANTITY,        ///< plural subjects before a base-form verb ("Six in 10 say", "most say")
    INTENTION_LEMMA,        ///< lemmas that with "to" are intentions, not statements ("promised to")
    NOUN_DETERMINER,        ///< words before which a verb form is a noun ("the said agreement")
    AUXILIARY,     ///< auxiliaries after a phrase that make it the content's subject ("said the candidate could win")
    NAMING_LEMMA,  ///< naming verbs whose quotation may come later ("called Trump a \"liar\"")
    PREPOSITION,   ///< prepositions whose object is an oblique mention ("about Mr. Curiel")
    GENERIC_ORG_NOUN,         ///< nouns that stand for any organisation that spoke ("the company")
    ASIDE_OPENER,             ///< words that open a long aside between commas (", who ...", ", a ...")
    AFFILIATION_PREPOSITION,  ///< prepositions before a place or employer in an aside ("a junior from Las Vegas")
    NOMINAL_DETERMINER,       ///< determiners that make a lower-case nominal speaker ("the man said")
    SAY_FORM,                 ///< forms of say and suggest whose clause makes whoever stands before the speaker
    CLAUSE_BOUNDARY,          ///< words a group speaker before "say" does not reach back past
    CLAUSE_OPENER,            ///< words before which a group speaker starts its clause
    APPROXIMATOR,             ///< words of an approximate number ("About four in 10 said")
    POSTMODIFIED_DETERMINER,  ///< determiners of a speaker before a post-modifier ("a person close to")
    PHRASE_STOP,              ///< words that end a speaker phrase read after the cue ("said the man who")
    HEADER_WORD,              ///< words of a "WORD:" line that is a header, not a transcript speaker
    TIME_LEAD,    ///< words before a weekday or a unit of time right after a cue ("said on Tuesday", "said last week")
    TIME_PERIOD,  ///< periods after "last", "this" ("last week", "this year")
    PERIOD_LEAD,  ///< words before a period right after a cue ("said this week")
    OBJECT_PREPOSITION,  ///< prepositions after the object of "told" before a capitalised name ("told the mayor of Newark")
    OBJECT_TIME_LEAD,         ///< words before a weekday or period after the object of "told" ("told CNN on Sunday")
    OBJECT_TIME_ADVERB,       ///< time adverbs after the object of "told" ("told CNN yesterday")
    OPEN_QUESTION_WORD,       ///< words that start a question as content after any cue ("explained why")
    OBJECT_QUESTION_WORD,     ///< words that start a question as content after a cue with an object ("asked him if")
    TELL_FORM,                ///< forms of "tell", whose object may be followed by a clause without "that"
    COORDINATOR,              ///< conjunctions before a cue that give it the clause's subject ("... and said")
    RELATIVE_PRONOUN,         ///< words that end the noun phrase after "according to" ("a poll that")
    CALL_FORM,                ///< forms of "call" that with a particle make a demand ("called for")
    CALL_PARTICLE,            ///< the particles of such a demand ("called on")
    VERB_PARTICLE,            ///< particles right after a weak cue ("went on:", "screamed back")
    PARTICIPLE_ADVERB,        ///< words right before "saying" that keep it a cue ("and saying", "repeatedly saying")
    PARTICIPLE_SUBORDINATOR,  ///< sentence-initial words before "saying" ("After saying ...")
    DESCRIPTION_START,        ///< words after "Name," that open a description of a lone name ("Dawson, a teacher,")
    PLACE_PREPOSITION,        ///< prepositions before which a place is a place of the article ("in Kyiv")
    BETWEEN_TIME_LEAD,        ///< words before a weekday between a speaker and the verb ("Trump on Saturday said")
    BETWEEN_TIME_UNIT,        ///< periods between a speaker and the verb ("Kasich last week said")
    BETWEEN_PERIOD_LEAD,      ///< words before such a period ("last week", "this morning")
    QUOTE_ASIDE_START,  ///< words after a comma that open an aside before a short quotation (", calling it a 'hoax'", ", who")
    RELATIVE_SUBJECT,  ///< relative words after the subject of a relative clause that holds the cue ("the man who said")
    CONJUNCTION,  ///< conjunctions that end a phrase before the cue: the tail of another clause ("the room and said")
    EMPLOYER_PREPOSITION,     ///< prepositions that split a nominal from its employer or place ("a spokesman for Ford")
    WITH_POSTMODIFIER_NOUN,   ///< nouns after "with" in a source's post-modifier ("with knowledge of")
    INVOLVEMENT_PREPOSITION,  ///< prepositions after "briefed" or "involved" in a post-modifier ("briefed on")
    POSTMODIFIER_RELATIVE,    ///< relative words that start a source's post-modifier ("a person who")
    PHRASE_DETERMINER,        ///< determiners of a speaker phrase read after the cue ("said a person close to")
    VERB_BLOCKER,             ///< words before a verb that make it no speech event ("declined to say", "did not say")
    VERB_S_FORM,              ///< -s forms of cues that are verbs, never nouns ("says", unlike "remarks")
    PHRASE_LINKER,  ///< words that link the nouns of a speaker phrase but neither start nor end it ("spokesman for Ford")
    SPEAKER_RELATIVE,  ///< relative words right before a cue whose speaker is the phrase before them ("the group, which said")
    SAME_DAY_WORD,   ///< words that date a statement on the article's day
    NAME_JOINER,     ///< words that join the words of an organisation's name ("Agency of Natural Resources and Energy")
    COMPANY_SUFFIX,  ///< words that end a company's name, whatever comes before them ("General Motors Corp")
    UNNAMED_ORGANIZATION_NOUN,  ///< nouns of an organisation that say nothing without its name: "the company said" with no company named is unresolved
    INDEFINITE_DETERMINER,  ///< determiners that bring in someone new, not one named before ("a dealer said", not "the governor said")
    DOCUMENT_NOUN,  ///< nouns of a text that speaks for whoever issued it ("a statement issued by the party", "a ministry report")
    GROUP_PART,        ///< nouns of a part of a group before "of" ("52 percent of voters", "a majority of")
    INSTITUTION_NOUN,  ///< nouns of a public institution a lower-case word describes ("the statistics department")
    PERSON_SUBJECT_PRONOUN,  ///< pronouns that, opening a clause, are who speaks in its ", saying" ("she praised X, saying")
    VAGUE_MODIFIER,  ///< words before an institution's noun that describe no one institution ("the new ministry")
    ASIDE_PREPOSITION,  ///< prepositions of a phrase between a name and its verb ("Trump in a tweet said"), never a subject
    TOPIC_PREPOSITION,  ///< prepositions before what words are about ("asked about the talks in Geneva")
    GROUP_PRONOUN,  ///< pronouns that with what follows name a group ("those surveyed say", "those close to him said")
    SPEECH_SETTING,  ///< occasions and participles that set where words were said ("at a rally in Lyon", "arriving in Tokyo")
    VISIT_NOUN,       ///< nouns of travel after which "to" names where the traveller is ("during a visit to Kyiv")
    GOVERNMENT_NOUN,  ///< last words of a state body's name, which speaks from its country ("the Japanese Finance Ministry")
    COUNT
};

/// Whether @p word (lower-case as tokens hold it) is in class @p c. The
/// table is read once, on first use; thread-safe afterwards. Throws Error if
/// the embedded table is malformed (a build defect).
bool has_class(std::string_view word, WordClass c);

bool is_pronoun(const std::string& w);
/// A number: digits ("10", "52") or a number word ("five", "half").
bool is_number_word(const std::string& w);
/// Words that may sit between a speaker and the verb: "Trump also said".
bool is_adverb_between(const std::string& w);
/// A weekday name (month_number() and weekday_number() in common/calendar_words.h give the numbers).
bool is_weekday(const std::string& w);
/// Nouns that name a speaker without a name: "officials said", "the company said".
bool is_speaker_noun(const std::string& w);
/// A speaker noun that names no organisation: "analysts", not "Kremlin".
bool is_common_speaker_noun(const std::string& w);
/// "he's" → "he", "they'll" → "they": the word before a contracted clitic.
std::string without_clitic(std::string w);
/// Lower-case words inside names: "Joseph ole Sankale", "Department of Health".
bool is_name_particle(const std::string& w);
bool is_determiner(const std::string& w);
/// Capitalised words that are not names even inside a capitalised run.
bool is_function_word(const std::string& w);
/// Abbreviations whose dot does not end a sentence ("Mr.", "Sept.", "Corp.").
bool is_abbreviation(const std::string& w);
/// Words that make a capitalised name an organisation, not a person.
bool looks_like_organization(const std::vector<std::string>& words);
/// A verb form as it follows a speaker: "posted", "reads", "put".
bool looks_like_verb(const std::string& w);
/// "Putin's" → "Putin".
std::string strip_possessive(std::string w);
/// Whether @p w ends in a possessive 's (straight or curly): "Putin's", "he's".
bool ends_in_possessive(const std::string& w);
/// The gender an honorific or title implies ("Mr." male, "spokeswoman" female).
Gender gender_of_title(const std::string& title);
/// Honorifics say gender but are not roles worth showing.
bool is_honorific(const std::string& title);

// --- The model ----------------------------------------------------------------------

/// One article and what the stages found in it.
struct TextModel {
    TextModel(const Article& a, const Lexicon& l) : article(a), body(a.body), lex(l) {}

    const Article& article;
    const std::string& body;
    const Lexicon& lex;
    std::vector<Token> tokens;
    std::vector<Quotation> quotes;
    std::vector<Sentence> sentences;
    std::size_t dateline_end = 0;     ///< first token after the dateline ("KYIV, Ukraine (AP) —"), 0 when none
    const Place* dateline = nullptr;  ///< the dateline's place
    /// Per token: is it a one-word title? (-1: not looked up yet). A cache
    /// filled by PhraseReader::np_word(), which runs in many scans over the
    /// same tokens.
    mutable std::vector<signed char> single_title;
};

/// Runs stages 1-3 and the dateline over @p model (tokens, quotations,
/// sentences, dateline place and end).
void build_text(TextModel& model);

/// Read access to a TextModel with the small predicates every stage uses.
class TextView {
  public:
    explicit TextView(const TextModel& model)
        : model_(model),
          body_(model.body),
          lex_(model.lex),
          tokens_(model.tokens),
          quotes_(model.quotes),
          sentences_(model.sentences) {}

    bool is_word(std::size_t i) const { return i < tokens_.size() && tokens_[i].kind == TokenKind::WORD; }
    /// Neither inside a quotation nor a quote mark.
    bool outside(std::size_t i) const { return tokens_[i].quote == NONE && tokens_[i].kind != TokenKind::QUOTE; }
    bool is_punct(std::size_t i, std::string_view p) const {
        return i < tokens_.size() && tokens_[i].kind == TokenKind::PUNCT && std::string_view(tokens_[i].lower) == p;
    }
    /// The body text from token @p first to token @p last.
    std::string text_of(std::size_t first, std::size_t last) const {
        return body_.substr(tokens_[first].start, tokens_[last].end - tokens_[first].start);
    }
    /// The body text of one token as written.
    std::string token_text(const Token& t) const { return body_.substr(t.start, t.end - t.start); }

  protected:
    const TextModel& model_;
    const std::string& body_;
    const Lexicon& lex_;
    const std::vector<Token>& tokens_;
    const std::vector<Quotation>& quotes_;
    const std::vector<Sentence>& sentences_;
};

// --- Speaker phrases -------------------------------------------------------------

enum class SpeakerKind { PERSON, ORGANIZATION, PRONOUN, NOMINAL };

/// The words of a noun phrase as written, with lexicon lookups.
struct SpeakerPhrase {
    std::size_t first = NONE, last = NONE;  ///< token range, inclusive
    SpeakerKind kind = SpeakerKind::NOMINAL;
    std::vector<std::string> name_words;  ///< capitalised name words, as written
    std::string role;
    std::string nominal;  ///< "president" for "the president"
    std::string pronoun;  ///< "he"
    /// PERSON: the name is an organisation's ("General Motors Corp",
    /// "<Montenay Power Corp>"), whatever its words look like.
    bool organization = false;
};

/// Stage 4, speaker phrases: reads the noun phrase that names a speaker
/// before or after a cue ("US President Donald Trump", "a source familiar
/// with the talks", "she"). Pure reads of the model.
class PhraseReader : public TextView {
  public:
    using TextView::TextView;

    /// The number of words of the longest title starting at token @p i (not
    /// past @p limit), its display form in @p title; 0 when none.
    std::size_t match_title(std::size_t i, std::size_t limit, std::string& title) const;
    /// Whether token @p i can belong to a noun phrase naming a speaker.
    bool np_word(std::size_t i) const;
    /// The phrase over tokens [first, last] read as a speaker, or nullopt.
    std::optional<SpeakerPhrase> read_phrase(std::size_t first, std::size_t last) const;
    /// The speaker before the cue at @p cue ("Trump also said"), or nullopt.
    std::optional<SpeakerPhrase> speaker_before(std::size_t cue, std::size_t sentence_first) const;
    /// The speaker after the cue at @p cue ("said Trump"), or nullopt.
    std::optional<SpeakerPhrase> speaker_after(std::size_t cue, std::size_t sentence_last) const;
    /// Whether a speaker's post-modifier starts at @p i ("close to", "familiar with", "who").
    bool postmodifier_at(std::size_t i) const;
    /// A determiner-led phrase ending at @p end ("another source"), or nullopt.
    std::optional<SpeakerPhrase> nominal_before(std::size_t end, std::size_t sentence_first) const;
    /// A speaker without a name over tokens [first, last], named by the
    /// words from @p words_first on ("the company" -> "company").
    SpeakerPhrase nominal_phrase(std::size_t first, std::size_t last, std::size_t words_first) const;
    /// Whether the article writes @p lower ("neither", "automakers") in lower
    /// case somewhere and with a capital only where a sentence starts: then
    /// it is a word of the language, not a name.
    bool written_in_lower_case(const std::string& lower) const;
    /// Whether token @p i opens its sentence (or follows a dateline's dash).
    bool at_sentence_start(std::size_t i) const;

  private:
    struct NameRun;
    bool is_name_word(std::size_t k) const;
    std::size_t organization_start(std::size_t first, std::size_t last) const;
    std::size_t after_joined_names(std::size_t run, std::size_t last) const;
    void one_word_name(SpeakerPhrase& p) const;
    bool affiliation_split(SpeakerPhrase& p, std::size_t first, std::size_t last, std::size_t& name_last) const;
    NameRun peel_titles(std::size_t first, std::size_t name_last, std::size_t run) const;
    void trim_to_given_name(SpeakerPhrase& p) const;
    std::size_t skip_between(std::size_t j, std::size_t sentence_first) const;
    std::size_t before_prepositional_aside(std::size_t j, std::size_t sentence_first) const;
    std::optional<SpeakerPhrase> before_comma_aside(std::size_t j, std::size_t sentence_first) const;
    std::optional<SpeakerPhrase> before_quoted_aside(std::size_t j, std::size_t sentence_first) const;
    std::optional<SpeakerPhrase> before_relative(std::size_t j, std::size_t sentence_first) const;
    std::optional<SpeakerPhrase> phrase_ending_at(std::size_t cue, std::size_t last, std::size_t sentence_first) const;
    bool place_after_preposition(std::size_t first, std::size_t last) const;
    bool comparative_than(std::size_t k) const;
    std::optional<SpeakerPhrase> lowercase_nominal(std::size_t last, std::size_t sentence_first) const;
    std::optional<SpeakerPhrase> relative_clause_subject(std::size_t last, std::size_t sentence_first) const;
    std::optional<SpeakerPhrase> group_before_say(std::size_t cue, std::size_t last, std::size_t sentence_first) const;
    SpeakerPhrase whole_group(SpeakerPhrase nominal, std::size_t sentence_first) const;
    std::size_t group_part_start(std::size_t first, std::size_t sentence_first) const;
    std::size_t coordinated_start(std::size_t first, std::size_t sentence_first) const;
    bool opens_clause(std::size_t k, std::size_t sentence_first) const;
    std::optional<SpeakerPhrase> postmodified(const std::optional<SpeakerPhrase>& read, std::size_t last,
                                              std::size_t sentence_first) const;
};

// --- Attributions -------------------------------------------------------------------

/// A cue found in a sentence, with its speaker phrase and content.
struct Attribution {
    std::size_t cue_first = NONE, cue_last = NONE;
    SpeakerPhrase speaker;
    bool speaker_after = false;                       ///< "said Trump"
    std::size_t attr_first = NONE, attr_last = NONE;  ///< speaker, cue and their modifiers
    std::size_t content_first = NONE, content_last = NONE;
    /// "\"Q1,\" she said, \"Q2.\"": the quotation after the cue, when the
    /// one before it is the main content.
    std::size_t second_first = NONE, second_last = NONE;
    bool preset = false;             ///< content already decided where the cue was found
    std::size_t window_last = NONE;  ///< last token this attribution may look at (before the next one)
    std::string cue_text;
};

/// Stage 5, attribution cues: speech verbs, "according to", "Asked whether",
/// quotations next to "NP verb", quotations signed with a dash, and the
/// content each attributes. Pure reads of the model.
class CueFinder : public PhraseReader {
  public:
    using PhraseReader::PhraseReader;

    /// Every attribution of sentence @p s, with its content: the cues'
    /// (find_attributions(), choose_content()), then the quotations' own.
    std::vector<Attribution> attributions(const Sentence& s) const;

    /// Adds the cues of @p s (speech verbs, "according to", "Asked ...")
    /// with their speakers to @p out, in text order; content not yet chosen
    /// except for preset ones.
    void find_attributions(const Sentence& s, std::vector<Attribution>& out) const;
    /// Gives each attribution that is not preset its content: the clause or
    /// quotation after it or before it, between its neighbours.
    void choose_content(const Sentence& s, std::vector<Attribution>& attributions) const;
    /// Adds quotations no cue claimed that stand next to "NP verb" ("the
    /// suit reads", "Dorsey posted:"), then orders @p out by content.
    void find_quote_attributions(const Sentence& s, std::vector<Attribution>& out) const;
    /// Adds quotations signed with a dash and a name ("\"...\" — Maria Lund").
    void find_dash_attributions(const Sentence& s, std::vector<Attribution>& out) const;
    /// "President Clinton released the following statement:" closing
    /// sentence @p s: the attribution that waits for the next sentence's quotation.
    std::optional<Attribution> colon_attribution(const Sentence& s, const std::vector<Attribution>& attributions) const;

  private:
    struct Bounds;
    struct Sides;
    bool according_to(const Sentence& s, std::size_t& i, std::vector<Attribution>& out) const;
    bool asked_question(const Sentence& s, std::size_t& i, std::vector<Attribution>& out) const;
    void verb_cue(const Sentence& s, std::size_t& i, std::vector<Attribution>& out) const;
    void absolute_participle(const Sentence& s, std::size_t i, Attribution& a, std::vector<Attribution>& out) const;
    void document_participle(const Sentence& s, std::size_t i, Attribution& a, std::vector<Attribution>& out) const;
    std::optional<std::string> cue_lemma(const Sentence& s, std::size_t i, bool& extra, bool& call_for) const;
    bool progressive_speaker(const Sentence& s, std::size_t i, Attribution& a) const;
    bool plural_before_of(const Sentence& s, std::size_t i) const;
    bool passes_verb_filters(const Sentence& s, std::size_t i, const std::string& lemma) const;
    bool verb_speaker(const Sentence& s, std::size_t i, Attribution& a, bool weak, bool extra,
                      std::vector<Attribution>& out) const;
    bool weak_cue_has_evidence(const Sentence& s, std::size_t i, const Attribution& a, const std::string& lemma,
                               bool extra) const;
    std::size_t upper_bound_of(const Sentence& s, const std::vector<Attribution>& attributions, std::size_t n) const;
    std::size_t skip_time_words(std::size_t k, std::size_t hi) const;
    std::size_t skip_modifiers(const Attribution& a, std::size_t scan, std::size_t hi, bool told,
                               std::size_t& skipped_words) const;
    std::size_t told_object_clause(std::size_t scan, std::size_t probe) const;
    Sides find_sides(const Sentence& s, Attribution& a, const Bounds& bounds) const;
    void content_before(const Sentence& s, const Attribution& a, const Bounds& bounds, Sides& sides) const;
    void assign_content(const Sentence& s, std::size_t n, Attribution& a, const Bounds& bounds,
                        const Sides& sides) const;
    bool tail_modifies(const Sentence& s, const Bounds& bounds, const Sides& sides) const;
    bool interrupts_clause(const Sentence& s, const Attribution& a, const Bounds& bounds, const Sides& sides) const;
    Attribution quote_attribution(const Sentence& s, std::size_t i, const Quotation& quote) const;
};

// --- Entities (within-article coreference) -----------------------------------------

struct Entity {
    std::string name;     ///< canonical: "Volodymyr Zelenskyy", "Kremlin"
    std::string key;      ///< fold_key(name), kept in step with name
    std::string surname;  ///< lower-cased last name token for persons
    std::string first;    ///< lower-cased first name token, "" when unknown
    std::string role;
    Gender gender = Gender::UNKNOWN;
    bool person = true;
};

struct Mention {
    std::size_t entity = NONE;
    std::size_t token = 0;  ///< first token of the mention
    bool subject = false;   ///< the first name-like mention of its sentence
    /// A possessive or a preposition's object ("Clinton's use", "about Mr.
    /// Curiel"): seldom what a later pronoun points back to.
    bool oblique = false;
};

/// The article's entities and mentions, and who spoke last.
struct Entities {
    std::vector<Entity> entities;
    std::vector<Mention> mentions;  ///< in text order
    std::size_t last_speaker = NONE;
    std::size_t last_speaker_token = 0;
    std::unordered_set<std::size_t> used_as_speaker;
    /// The organisation that spoke last: what "it said" and "the company
    /// said" mean in company news.
    std::size_t last_organization_speaker = NONE;
    std::size_t last_organization_speaker_token = 0;
    /// Per entity, the cue token of its latest statement.
    std::unordered_map<std::size_t, std::size_t> last_spoke_token;
    /// Per entity, how many statements it made so far.
    std::unordered_map<std::size_t, std::size_t> times_spoken;
    /// Names of two or three capitalised words whose first word is no given
    /// name we know ("Fumio Watanabe"), by folded last word: the full name a
    /// later "Watanabe said" means. Empty when two such names share it.
    std::unordered_map<std::string, std::vector<std::string>> unknown_full_names;
    /// The caller's sink for each pronoun decision (ExtractOptions), or null.
    const std::function<void(const PronounTrace&)>* pronoun_trace = nullptr;
    /// Weights that replace the embedded ones (ExtractOptions), or null.
    const ResolverWeights* resolver_weights = nullptr;
};

/// One candidate antecedent of a pronoun speaker, with its features.
struct PronounCandidate {
    std::size_t entity = NONE;
    std::size_t latest_token = 0;  ///< its latest mention (or statement) before the cue
    ResolverFeatures features;
    double score = 0;
};

/// Stage 6, entities: names become persons or organisations, linked to the
/// fullest form the article gives; pronouns and nominals are resolved to them.
class Coreference : public PhraseReader {
  public:
    Coreference(const TextModel& model, Entities& state) : PhraseReader(model), state_(state) {}

    /// Records the person mentions outside quotations, in text order.
    void register_mentions();
    /// The entity named by @p words (most recent with that surname, or the
    /// organisation it is a short form of), created when @p create and none
    /// matches (an organisation when @p organization or its words say so);
    /// NONE otherwise.
    std::size_t entity_for_name(const std::vector<std::string>& words, const std::string& role, bool create,
                                bool organization = false);
    void remember_unknown_full_name(const std::vector<std::string>& words);
    const std::vector<std::string>* unknown_full_name(const std::string& surname) const;
    std::size_t issuer_of_document(const SpeakerPhrase& p, std::size_t cue_token);
    /// The entity @p p names at the cue @p cue_token, or NONE.
    std::size_t resolve(const SpeakerPhrase& p, std::size_t cue_token);
    /// Notes that @p entity spoke at @p cue (phrase @p p): later pronouns may chain to it.
    void note_speaker(std::size_t entity, const SpeakerPhrase& p, std::size_t cue);

  private:
    bool after_preposition(std::size_t i) const;
    bool modifies_next_name(std::size_t after, std::size_t last) const;
    bool opens_sentence(std::size_t own_start, std::size_t i) const;
    void register_sentence(const Sentence& s);
    void register_single(const Sentence& s, std::size_t i, std::size_t own_start, bool& first_in_sentence);
    std::size_t resolve_pronoun(const SpeakerPhrase& p, std::size_t cue_token) const;
    std::size_t best_candidate(std::vector<PronounCandidate>& candidates) const;
    std::vector<PronounCandidate> pronoun_candidates(Gender want, std::size_t cue_token, bool opening) const;
    bool in_embedded_clause(std::size_t token) const;
    bool pronoun_opens_sentence(const SpeakerPhrase& p) const;
    struct Evidence;
    bool far_candidate(const Evidence& ev, std::size_t cue_token) const;
    ResolverFeatures features_of(const Evidence& ev, Gender want, std::size_t cue_token, bool opening) const;
    void trace_pronoun(const SpeakerPhrase& p, std::size_t cue_token, const std::vector<PronounCandidate>& candidates,
                       std::size_t chosen) const;
    std::size_t resolve_nominal(const SpeakerPhrase& p, std::size_t cue_token);
    std::size_t described_institution(const SpeakerPhrase& p);
    std::size_t organization_of_person(const SpeakerPhrase& p);
    std::size_t organization_named(const std::string& name);
    std::size_t nominal_by_role(const SpeakerPhrase& p, std::size_t cue_token) const;
    std::size_t organization_speaker_near(std::size_t cue_token) const;
    std::size_t organization_short_form(const std::vector<std::string>& words) const;

    Entities& state_;
};

// --- Statements ---------------------------------------------------------------------------

/// A statement found, with what place inference needs.
struct Pending {
    Statement st;
    std::size_t entity;   ///< the speaker, NONE when unresolved
    bool explicit_place;  ///< the place was named in the attribution
    std::size_t sentence;
    bool continuation = false;  ///< a quotation given to the last quoted speaker
};

/// Stage 8, statements: every sentence's attributions (CueFinder) become
/// statements with speaker (Coreference), day and explicit place
/// (PlaceTime); transcript lines ("NAME: ...") and quotations that continue
/// the last speaker too. REQUIRES: build_text() and
/// Coreference::register_mentions() ran.
std::vector<Pending> find_statements(const TextModel& model, Entities& entities);

/// Gives each statement without an explicit place the same speaker's
/// explicit place that day ("inferred"), else the dateline's for statements
/// of the article's day.
void infer_places(const TextModel& model, std::vector<Pending>& pending);

/// Gives each statement without a day of its own the day of the same
/// speaker's words just before it (the statement before, in the same or
/// the next paragraph), with date_basis "inferred". Runs before infer_places().
void infer_days(const TextModel& model, std::vector<Pending>& pending);

}  // namespace saywho::extraction

#endif  // SAYWHO_EXTRACT_TEXT_MODEL_H
