# Phase `prepare` of scripts/multinode.sh (build work: run it under /work/heavy):
# the published Release build, the databases, the start-up race on the demo, the generated corpus.
prepare() {
  local count=$1
  rm -rf "$work"; mkdir -p "$work"; chmod a+rx "$work"
  start_postgres
  for db in kp_multinode kp_multinode_demo; do sql "DROP DATABASE IF EXISTS $db WITH (FORCE)"; sql "CREATE DATABASE $db"; done
  DB=kp_multinode sql "CREATE EXTENSION pg_stat_statements"

  say "publishing the app (Release)…"
  dotnet publish src/KnowledgePlatform.Web -c Release -o "$work/app" -v q -nologo >&2

  # The demo and the generated corpus cannot share a database (both define the theme and region
  # vocabularies), so the start-up race runs on the demo in its own database.
  say "starting ${#PORTS[@]} instances together on an empty database with the demo to import…"
  for port in "${PORTS[@]}"; do start_instance "$port" kp_multinode_demo; done
  for port in "${PORTS[@]}"; do wait_ready "$port"; done
  {
    echo "imports=$(cat "$work"/app-*.log | grep -c "Imported uSync" || true)"
    echo "migrations=$(DB=kp_multinode_demo sql 'SELECT count(*) FROM "__schema_migrations"')"
    echo "demo_items=$(DB=kp_multinode_demo sql 'SELECT count(*) FROM "ContentItems"')"
    echo "demo_versions=$(DB=kp_multinode_demo sql 'SELECT count(*) FROM "ContentVersions"')"
    echo "demo_keys=$(DB=kp_multinode_demo sql 'SELECT count(DISTINCT "Key") FROM "ContentItems"')"
  } >"$work/startup.env"
  stop_instances

  say "generating $count items…"
  cli corpus generate --Corpus:Count="$count" "--Corpus:Words=$repo/../shared/data/snowball-dutch-porter/voc.txt" >&2
  echo "corpus_count=$count" >>"$work/startup.env"
  echo "published_items=$(DB=kp_multinode sql "SELECT count(*) FROM \"ContentItems\" WHERE \"Status\" = 'Published'")" >>"$work/startup.env"
  say "prepared in $work"
}
