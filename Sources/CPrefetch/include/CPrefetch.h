#ifndef CPREFETCH_H
#define CPREFETCH_H

/// Asks the processor to start bringing the cache line at `address` in for
/// reading, and goes on without waiting for it; Swift has no way of its own
/// to say so. A null or wild address is harmless: a prefetch never faults.
static inline void cprefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
