/** @file archive_reader_test.cc  @brief Unit tests of the archive reader: text articles, JSON Lines, input discovery and every bad input. */
#include "common/archive_reader.h"

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "temp_dir.h"

namespace saywho {
namespace {

using test::TempDir;
using test::write_file;

const std::string FFFD = "\xEF\xBF\xBD";

ParseResult parse_text(const std::string& bytes, const ReaderOptions& options = {}) {
    return parse_text_article("in/a.txt", "a", bytes, options);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// The problems of @p result, one per line, for failure messages.
std::string describe(const ParseResult& result) {
    std::string out;
    for (const auto& p : result.problems) out += p.to_string() + (p.skipped ? " [skipped]\n" : " [warning]\n");
    return out;
}

/// Expects @p result to be skipped with exactly one skipping problem, on
/// @p line, whose message contains @p part.
void expect_skipped(const ParseResult& result, std::size_t line, const std::string& part) {
    EXPECT_FALSE(result.article.has_value()) << describe(result);
    auto it =
        std::find_if(result.problems.begin(), result.problems.end(), [](const InputProblem& p) { return p.skipped; });
    ASSERT_NE(it, result.problems.end()) << "no skipping problem:\n" << describe(result);
    EXPECT_EQ(
        std::count_if(result.problems.begin(), result.problems.end(), [](const InputProblem& p) { return p.skipped; }),
        1)
        << describe(result);
    EXPECT_EQ(it->line, line) << describe(result);
    EXPECT_TRUE(contains(it->message, part)) << "expected '" << part << "' in: " << it->message;
}

// --- Text articles ----------------------------------------------------------

TEST(ParseTextArticle, ReadsAGoodArticle) {
    const std::string bytes = "date 2025-03-19 Leaders meet in Helsinki\n\n  The talks began on Monday.\n\nMore.\n\n";
    ParseResult result = parse_text(bytes);
    ASSERT_TRUE(result.article.has_value()) << describe(result);
    EXPECT_TRUE(result.problems.empty()) << describe(result);
    const Article& a = *result.article;
    EXPECT_EQ(a.id, "a");
    EXPECT_EQ(a.path, "in/a.txt");
    EXPECT_EQ(a.date, *CivilDate::make(2025, 3, 19));
    EXPECT_EQ(a.title, "Leaders meet in Helsinki");
    EXPECT_EQ(a.body, "The talks began on Monday.\n\nMore.");
    EXPECT_EQ(a.line, 0u);
    EXPECT_EQ(a.body_offset, bytes.find("The talks"));
    EXPECT_EQ(bytes.compare(a.body_offset, a.body.size(), a.body), 0);
}

TEST(ParseTextArticle, AcceptsLeadingSpacesOnTheDateLine) {
    ParseResult result = parse_text(" date 2025-03-19 Title\n\nBody.\n");
    ASSERT_TRUE(result.article.has_value()) << describe(result);
    EXPECT_EQ(result.article->title, "Title");
    EXPECT_EQ(result.article->date.iso(), "2025-03-19");
}

TEST(ParseTextArticle, AcceptsATabAfterDate) {
    ParseResult result = parse_text("date\t2025-03-19\tTitle\n\nBody.\n");
    ASSERT_TRUE(result.article.has_value()) << describe(result);
    EXPECT_EQ(result.article->title, "Title");
}

TEST(ParseTextArticle, AcceptsAUtf8Bom) {
    ParseResult result = parse_text(
        "\xEF\xBB\xBF"
        "date 2025-03-19 Title\n\nBody.\n");
    ASSERT_TRUE(result.article.has_value()) << describe(result);
    EXPECT_TRUE(result.problems.empty()) << describe(result);
    EXPECT_EQ(result.article->title, "Title");
    EXPECT_EQ(result.article->body, "Body.");
    // Offset in the text as read after the BOM was removed.
    EXPECT_EQ(result.article->body_offset, std::string("date 2025-03-19 Title\n\n").size());
}

TEST(ParseTextArticle, AcceptsCrlfLineEnds) {
    ParseResult result = parse_text("date 2025-03-19 Title\r\n\r\nLine one.\r\nLine two.\r\n");
    ASSERT_TRUE(result.article.has_value()) << describe(result);
    EXPECT_TRUE(result.problems.empty()) << describe(result);
    EXPECT_EQ(result.article->title, "Title");
    EXPECT_EQ(result.article->body, "Line one.\nLine two.");
    EXPECT_FALSE(contains(result.article->body, "\r"));
    EXPECT_FALSE(contains(result.article->title, "\r"));
}

TEST(ParseTextArticle, RepairsInvalidUtf8InTheBodyWithAWarning) {
    ParseResult result = parse_text("date 2025-03-19 Title\n\nfirst line\nbad \xFF byte\n");
    ASSERT_TRUE(result.article.has_value()) << describe(result);
    EXPECT_EQ(result.article->body, "first line\nbad " + FFFD + " byte");
    ASSERT_EQ(result.problems.size(), 1u) << describe(result);
    const InputProblem& p = result.problems[0];
    EXPECT_FALSE(p.skipped);
    EXPECT_EQ(p.line, 4u);
    EXPECT_TRUE(contains(p.message, "invalid UTF-8")) << p.message;
}

TEST(ParseTextArticle, InvalidUtf8LineNumberCountsCrlfLinesOnce) {
    ParseResult result = parse_text("date 2025-03-19 Title\r\n\r\nok\r\nbad \x80\r\n");
    ASSERT_TRUE(result.article.has_value()) << describe(result);
    ASSERT_EQ(result.problems.size(), 1u) << describe(result);
    EXPECT_EQ(result.problems[0].line, 4u);
}

TEST(ParseTextArticle, SkipsAFileWithoutADateLine) {
    expect_skipped(parse_text("Leaders meet in Helsinki\n\nBody.\n"), 1, "missing date line");
}

TEST(ParseTextArticle, SkipsDateWithoutSeparator) {
    expect_skipped(parse_text("date2025-03-19 Title\n\nBody.\n"), 1, "missing date line");
}

TEST(ParseTextArticle, SkipsAnImpossibleDate) {
    ParseResult result = parse_text("date 2025-02-30 Title\n\nBody.\n");
    expect_skipped(result, 1, "2025-02-30");
    EXPECT_TRUE(contains(result.problems.back().message, "28 days")) << describe(result);
}

TEST(ParseTextArticle, SkipsAMalformedDate) {
    expect_skipped(parse_text("date 2025-3-1 Title\n\nBody.\n"), 1, "2025-3-1");
}

TEST(ParseTextArticle, SkipsADateLineWithNoDate) {
    expect_skipped(parse_text("date Helsinki talks\n\nBody.\n"), 1, "bad date 'Helsinki'");
}

TEST(ParseTextArticle, WarnsWhenTheTitleIsMissing) {
    ParseResult result = parse_text("date 2025-03-19\n\nBody.\n");
    ASSERT_TRUE(result.article.has_value()) << describe(result);
    EXPECT_EQ(result.article->title, "");
    ASSERT_EQ(result.problems.size(), 1u) << describe(result);
    EXPECT_FALSE(result.problems[0].skipped);
    EXPECT_EQ(result.problems[0].line, 1u);
}

TEST(ParseTextArticle, SkipsOnlyADateLine) {
    expect_skipped(parse_text("date 2025-03-19 Title"), 0, "empty body");
    expect_skipped(parse_text("date 2025-03-19 Title\n"), 0, "empty body");
}

TEST(ParseTextArticle, SkipsADateLineFollowedByBlankLines) {
    expect_skipped(parse_text("date 2025-03-19 Title\n\n   \n\t\n\n"), 0, "empty body");
}

TEST(ParseTextArticle, SkipsAnEmptyFile) {
    ParseResult result = parse_text("");
    EXPECT_FALSE(result.article.has_value());
    ASSERT_EQ(result.problems.size(), 1u);
    EXPECT_TRUE(result.problems[0].skipped);
    EXPECT_TRUE(contains(result.problems[0].message, "empty")) << result.problems[0].message;
}

TEST(ParseTextArticle, SkipsBinaryBytes) {
    expect_skipped(parse_text(std::string("date 2025-03-19 Title\n\nBody\0\x01\x02 more\n", 36)), 0, "binary");
}

TEST(ParseTextArticle, SkipsAnArticleOverTheSizeLimit) {
    ReaderOptions options;
    options.max_article_bytes = 20;
    ParseResult result = parse_text("date 2025-03-19 Title\n\nA body over twenty bytes.\n", options);
    expect_skipped(result, 0, "limit");
}

TEST(ParseTextArticle, AcceptsAnArticleExactlyAtTheSizeLimit) {
    const std::string bytes = "date 2025-03-19 T\n\nBody.\n";
    ReaderOptions options;
    options.max_article_bytes = bytes.size();
    EXPECT_TRUE(parse_text(bytes, options).article.has_value());
}

TEST(ParseTextArticle, WarnsWhenTheBlankSecondLineIsMissing) {
    ParseResult result = parse_text("date 2025-03-19 Title\nBody starts at once.\nSecond line.\n");
    ASSERT_TRUE(result.article.has_value()) << describe(result);
    EXPECT_EQ(result.article->body, "Body starts at once.\nSecond line.");
    EXPECT_EQ(result.article->body_offset, std::string("date 2025-03-19 Title\n").size());
    ASSERT_EQ(result.problems.size(), 1u) << describe(result);
    EXPECT_FALSE(result.problems[0].skipped);
    EXPECT_EQ(result.problems[0].line, 2u);
}

TEST(InputProblem, ToStringWithAndWithoutALine) {
    InputProblem with_line{"archive/a.txt", 3, "bad date", true};
    EXPECT_EQ(with_line.to_string(), "archive/a.txt:3: bad date");
    InputProblem whole_file{"archive/a.txt", 0, "empty file", true};
    EXPECT_EQ(whole_file.to_string(), "archive/a.txt: empty file");
}

// --- JSON Lines -------------------------------------------------------------

TEST(ParseJsonlLine, ReadsAValidLineWithAllFields) {
    ParseResult result = parse_jsonl_line(
        "news.jsonl", 7,
        R"({"id":"ap-1","date":"2025-03-19","title":" Talks ","body":"Body\r\ntext. ","url":"https://x.example/1","source":"AP"})");
    ASSERT_TRUE(result.article.has_value()) << describe(result);
    EXPECT_TRUE(result.problems.empty()) << describe(result);
    const Article& a = *result.article;
    EXPECT_EQ(a.id, "ap-1");
    EXPECT_EQ(a.date.iso(), "2025-03-19");
    EXPECT_EQ(a.title, "Talks");
    EXPECT_EQ(a.body, "Body\ntext.");
    EXPECT_EQ(a.url, "https://x.example/1");
    EXPECT_EQ(a.source, "AP");
    EXPECT_EQ(a.path, "news.jsonl");
    EXPECT_EQ(a.line, 7u);
}

TEST(ParseJsonlLine, AcceptsANumericId) {
    ParseResult result = parse_jsonl_line("n.jsonl", 1, R"({"id":42,"date":"2025-03-19","body":"b"})");
    ASSERT_TRUE(result.article.has_value()) << describe(result);
    EXPECT_EQ(result.article->id, "42");
    EXPECT_EQ(result.article->title, "");
}

TEST(ParseJsonlLine, SkipsInvalidJsonWithTheLineNumber) {
    ParseResult result = parse_jsonl_line("n.jsonl", 12, R"({"id":"a","date":)");
    expect_skipped(result, 12, "invalid JSON");
    EXPECT_EQ(result.problems.back().path, "n.jsonl");
}

TEST(ParseJsonlLine, SkipsTrailingGarbageAfterTheObject) {
    expect_skipped(parse_jsonl_line("n.jsonl", 2, R"({"id":"a","date":"2025-03-19","body":"b"} x)"), 2, "invalid JSON");
}

TEST(ParseJsonlLine, SkipsAValueThatIsNotAnObject) {
    expect_skipped(parse_jsonl_line("n.jsonl", 3, R"(["a","2025-03-19","b"])"), 3, "object");
    expect_skipped(parse_jsonl_line("n.jsonl", 3, R"("just a string")"), 3, "object");
}

TEST(ParseJsonlLine, SkipsAMissingRequiredField) {
    expect_skipped(parse_jsonl_line("n.jsonl", 1, R"({"date":"2025-03-19","body":"b"})"), 1, "\"id\"");
    expect_skipped(parse_jsonl_line("n.jsonl", 1, R"({"id":"a","body":"b"})"), 1, "\"date\"");
    expect_skipped(parse_jsonl_line("n.jsonl", 1, R"({"id":"a","date":"2025-03-19","title":"t"})"), 1, "\"body\"");
    expect_skipped(parse_jsonl_line("n.jsonl", 1, R"({"id":null,"date":"2025-03-19","body":"b"})"), 1, "\"id\"");
}

TEST(ParseJsonlLine, SkipsAnEmptyId) {
    expect_skipped(parse_jsonl_line("n.jsonl", 1, R"({"id":"  ","date":"2025-03-19","body":"b"})"), 1, "id");
}

TEST(ParseJsonlLine, SkipsATitleThatIsNotAString) {
    expect_skipped(parse_jsonl_line("n.jsonl", 4, R"({"id":"a","date":"2025-03-19","title":5,"body":"b"})"), 4,
                   "\"title\"");
    expect_skipped(parse_jsonl_line("n.jsonl", 4, R"({"id":"a","date":"2025-03-19","title":["x"],"body":"b"})"), 4,
                   "\"title\"");
}

TEST(ParseJsonlLine, SkipsANonIntegerId) {
    expect_skipped(parse_jsonl_line("n.jsonl", 1, R"({"id":1.5,"date":"2025-03-19","body":"b"})"), 1, "\"id\"");
    expect_skipped(parse_jsonl_line("n.jsonl", 1, R"({"id":true,"date":"2025-03-19","body":"b"})"), 1, "\"id\"");
}

TEST(ParseJsonlLine, SkipsABadDate) {
    expect_skipped(parse_jsonl_line("n.jsonl", 5, R"({"id":"a","date":"2025-02-30","body":"b"})"), 5, "2025-02-30");
    expect_skipped(parse_jsonl_line("n.jsonl", 5, R"({"id":"a","date":"19 March 2025","body":"b"})"), 5, "bad date");
    expect_skipped(parse_jsonl_line("n.jsonl", 5, R"({"id":"a","date":20250319,"body":"b"})"), 5, "\"date\"");
}

TEST(ParseJsonlLine, SkipsAnEmptyBody) {
    expect_skipped(parse_jsonl_line("n.jsonl", 6, R"({"id":"a","date":"2025-03-19","body":""})"), 6, "empty body");
    expect_skipped(parse_jsonl_line("n.jsonl", 6, R"({"id":"a","date":"2025-03-19","body":" \n\t "})"), 6,
                   "empty body");
}

TEST(ParseJsonlLine, RepairsInvalidUtf8InAStringWithAWarning) {
    ParseResult result = parse_jsonl_line(
        "n.jsonl", 9, "{\"id\":\"a\",\"date\":\"2025-03-19\",\"title\":\"T\xC3\",\"body\":\"b\x80o\"}");
    ASSERT_TRUE(result.article.has_value()) << describe(result);
    EXPECT_EQ(result.article->title, "T" + FFFD);
    EXPECT_EQ(result.article->body, "b" + FFFD + "o");
    ASSERT_EQ(result.problems.size(), 1u) << describe(result);
    EXPECT_FALSE(result.problems[0].skipped);
    EXPECT_EQ(result.problems[0].line, 9u);
    EXPECT_TRUE(contains(result.problems[0].message, "invalid UTF-8")) << result.problems[0].message;
}

// --- read_input -------------------------------------------------------------

std::vector<ParseResult> read_all(const InputFile& file, const ReaderOptions& options = {},
                                  const std::string& stdin_text = "") {
    std::istringstream in(stdin_text);
    std::vector<ParseResult> results;
    read_input(file, options, in, [&](ParseResult&& r) { results.push_back(std::move(r)); });
    return results;
}

TEST(ReadInput, ReadsATextFile) {
    TempDir dir;
    write_file(dir.path() / "a.txt", "date 2025-03-19 Title\n\nBody.\n");
    InputFile file{dir / "a.txt", "a", InputFile::Format::TEXT, 0};
    auto results = read_all(file);
    ASSERT_EQ(results.size(), 1u);
    ASSERT_TRUE(results[0].article.has_value()) << describe(results[0]);
    EXPECT_EQ(results[0].article->id, "a");
    EXPECT_EQ(results[0].article->body, "Body.");
}

TEST(ReadInput, SkipsATextFileOverTheLimitFromItsSize) {
    TempDir dir;
    const std::string bytes = "date 2025-03-19 Title\n\nA body long enough to be over the limit.\n";
    write_file(dir.path() / "big.txt", bytes);
    ReaderOptions options;
    options.max_article_bytes = 16;
    InputFile file{dir / "big.txt", "big", InputFile::Format::TEXT, bytes.size()};
    auto results = read_all(file, options);
    ASSERT_EQ(results.size(), 1u);
    expect_skipped(results[0], 0, "limit");
}

TEST(ReadInput, SkipsATextFileOverTheLimitEvenWhenItsSizeIsUnknown) {
    TempDir dir;
    write_file(dir.path() / "big.txt", "date 2025-03-19 Title\n\nA body long enough to be over the limit.\n");
    ReaderOptions options;
    options.max_article_bytes = 16;
    InputFile file{dir / "big.txt", "big", InputFile::Format::TEXT, 0};
    auto results = read_all(file, options);
    ASSERT_EQ(results.size(), 1u);
    expect_skipped(results[0], 0, "limit");
}

TEST(ReadInput, MissingFileGivesOneSkippedProblem) {
    TempDir dir;
    for (auto format : {InputFile::Format::TEXT, InputFile::Format::JSONL}) {
        InputFile file{dir / "gone.txt", "gone", format, 0};
        auto results = read_all(file);
        ASSERT_EQ(results.size(), 1u);
        expect_skipped(results[0], 0, "cannot open");
    }
}

TEST(ReadInput, ReadsJsonLinesWithBlankAndBadLines) {
    TempDir dir;
    write_file(dir.path() / "n.jsonl",
               "{\"id\":\"1\",\"date\":\"2025-03-19\",\"body\":\"one\"}\n"
               "\n"
               "{\"id\":\"2\",\"date\":\"2025-03-20\",\"body\":\"two\"}\r\n"
               "   \n"
               "{\"id\":\"3\",\"date\":\"2025-03-21\",\"body\":\"three\"\n"
               "{\"id\":\"4\",\"date\":\"2025-03-22\",\"body\":\"four\"}\n"
               "\n");
    InputFile file{dir / "n.jsonl", "", InputFile::Format::JSONL, 0};
    auto results = read_all(file);
    ASSERT_EQ(results.size(), 4u);
    ASSERT_TRUE(results[0].article.has_value()) << describe(results[0]);
    EXPECT_EQ(results[0].article->id, "1");
    EXPECT_EQ(results[0].article->line, 1u);
    ASSERT_TRUE(results[1].article.has_value()) << describe(results[1]);
    EXPECT_EQ(results[1].article->id, "2");
    EXPECT_EQ(results[1].article->line, 3u);
    EXPECT_EQ(results[1].article->body, "two");
    expect_skipped(results[2], 5, "invalid JSON");
    EXPECT_EQ(results[2].problems.back().path, dir / "n.jsonl");
    ASSERT_TRUE(results[3].article.has_value()) << describe(results[3]);
    EXPECT_EQ(results[3].article->id, "4");
    EXPECT_EQ(results[3].article->line, 6u);
}

TEST(ReadInput, JsonLinesAcceptsABomOnTheFirstLine) {
    TempDir dir;
    write_file(dir.path() / "n.jsonl", "\xEF\xBB\xBF{\"id\":\"1\",\"date\":\"2025-03-19\",\"body\":\"one\"}\n");
    auto results = read_all({dir / "n.jsonl", "", InputFile::Format::JSONL, 0});
    ASSERT_EQ(results.size(), 1u);
    EXPECT_TRUE(results[0].article.has_value()) << describe(results[0]);
}

TEST(ReadInput, SkipsAJsonLineOverTheLimit) {
    TempDir dir;
    write_file(dir.path() / "n.jsonl",
               "{\"id\":\"1\",\"date\":\"2025-03-19\",\"body\":\"one\"}\n"
               "{\"id\":\"2\",\"date\":\"2025-03-19\",\"body\":\"a much longer body than the first\"}\n");
    ReaderOptions options;
    options.max_article_bytes = 60;
    auto results = read_all({dir / "n.jsonl", "", InputFile::Format::JSONL, 0}, options);
    ASSERT_EQ(results.size(), 2u);
    EXPECT_TRUE(results[0].article.has_value()) << describe(results[0]);
    expect_skipped(results[1], 2, "limit");
}

TEST(ReadInput, ReadsStdinFromTheGivenStream) {
    InputFile file{"-", "", InputFile::Format::JSONL, 0};
    auto results = read_all(file, {},
                            "{\"id\":\"s1\",\"date\":\"2025-03-19\",\"body\":\"from stdin\"}\n"
                            "not json\n");
    ASSERT_EQ(results.size(), 2u);
    ASSERT_TRUE(results[0].article.has_value()) << describe(results[0]);
    EXPECT_EQ(results[0].article->id, "s1");
    EXPECT_EQ(results[0].article->body, "from stdin");
    EXPECT_EQ(results[0].article->line, 1u);
    expect_skipped(results[1], 2, "invalid JSON");
}

// --- discover_inputs --------------------------------------------------------

TEST(DiscoverInputs, ExpandsADirectoryInSortedOrder) {
    TempDir dir;
    write_file(dir.path() / "sub" / "b.txt", "date 2025-03-19 B\n\nb\n");
    write_file(dir.path() / "a.txt", "date 2025-03-19 A\n\na\n");
    write_file(dir.path() / "c.jsonl", "{}\n");
    write_file(dir.path() / "notes.md", "# notes\n");
    write_file(dir.path() / ".hidden" / "d.txt", "date 2025-03-19 D\n\nd\n");
    write_file(dir.path() / ".e.txt", "date 2025-03-19 E\n\ne\n");

    InputList list = discover_inputs({dir.path().string()});
    EXPECT_TRUE(list.problems.empty());
    ASSERT_EQ(list.files.size(), 3u);
    EXPECT_EQ(list.files[0].path, dir / "a.txt");
    EXPECT_EQ(list.files[0].id, "a");
    EXPECT_EQ(list.files[0].format, InputFile::Format::TEXT);
    EXPECT_EQ(list.files[1].path, dir / "c.jsonl");
    EXPECT_EQ(list.files[1].format, InputFile::Format::JSONL);
    EXPECT_EQ(list.files[2].path, dir / "sub/b.txt");
    EXPECT_EQ(list.files[2].id, "sub/b");
    EXPECT_EQ(list.files[2].format, InputFile::Format::TEXT);
    EXPECT_EQ(list.ignored_files, 1u);
    EXPECT_EQ(list.files[0].size, std::filesystem::file_size(dir.path() / "a.txt"));
    EXPECT_EQ(list.total_bytes, list.files[0].size + list.files[1].size + list.files[2].size);
}

TEST(DiscoverInputs, IdsAreTheSameWithATrailingSlash) {
    TempDir dir;
    write_file(dir.path() / "sub" / "b.txt", "date 2025-03-19 B\n\nb\n");
    InputList list = discover_inputs({dir.path().string() + "/"});
    ASSERT_EQ(list.files.size(), 1u);
    EXPECT_EQ(list.files[0].id, "sub/b");
}

TEST(DiscoverInputs, AFileArgumentGivesItsNameWithoutTxt) {
    TempDir dir;
    write_file(dir.path() / "x" / "y" / "foo.txt", "date 2025-03-19 F\n\nf\n");
    InputList list = discover_inputs({dir / "x/y/foo.txt"});
    ASSERT_EQ(list.files.size(), 1u);
    EXPECT_EQ(list.files[0].id, "foo");
    EXPECT_EQ(list.files[0].path, dir / "x/y/foo.txt");
    EXPECT_EQ(list.files[0].format, InputFile::Format::TEXT);
    EXPECT_TRUE(list.problems.empty());
}

TEST(DiscoverInputs, AJsonlFileArgumentIsJsonLines) {
    TempDir dir;
    write_file(dir.path() / "feed.jsonl", "{}\n");
    InputList list = discover_inputs({dir / "feed.jsonl"});
    ASSERT_EQ(list.files.size(), 1u);
    EXPECT_EQ(list.files[0].format, InputFile::Format::JSONL);
    EXPECT_EQ(list.files[0].size, 3u);
}

TEST(DiscoverInputs, ANonexistentPathGivesOneSkippedProblem) {
    TempDir dir;
    InputList list = discover_inputs({dir / "no-such-thing"});
    EXPECT_TRUE(list.files.empty());
    ASSERT_EQ(list.problems.size(), 1u);
    EXPECT_TRUE(list.problems[0].skipped);
    EXPECT_EQ(list.problems[0].path, dir / "no-such-thing");
    EXPECT_EQ(list.problems[0].line, 0u);
    EXPECT_TRUE(contains(list.problems[0].message, "no such file or directory")) << list.problems[0].message;
}

TEST(DiscoverInputs, DashIsJsonLinesOnStdin) {
    InputList list = discover_inputs({"-"});
    ASSERT_EQ(list.files.size(), 1u);
    EXPECT_EQ(list.files[0].path, "-");
    EXPECT_EQ(list.files[0].format, InputFile::Format::JSONL);
    EXPECT_EQ(list.files[0].size, 0u);
    EXPECT_TRUE(list.problems.empty());
}

TEST(DiscoverInputs, KeepsArgumentOrderAcrossArguments) {
    TempDir dir;
    write_file(dir.path() / "z.txt", "date 2025-03-19 Z\n\nz\n");
    write_file(dir.path() / "a.txt", "date 2025-03-19 A\n\na\n");
    InputList list = discover_inputs({dir / "z.txt", "-", dir / "a.txt"});
    ASSERT_EQ(list.files.size(), 3u);
    EXPECT_EQ(list.files[0].id, "z");
    EXPECT_EQ(list.files[1].path, "-");
    EXPECT_EQ(list.files[2].id, "a");
}

// Regression: the binary check looked only at the first 8 KiB, so a NUL
// byte further on was indexed into the body.
TEST(ArchiveReaderRegression, NulByteAfterTheFirst8KiBMarksTheFileBinary) {
    std::string bytes = "date 2025-03-19 Late NUL\n\n" + std::string(10000, 'a') + std::string(1, '\0') + "tail\n";
    ParseResult result = parse_text(bytes);
    EXPECT_FALSE(result.article.has_value());
    ASSERT_FALSE(result.problems.empty());
    EXPECT_NE(result.problems.back().message.find("binary"), std::string::npos);
}

// Regression: a JSON Lines numeric id above INT64_MAX was refused as "not a string".
TEST(ArchiveReaderRegression, UnsignedSixtyFourBitNumericIdIsAccepted) {
    ParseResult result =
        parse_jsonl_line("f.jsonl", 1, R"({"id":18446744073709551615,"date":"2025-03-19","title":"T","body":"B"})");
    ASSERT_TRUE(result.article.has_value());
    EXPECT_EQ(result.article->id, "18446744073709551615");
}

}  // namespace
}  // namespace saywho
