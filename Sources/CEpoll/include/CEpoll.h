#ifndef CEPOLL_H
#define CEPOLL_H

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/resource.h>

/// epoll_event is packed on x86_64, which Swift cannot lay out; these accessors hide it.
static inline int cepoll_ctl(int epfd, int op, int fd, unsigned int events, unsigned long long data) {
    struct epoll_event ev;
    ev.events = events;
    ev.data.u64 = data;
    return epoll_ctl(epfd, op, fd, &ev);
}

/// Waits for events and copies them into two parallel arrays Swift can read.
int cepoll_wait(int epfd, unsigned int *events, unsigned long long *data, int max, int timeout);

#endif
