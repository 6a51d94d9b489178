/** @file http_module.cc
 *  @brief Finding and loading saywho-http.so.
 */
#include "searcher/http_module.h"

#include <dlfcn.h>

#include <filesystem>
#include <system_error>
#include <vector>

#include "common/errors.h"

namespace fs = std::filesystem;

namespace saywho {

namespace {

/// The places the module may be, in the order tried.
std::vector<fs::path> module_places() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    const fs::path dir = exe.parent_path();
    // SAYWHO_MODULE_DIR_FROM_BINDIR: the install's module directory, relative
    // to its bin directory ("../lib/saywho"), so any prefix works.
    return {dir / HTTP_MODULE_FILE, (dir / SAYWHO_MODULE_DIR_FROM_BINDIR / HTTP_MODULE_FILE).lexically_normal()};
}

const HttpModule* load_http_module() {
    std::string looked;
    for (const auto& path : module_places()) {
        std::error_code ec;
        if (!fs::exists(path, ec)) {
            looked += (looked.empty() ? "" : ", ") + path.string();
            continue;
        }
        // Never closed: the module serves until the process ends.
        void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) throw Error("cannot load " + path.string() + ": " + dlerror());
        void* entry = dlsym(handle, "saywho_http_module");
        if (!entry) throw Error(path.string() + " is not saywho's HTTP module: " + dlerror());
        return reinterpret_cast<const HttpModule* (*)()>(entry)();
    }
    throw Error(std::string("HTTP needs ") + HTTP_MODULE_FILE + ", which is in none of " + looked +
                ": build it (cmake --build) or reinstall saywho");
}

}  // namespace

const HttpModule& http_module() {
    static const HttpModule* const module = load_http_module();
    return *module;
}

}  // namespace saywho
