"""``jiefen serve``: gunicorn for real use, Django's development server with ``--dev``."""

import argparse
import os


def serve(args: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="jiefen serve")
    parser.add_argument("--bind", default=os.environ.get("JIEFEN_BIND", "127.0.0.1:8000"))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("JIEFEN_WORKERS", "2")))
    parser.add_argument("--threads", type=int, default=int(os.environ.get("JIEFEN_THREADS", "4")))
    parser.add_argument(
        "--dev", action="store_true", help="Django development server with auto-reload"
    )
    opts = parser.parse_args(args)
    if opts.dev:
        from django.core.management import execute_from_command_line

        execute_from_command_line(["jiefen", "runserver", opts.bind])
        return
    from gunicorn.app.wsgiapp import run

    print(f"解纷 正在 http://{opts.bind} 提供服务（Ctrl+C 停止）", flush=True)
    import sys

    sys.argv = [
        "gunicorn",
        "jiefen.wsgi:application",
        "--bind",
        opts.bind,
        "--workers",
        str(opts.workers),
        "--threads",
        str(opts.threads),
        "--access-logfile",
        "-",
        "--timeout",
        "60",
    ]
    run()
