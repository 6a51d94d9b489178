/** @file archive_reader.h
 *  @brief Finds the articles of an archive (text files, JSON Lines, stdin) and
 *         parses them, reporting every problem as file:line: message.
 *
 *  Nothing here prints: problems are returned to the caller, which decides
 *  how to show them. Thread-safety: free functions with no shared state.
 */
#ifndef SAYWHO_COMMON_ARCHIVE_READER_H
#define SAYWHO_COMMON_ARCHIVE_READER_H

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "common/article.h"

namespace saywho {

struct ReaderOptions {
    /// Text files and JSON lines larger than this are skipped with a message.
    std::uint64_t max_article_bytes = 16u * 1024u * 1024u;
};

/// Something wrong with an input. When @c skipped is true the article (or
/// file) was not indexed; otherwise it was indexed after repair.
struct InputProblem {
    std::string path;
    std::size_t line = 0;  ///< 1-based; 0 when the problem concerns the whole file
    std::string message;
    bool skipped = false;

    /// "path:line: message" (or "path: message" when line is 0).
    std::string to_string() const;
};

/// One input found from the command-line arguments.
struct InputFile {
    enum class Format { TEXT, JSONL };
    std::string path;  ///< as it can be opened; "-" for stdin
    std::string id;    ///< text files: the article id derived from the path
    Format format = Format::TEXT;
    std::uint64_t size = 0;  ///< bytes on disk (0 for stdin)
};

/// What discover_inputs() found.
struct InputList {
    std::vector<InputFile> files;
    std::vector<InputProblem> problems;  ///< arguments that do not exist or cannot be read
    std::size_t ignored_files = 0;       ///< files in directories that are not .txt or .jsonl
    std::uint64_t total_bytes = 0;
};

/// Expands the arguments: a directory gives its .txt and .jsonl files
/// (recursively, hidden entries skipped, in sorted order), a file is taken as
/// is (JSON Lines when it ends in .jsonl), "-" is JSON Lines on stdin.
InputList discover_inputs(const std::vector<std::string>& arguments);

/// The outcome of parsing one article: the article unless it was skipped,
/// and every problem met (warnings, or the reason for skipping).
struct ParseResult {
    std::optional<Article> article;
    std::vector<InputProblem> problems;
};

/// Parses one text file's bytes in the archive format.
ParseResult parse_text_article(const std::string& path, const std::string& id, std::string bytes,
                               const ReaderOptions& options);

/// Parses one JSON Lines record (@p line_number is 1-based).
ParseResult parse_jsonl_line(const std::string& path, std::size_t line_number, std::string line);

/// Reads a whole input, calling @p on_result for every article or skipped
/// record. A file that cannot be opened gives one skipped problem.
/// @p stdin_stream is read when file.path is "-".
void read_input(const InputFile& file, const ReaderOptions& options, std::istream& stdin_stream,
                const std::function<void(ParseResult&&)>& on_result);

}  // namespace saywho

#endif  // SAYWHO_COMMON_ARCHIVE_READER_H
