"""A drafting service over HTTP, with the standard library only (no web framework).

    python examples/service.py --profile examples/network-profile.toml --port 8000

POST /draft   {"row": {<an export row: "ID expérience", "Ressenti usager"…>},
               "structure": "<optional: a structure's name or id>",
               "answer": "<optional: the agent's own answer>"}
              → 200 the draft record (Reply.to_dict(): id, structure, status, text, body…)
POST /check   {"text": "<a reply>", "pseudonym": "<optional>", "closing_added": false}
              → 200 {"findings": [Finding.to_dict()…], "errors": N}
Any input the library refuses → 422 {"error": "<what is wrong, where, what to do>"}.

The profile is read once at start-up; ThreadingHTTPServer answers each request in its
own thread (the library holds no per-request state). It listens on 127.0.0.1 only:
put it behind your gateway for authentication and TLS.
"""

from __future__ import annotations

import argparse
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from sprep_templates import Experience, Profile, SprepError, check_reply, draft_reply

MAX_BODY = 1 << 20  # one export row is far smaller


def draft(profile: Profile, request: dict[str, Any]) -> dict[str, Any]:
    """The draft record for one request of POST /draft."""
    row = request.get("row")
    if not isinstance(row, dict):
        raise ValueError('give the export row as an object: {"row": {"ID expérience": …}}')
    experience = Experience.from_export_row(row)  # repairs \x92 etc. as sprep draft does
    structure = request.get("structure")
    reply = draft_reply(
        experience, profile=profile, structure=structure, answer=request.get("answer")
    )
    chosen = None if structure is None else profile.for_structure(structure)
    record = reply.to_dict(id=experience.id)
    record["signed_by"] = (chosen or profile).signature.line
    return record


def check(request: dict[str, Any]) -> dict[str, Any]:
    """The findings for one request of POST /check."""
    findings = check_reply(
        request.get("text"),  # check_reply refuses a text that is no str, clearly
        pseudonym=request.get("pseudonym"),
        closing_added=bool(request.get("closing_added", False)),
    )
    return {"findings": [f.to_dict() for f in findings], "errors": len(findings.errors)}


def handler_for(profile: Profile) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            routes = {"/draft": lambda body: draft(profile, body), "/check": check}
            route = routes.get(self.path)
            if route is None:
                return self.answer(404, {"error": f"no route {self.path}: POST /draft or /check"})
            size = int(self.headers.get("Content-Length") or 0)
            if size > MAX_BODY:
                return self.answer(413, {"error": f"the body is over {MAX_BODY} bytes"})
            try:
                body = json.loads(self.rfile.read(size) or b"{}")
                if not isinstance(body, dict):
                    raise ValueError("the body must be a JSON object")
                return self.answer(200, route(body))
            except (SprepError, ValueError) as error:  # the library's refusals, bad JSON
                return self.answer(422, {"error": str(error)})

        def answer(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # one line per request on stderr is noise in a test; log as you need

    return Handler


class Server(ThreadingHTTPServer):
    """One thread per request; a listen backlog for bursts (the default, 5, resets the
    connections of a burst of 40 clients)."""

    request_queue_size = 128
    daemon_threads = True


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", required=True, help="the organisation's TOML profile")
    parser.add_argument("--port", type=int, default=8000, help="0: any free port")
    arguments = parser.parse_args(argv)
    profile = Profile.from_toml(arguments.profile)  # refused here, at start-up, if wrong
    server = Server(("127.0.0.1", arguments.port), handler_for(profile))
    print(f"listening on http://127.0.0.1:{server.server_port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    sys.exit(main())
