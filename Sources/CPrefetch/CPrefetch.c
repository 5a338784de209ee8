// SwiftPM builds a C target from its sources: this one has nothing but its
// header, compiled here on its own so that a mistake in it fails the build.
#include "CPrefetch.h"
