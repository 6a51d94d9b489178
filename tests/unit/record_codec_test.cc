/** @file record_codec_test.cc  @brief Unit tests of the record codec: round trips of both record kinds, and every way a record can be malformed. */
#include "common/record_codec.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <xapian.h>

#include "common/errors.h"
#include "common/schema.h"

namespace saywho {
namespace {

ArticleRecord jsonl_article() {
    ArticleRecord r;
    r.id = "2025-03-19-helsinki";
    r.date = *CivilDate::make(2025, 3, 19);
    r.title = "Leaders meet in Helsinki";
    r.path = "/archive/news.jsonl";
    r.line = 7;
    r.source = "AP";
    r.url = "https://example.org/helsinki";
    r.body = "Zelenskyý told reporters \"there were attacks\".\n\nMore follows.";
    return r;
}

StatementRecord drone_statement() {
    StatementRecord r;
    r.article_id = "2025-03-19-helsinki";
    r.index = 12;
    r.article_date = *CivilDate::make(2025, 3, 19);
    r.title = "Leaders meet in Helsinki";
    r.path = "/archive/2025-03-19-helsinki.txt";
    r.body_offset = 25;
    Statement& st = r.statement;
    st.speaker = "Volodymyr Zelenskyý";
    st.role = "President";
    st.speaker_kind = "person";
    st.speaker_mention = "Zelenskyý";
    st.text = "there were attacks from 150 drones overnight";
    st.start = 40;
    st.end = 84;
    st.direct = true;
    st.quote = "direct";
    st.cue = "told";
    st.location = "Kyiv";
    st.country = "UA";
    st.location_basis = "explicit";
    st.date = *CivilDate::make(2025, 3, 18);
    st.date_basis = "text";
    return r;
}

void expect_same(const ArticleRecord& a, const ArticleRecord& b) {
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.date, b.date);
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.path, b.path);
    EXPECT_EQ(a.line, b.line);
    EXPECT_EQ(a.source, b.source);
    EXPECT_EQ(a.url, b.url);
    EXPECT_EQ(a.body, b.body);
}

void expect_same(const StatementRecord& a, const StatementRecord& b) {
    EXPECT_EQ(a.article_id, b.article_id);
    EXPECT_EQ(a.index, b.index);
    EXPECT_EQ(a.article_date, b.article_date);
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.path, b.path);
    EXPECT_EQ(a.line, b.line);
    EXPECT_EQ(a.body_offset, b.body_offset);
    const Statement &x = a.statement, &y = b.statement;
    EXPECT_EQ(x.speaker, y.speaker);
    EXPECT_EQ(x.role, y.role);
    EXPECT_EQ(x.speaker_kind, y.speaker_kind);
    EXPECT_EQ(x.speaker_mention, y.speaker_mention);
    EXPECT_EQ(x.text, y.text);
    EXPECT_EQ(x.start, y.start);
    EXPECT_EQ(x.end, y.end);
    EXPECT_EQ(x.direct, y.direct);
    EXPECT_EQ(x.quote, y.quote);
    EXPECT_EQ(x.cue, y.cue);
    EXPECT_EQ(x.location, y.location);
    EXPECT_EQ(x.country, y.country);
    EXPECT_EQ(x.location_basis, y.location_basis);
    EXPECT_EQ(x.date, y.date);
    EXPECT_EQ(x.date_basis, y.date_basis);
}

/// @p raw (a JSON object) with member @p name removed, or set to @p value
/// (JSON text) when @p value is not null.
std::string edited(const std::string& raw, const char* name, const char* value) {
    rapidjson::Document data;
    data.Parse(raw.c_str(), raw.size());
    data.RemoveMember(name);
    if (value) {
        rapidjson::Document replacement(&data.GetAllocator());
        replacement.Parse(value);
        data.AddMember(rapidjson::Value(name, data.GetAllocator()), rapidjson::Value(replacement, data.GetAllocator()),
                       data.GetAllocator());
    }
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    data.Accept(w);
    return buffer.GetString();
}

/// Runs @p decode on @p raw and returns the RecordError it must throw.
template <typename Decode>
RecordError decode_error(Decode decode, const std::string& raw) {
    try {
        decode(raw, 42);
    } catch (const RecordError& e) {
        return e;
    }
    ADD_FAILURE() << "decoded without complaint: " << raw;
    return RecordError("", "", "");
}

ArticleRecord decode_article(const std::string& raw, Xapian::docid docid) { return decode_article_record(raw, docid); }
StatementRecord decode_statement(const std::string& raw, Xapian::docid docid) {
    return decode_statement_record(raw, docid);
}

TEST(RecordCodec, AnArticleRoundTrips) {
    const ArticleRecord r = jsonl_article();
    expect_same(decode_article_record(encode_article_record(r)), r);
}

