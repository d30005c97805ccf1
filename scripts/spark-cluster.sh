#!/usr/bin/env bash
# ArchiveJob on a Spark 4 standalone cluster on this machine, without a Spark installation:
#   scripts/spark-cluster.sh --input PATH --output PATH [--model DIR|NAME] [...ArchiveJob's options]
#                            [--kill-worker-after SECONDS]
# Starts a master and two workers on 127.0.0.1, each a JVM of its own, from Spark's jars as Maven resolved
# them (the ones scripts/spark-local.sh uses; target/spark-home/*/jars links to them, the layout a worker
# needs to start executors), each worker with its own work directory, SPARK_WORKER_CORES cores and
# SPARK_WORKER_MEMORY; submits target/arabrief-spark.jar with Spark's own SparkSubmit (client mode: the driver
# runs here, the executors fetch the jar from it, as on a real cluster); waits for the job; and stops every
# process it started (each started in a process group of its own, so a worker's executors go with it),
# on success, failure, Ctrl-C or TERM.
#
# --kill-worker-after SECONDS  (for tests) SECONDS after translation began (the first executor logged its model
#   load), as soon as a worker's executor is running a task, kill -9 that executor and its worker, by their pids;
#   an executor that has loaded the model is chosen first. Counted from the model load, not the submit, so that a
#   slow start on a busy machine does not move the kill out of the job. The job should finish on the other
#   worker, every row written once.
#
# Environment: SPARK_CLUSTER_DIR (logs, work and local directories; default a new target/spark-cluster/run-*),
# SPARK_WORKER_CORES (1), SPARK_WORKER_MEMORY (3g), SPARK_EXECUTOR_MEMORY (2g), SPARK_DRIVER_MEMORY (2g),
# SPARK_CLUSTER_TIMEOUT (seconds to wait for the master and each worker to start; 180), SPARK_SUBMIT_ARGS (more
# SparkSubmit options, split at spaces, e.g. "--conf spark.task.maxFailures=8"), SPARK_LOG_LEVEL (driver; WARN).
# Exit code: the job's (0 done, 1 failed, 2 bad arguments); 3 when a kill was asked for but the job ended first;
# 4 when the cluster did not start.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
me=spark-cluster

job_args=()
kill_after=""
model_next=""
while (($#)); do
  case "$1" in
    --kill-worker-after) kill_after="${2:?--kill-worker-after needs SECONDS}"; shift 2; continue ;;
    --kill-worker-after=*) kill_after="${1#*=}"; shift; continue ;;
  esac
  if [[ -n "$model_next" && -d "$1" ]]; then
    # executors run in their own work directories: a model directory is handed over as an absolute path
    job_args+=("$(cd "$1" && pwd)")
  else
    job_args+=("$1")
  fi
  model_next=""
  [[ "$1" == --model ]] && model_next=1
  shift
done
if [[ -n "$kill_after" && ! "$kill_after" =~ ^[0-9]+$ ]]; then
  echo "$me: --kill-worker-after takes whole seconds, not '$kill_after'" >&2
  exit 2
fi

# shellcheck source=spark-jars.sh
source "$here/spark-jars.sh"
root="$spark_root"

# A Spark home made of links to Maven's jars: a worker starts executors with SPARK_HOME/jars/* on their
# classpath. One per classpath (named by its checksum), made once and never changed, so that clusters
# started from this checkout at the same time, or before and after a change of pom.xml, do not disturb
# each other.
home="$root/target/spark-home/$(printf '%s' "$SPARK_JARS_CP" | cksum | cut -d' ' -f1)"
if [[ ! -d "$home/jars" ]]; then
  mkdir -p "$home.tmp.$$/jars" "$home.tmp.$$/conf"
  IFS=: read -r -a cp_entries <<< "$SPARK_JARS_CP"
  for j in "${cp_entries[@]}"; do
    if [[ -f "$j" ]]; then
      ln -sf "$j" "$home.tmp.$$/jars/$(basename "$j")"
    fi
  done
  mv -T "$home.tmp.$$" "$home" 2>/dev/null || rm -rf "$home.tmp.$$" # another run made it first
fi

dir="${SPARK_CLUSTER_DIR:-}"
if [[ -z "$dir" ]]; then
  mkdir -p "$root/target/spark-cluster"
  dir="$(mktemp -d "$root/target/spark-cluster/run-XXXXXX")"
