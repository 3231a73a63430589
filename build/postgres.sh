#!/bin/sh
# A PostgreSQL for the hub's tests, from Debian's/Ubuntu's own packages: installs `postgresql` when
# missing, starts a cluster (making one if there is none), creates a role and a database, and prints
# the DSN on standard output (and nothing else there), for SPM_HUB_TEST_POSTGRES:
#     export SPM_HUB_TEST_POSTGRES="$(build/postgres.sh)"
# Run as root (CI: a fresh machine), or with sudo. Idempotent: a second run only prints the DSN.
set -eu

ROLE=${SPM_HUB_PG_ROLE:-spm_hub_test}
PASSWORD=${SPM_HUB_PG_PASSWORD:-spm_hub_test}
DATABASE=${SPM_HUB_PG_DATABASE:-spm_hub_test}

if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "postgres.sh: needs root (or sudo) to install and start PostgreSQL" >&2; exit 1
fi

# The server itself, not only the client tools (psql alone may be installed).
if ! command -v pg_lsclusters >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "postgres.sh: installing postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >&2
  $SUDO apt-get install -y -qq postgresql >&2
fi

# The newest installed major version's cluster; made when the package did not make one (containers).
version=$(ls -d /usr/lib/postgresql/*/bin/postgres | sed 's#/usr/lib/postgresql/\([^/]*\)/.*#\1#' | sort -n | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1}' | grep -qx "$version"; then
  $SUDO pg_createcluster "$version" main >&2
fi
cluster=$(pg_lsclusters -h | awk -v v="$version" '$1 == v {print $2; exit}')
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v {print $3; exit}')
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v {print $4; exit}' | grep -q online; then
  $SUDO pg_ctlcluster "$version" "$cluster" start >&2
fi

as_postgres() { if [ -z "$SUDO" ]; then su postgres -s /bin/sh -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
tries=0
until as_postgres "psql -p $port -Atqc 'SELECT 1'" >/dev/null 2>&1; do
  tries=$((tries + 1)); [ "$tries" -lt 30 ] || { echo "postgres.sh: the server does not answer" >&2; exit 1; }
  sleep 1
done
if [ "$(as_postgres "psql -p $port -Atqc \"SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'\"")" != "1" ]; then
  as_postgres "psql -p $port -qc \"CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'\"" >&2
fi
if [ "$(as_postgres "psql -p $port -Atqc \"SELECT 1 FROM pg_database WHERE datname = '$DATABASE'\"")" != "1" ]; then
  as_postgres "psql -p $port -qc \"CREATE DATABASE $DATABASE OWNER $ROLE\"" >&2
fi
echo "postgresql://$ROLE:$PASSWORD@127.0.0.1:$port/$DATABASE"