TEST(RecordCodec, AnArticleOfATextFileStoresNoLineSourceOrUrl) {
    ArticleRecord r = jsonl_article();
    r.line = 0;
    r.source.clear();
    r.url.clear();
    const std::string raw = encode_article_record(r);
    for (const char* absent : {schema::DATA_LINE, schema::DATA_SOURCE, schema::DATA_URL})
        EXPECT_EQ(raw.find(std::string("\"") + absent + "\""), std::string::npos) << absent << " in " << raw;
    expect_same(decode_article_record(raw), r);
}

TEST(RecordCodec, AStatementRoundTrips) {
    const StatementRecord r = drone_statement();
    expect_same(decode_statement_record(encode_statement_record(r)), r);
    StatementRecord empty = r;  // what extraction did not find is stored as ""
    empty.statement.speaker.clear();
    empty.statement.location.clear();
    empty.statement.country.clear();
    empty.statement.location_basis.clear();
    empty.statement.direct = false;
    empty.line = 3;
    expect_same(decode_statement_record(encode_statement_record(empty)), empty);
}

TEST(RecordCodec, AStatementStoresItsOffsetsInTheBodyAndWhereTheBodyStarts) {
    const StatementRecord r = drone_statement();  // file offsets 40..84, body from 25
    EXPECT_EQ(r.body_start(), 15u);
    EXPECT_EQ(r.body_end(), 59u);
    rapidjson::Document data;
    const std::string raw = encode_statement_record(r);
    data.Parse(raw.c_str(), raw.size());
    EXPECT_EQ(data[schema::DATA_BODY_START].GetUint64(), 15u) << raw;
    EXPECT_EQ(data[schema::DATA_BODY_END].GetUint64(), 59u) << raw;
    EXPECT_EQ(data[schema::DATA_BODY_OFFSET].GetUint64(), 25u) << raw;
    EXPECT_FALSE(data.HasMember("start")) << "schema 5 stores no file offsets: " << raw;
    EXPECT_FALSE(data.HasMember("end")) << raw;
}

TEST(RecordCodec, OffsetsOutsideTheBodyAreNotEncoded) {
    StatementRecord r = drone_statement();
    r.statement.start = 20;  // before the body, which starts at 25
    EXPECT_THROW(encode_statement_record(r), Error);
    r = drone_statement();
    r.statement.end = 39;
    EXPECT_THROW(encode_statement_record(r), Error);
}

TEST(RecordCodec, MakeRecordsTakeEveryMemberOfTheArticleAndStatement) {
    Article article;
    article.id = "a";
    article.date = *CivilDate::make(2025, 1, 2);
    article.title = "T";
    article.body = "B";
    article.url = "U";
    article.source = "S";
    article.path = "/p";
    article.line = 4;
    article.body_offset = 19;
    ArticleRecord a = make_article_record(article);
    EXPECT_EQ(a.id, "a");
    EXPECT_EQ(a.date, article.date);
    EXPECT_EQ(a.body, "B");
    EXPECT_EQ(a.url, "U");
    EXPECT_EQ(a.source, "S");
    EXPECT_EQ(a.line, 4u);
    const Statement st = drone_statement().statement;
    StatementRecord s = make_statement_record(article, st, 5);
    EXPECT_EQ(s.id(), "a#5");
    EXPECT_EQ(s.article_date, article.date);
    EXPECT_EQ(s.title, "T");
    EXPECT_EQ(s.path, "/p");
    EXPECT_EQ(s.line, 4u);
    EXPECT_EQ(s.body_offset, 19u);
    EXPECT_EQ(s.statement.text, st.text);
}

TEST(RecordCodec, DocumentsCarryTheirRecordWhereTheSchemaSays) {
    Xapian::Document article;
    store_article_record(article, jsonl_article());
    EXPECT_EQ(article.get_data(), encode_article_record(jsonl_article()));
    EXPECT_EQ(article.get_value(schema::SLOT_STATEMENT_RECORD), "");
    expect_same(read_article_record(article), jsonl_article());
    expect_same(std::get<ArticleRecord>(read_document_record(article)), jsonl_article());

    Xapian::Document statement;
    store_statement_record(statement, drone_statement());
    EXPECT_EQ(statement.get_data(), "");
    EXPECT_EQ(statement.get_value(schema::SLOT_STATEMENT_RECORD), encode_statement_record(drone_statement()));
    expect_same(read_statement_record(statement), drone_statement());
    expect_same(std::get<StatementRecord>(read_document_record(statement)), drone_statement());

    EXPECT_THROW(read_document_record(Xapian::Document()), RecordError);
    EXPECT_THROW(read_article_record(statement), RecordError);
    EXPECT_THROW(read_statement_record(article), RecordError);
}

TEST(RecordCodec, ARecordThatIsNotAJsonObjectIsRefused) {
    for (const std::string raw : {"", "not json", "[1,2]", "\"text\"", "{\"type\":\"article\""}) {
        RecordError e = decode_error(decode_article, raw);
        EXPECT_EQ(e.document(), "document 42") << raw;
        EXPECT_EQ(e.member(), "") << raw;
        EXPECT_NE(std::string(e.what()).find("not a JSON object"), std::string::npos) << e.what();
        decode_error(decode_statement, raw);
    }
}

