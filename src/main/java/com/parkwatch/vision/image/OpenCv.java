package com.parkwatch.vision.image;

import org.opencv.core.Core;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Loads OpenCV's native library once per process, and has it work on the calling thread only: every call the
 * engine makes is on a small image or a small part of one, where OpenCV's worker threads cost more CPU (handing
 * out, waiting) than they save, and on the kiosk's two cores the other core is the decoder's and the screen's.
 */
public final class OpenCv {

    private static final Logger LOG = LoggerFactory.getLogger(OpenCv.class);
    /** The library inside openpnp's jar; after an upgrade that renames it, the cache is simply not used. */
    private static final String LIBRARY = "libopencv_java490.so";
    private static final String LINUX_LIBRARY = "/nu/pattern/opencv/linux/x86_64/" + LIBRARY;

    private static boolean loaded;

    private OpenCv() {
    }

    public static synchronized void load() {
        if (!loaded) {
            loadLibrary();
            Core.setNumThreads(1);
            loaded = true;
        }
    }

    /**
     * openpnp's loader copies its 65 MB library into a new temporary folder at every start, a third of a second of
     * the kiosk's start-up: on Linux x86-64 the copy is kept in the user's cache instead, made once per
     * version of the library.
     */
    private static void loadLibrary() {
        URL library = OpenCv.class.getResource(LINUX_LIBRARY);
        if (library == null || !"amd64".equals(System.getProperty("os.arch"))) {
            nu.pattern.OpenCV.loadLocally();
            return;
        }
        try {
            System.load(cachedCopy(library, cacheFolder()).toString());
        } catch (IOException | UnsatisfiedLinkError e) {
            LOG.debug("OpenCV from the cache failed ({}); the temporary copy instead", e.toString());
            nu.pattern.OpenCV.loadLocally();
        }
    }

    /** The library copied under the folder, once: a copy of the right size is used as it is. */
    static Path cachedCopy(URL library, Path folder) throws IOException {
        long size = library.openConnection().getContentLengthLong();
        Path copy = folder.resolve("opencv-" + size).resolve(LIBRARY);
        if (Files.isRegularFile(copy) && Files.size(copy) == size) {
            return copy;
        }
        Files.createDirectories(copy.getParent());
        // Written aside and moved in whole: another process starting at the same time never loads half a file.
        Path partial = Files.createTempFile(copy.getParent(), "opencv", ".part");
        try (InputStream in = library.openStream()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        return copy;
    }

    private static Path cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("parkwatch");
    }
}
