"""The floor for a warm Python invoke in its own process: read an event (a line of JSON on
stdin), call the handler, write its result (a line of JSON), with no Runtime API, log or context."""
import json
import sys

import hello

for line in sys.stdin:
    sys.stdout.write(json.dumps(hello.handler(json.loads(line), None)) + "\n")
    sys.stdout.flush()
