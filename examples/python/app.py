"""A Python handler: "Invoke handler" above `handler` runs it in a local
environment (python3, or this folder's .venv), as Lambda runs it."""
import json
import logging
import os

logger = logging.getLogger()
logger.setLevel(logging.INFO)
invocations = 0


def handler(event, context):
    global invocations
    invocations += 1
    logger.info("greeting %s", event.get("name", "world"))
    return {
        "statusCode": 200,
        "body": json.dumps({"hello": event.get("name", "world"), "invocations": invocations, "stage": os.environ.get("STAGE", "local")}),
        "requestId": context.aws_request_id,
        "remainingMs": context.get_remaining_time_in_millis(),
    }
