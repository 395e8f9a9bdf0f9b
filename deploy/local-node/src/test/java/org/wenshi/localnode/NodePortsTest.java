package org.wenshi.localnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodePortsTest {

    private static final NodeLayout HOME_A = new NodeLayout(Path.of("/root/.wenshi"));
    private static final NodeLayout HOME_B = new NodeLayout(Path.of("/work/main/target/test-home"));

    @Test
    void sameHomeAlwaysGetsSamePorts() {
        assertThat(NodePorts.derive(new NodeLayout(Path.of("/root/.wenshi")))).isEqualTo(NodePorts.derive(HOME_A));
        assertThat(NodePorts.derive(new NodeLayout(Path.of("/root/./.wenshi/"))))
                .as("the same folder spelled differently")
                .isEqualTo(NodePorts.derive(HOME_A));
    }

    @Test
    void differentHomesGetDifferentPorts() {
        assertThat(NodePorts.derive(HOME_A)).isNotEqualTo(NodePorts.derive(HOME_B));
        Set<Integer> httpPorts = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            httpPorts.add(NodePorts.derive(new NodeLayout(Path.of("/home/dev/checkout-" + i + "/target/test-home")))
                    .http());
        }
        assertThat(httpPorts).as("20 homes spread over 400 pairs").hasSizeGreaterThan(15);
    }

    @Test
    void transportFollowsHttpInsideTheRange() {
        for (NodeLayout layout : new NodeLayout[] {HOME_A, HOME_B}) {
            NodePorts ports = NodePorts.derive(layout);
            assertThat(ports.transport()).isEqualTo(ports.http() + 1);
            assertThat(ports.http()).isBetween(19200, 19998).matches(port -> port % 2 == 0, "even");
        }
    }

    @Test
    void takesDerivedPairWhenFree() {
        assertThat(NodePorts.choose(HOME_A, port -> true)).isEqualTo(NodePorts.derive(HOME_A));
    }

    @Test
    void skipsToNextPairWhenEitherPortIsTaken() {
        NodePorts derived = NodePorts.derive(HOME_A);
        NodePorts chosen = NodePorts.choose(HOME_A, port -> port != derived.transport());
        assertThat(chosen.http()).isEqualTo(derived.http() == 19998 ? 19200 : derived.http() + 2);
        assertThat(chosen.transport()).isEqualTo(chosen.http() + 1);
    }

    @Test
    void failsWhenNoPairIsFree() {
        assertThatThrownBy(() -> NodePorts.choose(HOME_A, port -> false))
                .isInstanceOf(LocalNodeException.class)
                .hasMessageContaining("no free pair of ports");
    }
}
