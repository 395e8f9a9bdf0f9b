/**
 * Reprints and near-duplicates: the same article posted on several sites, with a changed header,
 * injected promotional lines or a paragraph missing. {@link org.wenshi.ingest.dedup.Fingerprint}
 * turns a text into a MinHash signature over character shingles and its LSH band keys (stored in
 * the index as {@code shingle_bands} and {@code minhash}), {@link org.wenshi.ingest.dedup.ReprintGroups}
 * assigns each new document to the group of an earlier version it resembles, and
 * {@link org.wenshi.ingest.dedup.IndexedFingerprints} finds those earlier versions in the index, so
 * groups span runs. Exact copies stay the business of the content hash.
 */
package org.wenshi.ingest.dedup;
