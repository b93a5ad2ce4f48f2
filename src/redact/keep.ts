// Names that say nothing about whose host this is, and are kept as written: replacing them would
// only garble the story (a service account is usually named after its program: `haproxy` runs
// haproxy), and placeholders are what a writer left after redacting by hand.

/** root, the accounts distributions create for themselves and for packaged services, and cloud images' default users. */
const KEPT_USERS: ReadonlySet<string> = new Set([
  'root',
  'daemon',
  'bin',
  'sys',
  'sync',
  'games',
  'man',
  'lp',
  'mail',
  'news',
  'uucp',
  'proxy',
  'www-data',
  'backup',
  'list',
  'irc',
  'gnats',
  'nobody',
  'nfsnobody',
  'nogroup',
  'adm',
  'operator',
  'ftp',
  'halt',
  'shutdown',
  'systemd-network',
  'systemd-resolve',
  'systemd-timesync',
  'systemd-coredump',
  'systemd-oom',
  'messagebus',
  'syslog',
  '_apt',
  'sshd',
  'ntp',
  'chrony',
  'polkitd',
  'dbus',
  'avahi',
  'postfix',
  'rpc',
  'rpcuser',
  'tss',
  'uuidd',
  'tcpdump',
  'dnsmasq',
  'mysql',
  'postgres',
  'redis',
  'nginx',
  'apache',
  'httpd',
  'haproxy',
  'tomcat',
  'jetty',
  'memcache',
  'memcached',
  'rabbitmq',
  'mongodb',
  'elasticsearch',
  'kafka',
  'zookeeper',
  'zabbix',
  'nagios',
  'prometheus',
  'grafana',
  'docker',
  'git',
  'ubuntu',
  'debian',
  'centos',
  'ec2-user',
  'cloud-user',
  'admin',
  'vagrant',
  'user',
  'username',
  // A generic account (gunicorn's `server` in benoitc/gunicorn#2100), and a word fdleak's own guidance
  // says ("a busy server"): as a host, a placeholder (KEPT_HOSTS).
  'server',
  // The generic account of a test box (`[test@localhost sudo]$` in sudo-project/sudo#317), and a word
  // fdleak's own guidance says ("Add a test that makes the dependency fail").
  'test',
  // The generic account neofs-node's storage runs as (`neofs-nod 1030 service … DIR` in
  // nspcc-dev/neofs-node#1986), and a word fdleak's own guidance says ("Which service it is").
  'service',
]);

/** Loopback names and the placeholders people write instead of a host. */
const KEPT_HOSTS: ReadonlySet<string> = new Set([
  'localhost',
  'localhost.localdomain',
  'localhost4',
  'localhost6',
  'ip6-localhost',
  'ip6-loopback',
  'localdomain',
  'host',
  'hostname',
  'myhost',
  'yourhost',
  'server',
  'example',
  'example.com',
  'example.org',
  'example.net',
]);

/** Suffixes for private use: `db1.internal` names a host (host-3.internal), and `internal` says nothing. */
export const PRIVATE_SUFFIXES: ReadonlySet<string> = new Set([
  'local',
  'localdomain',
  'internal',
  'intranet',
  'intra',
  'lan',
  'corp',
  'private',
  'priv',
]);

/**
 * Last labels that make a dotted word a domain name (`api.corp.example.com`, not
 * `java.io.File` or `cat_20190722.log`). Top-level domains that are also common file extensions
 * (.py, .sh, .md, .so, .rs, .pl, .zip, .ch ...) are left out on purpose.
 */
export const TLDS: ReadonlySet<string> = new Set([
  'com',
  'net',
  'org',
  'edu',
  'gov',
  'mil',
  'int',
  'info',
  'biz',
  'io',
  'cloud',
  ...PRIVATE_SUFFIXES,
  'arpa',
  'svc',
  'cn',
  'de',
  'uk',
  'jp',
  'fr',
  'ru',
  'br',
  'nl',
  'eu',
  'au',
  'ca',
  'kr',
  'se',
  'no',
  'dk',
  'fi',
  'es',
  'cz',
  'at',
  'be',
  'us',
  'tw',
  'hk',
  'sg',
  'nz',
  'za',
  'mx',
  'ar',
]);

/** Accounts of the system, no person's: systemd's (`systemd-resolve`), macOS's (`_mdnsresponder`, `_www`). */
export function keptUser(name: string): boolean {
  return KEPT_USERS.has(name) || name.startsWith('systemd-') || /^_[a-z]/.test(name);
}

/**
 * A syslog priority as OpenWrt's logread prints it, facility.level (`daemon.info ctrld[28131]: …`,
 * `kern.info kernel: …`): `info` is also a top-level domain, but the word names no host.
 */
const SYSLOG_PRIORITY = /^(?:kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|local[0-7])\.info$/;

export function keptHost(name: string): boolean {
  const lower = name.toLowerCase();
  return KEPT_HOSTS.has(lower) || SYSLOG_PRIORITY.test(lower);
}
