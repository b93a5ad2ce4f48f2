// redactText on the shapes captures hold: addresses with their ports, IPv6 in brackets and mapped,
// secrets in command lines, logs and JSON, credentials in URLs, names at every boundary; and what
// must stay: loopback, times, numbers, versions, control characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Learner } from '../../src/redact/learn.js';
import { RedactMap } from '../../src/redact/map.js';
import { REDACTED, redactSecrets, secretKey } from '../../src/redact/secrets.js';
import { redactText } from '../../src/redact/text.js';

/** A map learned from `lines`, as a bundle's would be. */
function learned(lines: string[], patterns: RegExp[] = []): RedactMap {
  const l = new Learner(patterns);
  for (const line of lines) l.line(line);
  return l.finish();
}

test('IPv4: the port stays, one address is one pseudonym everywhere, loopback/unspecified/netmasks stay', () => {
  const map = new RedactMap();
  assert.equal(redactText('connect to 10.8.16.21:2280 failed', map), 'connect to 192.0.2.1:2280 failed');
  assert.equal(redactText('TCP 10.8.3.4:8080->10.8.16.21:2280 (ESTABLISHED)', map), 'TCP 192.0.2.2:8080->192.0.2.1:2280 (ESTABLISHED)');
  assert.equal(redactText('sin_addr=inet_addr("10.8.16.21")', map), 'sin_addr=inet_addr("192.0.2.1")');
  assert.equal(
    redactText('127.0.0.1:8080 127.3.4.5 0.0.0.0:22 *:80 255.255.255.0', map),
    '127.0.0.1:8080 127.3.4.5 0.0.0.0:22 *:80 255.255.255.0',
  );
  // AWS spells the address in its host names; in a domain name the whole host is a host.
  assert.equal(redactText('ip-10-8-16-21 ip-10-8-16-21.ec2.internal', map), 'ip-192-0-2-1 host-1.domain-1.example');
});

test('IPv4: numbers that are not addresses stay (versions, OIDs, times, counts)', () => {
  const map = new RedactMap();
  const text = 'jdk1.8.0_151 1.3.6.1.4.1 02:35:17.123456 4.18.0.305 v1.2.3.4 65,966 0t0 1.2.3.4.5';
  assert.equal(redactText(text, map), text);
});

test('IPv6: bare, in brackets with a port, netstat-style with a port, ::ffff:-mapped; ::1 and :: stay', () => {
  const map = new RedactMap();
  assert.equal(redactText('[fd00:1234::10]:443', map), '[2001:db8::1]:443');
  assert.equal(redactText('peer fd00:1234:0:0::10 again', map), 'peer 2001:db8::1 again');
  assert.equal(redactText('tcp6 0 0 fd00::5:80 fd00::6:51234 ESTABLISHED', map), 'tcp6 0 0 2001:db8::2:80 2001:db8::3:51234 ESTABLISHED');
  assert.equal(redactText('::ffff:10.0.0.7:8080 and 10.0.0.7', map), '::ffff:192.0.2.1:8080 and 192.0.2.1');
  assert.equal(redactText('[::1]:631 [::]:22 :::8080 ::ffff:127.0.0.1:9000', map), '[::1]:631 [::]:22 :::8080 ::ffff:127.0.0.1:9000');
  const untouched = 'std::vector 02:35:17 aa:bb:cc:dd:ee:ff Foo::bar';
  assert.equal(redactText(untouched, map), untouched);
});

test('a pseudonym is never an address the bundle holds', () => {
  const map = learned(['seen 192.0.2.1 and 10.0.0.1 and 2001:db8::1 and fd00::9']);
  assert.equal(redactText('192.0.2.1', map), '192.0.2.2');
  assert.equal(redactText('10.0.0.1', map), '192.0.2.3');
  assert.equal(redactText('fd00::9', map), '2001:db8::3');
  assert.equal(redactText('2001:db8::1', map), '2001:db8::2');
});

