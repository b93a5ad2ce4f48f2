#include <stdio.h>
#include <unistd.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <sys/eventfd.h>
#include <errno.h>
#include <string.h>
int main(void){
  sigset_t m; sigemptyset(&m); sigaddset(&m, SIGUSR1); sigprocmask(SIG_BLOCK,&m,0);
  for(unsigned long job=1;;job++){
    int e = eventfd(0, EFD_NONBLOCK);           /* per-job wakeup, never closed */
    int s = signalfd(-1, &m, SFD_NONBLOCK);     /* per-job signal watch, never closed */
    if(e<0||s<0){ fprintf(stderr,"notifyd: job %lu: %s failed: %s\n", job, e<0?"eventfd":"signalfd", strerror(errno)); fflush(stderr); sleep(1); continue; }
    if(job%50==0){ printf("notifyd: job %lu dispatched\n", job); fflush(stdout);}
    usleep(job<120?5000:500000);
  }
}
