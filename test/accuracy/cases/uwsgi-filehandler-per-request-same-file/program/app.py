# uWSGI app: each request gets an audit logger -- and a new FileHandler is added to it on every
# request (the classic "addHandler inside the view" bug). Every handler keeps audit.log open.
import logging, os

AUDIT = os.environ.get("AUDIT_LOG", "/tmp/r286/uw-handler/run/audit.log")

def audit_logger():
    lg = logging.getLogger("audit")
    lg.setLevel(logging.INFO)
    lg.addHandler(logging.FileHandler(AUDIT))     # BUG: a new handler (and fd) per request
    return lg

def application(environ, start_response):
    audit_logger().info("%s %s", environ.get("REQUEST_METHOD"), environ.get("PATH_INFO"))
    body = b'{"status":"ok"}\n'
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
