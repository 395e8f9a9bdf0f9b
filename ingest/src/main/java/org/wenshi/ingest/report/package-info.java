/**
 * The account of a run: every source's outcome ({@link org.wenshi.ingest.report.Outcome}) with the
 * reason for skipped and failed ones, streamed to a JSON file under {@code $WENSHI_HOME/reports/}
 * ({@link org.wenshi.ingest.report.RunReport}), the counts the command's last line prints
 * ({@link org.wenshi.ingest.report.Counts}), and progress lines while the run works
 * ({@link org.wenshi.ingest.report.Progress}).
 */
package org.wenshi.ingest.report;
