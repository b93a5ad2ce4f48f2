# Handler that makes a new asyncio event loop per request and never closes it.
import asyncio, time, sys
def handle(i):
    loop = asyncio.new_event_loop()
    loop.run_until_complete(asyncio.sleep(0))
    return loop  # kept on the request record; never closed
keep = []
i = 0
while True:
    i += 1
    try:
        keep.append(handle(i))
    except OSError as e:
        print(f"{time.strftime('%H:%M:%S')} request {i}: {e!r}", flush=True)
        time.sleep(1)
    time.sleep(0.02)
