"""Backend echo server on 7412 and a bounded load: 120 clients through the relay, each sending
and closing, over and over for ~20 s."""
import asyncio, time

async def echo(r, w):
    while data := await r.read(4096):
        w.write(data); await w.drain()
    w.close()

async def client(stop):
    while time.time() < stop:
        try:
            r, w = await asyncio.open_connection("127.0.0.1", 7411)
            for _ in range(5):
                w.write(b"quote AAPL\n"); await w.drain(); await r.read(100)
                await asyncio.sleep(0.05)
            w.close(); await w.wait_closed()
        except OSError:
            await asyncio.sleep(0.1)

async def main():
    srv = await asyncio.start_server(echo, "127.0.0.1", 7412, backlog=512)
    await asyncio.sleep(1)
    stop = time.time() + 20
    await asyncio.gather(*(client(stop) for _ in range(120)))
    srv.close()

asyncio.run(main())
