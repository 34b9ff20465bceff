/* floor.c - the floor for `make bench`: the least any extractor must do
 * with the same files. It reads each file whole (one buffer sized by
 * fstat) and counts UTF-8 code points and ASCII digits, one pass, one
 * core. Extraction's time is reported as a multiple of this one's.
 * usage: floor FILE...   prints "files bytes code_points digits". */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    unsigned long long bytes = 0, points = 0, digits = 0;
    size_t cap = 0;
    unsigned char *buf = NULL;
    for (int i = 1; i < argc; i++) {
        int fd = open(argv[i], O_RDONLY);
        struct stat sb;
        if (fd < 0 || fstat(fd, &sb) != 0) {
            perror(argv[i]);
            return 1;
        }
        size_t n = (size_t)sb.st_size;
        if (n > cap) {
            unsigned char *p = realloc(buf, n);
            if (p == NULL) {
                fputs("floor: out of memory\n", stderr);
                return 1;
            }
            buf = p;
            cap = n;
        }
        size_t got = 0;
        while (got < n) {
            ssize_t r = read(fd, buf + got, n - got);
            if (r <= 0)
                break;
            got += (size_t)r;
        }
        close(fd);
        for (size_t k = 0; k < got; k++) {
            points += (buf[k] & 0xC0) != 0x80;
            digits += buf[k] - '0' < 10u;
        }
        bytes += got;
    }
    free(buf);
    printf("%d %llu %llu %llu\n", argc - 1, bytes, points, digits);
    return 0;
}
