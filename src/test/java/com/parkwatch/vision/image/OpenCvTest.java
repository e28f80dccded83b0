package com.parkwatch.vision.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class OpenCvTest {

    @TempDir
    Path cache;

    @Test
    void keepsOneCopyOfTheLibraryAndMendsAPartialOne() throws Exception {
        Path original = cache.resolve("original.so");
        Files.write(original, new byte[]{1, 2, 3, 4, 5, 6, 7, 8});
        URL library = original.toUri().toURL();
        Path copy = OpenCv.cachedCopy(library, cache.resolve("parkwatch"));
        assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(copy));

        FileTime made = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(copy, made);
        assertEquals(copy, OpenCv.cachedCopy(library, cache.resolve("parkwatch")));
        assertEquals(made, Files.getLastModifiedTime(copy), "a good copy is used as it is, not written again");

        Files.write(copy, new byte[]{1, 2, 3});
        OpenCv.cachedCopy(library, cache.resolve("parkwatch"));
        assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(copy), "a cut-off copy is replaced");
        try (var files = Files.list(copy.getParent())) {
            assertEquals(1, files.count(), "no partial files left beside the copy");
        }
    }
}
