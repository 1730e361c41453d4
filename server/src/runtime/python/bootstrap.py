"""Lambda Workbench's Python runtime: runs one handler against the Lambda
Runtime API (2018-06-01) the way Lambda's Python runtime does, with the
standard library alone.

The host starts it with AWS_LAMBDA_RUNTIME_API, _HANDLER, LAMBDA_TASK_ROOT
and the rest of Lambda's environment. Init imports the handler's module
(errors are posted to /init/error with Lambda's error types); then each
invoke gets the event as Python data and a context object, and its result
(or error) is posted back. Before each post the flush marker is written to
stdout and stderr, so the host knows every line the handler printed has
arrived.
"""

import importlib
import json
import logging
import os
import resource
import socket
import sys
import time
import traceback

FLUSH_MARKER = "\u0000lambda-workbench:flushed\u0000"
API_PREFIX = "/2018-06-01/runtime"


class RuntimeApi:
    """A client of the Runtime API, one connection per call. A few lines over a
    socket rather than http.client, whose import (the email package) costs
    about 25 ms of every cold start; the API always answers with a
    Content-Length."""

    def __init__(self, address):
        host, _, port = address.rpartition(":")
        self.address = (host, int(port))

    def request(self, method, path, body=None, headers=None):
        body = body or b""
        head = "%s %s%s HTTP/1.1\r\nHost: %s:%d\r\nConnection: close\r\nContent-Length: %d\r\n" % (method, API_PREFIX, path, self.address[0], self.address[1], len(body))
        head += "".join("%s: %s\r\n" % item for item in (headers or {}).items())
        with socket.create_connection(self.address) as connection:
            connection.sendall(head.encode("latin-1") + b"\r\n" + body)
            reader = connection.makefile("rb")
            status = int(reader.readline().split(b" ", 2)[1])
            response_headers = {}
            for line in iter(reader.readline, b"\r\n"):
                if not line:
                    raise ConnectionError("the Runtime API closed the connection in the middle of its headers")
                name, _, value = line.decode("latin-1").partition(":")
                response_headers[name.strip().lower()] = value.strip()
            content = reader.read(int(response_headers.get("content-length", "0")))
            return status, response_headers, content

    def next(self):
        status, headers, body = self.request("GET", "/invocation/next")
        if status != 200:
            raise RuntimeError("the Runtime API answered %d to next: %r" % (status, body[:200]))
        return headers, body

    def post(self, path, payload, extra_headers=None):
        headers = {
            "Content-Type": "application/json",
            "Lambda-Workbench-Flush-Markers": "2",
            "Lambda-Workbench-Max-Rss-KiB": str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
        }
        headers.update(extra_headers or {})
        flush_output()
        self.request("POST", path, body=payload, headers=headers)


def flush_output():
    """Writes the marker after everything the handler printed, on both streams."""
    for stream in (sys.stdout, sys.stderr):
        stream.write(FLUSH_MARKER)
        stream.flush()


class CognitoIdentity:
    def __init__(self, data):
        self.cognito_identity_id = data.get("cognitoIdentityId")
        self.cognito_identity_pool_id = data.get("cognitoIdentityPoolId")


class Client:
    def __init__(self, data):
        self.installation_id = data.get("installation_id")
        self.app_title = data.get("app_title")
        self.app_version_name = data.get("app_version_name")
        self.app_version_code = data.get("app_version_code")
        self.app_package_name = data.get("app_package_name")


class ClientContext:
    def __init__(self, data):
        self.client = Client(data["client"]) if data.get("client") else None
        self.custom = data.get("custom")
        self.env = data.get("env")


class LambdaContext:
    """The context object Lambda passes as the handler's second argument."""

    def __init__(self, headers):
        self.aws_request_id = headers.get("lambda-runtime-aws-request-id", "")
        self.invoked_function_arn = headers.get("lambda-runtime-invoked-function-arn", "")
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME", "")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        self.memory_limit_in_mb = int(os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128"))
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME", "")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME", "")
        self.tenant_id = headers.get("lambda-runtime-aws-tenant-id")
        identity = headers.get("lambda-runtime-cognito-identity")
        self.identity = CognitoIdentity(json.loads(identity)) if identity else CognitoIdentity({})
        client_context = headers.get("lambda-runtime-client-context")
        self.client_context = ClientContext(json.loads(client_context)) if client_context else None
        self._deadline_ms = int(headers.get("lambda-runtime-deadline-ms", "0"))

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline_ms - int(time.time() * 1000))


class LambdaLogHandler(logging.Handler):
    """Formats `logging` records as Lambda's Python runtime does: TEXT lines or JSON objects."""

    def __init__(self, json_format):
        super().__init__()
        self.json_format = json_format
        self.request_id = None
        self.tenant_id = None

    def emit(self, record):
        try:
            timestamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + ".%03dZ" % record.msecs
            message = record.getMessage()
            if self.json_format:
                entry = {"timestamp": timestamp, "level": record.levelname, "message": message, "logger": record.name, "requestId": self.request_id}
                if self.tenant_id is not None:
                    entry["tenantId"] = self.tenant_id
                if record.exc_info:
                    error_type, error, tb = record.exc_info
                    entry.update({"errorType": error_type.__name__, "errorMessage": str(error), "stackTrace": traceback.format_tb(tb)})
                line = json.dumps(entry, default=str)
            else:
                if record.exc_info:
                    message += "\n" + "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
                line = "[%s]\t%s\t%s\t%s" % (record.levelname, timestamp, self.request_id, message)
            sys.stdout.write(line.replace("\n", "\r") + "\n")
            sys.stdout.flush()
        except Exception:
            self.handleError(record)


