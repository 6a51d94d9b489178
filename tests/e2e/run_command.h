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
    long peak_rss_kb = 0;  ///< the child's peak resident set size
};

/// Runs @p argv[0] (a path) with @p argv, feeding @p input on stdin, with the
/// extra environment variables @p env set (name, value; empty value unsets).
CommandResult run_command(const std::vector<std::string>& argv, const std::string& input = "",
                          const std::vector<std::pair<std::string, std::string>>& env = {});

/// A program left running: lines to its stdin, lines from its stdout; its
/// stderr goes to a file. The destructor kills it if it still runs.
class BackgroundProcess {
  public:
    BackgroundProcess(const std::vector<std::string>& argv, const std::string& stderr_path);
    ~BackgroundProcess();
    BackgroundProcess(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(const BackgroundProcess&) = delete;

    void write_line(const std::string& line);
    /// The next line of stdout (without '\n'); empty with @p ok false after
    /// @p timeout_ms or at end of output.
    std::string read_line(int timeout_ms, bool& ok);
    void close_stdin();
    void signal(int number);
    /// Waits for the exit (at most @p timeout_ms, then kills it): the exit
    /// status, or 128 + signal number.
    int wait(int timeout_ms);
    /// True while the process has not exited (reaps it if it has).
    bool running();
    int pid() const { return pid_; }

  private:
    int pid_ = -1;
    int in_ = -1, out_ = -1;
    std::string buffered_;
    bool exited_ = false;
    int status_ = -1;
};

}  // namespace saywho::testing

#endif  // SAYWHO_TESTS_E2E_RUN_COMMAND_H
