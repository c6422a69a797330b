mikomi_add_bench(bench_merge SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_merge.cpp
    LIBS mikomi_services Qt6::Sql)
