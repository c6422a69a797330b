mikomi_add_bench(bench_import LIBS mikomi_services Qt6::Sql)
