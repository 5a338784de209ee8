/* The header declares what libFuzzer defines; SwiftPM needs one source file per C target. */
#include "CLibFuzzer.h"
