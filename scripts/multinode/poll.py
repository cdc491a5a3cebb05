# Polls one instance's page over one keep-alive connection until it shows a text; prints
# "seen <port> <unix ms>" when it does, or "miss <port>" once a stop file exists.
# Usage: poll.py <port> <path> <text> <stop file> <stop-all file>
import http.client
import os
import sys
import time

port, path, text, stop, stop_all = sys.argv[1:6]
needle = text.encode()
connection = http.client.HTTPConnection("127.0.0.1", int(port), timeout=10)
while not (os.path.exists(stop) or os.path.exists(stop_all)):
    try:
        connection.request("GET", path)
        body = connection.getresponse().read()
    except (OSError, http.client.HTTPException):
        connection.close()
        connection = http.client.HTTPConnection("127.0.0.1", int(port), timeout=10)
        time.sleep(0.01)
        continue
    if needle in body:
        print("seen", port, int(time.time() * 1000))
        sys.exit(0)
print("miss", port)
