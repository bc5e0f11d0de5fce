#define _GNU_SOURCE
#include "map_guard.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define SLOTS 8

/* Each slot: the guarded range [start, end) (0 when free) and the pages replaced in it. A
   handler may run on any thread at any time, so everything it reads is atomic. */
static _Atomic uintptr_t starts[SLOTS];
static _Atomic uintptr_t ends[SLOTS];
static _Atomic int torn[SLOTS];
static pthread_mutex_t slots_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t installed = PTHREAD_ONCE_INIT;
static struct sigaction previous;
/* Read once when the handler is installed: the handler itself calls only mmap and signal. */
static uintptr_t page_size = 4096;

static void on_bus(int sig, siginfo_t *info, void *context) {
    uintptr_t at = (uintptr_t)info->si_addr;
    for (int i = 0; i < SLOTS; i++) {
        uintptr_t s = atomic_load(&starts[i]), e = atomic_load(&ends[i]);
        if (s != 0 && at >= s && at < e) {
            void *p = (void *)(at & ~(page_size - 1));
            /* Zeros in place of the page the file no longer has; the faulting read retries. */
            if (mmap(p, page_size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
                atomic_fetch_add(&torn[i], 1);
                return;
            }
        }
    }
    /* Not a guarded page: what was there before. A handler is called; the default action (or
       an ignored SIGBUS, which the system does not allow to continue) is put back, and the
       faulting instruction, run again, gets it. */
    if (previous.sa_flags & SA_SIGINFO) {
        if (previous.sa_sigaction) { previous.sa_sigaction(sig, info, context); return; }
    } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
        previous.sa_handler(sig);
        return;
    }
    signal(SIGBUS, SIG_DFL);
}

static void install(void) {
    long page = sysconf(_SC_PAGESIZE);
    if (page > 0) page_size = (uintptr_t)page;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_bus;
    action.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    sigaction(SIGBUS, &action, &previous);
}

int pd_map_guard(const void *start, size_t length) {
    pthread_once(&installed, install);
    int slot = -1;
    pthread_mutex_lock(&slots_lock);
    for (int i = 0; i < SLOTS; i++) {
        if (atomic_load(&starts[i]) == 0) {
            atomic_store(&torn[i], 0);
            atomic_store(&ends[i], (uintptr_t)start + length);
            atomic_store(&starts[i], (uintptr_t)start);
            slot = i;
            break;
        }
    }
    pthread_mutex_unlock(&slots_lock);
    return slot;
}

int pd_map_unguard(int slot) {
    if (slot < 0 || slot >= SLOTS) return 0;
    pthread_mutex_lock(&slots_lock);
    atomic_store(&starts[slot], 0);
    atomic_store(&ends[slot], 0);
    int n = atomic_load(&torn[slot]);
    pthread_mutex_unlock(&slots_lock);
    return n;
}
