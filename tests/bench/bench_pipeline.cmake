mikomi_add_bench(bench_pipeline SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_pipeline.cpp
    LIBS mikomi_services)
