# Writes OUT (a header with MIKOMI_COMMIT) from `git describe` of SRC, at every build, touching the
# file only when the commit changed (so nothing recompiles otherwise). Outside a git checkout the
# commit comes from the MIKOMI_COMMIT environment variable (a source tarball), else "unknown".
set(commit "")
if(DEFINED ENV{MIKOMI_COMMIT})
    set(commit "$ENV{MIKOMI_COMMIT}")
else()
    find_package(Git QUIET)
    if(GIT_FOUND)
        execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${SRC}" rev-parse --short=10 HEAD
                        OUTPUT_VARIABLE commit ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
        if(commit)
            execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${SRC}" status --porcelain
                                    --untracked-files=no
                            OUTPUT_VARIABLE dirty ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
            if(dirty)
                set(commit "${commit}-modified")
            endif()
        endif()
    endif()
endif()
if(NOT commit)
    set(commit "unknown")
endif()
set(content "#pragma once\n#define MIKOMI_COMMIT \"${commit}\"\n")
if(EXISTS "${OUT}")
    file(READ "${OUT}" old)
endif()
if(NOT "${old}" STREQUAL "${content}")
    file(WRITE "${OUT}" "${content}")
endif()
