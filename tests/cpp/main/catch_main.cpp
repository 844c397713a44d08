// Catch2 v2 main for the WebAssembly test build (natively, Catch2::Catch2WithMain provides it).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
