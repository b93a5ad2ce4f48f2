// vpnd: a VPN concentrator that opens /dev/net/tun for each client session and never closes it
// when the session ends: one /dev/net/tun fd per session.
#include <linux/if_tun.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
int main(int c, char **v) {
  FILE *logf = fopen(c > 1 ? v[1] : "vpnd.log", "a");
  for (long n = 1;; n++) {
    int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
    if (fd < 0) { fprintf(logf, "vpnd: session %ld: open /dev/net/tun: %s\n", n, strerror(errno)); fflush(logf); sleep(1); continue; }
    struct ifreq ifr; memset(&ifr, 0, sizeof ifr);
    ifr.ifr_flags = IFF_TUN | IFF_NO_PI;
    snprintf(ifr.ifr_name, IFNAMSIZ, "vpn%ld", n);
    if (ioctl(fd, TUNSETIFF, &ifr) < 0) fprintf(logf, "vpnd: session %ld: TUNSETIFF: %s\n", n, strerror(errno));
    else fprintf(logf, "vpnd: session %ld up on %s\n", n, ifr.ifr_name);
    fflush(logf);
    usleep(200000);   /* the session ends; fd is never closed */
  }
}
