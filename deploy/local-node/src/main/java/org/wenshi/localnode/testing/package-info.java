/**
 * A node dedicated to a test run: {@link org.wenshi.localnode.testing.TestNode#url()} starts (or
 * reuses) it, and {@link org.wenshi.localnode.testing.TestNodeSessionListener} stops it when the
 * JUnit Platform launcher session ends, so a build leaves no Elasticsearch process behind.
 *
 * <p>This is the only package that sees JUnit; nothing outside it may refer to it, so a runtime
 * without JUnit never loads it.
 */
package org.wenshi.localnode.testing;
