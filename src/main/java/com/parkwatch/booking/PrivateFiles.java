package com.parkwatch.booking;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files that hold drivers' plates and codes or the operator's token are created readable by their owner only
 * (0600), whatever the process's umask: the permission is given at creation, never widened later.
 */
public final class PrivateFiles {

    private PrivateFiles() {
    }

    /** Creates an empty file readable and writable by its owner only; an existing file is left as it is. */
    public static void create(Path file) throws IOException {
        try {
            Files.createFile(file, ownerOnly());
        } catch (FileAlreadyExistsException e) {
            // Made before, with the permissions it was given then.
        }
    }

    /** Writes a new file readable and writable by its owner only; fails if it exists. */
    public static void write(Path file, byte[] content) throws IOException {
        Files.createFile(file, ownerOnly());
        Files.write(file, content);
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }
}
