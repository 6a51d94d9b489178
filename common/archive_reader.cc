/** @file archive_reader.cc
 *  @brief Reading the archive format and JSON Lines, with every problem reported.
 */
#include "common/archive_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "common/text.h"

namespace fs = std::filesystem;

namespace saywho {

namespace {

constexpr std::string_view UTF8_BOM = "\xEF\xBB\xBF";

std::string format_bytes(std::uint64_t bytes) {
    std::ostringstream out;
    if (bytes >= 1024 * 1024)
        out << (bytes / (1024.0 * 1024.0)) << " MiB";
    else if (bytes >= 1024)
        out << (bytes / 1024.0) << " KiB";
    else
        out << bytes << " bytes";
    return out.str();
}

InputProblem skip(const std::string& path, std::size_t line, std::string message) {
    return InputProblem{path, line, std::move(message), true};
}

InputProblem warn(const std::string& path, std::size_t line, std::string message) {
    return InputProblem{path, line, std::move(message), false};
}

/// Removes a BOM and turns CRLF (and lone CR) line ends into LF.
void normalise_line_ends(std::string& text) {
    if (starts_with(text, UTF8_BOM)) text.erase(0, UTF8_BOM.size());
    if (text.find('\r') == std::string::npos) return;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out += text[i];
        }
    }
    text.swap(out);
}

void add_repair_warning(const std::string& path, std::size_t line, const Utf8Repair& repair,
                        std::vector<InputProblem>& problems) {
    if (repair.replaced == 0) return;
    problems.push_back(warn(path, line,
                            "invalid UTF-8 (" + std::to_string(repair.replaced) +
                                (repair.replaced == 1 ? " sequence" : " sequences") + ") replaced with U+FFFD"));
}

bool is_hidden(const fs::path& p) {
    auto name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

std::string without_txt(std::string name) {
    if (ends_with(name, ".txt")) name.resize(name.size() - 4);
    return name;
}

}  // namespace

std::string InputProblem::to_string() const {
    if (line == 0) return path + ": " + message;
    return path + ":" + std::to_string(line) + ": " + message;
}

