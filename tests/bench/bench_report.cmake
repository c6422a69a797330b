mikomi_add_bench(bench_report SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_report.cpp
    LIBS mikomi_services)
# The command itself is timed too.
target_compile_definitions(bench_report PRIVATE MIKOMI_EXE="$<TARGET_FILE:mikomi>")
add_dependencies(bench_report mikomi)
