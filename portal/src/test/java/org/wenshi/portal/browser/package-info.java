/**
 * Browser tests: the real portal, on a random port against the build's Elasticsearch node, driven
 * in Debian's headless Chromium ({@link org.wenshi.portal.browser.BrowserSession}, registered on a
 * test class with {@link org.wenshi.portal.browser.BrowserExtension}), checked with axe-core, with a
 * screenshot of every test kept under {@code target/screenshots/}.
 */
package org.wenshi.portal.browser;
