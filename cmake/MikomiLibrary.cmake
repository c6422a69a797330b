# mikomi_add_library(NAME DIR <dir> [PUBLIC_LIBS ...] [PRIVATE_LIBS ...])
# A static library made of every .cpp/.h in <dir> (not recursive). Each library owns its folder,
# so adding a file needs no CMake edit.
function(mikomi_add_library name)
    cmake_parse_arguments(ARG "" "DIR" "PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
    file(GLOB _src CONFIGURE_DEPENDS "${ARG_DIR}/*.cpp" "${ARG_DIR}/*.h")
    add_library(${name} STATIC ${_src})
    target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}")
    target_link_libraries(${name} PUBLIC mikomi_settings ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
    set_property(GLOBAL APPEND PROPERTY MIKOMI_TR_SOURCES ${_src})
endfunction()

# mikomi_add_test(NAME LIBS ... [SHARDS n]): one executable per unit, run headless by ctest.
# With SHARDS n (a long test; its main is MIKOMI_TEST_MAIN or MIKOMI_TEST_GUILESS_MAIN of
# tests/support/testshard.h) ctest runs it as n tests, NAME_1 … NAME_n, each a share of its test
# functions, so each stays under 10 s and they run side by side.
function(mikomi_add_test name)
    cmake_parse_arguments(ARG "" "SHARDS" "LIBS;SOURCES" ${ARGN})
    if(NOT ARG_SOURCES)
        set(ARG_SOURCES ${name}.cpp)
    endif()
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE mikomi_settings Qt6::Test ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE
        MIKOMI_CORPUS="${MIKOMI_CORPUS_DIR}"
        MIKOMI_TEST_DATA="${CMAKE_CURRENT_SOURCE_DIR}/data")
    set(_env "QT_QPA_PLATFORM=offscreen;LANG=C.UTF-8;LC_ALL=C.UTF-8;TZ=Asia/Tokyo")
    if(ARG_SHARDS)
        set(_tests "")
        foreach(_i RANGE 1 ${ARG_SHARDS})
            add_test(NAME ${name}_${_i} COMMAND ${name})
            set_tests_properties(${name}_${_i} PROPERTIES
                ENVIRONMENT "${_env};MIKOMI_TEST_SHARD=${_i}/${ARG_SHARDS}" TIMEOUT 300)
            list(APPEND _tests ${name}_${_i})
        endforeach()
    else()
        add_test(NAME ${name} COMMAND ${name})
        set_tests_properties(${name} PROPERTIES ENVIRONMENT "${_env}" TIMEOUT 300)
        set(_tests ${name})
    endif()
    set_property(TARGET ${name} PROPERTY MIKOMI_CTESTS ${_tests})
endfunction()

# mikomi_use_pgserver(NAME): the test runs on the run's one throwaway PostgreSQL server, the ctest
# fixture `pgserver` (tests/support/pgtestserver.cpp) that ctest starts before it and stops after
# the last test that uses it; tests/storage/pgserver.h finds it through MIKOMI_PG_SERVER. Run by
# hand, without that file, the test starts a server of its own.
set(MIKOMI_PG_DIR "${CMAKE_BINARY_DIR}/tests/pgserver")
function(mikomi_use_pgserver name)
    get_target_property(_tests ${name} MIKOMI_CTESTS)
    foreach(_t ${_tests})
        set_property(TEST ${_t} APPEND PROPERTY FIXTURES_REQUIRED pgserver)
        set_property(TEST ${_t} APPEND PROPERTY ENVIRONMENT
            "MIKOMI_PG_SERVER=${MIKOMI_PG_DIR}/server.ini")
    endforeach()
    add_dependencies(${name} pgtestserver)
endfunction()
