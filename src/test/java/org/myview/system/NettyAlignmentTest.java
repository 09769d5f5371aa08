package org.myview.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.util.Version;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One Netty (issue 22, item 5): every Netty module on the class path is the same version, the one the pom's
 * netty-bom names. Netty writes META-INF/io.netty.versions.properties into each of its jars; a module left at
 * another version (the request-parsing code of netty-codec-http once was) fails the build here.
 */
class NettyAlignmentTest {

    private static final String EXPECTED = "4.2.18.Final";

    @Test
    void everyNettyModuleIsTheSameVersion() {
        Map<String, String> versions = Version.identify().values().stream()
                .collect(Collectors.toMap(Version::artifactId, Version::artifactVersion, (a, b) -> a, TreeMap::new));
        assertTrue(versions.containsKey("netty-codec-http"), "netty-codec-http is on the class path: " + versions);
        assertTrue(versions.containsKey("netty-transport"), "netty-transport is on the class path: " + versions);
        Map<String, String> others = versions.entrySet().stream()
                .filter(e -> !e.getValue().equals(EXPECTED))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        assertEquals(Map.of(), others, "Netty modules not at " + EXPECTED + " (align them with io.netty:netty-bom in pom.xml)");
    }
}
