/** @file schema.h
 *  @brief The one place that declares every term prefix, value slot, document
 *         data field and metadata key of a saywho database.
 *
 *  Documents
 *  ---------
 *  A saywho database holds documents of two types, told apart by the type
 *  term (XTYPE:article, XTYPE:statement). Schema version 1 had articles
 *  only; version 2 adds a document for every statement extraction finds
 *  (extract/extract.h) and the people and places of each article.
 *
 *  An article document has:
 *   - terms: its unique id term (Q), its title words twice (S-prefixed and
 *     unprefixed, so a bare word matches titles too), its body words
 *     (unprefixed, positional; a gap of 100 positions separates title and body
 *     so a phrase never spans them), the date terms D/M/Y, the type term, its
 *     source (G) when the input gave one, and from extraction: XPERSON: for
 *     every person named (the speaker keys below), XPLACE: for every place
 *     (folded canonical name) and XCOUNTRY: for the countries of those places;
 *   - values: SLOT_DATE (for date ranges and facets), SLOT_CONTENT_HASH
 *     (to skip unchanged articles on re-indexing), SLOT_ARTICLE, the
 *     lists in SLOT_SPEAKER, SLOT_LOCATION and SLOT_COUNTRY (see
 *     LIST_SEPARATOR), and the sort keys SLOT_NEWEST_FIRST and
 *     SLOT_OLDEST_FIRST (see "Order" below);
 *   - data: a JSON object holding everything a result needs to print without
 *     opening the original file (see "Document records" below).
 *
 *  A statement document has:
 *   - terms: XARTICLE:<article id> (so one delete_document() call removes
 *     every statement of an article), its words, each stemmed, Z-prefixed
 *     and positional (PREFIX_STATEMENT_WORD), and, after a gap of 100
 *     positions, the speaker's name the same way (so "zelenskyy drones"
 *     finds a statement by Zelenskyy about drones), the date terms D/M/Y of
 *     the day it was said, the type term, its article's source (G) when
 *     given, and the boolean terms XSPEAKER:, XROLE:, XLOC:, XCOUNTRY: and
 *     XQUOTE: of what extraction found (each only when not empty), and
 *     XKIND: with the kind of its speaker (absent when it has none), and
 *     XSHORT: when its article gives the speaker a short name, and
 *     XCLUSTER: with its cluster key (see "Statement clusters"). No id
 *     term: a statement is never looked up or replaced on its own, only
 *     with its article (see "Why statements are lean" below);
 *   - values: SLOT_DATE (the statement's day), SLOT_ARTICLE, SLOT_SPEAKER
 *     (a named speaker only), SLOT_SPEAKER_KIND, SLOT_LOCATION and
 *     SLOT_COUNTRY when known, the sort keys SLOT_NEWEST_FIRST and
 *     SLOT_OLDEST_FIRST, its cluster key in SLOT_CLUSTER and, when it has
 *     words enough, SLOT_SIGNATURE, and its record in SLOT_STATEMENT_RECORD; no
 *     content hash (a statement changes only with its article, which holds
 *     the hash);
 *   - data: none. Its record, the JSON object described under "Document
 *     records" below, is in SLOT_STATEMENT_RECORD.
 *
 *  Records are written and read only by common/record_codec.h, which checks
 *  every member when decoding.
 *
 *  Order
 *  -----
 *  Documents that weigh the same (every hit of a query without words, and
 *  ties in relevance) are listed newest first, then by article id
 *  (ascending, byte order), then in text order: an article before its own
 *  statements, and those by their position in it. --sort oldest lists the
 *  oldest day first, with the same order within a day. The order must not
 *  depend on document ids, which differ between one database and the same
 *  archive in shards, so it is stored: SLOT_NEWEST_FIRST and
 *  SLOT_OLDEST_FIRST hold the whole order as one key each. One slot per
 *  order, rather than a Xapian::MultiValueKeyMaker over the date, the
 *  article and the position, because xapian-tcpsrv shards sort by one
 *  value slot only (Xapian 1.4 refuses a KeyMaker for the remote backend).
 *
 *  Keys
 *  ----
 *  Boolean terms made from names go through fold_key() (NFKC, case and
 *  accents folded), so "Zelenskyý", "ZELENSKYY" and "zelenskyy" are one key.
 *  A person (XSPEAKER:, XPERSON:) gets one term for the full name and one for
 *  each shorter tail of it down to the last word ("mariana costa ribeiro",
 *  "costa ribeiro", "ribeiro"), so a surname alone, two-word surnames
 *  included, finds them. Places are keyed by their canonical gazetteer name
 *  ("kyiv", never "kiev"); countries by their lowercase ISO code ("ua").
 *
 *  Known limits
 *  ------------
 *  An unchanged article (same content hash) is not extracted again; the
 *  hash includes EXTRACTOR_VERSION (extract/extract.h), so bumping it when
 *  extraction improves re-extracts every article on the next run.
 *
 *  Why statements are lean
 *  -----------------------
 *  A news archive has three or four statements for every article, so what a
 *  statement document costs to write is most of what statements cost the
 *  indexer (docs/performance.md, "Schema 4"). So a statement document
 *  stores its words once, and leaves out three things that no query or
 *  result needs:
 *   - its words, once, as positional stems: an article's words are stored
 *     twice (unstemmed with positions, and Z + stem for lower-case words,
 *     as Omega does), which is what lets a phrase match exactly. A
 *     statement keeps only the positional stems, as Elasticsearch's english
 *     analyzer does: a phrase matches a statement on its stems ("very much
 *     on track" is Zveri Zmuch Zon Ztrack, so "on tracks" matches too), and a
 *     wildcard expands over the stems ("ceasef*" over Zceasef...). The query
 *     parser (searcher/query_parser.h) parses a query once for each kind of
 *     document when the two parses differ;
 *   - document data: Xapian writes each document's data as an item of its
 *     own in its docdata table, while the values of a slot are packed into
 *     chunks of one stream; for tens of thousands of short records the
 *     stream measured cheaper, so the record goes to SLOT_STATEMENT_RECORD;
 *   - a unique id term (Q<article id>#<n>, schema 3): one posting list per
 *     statement, used by nothing but the undocumented query id:ARTICLE#N.
 *     Without it an article whose id ends in "#<n>" can no longer collide
 *     with another article's statement n;
 *   - the XLOCBASIS:/XDATEBASIS: terms of schema 3, which no query field
 *     used; the bases are in the record.
 *
 *  Statement clusters
 *  ------------------
 *  The same words reported by several articles (copies of one wire story,
 *  a later story quoting an earlier one) form a cluster, and results show
 *  one card per cluster. A statement's text key is a hash of its words
 *  (folded, punctuation and quote marks dropped); a short statement's also
 *  hashes its named speaker, and one too short or with no named speaker to
 *  tell it apart gets a key of its own (indexer/statement_signature.h).
 *  Statements with the same text key are in one cluster wherever they were
 *  indexed, so copies collapse across shards too. Near copies (an edited
 *  sentence, a quote cut at another place) are found within a database by
 *  the MinHash signature in SLOT_SIGNATURE: the cluster pass of each
 *  indexing run (indexer/statement_clusters.h) joins text keys whose
 *  signatures agree and gives all their statements one key, that of their
 *  fullest words. The key is in SLOT_CLUSTER (the collapse key)
 *  and in the term XCLUSTER: (to list a cluster); which appearance came
 *  first is not stored but read at search time, in oldest-first order.
 *
 *  Schema version 8 adds statement clusters (above): SLOT_CLUSTER,
 *  SLOT_SIGNATURE and XCLUSTER:.
 *  Schema version 7 adds the sort keys SLOT_NEWEST_FIRST and
 *  SLOT_OLDEST_FIRST (see "Order" above), so that one database and its
 *  shards list documents of equal weight in the same order.
 *  Schema version 6 gives statements the kind of their speaker: the term
 *  XKIND: (person, organization, anonymous or unresolved) and, for the three
 *  kinds that are speakers, SLOT_SPEAKER_KIND (the source-kind facet); and
 *  SLOT_SPEAKER counts named speakers only (people and organisations). It
 *  links speakers across articles: a statement whose article names its
 *  speaker by a short name has XSHORT:, the other forms a speaker is named
 *  by are speaker keys, and the link pass of each indexing run
 *  (indexer/speaker_links.h) gives a short name the fuller one the archive
 *  knows, recording the article's own in DATA_SPEAKER_IN_ARTICLE.
 *  Schema version 5 stores a statement's offsets in its article's body
 *  (DATA_BODY_START, DATA_BODY_END) and where that body starts in its file
 *  (DATA_BODY_OFFSET), instead of its offsets in the file (start, end):
 *  the article view marks each statement where extraction found it, where
 *  it used to search the body for the statement's words and could mark an
 *  earlier occurrence of them.
 *  Schema version 4 makes statements lean as above, and no longer has the
 *  XLOCBASIS:/XDATEBASIS: prefixes.
 *  Schema version 3 adds SLOT_ARTICLE, the lists of speakers, places and
 *  countries in an article's SLOT_SPEAKER, SLOT_LOCATION and SLOT_COUNTRY
 *  (for facets), and spelling data from article titles and bodies (for
 *  "did you mean").
 *
 *  Metadata
 *  --------
 *  METADATA_SCHEMA_VERSION holds SCHEMA_VERSION as decimal text. A database
 *  with another version is refused with a message saying how to rebuild it.
 *  METADATA_INDEX_SEQUENCE, METADATA_SAVED_PREFIX and METADATA_ALERTED_PREFIX
 *  hold saved searches and where their alerts stopped (see "Indexing order").
 *  Metadata keys are added without a version change: a database that lacks
 *  one simply has nothing stored under it.
 *
 *  Indexing order
 *  --------------
 *  Alerts list what was indexed since their last run, by indexing order,
 *  not by date. Document ids cannot tell it: replace_document() keeps the
 *  id of an article indexed again, and a parallel build (and the
 *  compactor) renumbers them. So the writer stamps every document it writes
 *  with the next number of a counter (SLOT_INDEX_SEQUENCE) and keeps the
 *  last one given in METADATA_INDEX_SEQUENCE, committed with the documents.
 *  An article indexed again, changed, gets a new number (and so do its
 *  statements); a speaker link leaves the number alone. Documents written
 *  before this slot existed have none and count as indexed before every
 *  alert, which is why adding it needed no schema version change.
 *
 *  Term length
 *  -----------
 *  Xapian refuses terms over 245 bytes; boolean terms built from user data go
 *  through bounded_term(), which replaces an over-long tail with its hash
 *  (as Omega's hashterm does).
 */
