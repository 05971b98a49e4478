"""`chusho-extract serve --sources FILE --out DIR [--port N]`: the flows as deployments (`flows/serve.py`).

The sources file, the output folder and the port are checked before Prefect
is imported: a mistake is told in one line, not after the server's start.
"""
from __future__ import annotations

import argparse
import os

from cli.options import UsageError, out_folder
from flows.runtime.server import port_in_use
from schemas.crawl import SourcesFileError, load_sources


def command(args: argparse.Namespace) -> int:
    try:
        load_sources(args.sources)
    except SourcesFileError as exc:
        raise UsageError(str(exc)) from None
    out_folder(args.out)
    if not os.environ.get("PREFECT_API_URL") and port_in_use(args.port):
        raise UsageError(f"port {args.port} on 127.0.0.1 is in use (another Prefect server?): choose another "
                         f"with --port, or set PREFECT_API_URL to use that server")
    from flows.serve import serve  # lazy: it sets the flow runs' environment before it imports Prefect

    return serve(args.sources, args.out, port=args.port)
