"""The bench's Python handler: hello.js's shape (examples/handlers/hello.js) in Python."""
import json


def handler(event, context):
    return {"statusCode": 200, "body": json.dumps({"hello": event.get("name", "world")})}