InputList discover_inputs(const std::vector<std::string>& arguments) {
    InputList list;
    for (const auto& argument : arguments) {
        if (argument == "-") {
            list.files.push_back({"-", "", InputFile::Format::JSONL, 0});
            continue;
        }
        std::error_code ec;
        fs::path root(argument);
        auto status = fs::status(root, ec);
        if (ec || !fs::exists(status)) {
            list.problems.push_back(skip(argument, 0, "no such file or directory"));
            continue;
        }
        if (fs::is_directory(status)) {
            std::vector<InputFile> found;
            fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
            if (ec) {
                list.problems.push_back(skip(argument, 0, "cannot read directory: " + ec.message()));
                continue;
            }
            for (; it != end; it.increment(ec)) {
                if (ec) {
                    list.problems.push_back(skip(argument, 0, "cannot read directory: " + ec.message()));
                    break;
                }
                const fs::path& p = it->path();
                if (is_hidden(p)) {
                    if (it->is_directory(ec)) it.disable_recursion_pending();
                    continue;
                }
                if (!it->is_regular_file(ec)) continue;
                std::string name = p.filename().string();
                InputFile file;
                file.path = p.string();
                file.size = it->file_size(ec);
                if (ends_with(name, ".txt")) {
                    file.format = InputFile::Format::TEXT;
                    file.id = without_txt(p.lexically_relative(root).generic_string());
                } else if (ends_with(name, ".jsonl")) {
                    file.format = InputFile::Format::JSONL;
                } else {
                    ++list.ignored_files;
                    continue;
                }
                found.push_back(std::move(file));
            }
            // Directory order is the file system's; sort so runs are repeatable.
            std::sort(found.begin(), found.end(),
                      [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
            for (auto& f : found) {
                list.total_bytes += f.size;
                list.files.push_back(std::move(f));
            }
        } else {
            InputFile file;
            file.path = argument;
            file.size = fs::file_size(root, ec);
            std::string name = root.filename().string();
            if (ends_with(name, ".jsonl")) {
                file.format = InputFile::Format::JSONL;
            } else {
                file.format = InputFile::Format::TEXT;
                file.id = without_txt(name);
            }
            list.total_bytes += file.size;
            list.files.push_back(std::move(file));
        }
    }
    return list;
}

ParseResult parse_text_article(const std::string& path, const std::string& id, std::string bytes,
                               const ReaderOptions& options) {
    ParseResult result;
    auto& problems = result.problems;
    if (bytes.size() > options.max_article_bytes) {
        problems.push_back(skip(path, 0,
                                "file is " + format_bytes(bytes.size()) + ", over the " +
                                    format_bytes(options.max_article_bytes) +
                                    " limit; raise it with --max-size to index it"));
        return result;
    }
    if (bytes.empty()) {
        problems.push_back(skip(path, 0, "empty file"));
        return result;
    }
    normalise_line_ends(bytes);
    if (looks_binary(bytes)) {
        problems.push_back(skip(path, 0, "binary file, not an article"));
        return result;
    }
    Utf8Repair repair = repair_utf8(bytes);
    add_repair_warning(path, repair.first_bad_line, repair, problems);

    // First line: "date YYYY-MM-DD <title>", leading whitespace allowed.
    std::size_t eol = bytes.find('\n');
    std::string_view first_line = std::string_view(bytes).substr(0, eol);
    std::string_view rest = trim(first_line);
    if (!starts_with(rest, "date ") && !starts_with(rest, "date\t")) {
        problems.push_back(skip(path, 1, "missing date line: expected 'date YYYY-MM-DD <title>'"));
        return result;
    }
    rest = trim(rest.substr(5));
    std::string_view date_text = rest.substr(0, std::min(rest.find_first_of(" \t"), rest.size()));
    auto date = CivilDate::parse_iso(date_text);
    if (!date) {
        problems.push_back(
            skip(path, 1, "bad date '" + std::string(date_text) + "': " + explain_bad_iso_date(date_text)));
        return result;
    }
    Article article;
    article.id = id;
    article.path = path;
    article.date = *date;
    article.title = std::string(trim(rest.substr(date_text.size())));
    if (article.title.empty()) problems.push_back(warn(path, 1, "no title after the date"));

    if (eol == std::string::npos) {
        problems.push_back(skip(path, 0, "empty body: nothing after the date line"));
        return result;
    }
    std::size_t body_start = eol + 1;
    // The format has a blank line after the date line; tolerate its absence.
    std::size_t second_eol = bytes.find('\n', body_start);
    std::string_view second_line = std::string_view(bytes).substr(
        body_start, (second_eol == std::string::npos ? bytes.size() : second_eol) - body_start);
    if (!trim(second_line).empty())
        problems.push_back(warn(path, 2, "expected a blank line after the date line; reading the body from here"));

    std::string_view body_view = std::string_view(bytes).substr(body_start);
    std::string_view body = trim(body_view);
    if (body.empty()) {
        problems.push_back(skip(path, 0, "empty body: nothing after the date line"));
        return result;
    }
    article.body_offset = static_cast<std::size_t>(body.data() - bytes.data());
    article.body = std::string(body);
    result.article = std::move(article);
    return result;
}

ParseResult parse_jsonl_line(const std::string& path, std::size_t line_number, std::string line) {
    ParseResult result;
    auto& problems = result.problems;
    add_repair_warning(path, line_number, repair_utf8(line), problems);

    rapidjson::Document doc;
    doc.Parse(line.c_str(), line.size());
    if (doc.HasParseError()) {
        problems.push_back(skip(path, line_number,
                                std::string("invalid JSON at column ") + std::to_string(doc.GetErrorOffset() + 1) +
                                    ": " + rapidjson::GetParseError_En(doc.GetParseError())));
        return result;
    }
    if (!doc.IsObject()) {
        problems.push_back(skip(path, line_number, "expected a JSON object with id, date, title and body"));
        return result;
    }
    auto string_member = [&](const char* name, bool required, std::string& out) -> bool {
        auto it = doc.FindMember(name);
        if (it == doc.MemberEnd() || it->value.IsNull()) {
            if (required) problems.push_back(skip(path, line_number, std::string("missing \"") + name + "\""));
            return !required;
        }
        if (it->value.IsString()) {
            out.assign(it->value.GetString(), it->value.GetStringLength());
            return true;
        }
        if (std::strcmp(name, "id") == 0 && (it->value.IsInt64() || it->value.IsUint64())) {
            out = it->value.IsInt64() ? std::to_string(it->value.GetInt64()) : std::to_string(it->value.GetUint64());
            return true;
        }
        problems.push_back(skip(path, line_number, std::string("\"") + name + "\" must be a string"));
        return false;
    };

    Article article;
    std::string date_text;
    if (!string_member("id", true, article.id) || !string_member("date", true, date_text) ||
        !string_member("title", false, article.title) || !string_member("body", true, article.body) ||
        !string_member("url", false, article.url) || !string_member("source", false, article.source))
        return result;
    article.id = std::string(trim(article.id));
    if (article.id.empty()) {
        problems.push_back(skip(path, line_number, "empty \"id\""));
        return result;
    }
    auto date = CivilDate::parse_iso(trim(date_text));
    if (!date) {
        problems.push_back(
            skip(path, line_number, "bad date '" + date_text + "': " + explain_bad_iso_date(trim(date_text))));
        return result;
    }
    article.date = *date;
    normalise_line_ends(article.body);
    article.body = std::string(trim(article.body));
    if (article.body.empty()) {
        problems.push_back(skip(path, line_number, "empty body"));
        return result;
    }
    article.title = std::string(trim(article.title));
    article.path = path;
    article.line = line_number;
    result.article = std::move(article);
    return result;
}

namespace {

/// Reads one line of @p in (without its '\n') into @p line, keeping at
/// most @p limit + 1 bytes of it, so that an endless line cannot take all
/// memory; @p total gets the line's full length. False at end of input.
bool read_bounded_line(std::istream& in, std::size_t limit, std::string& line, std::uint64_t& total) {
    line.clear();
    total = 0;
    std::streambuf* buffer = in.rdbuf();
    bool any = false;
    for (;;) {
        const int c = buffer->sbumpc();
        if (c == std::char_traits<char>::eof()) {
            if (!any) in.setstate(std::ios::eofbit);
            return any;
        }
        any = true;
        if (c == '\n') return true;
        ++total;
        if (line.size() <= limit) line.push_back(static_cast<char>(c));
    }
}

}  // namespace

void read_input(const InputFile& file, const ReaderOptions& options, std::istream& stdin_stream,
                const std::function<void(ParseResult&&)>& on_result) {
    if (file.format == InputFile::Format::TEXT) {
        ParseResult failed;
        if (file.size > options.max_article_bytes) {
            failed.problems.push_back(skip(file.path, 0,
                                           "file is " + format_bytes(file.size) + ", over the " +
                                               format_bytes(options.max_article_bytes) +
                                               " limit; raise it with --max-size to index it"));
            on_result(std::move(failed));
            return;
        }
        std::ifstream in(file.path, std::ios::binary);
        if (!in) {
            failed.problems.push_back(skip(file.path, 0, std::string("cannot open: ") + std::strerror(errno)));
            on_result(std::move(failed));
            return;
        }
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (in.bad()) {
            failed.problems.push_back(skip(file.path, 0, std::string("read error: ") + std::strerror(errno)));
            on_result(std::move(failed));
            return;
        }
        on_result(parse_text_article(file.path, file.id, std::move(bytes), options));
        return;
    }

    std::ifstream file_stream;
    std::istream* in = &stdin_stream;
    std::string display = file.path == "-" ? "<stdin>" : file.path;
    if (file.path != "-") {
        file_stream.open(file.path, std::ios::binary);
        if (!file_stream) {
            ParseResult failed;
            failed.problems.push_back(skip(file.path, 0, std::string("cannot open: ") + std::strerror(errno)));
            on_result(std::move(failed));
            return;
        }
        in = &file_stream;
    }
    std::string line;
    std::size_t line_number = 0;
    std::uint64_t line_bytes = 0;
    while (read_bounded_line(*in, options.max_article_bytes, line, line_bytes)) {
        ++line_number;
        if (line_number == 1 && starts_with(line, UTF8_BOM)) line.erase(0, UTF8_BOM.size());
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line_bytes <= options.max_article_bytes && trim(line).empty()) continue;  // blank lines separate nothing
        if (line_bytes > options.max_article_bytes) {
            ParseResult failed;
            failed.problems.push_back(skip(display, line_number,
                                           "line is " + format_bytes(line_bytes) + ", over the " +
                                               format_bytes(options.max_article_bytes) +
                                               " limit; raise it with --max-size to index it"));
            on_result(std::move(failed));
            continue;
        }
        on_result(parse_jsonl_line(display, line_number, std::move(line)));
    }
    if (in->bad()) {
        ParseResult failed;
        failed.problems.push_back(skip(display, line_number, "read error; the rest of the file was not read"));
        on_result(std::move(failed));
    }
}

}  // namespace saywho
