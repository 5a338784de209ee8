#include "CEpoll.h"

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
