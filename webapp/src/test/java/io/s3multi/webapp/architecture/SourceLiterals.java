package io.s3multi.webapp.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The string literals a class's source file spells (comments left out). Read from the source, not the class file:
 * javac copies every {@code static final String} it uses into the user's constant pool, so a class file cannot
 * tell a name spelled in a class from a constant of the contract that the class refers to.
 */
final class SourceLiterals {

    /** Every module's {@code src/main/java} and {@code src/test/java}, below the project's root. */
    private static final List<Path> SOURCE_ROOTS = sourceRoots();

    private SourceLiterals() {
    }

    /** The literals of the source file {@code javaClass} was compiled from. */
    static List<String> of(JavaClass javaClass) {
        String fileName = javaClass.getSource().flatMap(Source::getFileName)
                .orElseThrow(() -> new IllegalStateException("no source file name in " + javaClass.getName()));
        String relative = javaClass.getPackageName().replace('.', '/') + "/" + fileName;
        Path file = SOURCE_ROOTS.stream().map(root -> root.resolve(relative)).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalStateException("no source for " + javaClass.getName() + " in "
                        + SOURCE_ROOTS));
        try {
            return literals(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contents of the string literals and text blocks in {@code java}, escapes as written. */
    static List<String> literals(String java) {
        List<String> found = new ArrayList<>();
        int i = 0;
        while (i < java.length()) {
            if (java.startsWith("//", i)) {
                i = endOf(java, "\n", i + 2);
            } else if (java.startsWith("/*", i)) {
                i = endOf(java, "*/", i + 2);
            } else if (java.startsWith("\"\"\"", i)) {
                int end = closing(java, "\"\"\"", i + 3);
                found.add(java.substring(i + 3, end));
                i = end + 3;
            } else if (java.charAt(i) == '"') {
                int end = closing(java, "\"", i + 1);
                found.add(java.substring(i + 1, end));
                i = end + 1;
            } else if (java.charAt(i) == '\'') {
                i = closing(java, "'", i + 1) + 1;
            } else {
                i++;
            }
        }
        return found;
    }

    private static int endOf(String java, String terminator, int from) {
        int end = java.indexOf(terminator, from);
        return end < 0 ? java.length() : end + terminator.length();
    }

    /** Where the unescaped {@code quote} that closes a literal begins. */
    private static int closing(String java, String quote, int from) {
        int i = from;
        while (i < java.length() && !java.startsWith(quote, i)) {
            i += java.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, java.length());
    }

    private static List<Path> sourceRoots() {
        Path module = Path.of(Optional.ofNullable(System.getProperty("basedir")).orElse("")).toAbsolutePath();
        Path project = Files.isDirectory(module.resolve("webapp")) ? module : module.getParent();
        try (Stream<Path> modules = Files.list(project)) {
            return modules.flatMap(m -> Stream.of(m.resolve("src/main/java"), m.resolve("src/test/java")))
                    .filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
