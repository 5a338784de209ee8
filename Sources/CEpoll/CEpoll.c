#define _GNU_SOURCE
#include "CEpoll.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

int cepoll_wait(int epfd, unsigned int *events, unsigned long long *data, int max, int timeout) {
    struct epoll_event buffer[256];
    if (max > 256) max = 256;
    int n = epoll_wait(epfd, buffer, max, timeout);
    for (int i = 0; i < n; i++) {
        events[i] = buffer[i].events;
        data[i] = buffer[i].data.u64;
    }
    return n;
}

int cepoll_create(void) {
    return epoll_create1(EPOLL_CLOEXEC);
}

int cepoll_eventfd(int nonblocking) {
    return eventfd(0, EFD_CLOEXEC | (nonblocking ? EFD_NONBLOCK : 0));
}

int cepoll_accept(int listener) {
    return accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

int cepoll_stream_socket(int family) {
    return socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
}

int cepoll_ignore_sigpipe(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_IGN;
    sigemptyset(&action.sa_mask);
    return sigaction(SIGPIPE, &action, NULL);
}

#define CEPOLL_MAX_SIGNAL 64

static atomic_int signal_fd = -1;
static atomic_ullong caught;
static int installed[CEPOLL_MAX_SIGNAL];
static int installed_count;
static struct sigaction previous[CEPOLL_MAX_SIGNAL];

/// Runs on whatever thread the kernel picks: it only sets a bit and writes to the eventfd.
static void on_signal(int number) {
    int saved = errno;
    atomic_fetch_or(&caught, 1ULL << number);
    int fd = atomic_load(&signal_fd);
    if (fd >= 0) {
        uint64_t one = 1;
        ssize_t ignored = write(fd, &one, sizeof one);
        (void)ignored;
    }
    errno = saved;
}

int cepoll_signals_install(int eventfd, const int *signals, int count) {
    if (atomic_load(&signal_fd) >= 0) {
        errno = EBUSY;
        return -1;
    }
    if (count > CEPOLL_MAX_SIGNAL) {
        errno = EINVAL;
        return -1;
    }
    atomic_store(&caught, 0);
    atomic_store(&signal_fd, eventfd);
    installed_count = 0;
    for (int i = 0; i < count; i++) {
        if (signals[i] <= 0 || signals[i] >= CEPOLL_MAX_SIGNAL) {
            cepoll_signals_restore();
            errno = EINVAL;
            return -1;
        }
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = on_signal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        if (sigaction(signals[i], &action, &previous[installed_count]) != 0) {
            int saved = errno;
            cepoll_signals_restore();
            errno = saved;
            return -1;
        }
        installed[installed_count++] = signals[i];
    }
    /* A parent may have blocked these signals (a test runner's worker
       thread, some supervisors) and the mask is inherited across exec:
       unblock them in this thread, or they would stay pending forever. */
    sigset_t set;
    sigemptyset(&set);
    for (int i = 0; i < count; i++) sigaddset(&set, signals[i]);
    int failed = pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    if (failed != 0) {
        cepoll_signals_restore();
        errno = failed;
        return -1;
    }
    return 0;
}

unsigned long long cepoll_signals_take(void) {
    return atomic_exchange(&caught, 0);
}

void cepoll_signals_restore(void) {
    for (int i = installed_count - 1; i >= 0; i--) {
        /* Cannot fail: the signal numbers were accepted when installing. */
        (void)sigaction(installed[i], &previous[i], NULL);
    }
    installed_count = 0;
    atomic_store(&signal_fd, -1);
}