test('secrets in command lines: -D…password…=, --token VALUE, --password=VALUE, quoted values', () => {
  const cmd =
    'java -Ddb.password=hunter2 -Djavax.net.ssl.keyStorePassword=s3cret -Dapi.token=abc -jar app.jar --token xyz --password=p4ss --api-key "k e y" --user bob';
  assert.equal(
    redactSecrets(cmd),
    `java -Ddb.password=${REDACTED} -Djavax.net.ssl.keyStorePassword=${REDACTED} -Dapi.token=${REDACTED} -jar app.jar --token ${REDACTED} --password=${REDACTED} --api-key "${REDACTED}" --user bob`,
  );
  assert.equal(
    redactSecrets('MYSQL_PWD=x PGPASSWORD=y PWD=/root OLDPWD=/tmp'),
    `MYSQL_PWD=${REDACTED} PGPASSWORD=${REDACTED} PWD=/root OLDPWD=/tmp`,
  );
});

test('secrets in log lines and JSON: key: value, key=value, Authorization, Cookie, the rest of the line stays', () => {
  assert.equal(redactSecrets('login ok password=abc, user=bob'), `login ok password=${REDACTED}, user=bob`);
  assert.equal(redactSecrets('{password=abc, secret: x9}'), `{password=${REDACTED}, secret: ${REDACTED}}`);
  assert.equal(
    redactSecrets('{"password": "a\\"b", "token": 123, "user": "bob"}'),
    `{"password": "${REDACTED}", "token": "${REDACTED}", "user": "bob"}`,
  );
  assert.equal(
    redactSecrets('GET /x HTTP/1.1\\r\\nAuthorization: Bearer eyJhbGc.x.y\\r\\n'),
    `GET /x HTTP/1.1\\r\\nAuthorization: Bearer ${REDACTED}\\r\\n`,
  );
  assert.equal(redactSecrets("curl -H 'Authorization: Basic Ym9iOnB3' https://x"), `curl -H 'Authorization: Basic ${REDACTED}' https://x`);
  assert.equal(redactSecrets('Cookie: sid=1; theme=dark'), `Cookie: ${REDACTED}`);
  assert.equal(redactSecrets('write(3, "client_secret=zz&grant=1", 24)'), `write(3, "client_secret=${REDACTED}&grant=1", 24)`);
});

test('not secrets: words that only look like keys, and keys that name where a secret is', () => {
  for (const text of [
    'tokenizer=standard',
    'max_tokens=100',
    'password_file=/etc/app/pw',
    'token_type=Bearer',
    'bypass=1',
    'keys=3',
    'a::b',
    'author=alice',
  ]) {
    assert.equal(redactSecrets(text), text, text);
  }
  assert.ok(secretKey('apiKey') && secretKey('aws_secret_access_key') && secretKey('X-Auth-Token'));
  assert.ok(!secretKey('aws_access_key_id') && !secretKey('PWD'));
});

test('URLs with credentials: the scheme and the host (as a pseudonym) stay, the credentials go', () => {
  const map = new RedactMap();
  assert.equal(redactText('jdbc:mysql://app:pa@ss@db.corp.acme.com:3306/orders', map), 'jdbc:mysql://host-1.domain-1.example:3306/orders');
  assert.equal(redactText('redis://:s3cret@10.0.0.9:6379/0', map), 'redis://192.0.2.1:6379/0');
  assert.equal(redactText('see http://example.com/x', map), 'see http://example.com/x');
});

test('names: prompts, /home, uid=, sos folder names, domain names, any case for hosts, exact case for users', () => {
  const map = learned(['[nemo@tomcat-87 ~]$ ls', 'root@web3:~# id', 'uid=1001(alice) gid=1001(alice)', 'cat /home/bob/.profile']);
  assert.equal(redactText('[nemo@tomcat-87 ~]$ ls /home/nemo', map), '[user-1@host-1 ~]$ ls /home/user-1');
  assert.equal(redactText('root@web3:~# ssh alice@tomcat-87', map), 'root@host-2:~# ssh user-2@host-1');
  assert.equal(
    redactText('sosreport-web3-2026-01-01-abcd.tar.xz WEB3 web3.corp.acme.com', map),
    'sosreport-host-2-2026-01-01-abcd.tar.xz host-2 host-2.domain-1.example',
  );
  assert.equal(redactText('/home/bob/app.log bob_backup Bob', map), '/home/user-3/app.log user-3_backup Bob');
  // Words that merely contain a name stay.
  assert.equal(redactText('web35 nemoX tomcat-870', map), 'web35 nemoX tomcat-870');
  // root and the service accounts say nothing about whose host it is.
  assert.match(redactText('root haproxy', map), /^root haproxy$/);
});

