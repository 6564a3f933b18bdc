# Sourced by the test command and the benchmarks: a throwaway PostgreSQL 15 cluster on loopback. initdb refuses root,
# so the cluster belongs to the postgres user.
#   pgport=PORT (optional; a random one otherwise); pg_cluster_start DIR [SETTING=VALUE...]; ...; pg_cluster_stop DIR
# pg_cluster_start creates the cluster in DIR/data (once: a kept DIR is started again as it is) and starts it.
pgbin=/usr/lib/postgresql/15/bin
pgport=${pgport:-$(( 20000 + RANDOM % 20000 ))}
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_cluster_start() {
  local dir=$1; shift
  local options="-p $pgport -k $dir -c listen_addresses=127.0.0.1" setting
  for setting in "$@"; do options+=" -c $setting"; done
  mkdir -p "$dir"; [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  [ -d "$dir/data" ] || as_pg "$pgbin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  as_pg "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "$options" start >/dev/null
}

pg_cluster_stop() { as_pg "$pgbin/pg_ctl" -D "$1/data" -m immediate stop >/dev/null 2>&1 || true; }