fi
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
timeout_s="${SPARK_CLUSTER_TIMEOUT:-180}"
echo "$me: logs and work directories in $dir" >&2

export SPARK_HOME="$home" SPARK_CONF_DIR="$home/conf" SPARK_SCALA_VERSION=2.13
export SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_HOSTNAME=127.0.0.1
# every JVM started here (executors too) carries this, so a test can see that none is left behind
tag="-Darabrief.cluster=$dir"

started=() # pids of the process groups started here (setsid: each group's id is its leader's pid)

# The live (non-zombie) pids of process group $1, from /proc (no procps needed).
group_members() {
  local g="$1" f st pid fields
  for f in /proc/[0-9]*/stat; do
    { read -r st < "$f"; } 2>/dev/null || continue
    pid="${st%% *}"
    st="${st##*) }" # after the command name: state ppid pgrp ...
    read -r -a fields <<< "$st"
    if [[ "${fields[2]}" == "$g" && "${fields[0]}" != Z ]]; then
      echo "$pid"
    fi
  done
}

# Whether process $1 is alive (not gone, not a zombie waiting to be reaped).
alive() {
  local st
  { read -r st < "/proc/$1/stat"; } 2>/dev/null || return 1
  st="${st##*) }"
  [[ "${st:0:1}" != Z ]]
}

stop_group() {
  local g="$1" i
  kill -TERM -- "-$g" 2>/dev/null || return 0
  for ((i = 0; i < 100; i++)); do
    [[ -z "$(group_members "$g")" ]] && return 0
    sleep 0.2
  done
  echo "$me: process group $g did not stop on TERM in 20 s: KILL" >&2
  kill -KILL -- "-$g" 2>/dev/null || true
}

