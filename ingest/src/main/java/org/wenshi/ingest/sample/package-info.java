/**
 * The project's own sample archive: invented documents in the style of CPPCC committees' work
 * reports, 提案, 社情民意 items, news of consultation meetings and 文史资料 memoirs, over real cities
 * and counties of the bundled gazetteer, as .txt and .html (UTF-8, GBK with and without a declared
 * charset, Big5, traditional characters). Deterministic (fixed seed), streamed to disk one document
 * at a time, sized by a parameter so later issues can make benchmark corpora. Every document says it
 * is sample data; no sentence is taken from real documents.
 */
package org.wenshi.ingest.sample;
