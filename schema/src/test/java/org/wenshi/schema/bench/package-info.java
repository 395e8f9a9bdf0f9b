/**
 * Benchmarks of the index definition: {@code main} classes run by hand through the exec plugin
 * ({@code mvn -pl schema test-compile exec:java@<id>}), never by surefire or failsafe, and recorded in
 * {@code docs/benchmarks.md}. They print figures and compare variants side by side in one run; they
 * assert no timing.
 */
package org.wenshi.schema.bench;