#ifndef SAYWHO_COMMON_SCHEMA_H
#define SAYWHO_COMMON_SCHEMA_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/civil_date.h"

namespace saywho::schema {

/// Bump when terms, values or data change in a way old databases do not have.
inline constexpr int SCHEMA_VERSION = 8;

/// Metadata key holding SCHEMA_VERSION (decimal).
inline constexpr char METADATA_SCHEMA_VERSION[] = "saywho:schema-version";
/// Metadata key holding the space-separated features this database was built with.
inline constexpr char METADATA_FEATURES[] = "saywho:features";
/// Metadata key holding the last indexing sequence number given to a
/// document (decimal; see "Indexing order"); absent before the first.
inline constexpr char METADATA_INDEX_SEQUENCE[] = "saywho:index-sequence";
/// Metadata key present ("1") from the first commit of an indexing run that
/// updates a database in place until its speaker link pass is committed:
/// when a run was killed in between, the next one links every speaker, not
/// only those its own statements touch.
inline constexpr char METADATA_LINKS_PENDING[] = "saywho:links-pending";
/// Prefix of the metadata key of a saved search: + its name; the value is
/// the query as the user typed it.
inline constexpr char METADATA_SAVED_PREFIX[] = "saywho:saved:";
/// Prefix of the metadata key where a saved search's alerts stopped: + its
/// name; the value is the last indexing sequence number they covered
/// (decimal).
inline constexpr char METADATA_ALERTED_PREFIX[] = "saywho:alerted:";
/// The document types this schema version defines. A database filled with
/// `saywho-index --no-statements` records them too: it simply has no
/// statement documents yet.
inline constexpr char FEATURES[] = "articles statements";

// --- Term prefixes ----------------------------------------------------------
// Omega's letters where Omega has one (xapian-omega/docs/termprefixes.rst);
// X... prefixes are ours, with ':' after them because values may start with
// any character.

/// A statement's words and its speaker's name: Z + stem of every word,
/// capitalised or not, with positions (Omega's Z, stemmed forms; articles get
/// Z terms only for lower-case words, without positions, beside the
/// unprefixed words).
inline constexpr char PREFIX_STATEMENT_WORD[] = "Z";

/// Unique id of the document: Q + article id (Omega's Q).
inline constexpr char PREFIX_ID[] = "Q";
/// Title words, free text (Omega's S).
inline constexpr char PREFIX_TITLE[] = "S";
/// Day of the article, D + YYYYMMDD (Omega's D).
inline constexpr char PREFIX_DAY[] = "D";
/// Month of the article, M + YYYYMM (Omega's M).
inline constexpr char PREFIX_MONTH[] = "M";
/// Year of the article, Y + YYYY (Omega's Y).
inline constexpr char PREFIX_YEAR[] = "Y";
/// Source or publisher, G + fold_key(source) (Omega's G, "newsgroup or similar").
inline constexpr char PREFIX_SOURCE[] = "G";
/// Document type: XTYPE:article or XTYPE:statement.
inline constexpr char PREFIX_TYPE[] = "XTYPE:";
/// Statement: speaker keys (see "Keys" above): XSPEAKER:volodymyr zelenskyy, XSPEAKER:zelenskyy.
inline constexpr char PREFIX_SPEAKER[] = "XSPEAKER:";
/// Statement: fold_key() of the speaker's title ("foreign minister").
inline constexpr char PREFIX_ROLE[] = "XROLE:";
/// Statement: fold_key() of the canonical place where it was said ("kyiv").
inline constexpr char PREFIX_LOCATION[] = "XLOC:";
/// Statement: lowercase ISO code of its location's country; article: of each place it names ("ua").
inline constexpr char PREFIX_COUNTRY[] = "XCOUNTRY:";
/// Statement: how much of it is quoted: direct, mixed or none.
inline constexpr char PREFIX_QUOTE[] = "XQUOTE:";
/// Statement: fold_key() of its speaker's name as the article gives it,
/// when that is short enough to be someone else's too: one word for a
/// person ("reagan"), an acronym for an organisation ("usda"). The
/// speaker links (indexer/speaker_links.h) give these a fuller name.
inline constexpr char PREFIX_SHORT_SPEAKER[] = "XSHORT:";
/// Statement: the kind of its speaker: person, organization, anonymous or unresolved.
inline constexpr char PREFIX_SPEAKER_KIND[] = "XKIND:";
/// Statement: the id of its article, so all of them can be deleted at once.
inline constexpr char PREFIX_ARTICLE[] = "XARTICLE:";
/// Statement: its cluster key, as SLOT_CLUSTER (see "Statement clusters").
inline constexpr char PREFIX_CLUSTER[] = "XCLUSTER:";
/// Article: keys of each person it names (as XSPEAKER:).
inline constexpr char PREFIX_PERSON[] = "XPERSON:";
/// Article: fold_key() of each place it names (canonical name: "kyiv").
inline constexpr char PREFIX_PLACE[] = "XPLACE:";

/// How a field is searched.
enum class FieldKind {
    FREE_TEXT,  ///< words, stemmed, positional: QueryParser::add_prefix
    BOOLEAN,    ///< exact filter terms: QueryParser::add_boolean_prefix
    DATE,       ///< date: handled by the date range and field processors
    PLACE,      ///< a place name resolved through the gazetteer (alternate names, country -> its places)
    COUNTRY,    ///< an ISO code or a country name, resolved to the ISO code
};

/// One entry of the table that drives both indexing and query parsing.
struct FieldSpec {
    const char* query_name;  ///< what the user types before ':' ("title")
    const char* prefix;      ///< the term prefix
    FieldKind kind;
    bool folded;  ///< boolean values go through fold_key()
    /// Space-separated list of the only values accepted (a plural of one is
    /// accepted too: type:articles); nullptr when any value is.
    const char* values;
    const char* example;  ///< a typical use, first on its --help line ("title:drought")
    /// What it finds, for --help (generated from this table); a '\n' starts
    /// another line of it.
    const char* help;
};

/// Every field a user can name in a query. Nothing else may spell a prefix.
/// The prefixes not listed here (XARTICLE:, XPERSON:, XPLACE:) are not
/// exposed to users yet.
inline constexpr std::array<FieldSpec, 12> QUERY_FIELDS = {{
    {"title", PREFIX_TITLE, FieldKind::FREE_TEXT, false, nullptr, "title:drought", "a word in the title"},
    {"id", PREFIX_ID, FieldKind::BOOLEAN, false, nullptr, "id:ID", "one article by its id (id:2025-03-19-helsinki)"},
    {"type", PREFIX_TYPE, FieldKind::BOOLEAN, true, "article statement", "type:statement",
     "statements only; type:article articles only"},
    {"source", PREFIX_SOURCE, FieldKind::BOOLEAN, true, nullptr, "source:NAME",
     "articles (and their statements) from a JSON Lines source (source:ap)"},
    {"date", PREFIX_DAY, FieldKind::DATE, false, nullptr, "date:2025-03",
     "a day, month or year (date:2025-03-19, date:2025)\n"
     "or a range: date:2025-03-01..2025-03-31; open ends: date:2025-03-01.. date:..2025-03-31"},
    {"speaker", PREFIX_SPEAKER, FieldKind::BOOLEAN, true, nullptr, "speaker:Kettunen",
     "statements by a person (surname or \"full name\"; any case or accents)"},
    {"role", PREFIX_ROLE, FieldKind::BOOLEAN, true, nullptr, "role:\"foreign minister\"",
     "statements by a speaker with this title (role:president)"},
    {"kind", PREFIX_SPEAKER_KIND, FieldKind::BOOLEAN, true, "person organization anonymous unresolved",
     "kind:anonymous",
     "statements by unnamed sources (\"analysts\", \"a Xerox spokesman\");\n"
     "kind:person, kind:organization named ones; kind:unresolved \"he\" or \"it\" with no name"},
    {"location", PREFIX_LOCATION, FieldKind::PLACE, true, nullptr, "location:Kyiv",
     "statements made in a place (location:Kiev too); a country includes its places"},
    {"country", PREFIX_COUNTRY, FieldKind::COUNTRY, true, nullptr, "country:FI",
     "statements made in a country (ISO code or name); also articles naming places in it"},
    {"quote", PREFIX_QUOTE, FieldKind::BOOLEAN, true, "direct mixed none", "quote:direct",
     "quoted in full; quote:mixed in part; quote:none reported speech"},
    {"cluster", PREFIX_CLUSTER, FieldKind::BOOLEAN, true, nullptr, "cluster:ID",
     "every copy of a statement in other articles (the ID a result's \"also in\" line gives)"},
}};

// --- Value slots: persisted, never renumber ---------------------------------
enum ValueSlot : Xapian::valueno {
    /// Date as 8 ASCII digits YYYYMMDD (an article's date, a statement's
    /// day): sorts as text, and the date range processor compares it as text.
    SLOT_DATE = 0,
    /// Articles only: fnv1a64 of the article's id, date, title, body, url,
    /// source and path (and whether statements were extracted), as 16 hex
    /// digits: re-indexing skips an article whose hash is unchanged.
    SLOT_CONTENT_HASH = 1,
    /// Statements only: the speaker's display name as extracted, UTF-8
    /// ("Volodymyr Zelenskyy"), for a named speaker (a person or an
    /// organisation, is_named_speaker()); absent otherwise. For facets.
    SLOT_SPEAKER = 2,
    /// Statements only: the canonical display name of the place, UTF-8
    /// ("Kyiv"); absent when unknown. For facets.
    SLOT_LOCATION = 3,
    /// Statements only: the ISO code of the location's country, uppercase
    /// ASCII ("UA"); absent when unknown. For facets.
    SLOT_COUNTRY = 4,
    /// The article id: an article's own, a statement's article. The collapse
    /// key of --per-article.
    SLOT_ARTICLE = 5,
    /// Statements only: the record, a JSON object with the DATA_ members
    /// below, kept here rather than as document data (see "Why statements
    /// are lean"). Read and written by common/record_codec.h.
    SLOT_STATEMENT_RECORD = 6,
    /// Statements only: the kind of a speaker that is one: "person",
    /// "organization" or "anonymous"; absent for none and for "unresolved"
    /// ("he" with no name), which is no speaker. The source-kind facet.
    SLOT_SPEAKER_KIND = 7,
    /// The sort key of newest first (see "Order" above), compared as bytes:
    /// the 8 digits of SLOT_DATE each subtracted from 9 (so a later day
    /// sorts first), the article id (SLOT_ARTICLE), a 0 byte, and for a
    /// statement Xapian::sortable_serialise() of its 0-based position in
    /// its article; an article stops at the 0 byte, so it sorts before its
    /// statements. Built by newest_first_key().
    SLOT_NEWEST_FIRST = 8,
    /// The sort key of oldest first: as SLOT_NEWEST_FIRST but with the
    /// digits of SLOT_DATE as they are. Built by oldest_first_key().
    SLOT_OLDEST_FIRST = 9,
    /// When the document was written, as a number in indexing order (see
    /// "Indexing order" above): Xapian::sortable_serialise() of an integer
    /// from 1, so Query::OP_VALUE_GE selects what came after a mark.
    /// Absent in documents written before it existed. Built by
    /// index_sequence_value().
    SLOT_INDEX_SEQUENCE = 10,
    /// Statements only: the key of its cluster, 16 hex digits (see
    /// "Statement clusters"): the collapse key of results.
    SLOT_CLUSTER = 11,
    /// Statements only, when it has words enough: its text key and MinHash
    /// signature, as statement_signature() encodes them; read by the
    /// cluster pass only.
    SLOT_SIGNATURE = 12,
};

/// The SLOT_INDEX_SEQUENCE value of sequence number @p n.
std::string index_sequence_value(std::uint64_t n);
/// The last indexing sequence number given in @p db: the larger of
/// METADATA_INDEX_SEQUENCE and the highest SLOT_INDEX_SEQUENCE value, so
/// that numbers keep growing after a parallel build, whose shards count
/// each from 1; 0 when none was given.
std::uint64_t last_index_sequence(const Xapian::Database& db);

/// The SLOT_NEWEST_FIRST value of a document dated @p date (its SLOT_DATE)
/// from the article @p article_id: the article itself when @p position is
/// empty, else its statement at that 0-based position. An id holding a 0
/// byte may sort out of place among ids it is a prefix of, but in the same
/// place in every database.
std::string newest_first_key(const CivilDate& date, std::string_view article_id, std::optional<std::size_t> position);
/// The SLOT_OLDEST_FIRST value, as newest_first_key().
std::string oldest_first_key(const CivilDate& date, std::string_view article_id, std::optional<std::size_t> position);

/// Separates the values of a multi-valued slot. Articles hold lists in
/// SLOT_SPEAKER (the speakers of its statements), SLOT_LOCATION (the places
/// it names) and SLOT_COUNTRY (their countries), each value once, so facets
/// count an article once under each. The unit separator never occurs in
/// names.
inline constexpr char LIST_SEPARATOR = '\x1f';

// --- Document types ---------------------------------------------------------
inline constexpr char TYPE_ARTICLE[] = "article";
inline constexpr char TYPE_STATEMENT[] = "statement";

// --- Document records: a JSON object with these members ---------------------
// An article's record is its document data; a statement's is in
// SLOT_STATEMENT_RECORD. common/record_codec.h encodes and decodes both.
// Both types:
inline constexpr char DATA_TYPE[] = "type";    ///< "article" or "statement"
inline constexpr char DATA_ID[] = "id";        ///< article id; statement: "<article id>#<n>"
inline constexpr char DATA_DATE[] = "date";    ///< "YYYY-MM-DD": the article's date; the day a statement was said
inline constexpr char DATA_TITLE[] = "title";  ///< the article's title
inline constexpr char DATA_PATH[] = "path";    ///< absolute path of the input file ("<stdin>" for stdin)
inline constexpr char DATA_LINE[] = "line";    ///< JSON Lines: 1-based line in path; text files: absent
// Articles only:
inline constexpr char DATA_BODY[] = "body";      ///< full body text, for snippets
inline constexpr char DATA_SOURCE[] = "source";  ///< JSON Lines "source", may be absent
inline constexpr char DATA_URL[] = "url";        ///< JSON Lines "url", may be absent
// Statements only (the meaning of each is that of the Statement member of the
// same name, common/statement.h; strings are "" when extraction found nothing):
inline constexpr char DATA_ARTICLE[] = "article";            ///< the article's id
inline constexpr char DATA_ARTICLE_DATE[] = "article_date";  ///< "YYYY-MM-DD"
inline constexpr char DATA_SPEAKER[] = "speaker";
inline constexpr char DATA_ROLE[] = "role";
inline constexpr char DATA_SPEAKER_KIND[] = "speaker_kind";
inline constexpr char DATA_SPEAKER_MENTION[] = "speaker_mention";  ///< the words at the cue
/// The speaker as the article names them, when speaker is a fuller name the
/// archive knows (Statement::speaker_in_article); absent otherwise.
inline constexpr char DATA_SPEAKER_IN_ARTICLE[] = "speaker_in_article";
inline constexpr char DATA_TEXT[] = "text";  ///< the statement's words, for snippets
/// Number: byte offset of the text in the article's body (DATA_BODY of its
/// article), so the article view marks it without searching the body.
inline constexpr char DATA_BODY_START[] = "body_start";
inline constexpr char DATA_BODY_END[] = "body_end";  ///< number: one past its last byte in the body
/// Number: byte offset of the article's body in its file (0 for JSON Lines):
/// body_offset + body_start is the statement's offset in the file, which
/// results show (Statement::start).
inline constexpr char DATA_BODY_OFFSET[] = "body_offset";
inline constexpr char DATA_DIRECT[] = "direct";  ///< true or false
inline constexpr char DATA_QUOTE[] = "quote";
inline constexpr char DATA_CUE[] = "cue";
inline constexpr char DATA_LOCATION[] = "location";
inline constexpr char DATA_COUNTRY[] = "country";  ///< uppercase ISO code
inline constexpr char DATA_LOCATION_BASIS[] = "location_basis";
inline constexpr char DATA_DATE_BASIS[] = "date_basis";

/// Gap of term positions left between fields (title and body; a
/// statement's words and its speaker) so phrases never span them (Omega uses 100).
inline constexpr Xapian::termpos FIELD_POSITION_GAP = 100;

/// Longest term we create; Xapian's hard limit is 245 bytes.
inline constexpr std::size_t MAX_SAFE_TERM_LENGTH = 240;

/// @p prefix + @p value, with an over-long value cut and suffixed with the
/// hash of the whole value so distinct values stay distinct.
std::string bounded_term(std::string_view prefix, std::string_view value);

/// The unique id term of an article (statements have none).
std::string article_id_term(std::string_view article_id);

std::string day_term(const CivilDate& date);    ///< "D20250319"
std::string month_term(const CivilDate& date);  ///< "M202503"
std::string year_term(const CivilDate& date);   ///< "Y2025"
std::string type_term(std::string_view type);   ///< "XTYPE:article"
std::string source_term(std::string_view source);

/// "XARTICLE:<article id>": every statement of that article carries it.
std::string statement_article_term(std::string_view article_id);

/// "XCLUSTER:" + @p key.
std::string cluster_term(std::string_view key);

/// The keys of a person's name: the folded full name and each shorter tail
/// of it down to the last word ("mariana costa ribeiro", "costa ribeiro",
/// "ribeiro"); empty for a blank name.
std::vector<std::string> person_keys(std::string_view name);
/// @p prefix + each of person_keys(@p name) (PREFIX_SPEAKER or PREFIX_PERSON).
std::vector<std::string> person_terms(std::string_view prefix, std::string_view name);

/// @p prefix + fold_key(@p value), bounded: for XROLE:, XLOC:, XPLACE:,
/// XQUOTE:, XSPEAKER: and other folded boolean fields.
std::string folded_term(std::string_view prefix, std::string_view value);
/// "XCOUNTRY:" + the lowercase ISO code ("UA" -> "XCOUNTRY:ua").
std::string country_term(std::string_view iso_code);

/// Finds a query field by name; nullptr when there is none.
const FieldSpec* find_query_field(std::string_view name);

}  // namespace saywho::schema

#endif  // SAYWHO_COMMON_SCHEMA_H
