# Runs at install time (cmake --install, CPack): installs saywho-http.service
# and /etc/default/saywho-http for the install prefix given then.
# REQUIRES: SAYWHO_SERVICE_TEMPLATE, SAYWHO_SERVICE_DEFAULTS,
# SAYWHO_SERVICE_STAGING, SAYWHO_INSTALL_BINDIR and SAYWHO_INSTALL_DOCDIR set
# by the install(CODE) of packaging/install.cmake.

# The prefix /usr is the system's own (a package): settings in /etc and units
# in /lib/systemd/system, where Debian 12 packages put them. Any other prefix
# keeps everything under it, as GNUInstallDirs does for /usr/local.
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(etc_dir "/etc")
  set(unit_dir "/lib/systemd/system")
else()
  set(etc_dir "${CMAKE_INSTALL_PREFIX}/etc")
  set(unit_dir "${CMAKE_INSTALL_PREFIX}/lib/systemd/system")
endif()

# The unit names the installed binary, settings file and docs by their
# full paths, so they are filled in here.
set(SAYWHO_SEARCH "${CMAKE_INSTALL_PREFIX}/${SAYWHO_INSTALL_BINDIR}/saywho-search")
set(SAYWHO_SETTINGS "${etc_dir}/default/saywho-http")
set(SAYWHO_DOCDIR "${CMAKE_INSTALL_PREFIX}/${SAYWHO_INSTALL_DOCDIR}")
configure_file("${SAYWHO_SERVICE_TEMPLATE}" "${SAYWHO_SERVICE_STAGING}/saywho-http.service" @ONLY)

file(INSTALL "${SAYWHO_SERVICE_STAGING}/saywho-http.service" DESTINATION "${unit_dir}"
     FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
file(INSTALL "${SAYWHO_SERVICE_DEFAULTS}" DESTINATION "${etc_dir}/default" RENAME saywho-http
     FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
