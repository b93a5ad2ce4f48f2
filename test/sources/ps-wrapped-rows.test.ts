// A long ps row a terminal wrapped onto the lines under it, as kingdon-ci/jenkins-infra#36 pasted
// `ps wuax|grep 335736` (Keycloak's java command line on five lines): the row is read, its wrapped
// rest is no row of its own and no warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLines } from '../../src/sources/run.js';
import { ps } from '../../src/sources/ps.js';

const WRAPPED = [
  'kingdon   335736  2.8  3.2 1794176 530832 ?      Sl   18:54   0:45 java -D[Standalone] -server -Xms64m -Xmx512m ',
  '-XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true --add-exports=java.base/sun.nio.ch=ALL-UNNAMED ',
  '--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED --add-exports=jdk.unsupported/sun.reflect=ALL-UNNAMED -Dorg.jboss.boot.log.file=/opt/jboss/keycloak/standalone/log/server.log -Dlogging.configuration=file:/opt/jboss/keycloak/standalone/configuration/logging.properties ',
  '-jar /opt/jboss/keycloak/jboss-modules.jar -mp /opt/jboss/keycloak/modules org.jboss.as.standalone -Djboss.home.dir=/opt/jboss/keycloak -Djboss.server.base.dir=/opt/jboss/keycloak/standalone ',
  '-Djboss.bind.address=10.44.0.3 -Djboss.bind.address.private=10.44.0.3 -c=standalone-ha.xml -b 0.0.0.0',
];

test("a ps row wrapped by the terminal: the rows are read, the wrapped lines are the row's rest", () => {
  assert.ok(ps.detect({ head: WRAPPED, name: 'transcript.md', command: 'ps wuax|grep 335736' }) >= 0.9);
  const r = parseLines(ps, WRAPPED, { command: 'ps wuax|grep 335736' });
  assert.deepEqual(r.warnings, []);
  assert.deepEqual(
    r.artifact.processes.map((p) => [p.pid, p.user]),
    [[335736, 'kingdon']],
  );
});

test('a short line under a short row is no wrapped rest: it is reported', () => {
  const rows = ['kingdon 335736 2.8 3.2 1794176 530832 ? Sl 18:54 0:45 java -jar app.jar', 'garbage here'];
  const r = parseLines(ps, rows, { command: 'ps wuax|grep 335736' });
  assert.equal(r.warnings.length, 1);
});
