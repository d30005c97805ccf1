# Sourced by scripts/spark-local.sh and scripts/spark-cluster.sh (not run on its own). Makes sure
# target/arabrief-spark.jar (the jar handed to Spark) and the lists of Spark's own jars as Maven resolved
# them are there, running `mvn package` when one is missing or older than the sources, then sets:
#   SPARK_JAR      target/arabrief-spark.jar, absolute
#   SPARK_JARS_CP  Spark and what it brings: the classpath a Spark distribution's jars/ directory gives
#   SPARK_OPENS    Spark 4's JavaModuleOptions for Java 17 (what spark-submit adds), taken from pom.xml
# shellcheck shell=bash
spark_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SPARK_JAR="$spark_root/target/arabrief-spark.jar"
spark_servlet="$(sed -n 's:.*<spark.servlet.version>\(.*\)</spark.servlet.version>.*:\1:p' "$spark_root/pom.xml")"
# written by pom.xml's spark-classpath executions (package) and spark-servlet-api (generate-test-resources)
spark_lists=("$spark_root/target/spark-local.provided" "$spark_root/target/spark-local.shared"
  "$spark_root/target/spark-test-lib/jakarta.servlet-api-$spark_servlet.jar")
spark_stale=""
for f in "$SPARK_JAR" "${spark_lists[@]}"; do
  [[ -f "$f" ]] || spark_stale=1
done
for f in "$SPARK_JAR" "${spark_lists[@]:0:2}"; do # the servlet jar keeps its date in the repository
  if [[ "$spark_root/pom.xml" -nt "$f" ]]; then
    spark_stale=1
  fi
done
if [[ -z "$spark_stale" ]] && [[ -n "$(find "$spark_root/src/main" -newer "$SPARK_JAR" -print -quit)" ]]; then
  spark_stale=1
fi
if [[ -n "$spark_stale" ]]; then
  echo "$(basename "$0"): building target/arabrief-spark.jar and Spark's classpath (mvn package)" >&2
  (cd "$spark_root" && mvn -B -q -DskipTests package >&2)
fi
SPARK_JARS_CP="$(cat "${spark_lists[0]}"):$(cat "${spark_lists[1]}"):${spark_lists[2]}"
SPARK_OPENS="$(sed -n 's:.*<spark.addOpens>\(.*\)</spark.addOpens>.*:\1:p' "$spark_root/pom.xml")"
export SPARK_JAR SPARK_JARS_CP SPARK_OPENS
