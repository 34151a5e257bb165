package io.github.nbworkbench.kernel.magic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PomDependenciesTest {
    @Test
    void aFragmentOfLooseElementsAsInIJavasDocumentation() {
        PomDependencies pom = PomDependencies.parse("""
                <repository>
                  <id>snapshots</id>
                  <url>https://example.org/snapshots/</url>
                </repository>

                <dependency>
                  <groupId>org.apache.commons</groupId>
                  <artifactId>commons-text</artifactId>
                  <version>1.10.0</version>
                </dependency>
                """);
        assertEquals(List.of("org.apache.commons:commons-text:jar:1.10.0"), pom.coordinates());
        assertEquals(List.of(new PomDependencies.Repository("snapshots", "https://example.org/snapshots/")), pom.repositories());
    }

    @Test
    void aWholePomWithPropertiesClassifiersAndScopes() {
        PomDependencies pom = PomDependencies.parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <properties><text.version>1.10.0</text.version></properties>
                  <dependencies>
                    <dependency>
                      <groupId>org.apache.commons</groupId><artifactId>commons-text</artifactId>
                      <version>${text.version}</version>
                    </dependency>
                    <dependency>
                      <groupId>org.nd4j</groupId><artifactId>nd4j-native</artifactId><version>1.0.0-M2.1</version>
                      <classifier>linux-x86_64</classifier>
                    </dependency>
                    <dependency>
                      <groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.14.1</version>
                      <scope>test</scope>
                    </dependency>
                  </dependencies>
                  <build><plugins><plugin><dependencies><dependency>
                    <groupId>not</groupId><artifactId>this</artifactId><version>1</version>
                  </dependency></dependencies></plugin></plugins></build>
                </project>
                """);
        assertEquals(List.of("org.apache.commons:commons-text:jar:1.10.0",
                "org.nd4j:nd4j-native:jar:linux-x86_64:1.0.0-M2.1"), pom.coordinates());
        assertEquals(List.of("org.junit.jupiter:junit-jupiter:jar:5.14.1"), pom.skipped());
    }

    @Test
    void aDependencyWithoutVersionOrAnUndefinedPropertyIsNamed() {
        MagicException noVersion = assertThrows(MagicException.class, () -> PomDependencies.parse(
                "<dependency><groupId>g</groupId><artifactId>a</artifactId></dependency>"));
        assertTrue(noVersion.getMessage().contains("g:a") && noVersion.getMessage().contains("<version>"), noVersion.getMessage());
        MagicException undefined = assertThrows(MagicException.class, () -> PomDependencies.parse(
                "<dependency><groupId>g</groupId><artifactId>a</artifactId><version>${v}</version></dependency>"));
        assertTrue(undefined.getMessage().contains("${v}"), undefined.getMessage());
    }

    @Test
    void brokenXmlAndAnEmptyCellSayWhatIsWrong() {
        assertTrue(assertThrows(MagicException.class, () -> PomDependencies.parse("<dependency>"))
                .getMessage().contains("not well-formed"));
        assertTrue(assertThrows(MagicException.class, () -> PomDependencies.parse("<foo/>"))
                .getMessage().contains("no <dependency>"));
    }
}
