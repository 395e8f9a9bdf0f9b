/**
 * What every feature relies on and none owns: the connection to Elasticsearch and its
 * availability (startup index creation, health, the mapping of client failures to 503), the one
 * error shape of the API, the portal's configuration, the language of the pages and the metrics.
 */
package org.wenshi.portal.system;
