#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <string.h>
#include <time.h>
int main(void){
  int log = open("/tmp/acc170/relayd/relayd.log", O_WRONLY|O_CREAT|O_APPEND, 0644); /* no O_CLOEXEC */
  int s = socket(AF_INET, SOCK_STREAM, 0); /* no SOCK_CLOEXEC */
  struct sockaddr_in a; memset(&a,0,sizeof a); a.sin_family=AF_INET; a.sin_port=htons(47170); a.sin_addr.s_addr=htonl(INADDR_LOOPBACK);
  int one=1; setsockopt(s,SOL_SOCKET,SO_REUSEADDR,&one,sizeof one);
  bind(s,(void*)&a,sizeof a); listen(s,16);
  dprintf(log, "relayd %d: listening on 127.0.0.1:47170\n", getpid());
  for (int i=0;i<3;i++){
    pid_t c=fork();
    if(c==0){ execl("/bin/sleep","sleep","3600",(char*)0); _exit(127);}
    dprintf(log, "relayd %d: started helper pid %d\n", getpid(), c);
  }
  for(;;) pause();
}
