#ifndef CLIBFUZZER_H
#define CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's own entry point (LLVM 12 and later): parses the usual
/// libFuzzer flags from argc/argv and fuzzes `callback`. SwiftPM links every
/// executable's `main` to `<Module>_main`, so the targets define that and
/// call this instead of relying on libFuzzer's `main`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