TEST(RecordCodec, ARecordOfTheOtherTypeIsRefused) {
    RecordError e = decode_error(decode_statement, encode_article_record(jsonl_article()));
    EXPECT_EQ(e.member(), schema::DATA_TYPE);
    e = decode_error(decode_article, encode_statement_record(drone_statement()));
    EXPECT_EQ(e.member(), schema::DATA_TYPE);
}

/// One malformed member: its name and the JSON text it is replaced with
/// (nullptr: removed).
struct Malformed {
    const char* member;
    const char* value;
};

TEST(RecordCodec, EachMissingOrMistypedArticleMemberIsNamed) {
    const std::string good = encode_article_record(jsonl_article());
    const std::vector<Malformed> cases = {
        {schema::DATA_TYPE, nullptr},
        {schema::DATA_TYPE, "7"},
        {schema::DATA_ID, nullptr},
        {schema::DATA_ID, "[]"},
        {schema::DATA_DATE, nullptr},
        {schema::DATA_DATE, "20250319"},
        {schema::DATA_DATE, "\"2025-02-30\""},
        {schema::DATA_TITLE, nullptr},
        {schema::DATA_TITLE, "null"},
        {schema::DATA_PATH, nullptr},
        {schema::DATA_PATH, "false"},
        {schema::DATA_LINE, "\"7\""},
        {schema::DATA_LINE, "-1"},
        {schema::DATA_LINE, "1.5"},
        {schema::DATA_SOURCE, "1"},
        {schema::DATA_URL, "{}"},
        {schema::DATA_BODY, nullptr},
        {schema::DATA_BODY, "3"},
    };
    for (const auto& c : cases) {
        const std::string raw = edited(good, c.member, c.value);
        RecordError e = decode_error(decode_article, raw);
        EXPECT_EQ(e.member(), c.member) << raw;
        const std::string what = e.what();
        EXPECT_NE(what.find("document 42"), std::string::npos) << what;
        EXPECT_NE(what.find(std::string("'") + c.member + "'"), std::string::npos) << what;
        if (std::string(c.member) != schema::DATA_ID) {
            EXPECT_NE(what.find("'2025-03-19-helsinki'"), std::string::npos) << "names the record's id: " << what;
        }
    }
}

TEST(RecordCodec, EachMissingOrMistypedStatementMemberIsNamed) {
    const std::string good = encode_statement_record(drone_statement());
    std::vector<Malformed> cases;
    for (const char* text :
         {schema::DATA_TYPE, schema::DATA_ID, schema::DATA_ARTICLE, schema::DATA_TITLE, schema::DATA_ARTICLE_DATE,
          schema::DATA_PATH, schema::DATA_SPEAKER, schema::DATA_ROLE, schema::DATA_SPEAKER_KIND, schema::DATA_TEXT,
          schema::DATA_QUOTE, schema::DATA_CUE, schema::DATA_LOCATION, schema::DATA_COUNTRY,
          schema::DATA_LOCATION_BASIS, schema::DATA_DATE, schema::DATA_DATE_BASIS}) {
        cases.push_back({text, nullptr});
        cases.push_back({text, "12"});
    }
    for (const char* number : {schema::DATA_BODY_START, schema::DATA_BODY_END, schema::DATA_BODY_OFFSET}) {
        cases.push_back({number, nullptr});
        cases.push_back({number, "\"40\""});
        cases.push_back({number, "-3"});
    }
    cases.push_back({schema::DATA_LINE, "true"});
    cases.push_back({schema::DATA_DIRECT, nullptr});
    cases.push_back({schema::DATA_DIRECT, "\"true\""});
    cases.push_back({schema::DATA_DIRECT, "1"});
    cases.push_back({schema::DATA_DATE, "\"2025-3-18\""});
    cases.push_back({schema::DATA_ARTICLE_DATE, "\"yesterday\""});
    // The id must be the article's id, '#' and its index.
    cases.push_back({schema::DATA_ID, "\"2025-03-19-helsinki\""});
    cases.push_back({schema::DATA_ID, "\"2025-03-19-helsinki#\""});
    cases.push_back({schema::DATA_ID, "\"2025-03-19-helsinki#x1\""});
    cases.push_back({schema::DATA_ID, "\"other-article#12\""});
    cases.push_back({schema::DATA_ID, "\"2025-03-19-helsinki#99999999999999999999\""});
    cases.push_back({schema::DATA_BODY_END, "14"});  // before its start (15)
    for (const auto& c : cases) {
        const std::string raw = edited(good, c.member, c.value);
        RecordError e = decode_error(decode_statement, raw);
        EXPECT_EQ(e.member(), c.member) << raw;
        EXPECT_NE(std::string(e.what()).find("document 42"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(std::string("'") + c.member + "'"), std::string::npos) << e.what();
    }
}

TEST(RecordCodec, ARecordErrorIsADatabaseError) {
    try {
        decode_statement_record("{}", 9);
        FAIL() << "an empty object decoded";
    } catch (const DatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find("document 9"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace saywho
