/** Benchmarks of ingest: commands that print figures (see docs/benchmarks.md), never tests. */
package org.wenshi.ingest.bench;
