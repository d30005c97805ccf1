#!/usr/bin/env bash
# Runs arabrief.spark.ArchiveJob on local[*] from this checkout, without a Spark installation:
#   scripts/spark-local.sh --input PATH --output PATH [--model DIR|NAME] [...ArchiveJob's options]
# It runs target/arabrief-spark.jar (the jar handed to spark-submit, built here when missing or older than
# the sources) behind Spark's own jars as Maven resolved them, the way spark-submit puts a user jar
# behind a cluster's. SPARK_MASTER overrides local[*]; SPARK_DRIVER_MEMORY the heap (default 4g).
# scripts/spark-cluster.sh runs the same job on a standalone cluster of separate JVMs instead.
set -euo pipefail
# shellcheck source=spark-jars.sh
source "$(dirname "${BASH_SOURCE[0]}")/spark-jars.sh"
# shellcheck disable=SC2086
exec java -Xss4m -Xmx"${SPARK_DRIVER_MEMORY:-4g}" $SPARK_OPENS \
  -Dspark.master="${SPARK_MASTER:-local[*]}" -Dspark.ui.enabled=false \
  -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 -Dspark.log.level=WARN \
  -cp "$SPARK_JARS_CP:$SPARK_JAR" arabrief.spark.ArchiveJob "$@"
