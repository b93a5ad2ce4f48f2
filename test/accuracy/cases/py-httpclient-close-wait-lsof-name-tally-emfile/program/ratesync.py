#!/usr/bin/env python3
"""ratesync: polls an exchange-rate API every 20 ms with http.client.
The bug: only the status line is looked at; each response is kept in `recent` (for a debug page)
without being read or closed, so its socket stays open; the API closes its end after each answer,
so every kept response's connection sits in CLOSE_WAIT until EMFILE."""
import http.client, logging, os, sys, time

logging.basicConfig(filename=sys.argv[2], level=logging.INFO,
                    format='%(asctime)s %(levelname)s ratesync[%(process)d]: %(message)s')
port = int(sys.argv[1])
recent = []
logging.info('started, polling 127.0.0.1:%d', port)
while True:
    try:
        conn = http.client.HTTPConnection('127.0.0.1', port, timeout=5)
        conn.request('GET', '/rates?base=EUR')
        resp = conn.getresponse()
        if resp.status != 200:
            logging.warning('status %d', resp.status)
        recent.append(resp)  # BUG: never resp.read() / resp.close()
    except OSError as e:
        logging.error('poll failed: %s', e)
        time.sleep(0.5)
    time.sleep(0.02)
