// The floor of any lsof reader in Node: read the file in 1 MiB chunks and count rows per PID (the
// second word), which is all the write-up's awk pipeline does, and nothing fdleak does beyond it.
//   node dist/bench/lsof-floor.js FILE
// Printed by `npm run bench` beside fdleak and awk: what start-up and reading alone cost here.
import { createReadStream } from 'node:fs';

async function rowsPerPid(path: string): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  let carry: Buffer | null = null;
  for await (const read of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const chunk: Buffer = carry ? Buffer.concat([carry, read]) : read;
    carry = null;
    let from = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, from)) {
      let i = from;
      while (i < nl && chunk[i] !== 32) i++;
      while (i < nl && chunk[i] === 32) i++;
      let pid = 0;
      for (; i < nl && chunk[i] >= 48 && chunk[i] <= 57; i++) pid = pid * 10 + chunk[i] - 48;
      counts.set(pid, (counts.get(pid) ?? 0) + 1);
      from = nl + 1;
    }
    if (from < chunk.length) carry = chunk.subarray(from);
  }
  return counts;
}

const counts = await rowsPerPid(process.argv[2]);
const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 10);
for (const [pid, n] of top) console.log(`${n} ${pid}`);
