/* output.c - output files written to a temporary name, then renamed, so a
 * failed run never leaves a half-written file. */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void set_err(es_error *err, const char *path, const char *what)
{
    err->status = ES_ERR_IO;
    err->line = 0;
    snprintf(err->file, sizeof err->file, "%s", path);
    snprintf(err->message, sizeof err->message, "%s: %s", what, strerror(errno));
}

int cli_output_open(cli_output *o, const char *path, es_error *err)
{
    memset(o, 0, sizeof *o);
    snprintf(o->name, sizeof o->name, "%s", strcmp(path, "-") == 0 ? "standard output" : path);
    if (strcmp(path, "-") == 0) {
        o->fp = stdout;
        return 0;
    }
    /* A device or a pipe (-o /dev/null, a FIFO) is written in place:
     * renaming a temporary file over it would replace it. */
    struct stat sb;
    if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
        if (S_ISDIR(sb.st_mode)) {
            errno = EISDIR;
            set_err(err, path, "cannot create output");
            return -1;
        }
        o->fp = fopen(path, "w");
        if (o->fp == NULL) {
            set_err(err, path, "cannot open output");
            return -1;
        }
        o->direct = 1;
        return 0;
    }
    size_t n = strlen(path);
    o->path = strdup(path);
    o->tmp_path = malloc(n + 16);
    if (o->path == NULL || o->tmp_path == NULL) {
        free(o->path);
        free(o->tmp_path);
        errno = ENOMEM;
        set_err(err, path, "cannot open output");
        return -1;
    }
    snprintf(o->tmp_path, n + 16, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(o->tmp_path);
    if (fd >= 0 && cli_temp_register(o->tmp_path, 0) != 0) {
        close(fd);
        unlink(o->tmp_path);
        fd = -1;
        errno = ENOMEM;
    }
    if (fd < 0 || (o->fp = fdopen(fd, "w")) == NULL) {
        set_err(err, path, "cannot create output");
        if (fd >= 0) {
            close(fd);
            unlink(o->tmp_path);
            cli_temp_forget(o->tmp_path);
        }
        free(o->path);
        free(o->tmp_path);
        o->path = o->tmp_path = NULL;
        return -1;
    }
    return 0;
}

int cli_output_commit(cli_output *o, es_error *err)
{
    if (o->direct) {
        int bad = ferror(o->fp);
        bad |= fclose(o->fp) != 0;
        o->fp = NULL;
        o->direct = 0;
        if (bad) {
            set_err(err, o->name, "cannot write the output");
            err->status = ES_ERR_WRITE;
            return -1;
        }
        return 0;
    }
    if (o->path == NULL) {
        if (fflush(stdout) != 0) {
            set_err(err, o->name, "cannot write the output");
            err->status = ES_ERR_WRITE;
            return -1;
        }
        return 0;
    }
    /* Flush, then sync the data to disk before the rename makes it the
     * file: a power cut after the rename must not leave an empty file. */
    errno = 0;
    int bad = ferror(o->fp) || fflush(o->fp) != 0;
    /* mkstemp makes the file private; give it the usual permissions. */
    mode_t mask = umask(0);
    umask(mask);
    if (!bad && (fchmod(fileno(o->fp), 0666 & ~mask) != 0 || fsync(fileno(o->fp)) != 0))
        bad = 1;
    int saved = errno;
    if (fclose(o->fp) != 0 || bad) {
        if (bad && saved != 0)
            errno = saved;
        o->fp = NULL;
        set_err(err, o->path, "cannot write the output");
        err->status = ES_ERR_WRITE;
        cli_output_abort(o);
        return -1;
    }
    o->fp = NULL;
    if (rename(o->tmp_path, o->path) != 0) {
        set_err(err, o->path, "cannot write output");
        cli_output_abort(o);
        return -1;
    }
    cli_temp_forget(o->tmp_path);
    cli_sync_parent(o->path);
    free(o->path);
    free(o->tmp_path);
    o->path = o->tmp_path = NULL;
    return 0;
}

void cli_output_abort(cli_output *o)
{
    if (o->direct) {
        fclose(o->fp);
        o->fp = NULL;
        o->direct = 0;
        return;
    }
    if (o->path == NULL)
        return;
    if (o->fp)
        fclose(o->fp);
    unlink(o->tmp_path);
    cli_temp_forget(o->tmp_path);
    free(o->path);
    free(o->tmp_path);
    o->fp = NULL;
    o->path = o->tmp_path = NULL;
}

int cli_sync_parent(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash == NULL ? strdup(".") : slash == path ? strdup("/") : strndup(path, (size_t)(slash - path));
    if (dir == NULL)
        return -1;
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    free(dir);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

int cli_output_is_input(const char *output, char *const *inputs, int n_inputs, const char *also1,
                        const char *also2)
{
    struct stat out;
    if (output == NULL || strcmp(output, "-") == 0 || stat(output, &out) != 0 || !S_ISREG(out.st_mode))
        return 0;
    for (int i = -2; i < n_inputs; i++) {
        const char *in = i == -2 ? also1 : i == -1 ? also2 : inputs[i];
        struct stat sb;
        if (in == NULL || strcmp(in, "-") == 0 || stat(in, &sb) != 0)
            continue;
        if (sb.st_dev == out.st_dev && sb.st_ino == out.st_ino) {
            cli_usage_error("%s: the output is the input %s; refusing to overwrite it", output, in);
            return 1;
        }
    }
    return 0;
}
