/* cleanup.c - temporary files and directories removed when the command is
 * interrupted (SIGINT, SIGTERM, SIGHUP) as well as on every error path.
 *
 * This is the command line's one piece of global state: a signal handler
 * can reach nothing else. The handler only unlinks the registered paths
 * (async-signal-safe), then dies of the same signal. Registering and
 * forgetting block the signals, so the handler never sees a list half
 * changed; `run` writes its files on several threads, so they also take a
 * mutex, and each slot's path is one atomic pointer the handler reads. */
#include "cli.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CLI_MAX_TEMPS 64

static _Atomic(char *) temp_path[CLI_MAX_TEMPS];
static atomic_int temp_dir[CLI_MAX_TEMPS];
static pthread_mutex_t temp_lock = PTHREAD_MUTEX_INITIALIZER;

static const int caught[] = {SIGINT, SIGTERM, SIGHUP};

static void block(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < sizeof caught / sizeof caught[0]; i++)
        sigaddset(&set, caught[i]);
    pthread_sigmask(SIG_BLOCK, &set, old);
}

void cli_cleanup_block_signals(void)
{
    sigset_t old;
    block(&old);
}

static void on_signal(int sig)
{
    /* files first, then the directories that held them */
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < CLI_MAX_TEMPS; i++)
        {
            char *path = atomic_load(&temp_path[i]);
            if (path != NULL && atomic_load(&temp_dir[i]) == pass) {
                if (pass)
                    rmdir(path);
                else
                    unlink(path);
            }
        }
    signal(sig, SIG_DFL);
    raise(sig);
}

void cli_cleanup_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof caught / sizeof caught[0]; i++)
        sigaddset(&sa.sa_mask, caught[i]);
    for (size_t i = 0; i < sizeof caught / sizeof caught[0]; i++) {
        struct sigaction old;
        /* a signal ignored by whoever started us stays ignored (nohup) */
        if (sigaction(caught[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(caught[i], &sa, NULL);
    }
}

int cli_temp_register(const char *path, int is_dir)
{
    char *copy = strdup(path);
    if (copy == NULL)
        return -1;
    sigset_t old;
    block(&old);
    pthread_mutex_lock(&temp_lock);
    int slot = -1;
    for (int i = 0; i < CLI_MAX_TEMPS && slot < 0; i++)
        if (atomic_load(&temp_path[i]) == NULL)
            slot = i;
    if (slot >= 0) {
        atomic_store(&temp_dir[slot], is_dir != 0);
        atomic_store(&temp_path[slot], copy); /* last: the handler sees a whole entry */
    }
    pthread_mutex_unlock(&temp_lock);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (slot < 0)
        free(copy);
    return slot < 0 ? -1 : 0;
}

void cli_temp_forget(const char *path)
{
    sigset_t old;
    block(&old);
    pthread_mutex_lock(&temp_lock);
    char *gone = NULL;
    for (int i = 0; i < CLI_MAX_TEMPS && gone == NULL; i++) {
        char *p = atomic_load(&temp_path[i]);
        if (p != NULL && strcmp(p, path) == 0) {
            gone = p;
            atomic_store(&temp_path[i], NULL);
        }
    }
    pthread_mutex_unlock(&temp_lock);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    free(gone);
}
