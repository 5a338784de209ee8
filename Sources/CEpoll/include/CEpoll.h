#ifndef CEPOLL_H
#define CEPOLL_H

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/resource.h>

/// Event bits and flags as plain unsigned values: Glibc's enums import awkwardly into Swift.
static const unsigned int CEPOLL_IN = EPOLLIN;
static const unsigned int CEPOLL_OUT = EPOLLOUT;
static const unsigned int CEPOLL_RDHUP = EPOLLRDHUP;
static const unsigned int CEPOLL_HUP = EPOLLHUP;
static const unsigned int CEPOLL_ERR = EPOLLERR;
static const unsigned int CEPOLL_ET = EPOLLET;

/// epoll_event is packed on x86_64, which Swift cannot lay out; these accessors hide it.
static inline int cepoll_ctl(int epfd, int op, int fd, unsigned int events, unsigned long long data) {
    struct epoll_event ev;
    ev.events = events;
    ev.data.u64 = data;
    return epoll_ctl(epfd, op, fd, &ev);
}

/// Waits for events and copies them into two parallel arrays Swift can read.
int cepoll_wait(int epfd, unsigned int *events, unsigned long long *data, int max, int timeout);

/// A new epoll instance, closed on exec.
int cepoll_create(void);

/// An eventfd starting at zero, closed on exec; non-blocking when `nonblocking` is non-zero.
int cepoll_eventfd(int nonblocking);

/// accept4 with SOCK_NONBLOCK | SOCK_CLOEXEC (GNU-only, so not visible through Glibc).
int cepoll_accept(int listener);

/// A TCP socket of `family`, closed on exec.
int cepoll_stream_socket(int family);

/// Sets SIGPIPE to be ignored for the whole process; 0 on success, -1 with errno.
int cepoll_ignore_sigpipe(void);

/// Installs handlers for `count` signals that only record the signal and
/// write 1 to `eventfd` (async-signal-safe), and unblocks them in the calling
/// thread (a mask inherited from the parent would hold them pending); the
/// previous actions are kept for cepoll_signals_restore. Returns -1 with
/// errno EBUSY if already installed.
int cepoll_signals_install(int eventfd, const int *signals, int count);

/// Returns the set of signals caught since the last call (bit n = signal n) and clears it.
unsigned long long cepoll_signals_take(void);

/// Puts back the actions replaced by cepoll_signals_install.
void cepoll_signals_restore(void);

#endif
