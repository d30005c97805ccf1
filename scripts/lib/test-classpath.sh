# Sourced by the eval scripts: compiles the tests and sets TEST_CP to the test classpath (offline first, then
# with Maven Central for a fresh machine), so an evaluation runs in one JVM without Surefire.
cp_file=target/eval-structure.classpath
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >&2 \
  || mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >&2
TEST_CP="target/test-classes:target/classes:$(cat "$cp_file")"
