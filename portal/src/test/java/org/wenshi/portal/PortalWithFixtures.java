package org.wenshi.portal;

import org.junit.jupiter.api.BeforeAll;

/** {@link PortalWithIndex} filled with {@link Fixtures#documents()}: the base of most portal ITs. */
public abstract class PortalWithFixtures extends PortalWithIndex {

    @BeforeAll
    static void indexFixtures() throws Exception {
        index.index(Fixtures.documents());
    }
}
