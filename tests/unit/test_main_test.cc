/** @file test_main_test.cc
 *  @brief The test programs' main names a Xapian exception that escapes a test.
 */
#include <stdio.h>
#include <sys/wait.h>

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <string>

namespace {

// Run only by TestMain.AnEscapingXapianErrorIsNamed, in a child process:
// disabled tests are skipped in ordinary runs.
TEST(TestMain, DISABLED_AXapianErrorEscapes) {
    throw Xapian::DatabaseOpeningError("the test's own error", "test_main_test.cc");
}

TEST(TestMain, AnEscapingXapianErrorIsNamed) {
    // This very program, run again through the shell.
    const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
    const std::string command =
        "'" + self + "' --gtest_also_run_disabled_tests --gtest_filter=TestMain.DISABLED_AXapianErrorEscapes 2>&1";
    FILE* child = popen(command.c_str(), "r");
    ASSERT_NE(child, nullptr);
    std::string out;
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, child)) > 0;) out.append(buffer, n);
    const int status = pclose(child);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) != 0) << "the throwing test passed:\n" << out;
    EXPECT_NE(out.find("Xapian::DatabaseOpeningError: the test's own error (context: test_main_test.cc)"),
              std::string::npos)
        << out;
}

}  // namespace