test('domain names: a host in a domain keeps its pseudonym; file names, Java classes and JVM properties are no domains', () => {
  const map = learned(['root@web3:~# ls', 'connecting to web3.prod.acme.com and db1.internal']);
  assert.equal(redactText('web3.prod.acme.com db1.internal acme.com', map), 'host-1.domain-1.example host-2.internal domain-2.example');
  const untouched = 'java.io.FileInputStream cat_20190722.log -Dcatalina.home=/data/tomcat org.apache.juli.ClassLoaderLogManager';
  assert.equal(redactText(untouched, map), untouched);
});

test("OpenWrt logread's facility.info is a syslog priority, no domain; a real .info domain still is one", () => {
  // Control-D-Inc/ctrld#243 (test/accuracy/cases/gh-ctrld-openwrt-logread-emfile-pid-28131).
  const line =
    'Sun May 25 22:06:16 2025 daemon.info ctrld[28131]: May 26 02:06:16.936 ERR could not init hosts file discover error="too many open files"';
  const map = learned(['root@OpenWrt:~# ls /etc/hosts', line]);
  assert.equal(redactText(line, map), line);
  assert.equal(redactText('Wed Mar 27 02:55:10 2019 kern.info kernel: x', map), 'Wed Mar 27 02:55:10 2019 kern.info kernel: x');
  assert.equal(redactText('see acme.info', map), 'see domain-1.example');
});

test('control characters are left for the terminal layer to show', () => {
  const map = new RedactMap();
  assert.equal(redactText('\x1b[31m10.0.0.1\x1b[0m\u202e\x07 web3', map), '\x1b[31m192.0.2.1\x1b[0m\u202e\x07 web3');
  const named = learned(['root@web3:~# ls']);
  assert.equal(redactText('\x1b[1mweb3\x1b[0m', named), '\x1b[1mhost-1\x1b[0m');
});

test("the user's patterns: consistent pseudonyms, applied before everything else", () => {
  const map = learned(['order ACME-1234 then ACME-99 then ACME-1234'], [/ACME-[0-9]+/g]);
  assert.equal(redactText('ACME-99, ACME-1234, ACME-7', map), 'redacted-2, redacted-1, redacted-3');
});

test("a table's columns stay where they were: a pseudonym is padded into the gap after it, or takes blanks from it", () => {
  // prometheus/node_exporter#2513's lsof rows: `node-exp` becomes `user-1`, and NAME `/` must stay under NAME.
  const l = new Learner();
  l.user('node-exp');
  l.user('averylongusername');
  const map = l.finish();
  const row = 'node_expo 3197945 node-exp  cwd       DIR              254,1     4096        2 /';
  const red = redactText(row, map);
  assert.equal(red.length, row.length);
  assert.equal(red.indexOf('cwd'), row.indexOf('cwd'));
  // A longer name: the pseudonym is shorter, padded the same way; prose keeps its single blanks.
  assert.equal(redactText('averylongusername    0r  CHR', map).indexOf('0r'), 'averylongusername    0r  CHR'.indexOf('0r'));
  assert.equal(redactText('owned by node-exp then', map), 'owned by user-1 then');
});

test("a zsh theme's prompt names its user and host: `user@host ~/dir ±branch⚡ » cmd` (vscode#53965)", () => {
  const map = learned(['avecerek@avecerek ~/my_current_path ±avecerek_use-node-publisher⚡ » lsof -p 7389 | wc -l']);
  assert.doesNotMatch(redactText('avecerek          7389  99.0  3.4', map), /avecerek/);
});
