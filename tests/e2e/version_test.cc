/** @file version_test.cc
 *  @brief End to end (issue 20): `--version` of both binaries names the release, the git commit built (in a
 *         checkout), the schema version and the extractor version, and exits 0 whatever else the command line holds.
 */
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "common/schema.h"
#include "extract/extract.h"
#include "tests/e2e/e2e_support.h"
#include "tests/e2e/run_command.h"

namespace saywho::testing {
namespace {

/// The first line of @p text, without its newline.
std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

/// What every --version must say after its first line.
std::string expected_rest() {
    return "database schema " + std::to_string(schema::SCHEMA_VERSION) + "\nextractor " +
           std::to_string(EXTRACTOR_VERSION) + "\n";
}

/// The git description in a first line "PROGRAM VERSION (git DESC)", or "".
std::string git_description(const std::string& line) {
    const std::size_t open = line.find(" (git ");
    if (open == std::string::npos || line.back() != ')') return "";
    return line.substr(open + 6, line.size() - open - 7);
}

class VersionTest : public ::testing::TestWithParam<std::string> {};

TEST_P(VersionTest, NamesReleaseSchemaAndExtractor) {
    const std::string program = GetParam();
    const CommandResult r = run_command({std::string(SAYWHO_BINARY_DIR) + "/" + program, "--version"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const std::string line = first_line(r.out);
    EXPECT_EQ(line.rfind(program + " " + SAYWHO_PROJECT_VERSION, 0), 0u) << line;
    EXPECT_EQ(r.out.substr(r.out.find('\n') + 1), expected_rest());
}

TEST_P(VersionTest, NamesTheCommitBuiltFromACheckout) {
    const std::filesystem::path source(SAYWHO_SOURCE_DIR);
    if (!std::filesystem::exists(source / ".git")) GTEST_SKIP() << "not built from a git checkout";
    if (std::string(SAYWHO_GIT).empty()) GTEST_SKIP() << "CMake found no git";
    const CommandResult git = run_command({SAYWHO_GIT, "-C", source.string(), "rev-parse", "HEAD"});
    if (git.exit_code != 0) GTEST_SKIP() << "git cannot read the checkout: " << git.err;

    const CommandResult r = run_command({std::string(SAYWHO_BINARY_DIR) + "/" + GetParam(), "--version"});
    std::string description = git_description(first_line(r.out));
    ASSERT_FALSE(description.empty()) << r.out;
    const std::string dirty = "-dirty";
    if (description.size() > dirty.size() &&
        description.compare(description.size() - dirty.size(), dirty.size(), dirty) == 0)
        description.resize(description.size() - dirty.size());
    // The commit built, which may be older than HEAD by now, must be one git knows.
    const CommandResult known =
        run_command({SAYWHO_GIT, "-C", source.string(), "rev-parse", "--verify", "--quiet", description + "^{commit}"});
    EXPECT_EQ(known.exit_code, 0) << "'" << description << "' names no commit";
}

TEST_P(VersionTest, AnswersWithoutADatabase) {
    // No database there and no paths: --version answers before either is looked at.
    const CommandResult r =
        run_command({std::string(SAYWHO_BINARY_DIR) + "/" + GetParam(), "--db", "/nonexistent", "--version"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(first_line(r.out).rfind(GetParam() + " ", 0), 0u) << r.out;
}

INSTANTIATE_TEST_SUITE_P(Binaries, VersionTest, ::testing::Values("saywho-index", "saywho-search"),
                         [](const auto& param_info) {
                             return param_info.param == "saywho-index" ? "Index" : "Search";
                         });

}  // namespace
}  // namespace saywho::testing
