"""relay: a healthy asyncio TCP proxy (127.0.0.1:7411 -> backend 127.0.0.1:7412). Every
relayed connection closes both of its sockets when either side ends."""
import asyncio, os, sys, time

active = 0
async def pipe(r, w):
    try:
        while data := await r.read(4096):
            w.write(data); await w.drain()
    finally:
        w.close()

async def handle(cr, cw):
    global active
    active += 1
    try:
        br, bw = await asyncio.open_connection("127.0.0.1", 7412)
        await asyncio.gather(pipe(cr, bw), pipe(br, cw))
    finally:
        active -= 1
        cw.close()

async def report():
    while True:
        await asyncio.sleep(2)
        print(f"{time.strftime('%H:%M:%S')} relay: active={active} fds={len(os.listdir('/proc/self/fd'))}", flush=True)

async def main():
    srv = await asyncio.start_server(handle, "127.0.0.1", 7411, backlog=512)
    print(f"relay: pid={os.getpid()} listening 127.0.0.1:7411", flush=True)
    asyncio.create_task(report())
    async with srv:
        await srv.serve_forever()

asyncio.run(main())