def install_logging():
    json_format = os.environ.get("AWS_LAMBDA_LOG_FORMAT", "").upper() == "JSON"
    handler = LambdaLogHandler(json_format)
    root = logging.getLogger()
    for existing in list(root.handlers):
        root.removeHandler(existing)
    root.addHandler(handler)
    level = os.environ.get("AWS_LAMBDA_LOG_LEVEL", "").upper()
    # Lambda leaves the root logger at WARNING unless a log level is configured.
    root.setLevel(getattr(logging, level, logging.WARNING) if level else logging.WARNING)
    return handler


def error_document(error_type, message, stack, request_id=""):
    return {"errorMessage": message, "errorType": error_type, "requestId": request_id, "stackTrace": stack}


def user_stack(tb):
    """The frames of the user's code, as Lambda lists them (the bootstrap's own frames left out)."""
    frames = [frame for frame in traceback.extract_tb(tb) if frame.filename != __file__]
    return traceback.format_list(frames)


def load_handler(handler):
    """Imports the handler's module as Lambda does; returns (function, None) or (None, error document)."""
    module_name, dot, function_name = handler.rpartition(".")
    if not dot or not module_name or not function_name:
        return None, error_document("Runtime.MalformedHandlerName", "Bad handler '%s': not enough values to unpack (expected 2, got 1)" % handler, [])
    if module_name.split("/")[0].split(".")[0] in sys.builtin_module_names:
        return None, error_document("Runtime.BuiltInModuleConflict", "Cannot use built-in module %s as a handler module" % module_name, [])
    try:
        module = importlib.import_module(module_name.replace("/", "."))
    except SyntaxError as error:
        stack = ['  File "%s" Line %s\n    %s\n' % (error.filename, error.lineno, (error.text or "").strip())]
        return None, error_document("Runtime.UserCodeSyntaxError", "Syntax error in module '%s': %s" % (module_name, error), stack)
    except ImportError as error:
        return None, error_document("Runtime.ImportModuleError", "Unable to import module '%s': %s" % (module_name, error), [])
    except Exception as error:
        return None, error_document(type(error).__name__, str(error), user_stack(error.__traceback__))
    function = getattr(module, function_name, None)
    if function is None:
        return None, error_document("Runtime.HandlerNotFound", "Handler '%s' missing on module '%s'" % (function_name, module_name), [])
    return function, None


def log_error(document, log_handler):
    """Logs an error as Lambda's runtime does before reporting it."""
    if log_handler.json_format:
        entry = {"timestamp": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()) + "Z", "level": "ERROR", "message": document, "requestId": log_handler.request_id}
        sys.stdout.write(json.dumps(entry) + "\n")
    else:
        text = "[ERROR] %s: %s" % (document["errorType"], document["errorMessage"])
        if document["stackTrace"]:
            text += "\nTraceback (most recent call last):\n" + "".join(document["stackTrace"]).rstrip("\n")
        sys.stdout.write(text.replace("\n", "\r") + "\n")
    sys.stdout.flush()


def main():
    api = RuntimeApi(os.environ["AWS_LAMBDA_RUNTIME_API"])
    log_handler = install_logging()
    task_root = os.environ.get("LAMBDA_TASK_ROOT", os.getcwd())
    if task_root not in sys.path:
        sys.path.insert(0, task_root)
    handler, init_error = load_handler(os.environ.get("_HANDLER", ""))
    if init_error is not None:
        log_error(init_error, log_handler)
        api.post("/init/error", json.dumps(init_error).encode(), {"Lambda-Runtime-Function-Error-Type": init_error["errorType"]})
        sys.exit(1)
    while True:
        headers, body = api.next()
        context = LambdaContext(headers)
        request_id = context.aws_request_id
        log_handler.request_id = request_id
        log_handler.tenant_id = context.tenant_id
        os.environ["_X_AMZN_TRACE_ID"] = headers.get("lambda-runtime-trace-id", "")
        try:
            event = json.loads(body) if body else None
            result = handler(event, context)
        except Exception as error:
            document = error_document(type(error).__name__, str(error), user_stack(error.__traceback__), request_id)
            log_error(document, log_handler)
            api.post("/invocation/%s/error" % request_id, json.dumps(document).encode(), {"Lambda-Runtime-Function-Error-Type": document["errorType"]})
            continue
        try:
            payload = json.dumps(result).encode()
        except (TypeError, ValueError) as error:
            document = error_document("Runtime.MarshalError", "Unable to marshal response: %s" % error, [], request_id)
            log_error(document, log_handler)
            api.post("/invocation/%s/error" % request_id, json.dumps(document).encode(), {"Lambda-Runtime-Function-Error-Type": "Runtime.MarshalError"})
            continue
        api.post("/invocation/%s/response" % request_id, payload)


if __name__ == "__main__":
    main()
