/**
 * The PostgreSQL of a test run ({@link org.wenshi.localdb.testing.TestDatabase}): one managed server
 * per build under the tests' home, a fresh database per test class, stopped by the last test JVM.
 */
package org.wenshi.localdb.testing;
