#!/usr/bin/env bash
# What `make test` runs: the whole pytest suite twice, first on SQLite, then on a throw-away
# PostgreSQL 15 cluster. Both runs always happen; the script fails if either run failed.
# Extra arguments are passed to both pytest runs, e.g. `scripts/test.sh -x -k cases`.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

PG_BIN=/usr/lib/postgresql/15/bin
PYTEST="$ROOT/.venv/bin/pytest"
export PYTHONDONTWRITEBYTECODE=1

if [[ ! -x "$PYTEST" ]]; then
    echo "error: $PYTEST not found; run 'make test' (it creates .venv first)" >&2
    exit 1
fi

# --- system packages: chromium + a Chinese font for the browser tests, PostgreSQL 15 server ---
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
[[ -x "$PG_BIN/initdb" ]] || missing+=(postgresql-15)
if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]]; then
        echo "== installing system packages: ${missing[*]} =="
        apt-get update -q
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
    else
        echo "error: missing system packages: ${missing[*]}" >&2
        echo "       install them as root: apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
fi

# --- per-run scratch space, cleaned up on exit ---
WORK=$(mktemp -d -t jiefen-test.XXXXXX)
PGDIR=""
PG_STARTED=0

as_pg() {
    # PostgreSQL refuses to run as root: use the postgres system user then, else the current user.
    # Run from / so the postgres user never trips over an unreadable working directory.
    if [[ $(id -u) -eq 0 ]]; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && "$@")
    fi
}

cleanup() {
    if ((PG_STARTED)); then
        as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    [[ -n "$PGDIR" ]] && rm -rf "$PGDIR"
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

describe() {
    # describe EXIT_CODE -> human text
    case "$1" in
        0) echo "passed" ;;
        5) echo "FAILED (no tests collected, exit 5)" ;;
        *) echo "FAILED (exit $1)" ;;
    esac
}

# --- run 1: SQLite ---
echo
echo "== SQLite =="
mkdir -p "$WORK/sqlite"
SCREENSHOTS="$ROOT/test-artifacts/screenshots"
mkdir -p "$SCREENSHOTS"
sqlite_rc=0
env -u DATABASE_URL \
    JIEFEN_DATA_DIR="$WORK/sqlite" \
    JIEFEN_E2E_SCREENSHOTS="$SCREENSHOTS" \
    "$PYTEST" "$@" || sqlite_rc=$?

# --- run 2: PostgreSQL 15 (throw-away cluster, trust auth, no durability) ---
pg_rc=0
pg_label="PostgreSQL 15"
PGDIR=$(mktemp -d -t jiefen-pg.XXXXXX)
if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$PGDIR"
fi
chmod 700 "$PGDIR"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

pg_start() {
    as_pg "$PG_BIN/initdb" -D "$PGDIR/data" -A trust -U postgres -E UTF8 --no-locale \
        >"$PGDIR/initdb.log" 2>&1 || { cat "$PGDIR/initdb.log" >&2; return 1; }
    as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w \
        -o "-p $PORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null || { cat "$PGDIR/server.log" >&2; return 1; }
    PG_STARTED=1
}

if pg_start; then
    pg_version=$("$PG_BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -XAtc 'show server_version' | awk '{print $1}')
    pg_label="PostgreSQL $pg_version"
    echo
    echo "== $pg_label =="
    echo "PostgreSQL server: $("$PG_BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -XAtc 'select version()')"
    mkdir -p "$WORK/postgres"
    env DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/jiefen" \
        JIEFEN_DATA_DIR="$WORK/postgres" \
        JIEFEN_E2E_SCREENSHOTS="$WORK/postgres/screenshots" \
        "$PYTEST" "$@" || pg_rc=$?
else
    echo
    echo "== $pg_label ==" >&2
    echo "error: could not start a throw-away PostgreSQL 15 cluster" >&2
    pg_rc=1
fi

# --- summary ---
echo
echo "== summary: SQLite $(describe "$sqlite_rc"); $pg_label $(describe "$pg_rc") =="
if ((sqlite_rc != 0 || pg_rc != 0)); then
    exit 1
fi
