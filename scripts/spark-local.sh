#!/usr/bin/env bash
# Runs arabrief.spark.ArchiveJob on local[*] from this checkout, without a Spark installation:
#   scripts/spark-local.sh --input PATH --output PATH [--model DIR|NAME] [...ArchiveJob's options]
# It runs target/arabrief-spark.jar (the jar handed to spark-submit, built here when missing or older than
# the sources) behind Spark's own jars as Maven resolved them, the way spark-submit puts a user jar
# behind a cluster's. SPARK_MASTER overrides local[*]; SPARK_DRIVER_MEMORY the heap (default 4g).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jar=target/arabrief-spark.jar
cpfile=target/spark-local.classpath

if [[ ! -f "$jar" ]] || [[ -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]]; then
  echo "spark-local: building $jar" >&2
  mvn -B -q -DskipTests package >&2
fi
if [[ ! -f "$cpfile" ]] || [[ pom.xml -nt "$cpfile" ]]; then
  echo "spark-local: resolving Spark's jars" >&2
  # provided = Spark and what it brings, less the jars that the project also uses at compile scope (Maven
  # resolves those once, at the project's version): Jackson's core and slf4j's API, added back here;
  # slf4j-simple is the CLI's logger, not Spark's (log4j2 through log4j-slf4j2-impl)
  mvn -B -q dependency:build-classpath -DincludeScope=provided -Dmdep.outputFile=target/spark-local.provided >&2
  mvn -B -q dependency:build-classpath -DincludeScope=compile -DincludeGroupIds=com.fasterxml.jackson.core,org.slf4j \
    -DexcludeArtifactIds=slf4j-simple -Dmdep.outputFile=target/spark-local.shared >&2
  # Spark's shaded Jetty needs the servlet 5 API, which the project resolves at 6 for its own server
  servlet="$(sed -n 's:.*<spark.servlet.version>\(.*\)</spark.servlet.version>.*:\1:p' pom.xml)"
  mvn -B -q dependency:copy -Dartifact="jakarta.servlet:jakarta.servlet-api:$servlet" \
    -DoutputDirectory=target/spark-test-lib >&2
  echo "$(cat target/spark-local.provided):$(cat target/spark-local.shared):$root/target/spark-test-lib/jakarta.servlet-api-$servlet.jar" > "$cpfile"
fi

# Spark 4's JavaModuleOptions (what spark-submit adds on Java 17), taken from pom.xml so the two agree
opens="$(sed -n 's:.*<spark.addOpens>\(.*\)</spark.addOpens>.*:\1:p' pom.xml)"
# shellcheck disable=SC2086
exec java -Xss4m -Xmx"${SPARK_DRIVER_MEMORY:-4g}" $opens \
  -Dspark.master="${SPARK_MASTER:-local[*]}" -Dspark.ui.enabled=false \
  -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 -Dspark.log.level=WARN \
  -cp "$(cat "$cpfile"):$jar" arabrief.spark.ArchiveJob "$@"
