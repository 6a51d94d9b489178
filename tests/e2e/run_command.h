/** @file run_command.h
 *  @brief Runs a program with arguments and captures its exit code, stdout and stderr.
 */
#ifndef SAYWHO_TESTS_E2E_RUN_COMMAND_H
#define SAYWHO_TESTS_E2E_RUN_COMMAND_H

#include <string>
#include <utility>
#include <vector>

namespace saywho::testing {

struct CommandResult {
    int exit_code = -1;  ///< the exit status, or 128 + signal number
    std::string out;
    std::string err;
};

/// Runs @p argv[0] (a path) with @p argv, feeding @p input on stdin, with the
/// extra environment variables @p env set (name, value; empty value unsets).
CommandResult run_command(const std::vector<std::string>& argv, const std::string& input = "",
                          const std::vector<std::pair<std::string, std::string>>& env = {});

}  // namespace saywho::testing

#endif  // SAYWHO_TESTS_E2E_RUN_COMMAND_H