cleanup() {
  local rc=$? i
  trap - EXIT INT TERM
  for ((i = ${#started[@]} - 1; i >= 0; i--)); do
    stop_group "${started[i]}"
  done
  wait 2>/dev/null || true
  exit "$rc"
}
trap cleanup EXIT
trap 'echo "$me: interrupted; stopping the cluster" >&2; exit 130' INT
trap 'exit 143' TERM

# start NAME LOG CLASS ARGS...: a Spark daemon in its own process group
start() {
  local name="$1" log="$2"
  shift 2
  # shellcheck disable=SC2086
  setsid java -Xmx512m $SPARK_OPENS "$tag" -cp "$home/conf/:$home/jars/*" "$@" > "$log" 2>&1 < /dev/null &
  started+=("$!")
  eval "${name}_pid=$!"
  disown "$!" # its end is watched through /proc; bash need not report a killed worker
}

# wait_for LOG PATTERN WHAT PID
wait_for() {
  local log="$1" pattern="$2" what="$3" pid="$4" t0=$SECONDS
  until grep -q -- "$pattern" "$log" 2>/dev/null; do
    if ! alive "$pid"; then
      echo "$me: $what exited while starting; its log, $log, ends:" >&2
      tail -n 20 "$log" >&2
      exit 4
    fi
    if ((SECONDS - t0 > timeout_s)); then
      echo "$me: $what did not start in $timeout_s s; see $log" >&2
      exit 4
    fi
    sleep 0.5
  done
}

start master "$dir/master.log" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port 0 --webui-port 0
wait_for "$dir/master.log" "elected leader" "the master" "$master_pid"
url="$(sed -n 's:.*Starting Spark master at \(spark\://[^ ]*\).*:\1:p' "$dir/master.log" | head -n 1)"
echo "$me: master $url (pid $master_pid)" >&2

worker_pids=()
for i in 1 2; do
  mkdir -p "$dir/worker-$i/work" "$dir/worker-$i/local"
  # the worker's local directory (shuffle files, the fetched jar) is handed to its executors
  export SPARK_LOCAL_DIRS="$dir/worker-$i/local"
  start worker "$dir/worker-$i.log" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --port 0 --webui-port 0 --cores "${SPARK_WORKER_CORES:-1}" \
    --memory "${SPARK_WORKER_MEMORY:-3g}" --work-dir "$dir/worker-$i/work" "$url"
  unset SPARK_LOCAL_DIRS
  # shellcheck disable=SC2154
  worker_pids+=("$worker_pid")
done
for i in 1 2; do
  wait_for "$dir/worker-$i.log" "Successfully registered with master" "worker $i" "${worker_pids[i - 1]}"
  echo "$me: worker $i (pid ${worker_pids[i - 1]}), work directory $dir/worker-$i/work" >&2
done

# A task of worker $1's executor that has started and not ended, from the executor's log; empty when none.
running_task() {
  cat "$dir/worker-$1/work"/app-*/*/stderr 2>/dev/null | awk '
    /Running task .*\(TID [0-9]+\)/ { match($0, /TID [0-9]+/); run[substr($0, RSTART + 4, RLENGTH - 4)] = 1 }
    /(Finished task|Exception in task|killed task) .*\(TID [0-9]+\)/ { match($0, /TID [0-9]+/); delete run[substr($0, RSTART + 4, RLENGTH - 4)] }
    END { for (t in run) { print t; exit } }'
}

# The executors share this machine's disk, where Spark would read a lost executor's shuffle files straight
# from its directory; readHostLocalDisk=false makes them fetch over the network as separate machines do, so that
# a lost worker's shuffle output is lost with it and computed again, as on a real cluster.
# shellcheck disable=SC2086
setsid java -Xss4m -Xmx"${SPARK_DRIVER_MEMORY:-2g}" $SPARK_OPENS "$tag" -cp "$home/conf/:$home/jars/*" \
  org.apache.spark.deploy.SparkSubmit --master "$url" --deploy-mode client \
  --class arabrief.spark.ArchiveJob --name "arabrief ArchiveJob" \
  --conf spark.executor.cores="${SPARK_WORKER_CORES:-1}" --conf spark.executor.memory="${SPARK_EXECUTOR_MEMORY:-2g}" \
  --conf "spark.executor.extraJavaOptions=-Xss4m $tag" \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
  --conf spark.ui.enabled=false --conf spark.log.level="${SPARK_LOG_LEVEL:-WARN}" \
  --conf spark.shuffle.readHostLocalDisk=false \
  ${SPARK_SUBMIT_ARGS:-} "$SPARK_JAR" "${job_args[@]}" < /dev/null &
submit_pid=$!
started+=("$submit_pid")
echo "$me: submitted target/arabrief-spark.jar (driver pid $submit_pid)" >&2

t0=$SECONDS
first_load=""
killed=""
while alive "$submit_pid"; do
  if [[ -z "$first_load" ]] && grep -qs "arabrief: model" "$dir"/worker-*/work/app-*/*/stderr; then
    first_load=$SECONDS
  fi
  if [[ -n "$kill_after" && -z "$killed" && -n "$first_load" ]] && ((SECONDS - first_load >= kill_after)); then
    # workers whose executor loaded the model first, then the other
    order="$(for i in 1 2; do grep -qs "arabrief: model" "$dir/worker-$i/work"/app-*/*/stderr && echo "$i"; done)"
    order="$order $(for i in 1 2; do grep -qs "arabrief: model" "$dir/worker-$i/work"/app-*/*/stderr || echo "$i"; done)"
    for i in $order; do
      tid="$(running_task "$i")"
      if [[ -n "$tid" ]]; then
        victims="$(group_members "${worker_pids[i - 1]}" | tr '\n' ' ')"
        # the executors first, so that the worker cannot stop them cleanly: a machine lost, not a shutdown
        for pid in $victims; do
          [[ "$pid" != "${worker_pids[i - 1]}" ]] && kill -KILL "$pid" 2>/dev/null || true
        done
        kill -KILL "${worker_pids[i - 1]}" 2>/dev/null || true
        echo "$me: killed worker $i and its executor (kill -9, pids ${victims% }) $((SECONDS - t0)) s after the submit," \
          "$((SECONDS - first_load)) s after the first model load, while it ran task TID $tid" >&2
        killed="$i"
        break
      fi
    done
  fi
  sleep 0.5
done
rc=0
wait "$submit_pid" || rc=$?
echo "$me: the job exited with $rc after $((SECONDS - t0)) s" >&2
if [[ -n "$kill_after" && -z "$killed" ]]; then
  echo "$me: the job ended before a worker could be killed (--kill-worker-after $kill_after)" >&2
  ((rc == 0)) && rc=3
fi
exit "$rc"
